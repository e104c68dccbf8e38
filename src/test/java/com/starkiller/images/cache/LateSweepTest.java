package com.starkiller.images.cache;

import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.starkiller.images.AppInstance;
import com.starkiller.images.ProxiedInstance;
import com.starkiller.images.TestServers;
import com.starkiller.images.listing.ListingService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three instances on one MongoDB and one Redis. The writer cannot reach Redis, so its write goes to
 * the pending evictions; another instance's sweep refreshes the key in Redis; a third instance,
 * whose own sweep has not come round (here it sweeps only at its start), holds the old value in
 * its near cache. Once the write is acknowledged, that third instance serves the new value: the
 * sweep that refreshed Redis told every instance to drop its copy. Before, it told none, and the
 * third instance served the old value until its near copy expired (a minute), since the key had
 * left the pending evictions before its own sweep could see it.
 */
class LateSweepTest {

	private static final String DATABASE = "late-sweep";

	/** Kept for this test by {@link ProxiedInstance}. */
	private static final int REDIS_DATABASE = 13;

	private static AppInstance late;

	private static AppInstance sweeper;

	private static ProxiedInstance writer;

	@BeforeAll
	static void start() {
		String[] shared = { "spring.mongodb.uri=" + TestServers.mongoUri(DATABASE),
				"spring.data.redis.url=" + TestServers.redisUrl() + "/" + REDIS_DATABASE };
		late = AppInstance.start(shared[0], shared[1], "starkiller.cache.pending-sweep=1h");
		sweeper = AppInstance.start(shared[0], shared[1], "starkiller.cache.pending-sweep=200ms");
		// Marked down, Redis stays skipped for the whole test.
		writer = ProxiedInstance.sharing(DATABASE, REDIS_DATABASE, "starkiller.cache.redis-retry-after=10m");
	}

	@AfterAll
	static void stop() {
		writer.redis().thaw();
		writer.close();
		sweeper.close();
		late.close();
	}

	@Test
	@Timeout(value = 2, unit = TimeUnit.MINUTES)
	void anInstanceWhoseSweepComesLateServesAnAcknowledgedWriteMadeWithoutRedis() {
		HttpResponse<String> created = late.http()
			.json("POST", "/api/listings", "{\"name\":\"Before the sweep\",\"location\":{\"city\":\"Bodø\","
					+ "\"country\":\"Norway\"}}", AppInstance.AUTH);
		assertThat(created.statusCode()).isEqualTo(201);
		Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(created.body());
		assertThat(id.find()).isTrue();
		String path = "/api/listings/" + id.group(1);
		// Read twice: the second read is answered from the near cache, which holds the old name now.
		assertThat(late.http().get(path).body()).contains("Before the sweep");
		double nearHits = nearHits();
		assertThat(late.http().get(path).body()).contains("Before the sweep");
		assertThat(nearHits()).isGreaterThan(nearHits);

		RedisMarkedDown.on(writer);
		HttpResponse<String> renamed = writer.app()
			.http()
			.json("PATCH", path, "{\"name\":\"After the sweep\"}", AppInstance.AUTH);
		assertThat(renamed.statusCode()).isEqualTo(200);

		for (int read = 0; read < 3; read++) {
			assertThat(late.http().get(path).body()).as("read %d after the write", read).contains("After the sweep");
		}
		assertThat(writer.app().bean(RedisCircuitBreaker.class).isOpen()).as("the writer still skips Redis").isTrue();
	}

	private static double nearHits() {
		return late.bean(MeterRegistry.class)
			.get(CacheLookups.NAME)
			.tags("layer", CacheLookups.NEAR, "cache", ListingService.CACHE, "result", "hit")
			.counter()
			.count();
	}

}
