package com.starkiller.images.assets;

import java.util.List;

import jakarta.servlet.ServletContext;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/** The asset archive, unless {@code starkiller.assets.archive} is false. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "starkiller.assets.archive", matchIfMissing = true)
class AssetArchiveConfiguration {

	@Bean
	OwnAssets ownAssets(ResourceUrlProvider urls, ApplicationContext files, ServletContext servletContext,
			WebProperties web, WebMvcProperties mvc) {
		return new OwnAssets(urls, files, servletContext, List.of(web.getResources().getStaticLocations()),
				mvc.getStaticPathPattern(), mvc.getWebjarsPathPattern());
	}

	@Bean
	AssetArchive assetArchive(MongoTemplate mongo) {
		return new AssetArchive(mongo);
	}

	@Bean
	ArchiveOwnAssets archiveOwnAssets(OwnAssets own, AssetArchive archive) {
		return new ArchiveOwnAssets(own, archive);
	}

	/** Only on the asset prefixes, and last, after every other filter's checks. */
	@Bean
	FilterRegistrationBean<ArchivedAssets> archivedAssets(OwnAssets own, AssetArchive archive) {
		FilterRegistrationBean<ArchivedAssets> registration = new FilterRegistrationBean<>(new ArchivedAssets(own, archive));
		registration.setUrlPatterns(own.prefixes().stream().map((prefix) -> prefix + "*").toList());
		registration.setOrder(Ordered.LOWEST_PRECEDENCE);
		return registration;
	}

}
