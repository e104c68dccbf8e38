package com.starkiller.images.cache;

import java.time.Duration;

import com.starkiller.images.ProxiedInstance;

import static org.awaitility.Awaitility.await;

/** A proxied instance's Redis hangs, and the instance has marked it down. */
final class RedisMarkedDown {

	private RedisMarkedDown() {
	}

	/**
	 * Freezes its Redis; a lookup of an id nobody holds meets it and marks it down (again, if the
	 * instance forgave the first timeout as its own pause: on a busy machine its pause watch can wake
	 * late).
	 */
	static void on(ProxiedInstance instance) {
		instance.redis().freeze();
		RedisCircuitBreaker breaker = instance.app().bean(RedisCircuitBreaker.class);
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
			instance.app().http().get("/api/listings/913502");
			return breaker.isOpen();
		});
	}

}
