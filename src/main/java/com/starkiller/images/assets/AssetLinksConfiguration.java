package com.starkiller.images.assets;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/** {@link AssetLinks} in place of Spring's {@code ResourceUrlEncodingFilter}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AssetLinksConfiguration {

	/** Boot registers its own filter only when no registration of one exists: this one is disabled. */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	FilterRegistrationBean<AssetLinks> assetLinks(ResourceUrlProvider mvcResourceUrlProvider) {
		FilterRegistrationBean<AssetLinks> registration = new FilterRegistrationBean<>(
				new AssetLinks(mvcResourceUrlProvider));
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

}
