package com.starkiller.images.operations;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.DispatcherType;

import org.springframework.boot.micrometer.observation.autoconfigure.ObservationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.web.filter.ServerHttpObservationFilter;

import com.starkiller.images.web.KeptPages;

/**
 * Boot's HTTP observation filter ({@code http.server.requests}), registered just before the kept
 * pages, so an answer served from memory is counted under its route and status like a rendered
 * one; the tag {@code kept} tells the two apart. Refusals of the filters before it (a host not
 * allowed, a Content-Type that names no one type) are not observed.
 */
@Configuration(proxyBeanMethods = false)
class RequestObservation {

	static final String KEPT = "kept";

	@Bean
	FilterRegistrationBean<ServerHttpObservationFilter> webMvcObservationFilter(ObservationRegistry registry,
			ObservationProperties properties) {
		String name = properties.getHttp().getServer().getRequests().getName();
		ServerHttpObservationFilter filter = new ServerHttpObservationFilter(registry, new KeptOrRendered(name));
		FilterRegistrationBean<ServerHttpObservationFilter> registration = new FilterRegistrationBean<>(filter);
		// After ResponseTimeFilter and the security headers (HIGHEST_PRECEDENCE), the host and
		// Content-Type checks (+ 1); before the answer to MongoDB out of reach (+ 3) and the kept
		// pages (+ 4).
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
		return registration;
	}

	/** Spring's tags (method, uri, status, outcome, exception) and whether the answer was a kept one. */
	static final class KeptOrRendered extends DefaultServerRequestObservationConvention {

		KeptOrRendered(String name) {
			super(name);
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
			return super.getLowCardinalityKeyValues(context)
				.and(KEPT, String.valueOf(KeptPages.answered(context.getCarrier())));
		}

	}

}
