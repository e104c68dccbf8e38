package com.starkiller.images.cache;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.starkiller.images.IntegrationTest;
import com.starkiller.images.MongoCommands;
import com.starkiller.images.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CacheTest extends IntegrationTest {

	@Autowired
	MongoCommands mongo;


	@Autowired
	StringRedisTemplate redis;

	@Autowired
	MeterRegistry meters;

	@Autowired
	InvalidationChannel channel;

	@Test
	void aRepeatedRequestRunsNoMongoQuery() {
		String page = "/reviews/21?index=2";
		assertThat(this.http.get(page).statusCode()).isEqualTo(200);
		assertThat(this.http.get("/images/21?index=2", "HX-Request", "true").statusCode()).isEqualTo(200);
		int before = this.mongo.queries();

		assertThat(this.http.get(page).statusCode()).isEqualTo(200);
		assertThat(this.http.get(page, "HX-Request", "true").statusCode()).isEqualTo(200);
		assertThat(this.http.get("/images/21?index=2", "HX-Request", "true").statusCode()).isEqualTo(200);
		assertThat(this.http.get("/listings/21").statusCode()).isEqualTo(200);

		assertThat(this.mongo.queries()).isEqualTo(before);
	}

	@Test
	void servesFromMongoWhileRedisIsDownAndCachesAgainWhenItIsBack() {
		double failures = redisFailures();
		TestServers.stopRedis();
		try {
			for (long id = 30; id < 40; id++) {
				assertThat(this.http.get("/reviews/" + id + "?index=1").statusCode()).isEqualTo(200);
			}
			assertThat(this.http.get("/images/30", "Accept", "application/json").statusCode()).isEqualTo(200);
			// After a failure the breaker skips Redis for a while: eleven misses, not eleven failed calls.
			assertThat(redisFailures() - failures).isBetween(1.0, 5.0);
		}
		finally {
			TestServers.startRedis();
		}
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			this.http.get("/reviews/31?index=1");
			assertThat(this.redis.hasKey("starkiller:listings::31")).isTrue();
		});
		int before = this.mongo.queries();
		assertThat(this.http.get("/reviews/31?index=1").statusCode()).isEqualTo(200);
		assertThat(this.mongo.queries()).isEqualTo(before);
		// The invalidation channel comes back too (connecting anew if the client's reconnection does not).
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(this.channel.trusted()).isTrue());
	}

	private double redisFailures() {
		return this.meters.counter(RedisCircuitBreaker.FAILURES).count();
	}

}
