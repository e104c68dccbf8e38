package com.starkiller.images.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Decides when the app starts its own MongoDB and Redis: only when none is configured. */
final class EmbeddedServers {

	static final String LOOPBACK = "127.0.0.1";

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

	static int freePort() {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(LOOPBACK, 0));
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port on " + LOOPBACK, ex);
		}
	}

	static final class NoMongoConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !anySet(context.getEnvironment(), "spring.mongodb.uri", "spring.mongodb.host");
		}

	}

	static final class NoRedisConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !anySet(context.getEnvironment(), "spring.data.redis.url", "spring.data.redis.host");
		}

	}

}
