package com.starkiller.images.assets;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
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

	@Bean
	FilterRegistrationBean<PreferredEncoding> preferredEncoding() {
		FilterRegistrationBean<PreferredEncoding> registration = new FilterRegistrationBean<>(new PreferredEncoding());
		registration.addUrlPatterns("/assets/*", "/webjars/*");
		return registration;
	}

}
