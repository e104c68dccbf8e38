package com.starkiller.images.web;

import org.apache.catalina.core.StandardHost;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
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

	/**
	 * Request bodies are read as written, or refused 400: no number with a fraction cut to a whole
	 * one ({@code "rating": 4.7} is not 4), no number or boolean taken as text, no text as a number,
	 * and no property given twice (which one would count is not the client's to guess).
	 */
	@Bean
	JsonMapperBuilderCustomizer strictRequestBodies() {
		return (builder) -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.withCoercionConfig(LogicalType.Textual, (text) -> {
				for (CoercionInputShape shape : new CoercionInputShape[] { CoercionInputShape.Integer,
						CoercionInputShape.Float, CoercionInputShape.Boolean }) {
					text.setCoercion(shape, CoercionAction.Fail);
				}
			});
	}

	/** Requests Tomcat refuses before the application get our error page too ({@link ProtocolErrors}). */
	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> protocolErrors() {
		return (factory) -> factory.addContextCustomizers((context) -> ((StandardHost) context.getParent())
			.setErrorReportValveClass(ProtocolErrors.class.getName()));
	}

}
