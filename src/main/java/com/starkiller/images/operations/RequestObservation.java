package com.starkiller.images.operations;

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

/**
 * Boot's HTTP observation filter, registered after the kept-pages filter instead of before it: a
 * page served from memory is counted by that filter's own counters, not observed.
 */
@Configuration(proxyBeanMethods = false)
class RequestObservation {

	@Bean
	FilterRegistrationBean<ServerHttpObservationFilter> webMvcObservationFilter(ObservationRegistry registry,
			ObjectProvider<ServerRequestObservationConvention> convention, ObservationProperties properties) {
		String name = properties.getHttp().getServer().getRequests().getName();
		ServerHttpObservationFilter filter = new ServerHttpObservationFilter(registry,
				convention.getIfAvailable(() -> new DefaultServerRequestObservationConvention(name)));
		FilterRegistrationBean<ServerHttpObservationFilter> registration = new FilterRegistrationBean<>(filter);
		// After ResponseTimeFilter (HIGHEST_PRECEDENCE) the security headers and host check (+ 1) and the kept pages (+ 2).
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
		return registration;
	}

}
