package com.starkiller.images.cache;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.starkiller.images.AppInstance;
import com.starkiller.images.Http;
import com.starkiller.images.RedisSentinelServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on a Sentinel-managed Redis (a primary, two replicas, three sentinels): caches,
 * sessions and the invalidation channel work on it, and a primary killed under load fails no read,
 * loses no acknowledged write, and leaves both instances caching and invalidating on the new one.
 */
class RedisSentinelTest {

	private static final String[] AUTH = AppInstance.AUTH;

	private static RedisSentinelServers sentinel;

	private static AppInstance instanceA;

	private static AppInstance instanceB;

	@BeforeAll
	static void start() {
		sentinel = RedisSentinelServers.start();
		instanceA = AppInstance.start(onSentinel());
		instanceB = AppInstance.start(onSentinel());
	}

	@AfterAll
	static void stop() {
		if (instanceA != null) {
			instanceA.close();
		}
		if (instanceB != null) {
			instanceB.close();
		}
		if (sentinel != null) {
			sentinel.close();
		}
	}

	@Test
	void aWriteThroughOneInstanceIsServedFreshByTheOther() {
		Http a = instanceA.http();
		Http b = instanceB.http();
		for (long id = 120; id < 126; id++) {
			title(b, id);
			title(b, id);
			assertThat(a.json("PATCH", "/api/listings/" + id, "{\"name\":\"Sentinel " + id + "\"}", AUTH).statusCode())
				.isEqualTo(200);
			assertThat(title(b, id)).isEqualTo("Sentinel " + id);
			assertThat(title(a, id)).isEqualTo("Sentinel " + id);
		}
	}

	@Test
	void aHotListingIsServedFromTheNearCopyAndAWriteStillReachesItAtOnce() {
		awaitNearCopyServed(instanceB, 127);

		assertThat(instanceA.http().json("PATCH", "/api/listings/127", "{\"name\":\"Near and watched\"}", AUTH)
			.statusCode()).isEqualTo(200);
		assertThat(title(instanceB.http(), 127)).isEqualTo("Near and watched");
	}

	@Test
	void aSaveThroughOneInstanceIsSeenThroughTheOther() {
		HttpResponse<String> saved = instanceA.http().post("/saved/131", "saved=true", "Sec-Fetch-Site", "same-origin");
		String session = Http.session(saved);

		assertThat(Http.html(instanceB.http().get("/saved", "Cookie", session)).getElementById("saved-131")).isNotNull();
	}

	@Test
	@Timeout(value = 4, unit = TimeUnit.MINUTES)
	void thePrimaryKilledUnderLoadFailsNoReadAndLosesNoAcknowledgedWrite() throws Exception {
		long written = 140;
		Http a = instanceA.http();
		Http b = instanceB.http();
		AtomicBoolean loading = new AtomicBoolean(true);
		AtomicInteger reads = new AtomicInteger();
		List<String> failures = Collections.synchronizedList(new ArrayList<>());
		ExecutorService readers = Executors.newFixedThreadPool(4);
		List<Future<?>> running = new ArrayList<>();
		for (int r = 0; r < 4; r++) {
			Http http = (r % 2 == 0) ? a : b;
			int reader = r;
			running.add(readers.submit(() -> {
				for (int i = 0; loading.get(); i++) {
					String path = (i % 2 == 0) ? "/api/listings/" + (140 + (i + reader) % 20)
							: "/reviews/" + (140 + (i + reader) % 20) + "?index=1";
					try {
						int status = http.get(path).statusCode();
						if (status != 200) {
							failures.add(path + " -> " + status);
						}
					}
					catch (RuntimeException ex) {
						failures.add(path + " -> " + ex);
					}
					reads.incrementAndGet();
				}
			}));
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> reads.get() > 200);

		int killed = sentinel.killPrimary();
		// Writes through the failover: the last acknowledged one must be what every instance serves after it.
		String acknowledged = null;
		for (int i = 0; i < 20; i++) {
			String name = "Through the failover " + i;
			if (a.json("PATCH", "/api/listings/" + written, "{\"name\":\"" + name + "\"}", AUTH).statusCode() == 200) {
				acknowledged = name;
			}
			Thread.sleep(100);
		}
		assertThat(sentinel.awaitFailover()).isNotEqualTo(killed);
		int before = reads.get();
		await().atMost(Duration.ofSeconds(30)).until(() -> reads.get() > before + 200);
		loading.set(false);
		for (Future<?> reader : running) {
			reader.get(30, TimeUnit.SECONDS);
		}
		readers.shutdown();

		assertThat(failures).as("reads that failed out of " + reads.get()).isEmpty();
		assertThat(acknowledged).as("no write was acknowledged during the failover").isNotNull();
		String last = acknowledged;
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(title(a, written)).isEqualTo(last);
			assertThat(title(b, written)).isEqualTo(last);
		});

		// Both instances are back on the new primary: subscribed there, and trusting their near copies
		// again, which needs their echoes to come back through it.
		await().atMost(Duration.ofSeconds(60)).until(() -> sentinel.subscribers(InvalidationChannel.CHANNEL) == 2);
		awaitNearCopyServed(instanceA, written);
		awaitNearCopyServed(instanceB, written);
		// So a write through one drops the other's near copy at once.
		assertThat(b.json("PATCH", "/api/listings/" + written, "{\"name\":\"After the failover\"}", AUTH).statusCode())
			.isEqualTo(200);
		assertThat(title(a, written)).isEqualTo("After the failover");
		assertThat(title(b, written)).isEqualTo("After the failover");
	}

	private static String[] onSentinel() {
		return new String[] { "spring.data.redis.url=", "spring.data.redis.sentinel.master=" + sentinel.master(),
				"spring.data.redis.sentinel.nodes=" + sentinel.nodes() };
	}

	/**
	 * Waits until the instance trusts its near copies (its channel's echo comes back and Redis
	 * answers) and serves the listing from its copy without asking Redis.
	 */
	private static void awaitNearCopyServed(AppInstance instance, long id) {
		InvalidationChannel channel = instance.bean(InvalidationChannel.class);
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			title(instance.http(), id);
			boolean trusted = channel.trusted();
			long before = sentinel.calls("get");
			title(instance.http(), id);
			return trusted && sentinel.calls("get") == before && channel.trusted();
		});
	}

	private static String title(Http http, long id) {
		String body = http.get("/api/listings/" + id).body();
		return body.replaceAll("(?s).*\"name\":\"([^\"]*)\".*", "$1");
	}

}
