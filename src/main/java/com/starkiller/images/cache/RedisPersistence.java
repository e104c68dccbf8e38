package com.starkiller.images.cache;

import java.util.Optional;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Warns once at start when Redis keeps its data on disk. The caches rely on a Redis that comes back
 * empty after a restart: one that reloads a snapshot (or its append-only file) brings back entries
 * that writes made since have replaced, and serves them until they expire. Redis is asked with
 * {@code CONFIG GET}; where that command is not allowed (some managed services), nothing is said.
 */
class RedisPersistence {

	private static final Logger log = LoggerFactory.getLogger(RedisPersistence.class);

	private final RedisConnectionFactory redis;

	RedisPersistence(RedisConnectionFactory redis) {
		this.redis = redis;
	}

	@EventListener(ApplicationReadyEvent.class)
	void check() {
		warning().ifPresent(log::warn);
	}

	/** What to warn of, if Redis (any node of a cluster) saves snapshots or keeps an append-only file. */
	Optional<String> warning() {
		Properties settings = new Properties();
		try (RedisConnection connection = this.redis.getConnection()) {
			settings.putAll(connection.serverCommands().getConfig("save"));
			settings.putAll(connection.serverCommands().getConfig("appendonly"));
		}
		catch (RuntimeException ex) {
			log.debug("Redis's persistence settings not read: {}", ex.toString());
			return Optional.empty();
		}
		boolean persists = settings.stringPropertyNames()
			.stream()
			.anyMatch((name) -> (name.endsWith("save") && !settings.getProperty(name).isBlank())
					|| (name.endsWith("appendonly") && "yes".equalsIgnoreCase(settings.getProperty(name))));
		return persists ? Optional.of("Redis keeps its data on disk (" + settings + "): after a restart it reloads "
				+ "cache entries that writes made since may have replaced, and serves them until they expire. Run it "
				+ "as a cache: save \"\" and appendonly no (README, Redis)") : Optional.empty();
	}

}
