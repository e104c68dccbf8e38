package com.starkiller.images.assets;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;

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
		registration.setUrlPatterns(assetPatterns(mvc));
		// First, so that a revalidation's 304 says Vary: Accept-Encoding too.
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
		return registration;
	}

	/** Revalidations of an asset by the hash in its name, and no range on a condition ({@link AssetRevalidation}). */
	@Bean
	FilterRegistrationBean<AssetRevalidation> assetRevalidation(WebMvcProperties mvc, WebProperties web) {
		CacheControl cacheControl = web.getResources().getCache().getCachecontrol().toHttpCacheControl();
		FilterRegistrationBean<AssetRevalidation> registration = new FilterRegistrationBean<>(
				new AssetRevalidation((cacheControl != null) ? cacheControl.getHeaderValue() : null));
		registration.setUrlPatterns(assetPatterns(mvc));
		registration.setOrder(Ordered.LOWEST_PRECEDENCE);
		return registration;
	}

	private static List<String> assetPatterns(WebMvcProperties mvc) {
		return Stream.of(mvc.getStaticPathPattern(), mvc.getWebjarsPathPattern())
			.map(OwnAssets::prefix)
			.filter(Objects::nonNull)
			.map((prefix) -> prefix + "*")
			.toList();
	}

}
