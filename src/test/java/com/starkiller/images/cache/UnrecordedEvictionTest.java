package com.starkiller.images.cache;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.starkiller.images.AppInstance;
import com.starkiller.images.ProxiedInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A write made while Redis is away, whose pending eviction MongoDB does not take (it stalls just
 * after storing the write): the write is not acknowledged, since a read might still serve the old
 * value, and once Redis and MongoDB are back it is what every read gets. Before, the failure ended
 * the write's cache step: the write answered 200 at once, Redis kept the old listing for its whole
 * TTL, and reads after Redis came back served it.
 */
class UnrecordedEvictionTest {

	private static ProxiedInstance instance;

	private static AppInstance app;

	@BeforeAll
	static void start() {
		// Redis is tried again only 20 s after a failure: the write below finds it marked down, so its
		// new value never reaches Redis, and only the pending eviction can put it there.
		instance = ProxiedInstance.start("starkiller.cache.redis-retry-after=20s");
		app = instance.app();
	}

	@AfterAll
	static void stop() {
		instance.close();
	}

	@Test
	@Timeout(value = 3, unit = TimeUnit.MINUTES)
	void aWriteWhosePendingEvictionMongoDoesNotTakeIsNotAcknowledgedButIsReadOnceBothAreBack() {
		HttpResponse<String> created = app.http()
			.json("POST", "/api/listings", "{\"name\":\"Before the outage\",\"location\":{\"city\":\"Tromsø\","
					+ "\"country\":\"Norway\"}}", AppInstance.AUTH);
		assertThat(created.statusCode()).isEqualTo(201);
		Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(created.body());
		assertThat(id.find()).isTrue();
		String path = "/api/listings/" + id.group(1);
		// Read once, so Redis holds the listing as it is now.
		assertThat(app.http().get(path).body()).contains("Before the outage");

		instance.redis().freeze();
		// A lookup of an id nobody holds meets the hung Redis and marks it down.
		app.http().get("/api/listings/913502");
		assertThat(app.bean(RedisCircuitBreaker.class).isOpen()).isTrue();
		instance.mongo().cutWhenSent(PendingEvictions.COLLECTION);
		try {
			HttpResponse<String> renamed = app.http()
				.json("PATCH", path, "{\"name\":\"After the outage\"}", AppInstance.AUTH);
			// Stored, but not acknowledged: as when MongoDB is out of reach.
			assertThat(renamed.statusCode()).isEqualTo(503);
			assertThat(renamed.headers().firstValue("Retry-After")).isPresent();
		}
		finally {
			instance.mongo().cutWhenSent(null);
			instance.redis().thaw();
		}

		// Until Redis is tried again (20 s after it was marked down), reads skip it and find the write
		// in MongoDB; the first read after that finds Redis back.
		RedisCircuitBreaker breaker = app.bean(RedisCircuitBreaker.class);
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
			app.http().get(path);
			return !breaker.isOpen();
		});
		for (int read = 0; read < 3; read++) {
			HttpResponse<String> answer = app.http().get(path);
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(answer.body()).as("read %d after Redis came back", read).contains("After the outage");
		}
	}

}
