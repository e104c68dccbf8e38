package com.starkiller.images.warmup;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.ServerRequestObservationContext;

import com.starkiller.images.listing.ListingService;
import com.starkiller.images.web.SiteProperties;

/** The warm-up of a web server's start, unless {@code starkiller.warmup.enabled} is false. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "starkiller.warmup.enabled", matchIfMissing = true)
class WarmupConfiguration {

	@Bean
	WarmupTraffic warmupTraffic() {
		return new WarmupTraffic();
	}

	/** Before the request observation (+ 2) and the kept pages (+ 4), which it tells about the request. */
	@Bean
	FilterRegistrationBean<WarmupTraffic> warmupTrafficFilter(WarmupTraffic traffic) {
		FilterRegistrationBean<WarmupTraffic> registration = new FilterRegistrationBean<>(traffic);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	/**
	 * The warm-up's requests are no traffic: in {@code http.server.requests} they would show load
	 * that no balancer sent and put cold, interpreted latencies into the histograms that alerts
	 * watch. {@code starkiller.warmup.requests} counts them instead.
	 */
	@Bean
	ObservationPredicate warmupUnobserved(WarmupTraffic traffic) {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request
				&& traffic.sentBy(request.getCarrier()));
	}

	@Bean
	Warmup warmup(WarmupProperties properties, ListingService listings, WarmupTraffic traffic, SiteProperties site,
			MeterRegistry meters, ConfigurableApplicationContext context) {
		return new Warmup(properties, listings, traffic, site, meters, context);
	}

}
