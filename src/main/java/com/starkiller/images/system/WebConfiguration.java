package com.starkiller.images.system;

import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationConvention;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// After htmx's own interceptor, which adds "Vary: HX-Request" to htmx requests only.
		registry.addInterceptor(new VaryHeaders())
			.addPathPatterns("/listings/**", "/images/**", "/reviews/**", "/embed/**")
			.order(Ordered.LOWEST_PRECEDENCE);
	}

	/**
	 * Boot's HTTP observation filter, registered after the rendered-page filter instead of before
	 * it: a page served from memory is counted by that filter's own counters, not observed.
	 */
	@Bean
	FilterRegistrationBean<ServerHttpObservationFilter> webMvcObservationFilter(ObservationRegistry registry,
			ObjectProvider<ServerRequestObservationConvention> convention, ObservationProperties properties) {
		String name = properties.getHttp().getServer().getRequests().getName();
		ServerHttpObservationFilter filter = new ServerHttpObservationFilter(registry,
				convention.getIfAvailable(() -> new DefaultServerRequestObservationConvention(name)));
		FilterRegistrationBean<ServerHttpObservationFilter> registration = new FilterRegistrationBean<>(filter);
		// After ResponseTimeFilter (HIGHEST_PRECEDENCE) and RenderedPages (+ 1).
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
		return registration;
	}

}
