package com.starkiller.images.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
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

}
