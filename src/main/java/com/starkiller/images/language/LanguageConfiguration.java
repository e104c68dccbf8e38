package com.starkiller.images.language;

import java.time.Duration;

import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessageSourceProperties.class)
class LanguageConfiguration implements WebMvcConfigurer {

	/** Spring MVC finds it by this name. */
	@Bean
	LocaleResolver localeResolver() {
		return new LanguageResolver();
	}

	/**
	 * In place of Spring Boot's own (which steps back for a bean of this name), from the same
	 * {@code spring.messages} settings but for {@code common-messages}, which this app does not use.
	 */
	@Bean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
	MessageSource messageSource(MessageSourceProperties properties) {
		InterfaceMessages messages = new InterfaceMessages();
		messages.setBasenames(properties.getBasename().toArray(String[]::new));
		if (properties.getEncoding() != null) {
			messages.setDefaultEncoding(properties.getEncoding().name());
		}
		messages.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
		Duration cacheDuration = properties.getCacheDuration();
		if (cacheDuration != null) {
			messages.setCacheMillis(cacheDuration.toMillis());
		}
		messages.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
		messages.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
		return messages;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new LanguageLinks());
	}

}
