package com.starkiller.images.embedded;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * {@code REDIS_URL}, the variable the original service read, sets {@code spring.data.redis.url}
 * only when it has a value: an empty URL beside a configured Redis Cluster or Sentinel would be
 * read as a malformed address.
 */
class RedisUrlVariable implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String url = environment.getProperty("REDIS_URL");
		if (StringUtils.hasText(url)) {
			// Last: a --spring.data.redis.url or SPRING_DATA_REDIS_URL still wins.
			environment.getPropertySources().addLast(new MapPropertySource("REDIS_URL", Map.of("spring.data.redis.url", url)));
		}
	}

}
