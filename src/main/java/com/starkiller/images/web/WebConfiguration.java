package com.starkiller.images.web;

import org.apache.catalina.core.StandardHost;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
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

	/** Requests Tomcat refuses before the application get our error page too ({@link ProtocolErrors}). */
	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> protocolErrors() {
		return (factory) -> factory.addContextCustomizers((context) -> ((StandardHost) context.getParent())
			.setErrorReportValveClass(ProtocolErrors.class.getName()));
	}

}
