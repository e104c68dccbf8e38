package com.starkiller.images.cache;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.starkiller.images.AppInstance;
import com.starkiller.images.ChildApp;
import com.starkiller.images.ChildAppOutput;
import com.starkiller.images.FreezableProxy;
import com.starkiller.images.TestServers;
import com.starkiller.images.embedded.FreePorts;
import com.starkiller.images.operations.Scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A pause of the whole JVM is not a Redis outage. The app runs in a child JVM, on the test Redis
 * reached through a {@link FreezableProxy}, without near copies (every read asks Redis). It is
 * stopped ({@code SIGSTOP}) while a Redis command waits, for longer than the command may take, as
 * a full collection stops it; the command times out on resuming, and the breaker stays closed. A
 * Redis that hangs (the proxy frozen, no pause) still opens it after one timeout, and the reads
 * after that cost none. The command timeout is 2 s here, so the test surely stops the JVM before
 * the waiting command's deadline.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JvmPauseTest {

	private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);

	private static final String FAILURES = "starkiller_redis_failures_total";

	private static final String FORGIVEN = "starkiller_redis_timeouts_forgiven_total";

	private static FreezableProxy redis;

	private static ChildApp app;

	@RegisterExtension
	static final ChildAppOutput CHILD_OUTPUT = ChildAppOutput.printedOnFailure(() -> app);

	@BeforeAll
	static void start() throws IOException {
		redis = new FreezableProxy(FreePorts.LOOPBACK, TestServers.redisPort());
		app = ChildApp.start("jvm-pause", List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), Map.of(),
				"--spring.mongodb.uri=" + TestServers.mongoUri(),
				"--spring.data.redis.url=redis://" + FreePorts.LOOPBACK + ":" + redis.port(),
				"--spring.data.redis.timeout=" + COMMAND_TIMEOUT.toMillis() + "ms",
				"--starkiller.api.token=" + AppInstance.TOKEN, "--starkiller.cache.redis-retry-after=1m", "--starkiller.cache.near-caches=",
				"--starkiller.seed.demo=true", "--starkiller.seed.demo-listings=300", "--starkiller.seed.image-pool=6",
				"--starkiller.seed.batch-size=20");
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
		if (redis != null) {
			redis.close();
		}
	}

	@Test
	@Order(1)
	void aStopOfTheWholeJvmWhileACommandWaitsLeavesTheBreakerClosed() throws Exception {
		assertThat(read(7).statusCode()).isEqualTo(200);
		Scrape before = scrape();

		redis.freeze();
		boolean stopped = false;
		CompletableFuture<HttpResponse<String>> waiting;
		try {
			waiting = CompletableFuture.supplyAsync(() -> read(7));
			// Its GET left the app and waits at the proxy: the app stops before the GET's deadline, resumes after it.
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).until(redis::isHolding);
			app.signal("STOP");
			stopped = true;
			Thread.sleep(COMMAND_TIMEOUT.plusSeconds(1).toMillis());
			app.signal("CONT");
			stopped = false;
			// The answer is still held, so the GET surely timed out.
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(rise(before, scrape(), FORGIVEN)).isPositive());
		}
		finally {
			if (stopped) {
				app.signal("CONT");
			}
			redis.thaw();
		}

		assertThat(waiting.get(30, TimeUnit.SECONDS).statusCode()).as("served from MongoDB").isEqualTo(200);
		assertThat(rise(before, scrape(), FAILURES)).isZero();
		assertThat(app.lines()).noneMatch((line) -> line.contains("Redis unavailable"));
	}

	@Test
	@Order(2)
	void aHungRedisStillOpensTheBreakerAfterOneTimeout() {
		Scrape before = scrape();

		redis.freeze();
		try {
			// One read waits a timeout and opens the breaker (within two timeouts of a stall, such as the
			// test before's, that timeout is forgiven and the next read's opens it).
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				assertThat(read(8).statusCode()).isEqualTo(200);
				assertThat(rise(before, scrape(), FAILURES)).isEqualTo(1);
			});
			Scrape open = scrape();
			for (long id = 9; id < 19; id++) {
				assertThat(read(id).statusCode()).isEqualTo(200);
			}
			Scrape after = scrape();

			// While open, Redis is skipped: ten reads from MongoDB, and not one more timeout, forgiven or not.
			assertThat(rise(open, after, FAILURES)).isZero();
			assertThat(rise(open, after, FORGIVEN)).isZero();
			assertThat(rise(before, after, FORGIVEN)).isLessThanOrEqualTo(1);
			assertThat(app.lines()).anyMatch((line) -> line.contains("Redis unavailable"));
		}
		finally {
			redis.thaw();
		}
	}

	private static HttpResponse<String> read(long id) {
		return app.http().get("/api/listings/" + id, "Accept", "application/json");
	}

	private static Scrape scrape() {
		HttpResponse<String> scrape = app.management().get("/actuator/prometheus");
		assertThat(scrape.statusCode()).isEqualTo(200);
		return Scrape.of(scrape.body());
	}

	private static double rise(Scrape before, Scrape after, String name) {
		return after.sum(name) - before.sum(name);
	}

}
