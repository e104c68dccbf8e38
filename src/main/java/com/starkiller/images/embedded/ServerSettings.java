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
					"spring.data.redis.url (REDIS_URL) is not a Redis URL, such as redis://host:6379: "
							+ withoutCredentials(redis) + " (a password's reserved characters, such as / # @ ?, are "
							+ "written percent-encoded)");
		}
	}

	/** The URL as it may be logged: what comes before its last {@code @} (a user and password) hidden. */
	static String withoutCredentials(String url) {
		int at = url.lastIndexOf('@');
		if (at < 0) {
			return url;
		}
		int scheme = url.indexOf("://");
		return ((scheme >= 0 && scheme < at) ? url.substring(0, scheme + 3) : "") + "***@" + url.substring(at + 1);
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
