package com.starkiller.images.embedded;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Decides when the app starts its own MongoDB and Redis: only when none is configured. */
final class EmbeddedServers {

	static final String[] MONGO_SETTINGS = { "spring.mongodb.uri", "spring.mongodb.host" };

	static final String[] REDIS_SETTINGS = { "spring.data.redis.url", "spring.data.redis.host",
			"spring.data.redis.cluster.nodes", "spring.data.redis.sentinel.master" };

	private EmbeddedServers() {
	}

	static boolean anySet(Environment environment, String... properties) {
		for (String property : properties) {
			if (StringUtils.hasText(environment.getProperty(property))) {
				return true;
			}
		}
		return false;
	}

	static final class NoMongoConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !anySet(context.getEnvironment(), MONGO_SETTINGS);
		}

	}

	static final class NoRedisConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !anySet(context.getEnvironment(), REDIS_SETTINGS);
		}

	}

}
