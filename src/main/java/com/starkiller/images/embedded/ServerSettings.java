package com.starkiller.images.embedded;

import java.net.URI;

import com.mongodb.ConnectionString;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The servers' addresses are checked before anything starts: a malformed {@code MONGODB_URI} or
 * {@code REDIS_URL} stops the start with a message that names the setting, instead of a failure
 * deep in a driver later.
 */
@Configuration(proxyBeanMethods = false)
class ServerSettings {

	@Bean
	static BeanFactoryPostProcessor serverSettingsCheck(Environment environment) {
		return (beans) -> check(environment);
	}

	static void check(Environment environment) {
		String mongo = environment.getProperty("spring.mongodb.uri");
		if (StringUtils.hasText(mongo)) {
			try {
				new ConnectionString(mongo);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("spring.mongodb.uri (MONGODB_URI) is not a MongoDB connection string, "
						+ "such as mongodb://host:27017/starkiller: " + ex.getMessage());
			}
		}
		String redis = environment.getProperty("spring.data.redis.url");
		if (StringUtils.hasText(redis) && !isRedisUrl(redis)) {
			throw new IllegalStateException(
					"spring.data.redis.url (REDIS_URL) is not a Redis URL, such as redis://host:6379: " + redis);
		}
	}

	private static boolean isRedisUrl(String url) {
		try {
			URI uri = URI.create(url);
			return ("redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme()))
					&& StringUtils.hasText(uri.getHost());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
