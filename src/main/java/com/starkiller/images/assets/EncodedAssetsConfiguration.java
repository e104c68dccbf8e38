package com.starkiller.images.assets;

import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Assets precompressed at build time (frontend/build.mjs writes a .br and a .gz beside each text
 * file) are served by Spring's resource chain ({@code spring.web.resources.chain.compressed}): br
 * when the client accepts it, else gzip, else the file itself ({@link PreferredEncoding} makes it
 * choose in that order, and adds the {@code Vary} every one of those answers needs).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class EncodedAssetsConfiguration {

	/** On the asset prefixes as configured ({@code spring.mvc.static-path-pattern}, the WebJars'). */
	@Bean
	FilterRegistrationBean<PreferredEncoding> preferredEncoding(WebMvcProperties mvc) {
		FilterRegistrationBean<PreferredEncoding> registration = new FilterRegistrationBean<>(new PreferredEncoding());
		registration.setUrlPatterns(Stream.of(mvc.getStaticPathPattern(), mvc.getWebjarsPathPattern())
			.map(OwnAssets::prefix)
			.filter(Objects::nonNull)
			.map((prefix) -> prefix + "*")
			.toList());
		return registration;
	}

}
