package com.starkiller.images.cache;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
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
import com.starkiller.images.RedisClusterServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on a Redis Cluster of three primaries and three replicas: caches, sessions, the
 * invalidation channel and the version-checked writes work on it, and a primary killed under load
 * fails no read and loses no acknowledged write.
 */
class RedisClusterTest {

	private static final String[] AUTH = AppInstance.AUTH;

	private static RedisClusterServers cluster;

	private static AppInstance instanceA;

	private static AppInstance instanceB;

	@BeforeAll
	static void start() {
		cluster = RedisClusterServers.start();
		instanceA = AppInstance.start("spring.data.redis.url=", "spring.data.redis.cluster.nodes=" + cluster.nodes());
		instanceB = AppInstance.start("spring.data.redis.url=", "spring.data.redis.cluster.nodes=" + cluster.nodes());
	}

	@AfterAll
	static void stop() {
		if (instanceA != null) {
			instanceA.close();
		}
		if (instanceB != null) {
			instanceB.close();
		}
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void aWriteThroughOneInstanceIsServedFreshByTheOther() {
		Http a = instanceA.http();
		Http b = instanceB.http();
		for (long id = 20; id < 26; id++) {
			title(b, id);
			title(b, id);
			assertThat(a.json("PATCH", "/api/listings/" + id, "{\"name\":\"Cluster " + id + "\"}", AUTH).statusCode())
				.isEqualTo(200);
			assertThat(title(b, id)).isEqualTo("Cluster " + id);
			assertThat(title(a, id)).isEqualTo("Cluster " + id);
		}
	}

	@Test
	void aHotListingIsServedFromTheNearCopyAndAWriteStillReachesItAtOnce() {
		Http a = instanceA.http();
		Http b = instanceB.http();
		// The near copy is trusted once the channel's echo has come back.
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			title(b, 27);
			long before = cluster.calls("get");
			title(b, 27);
			return cluster.calls("get") == before;
		});

		assertThat(a.json("PATCH", "/api/listings/27", "{\"name\":\"Near and clustered\"}", AUTH).statusCode())
			.isEqualTo(200);
		assertThat(title(b, 27)).isEqualTo("Near and clustered");
	}

	@Test
	void aSaveThroughOneInstanceIsSeenThroughTheOther() {
		HttpResponse<String> saved = instanceA.http().post("/saved/31", "saved=true", "Sec-Fetch-Site", "same-origin");
		String session = Http.session(saved);

		assertThat(Http.html(instanceB.http().get("/saved", "Cookie", session)).getElementById("saved-31")).isNotNull();
	}

	@Test
	@Timeout(value = 3, unit = TimeUnit.MINUTES)
	void aPrimaryKilledUnderLoadFailsNoReadAndLosesNoAcknowledgedWrite() throws Exception {
		long written = 40;
		Http a = instanceA.http();
		Http b = instanceB.http();
		AtomicBoolean loading = new AtomicBoolean(true);
		AtomicInteger reads = new AtomicInteger();
		List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
		ExecutorService readers = Executors.newFixedThreadPool(4);
		List<Future<?>> running = new ArrayList<>();
		for (int r = 0; r < 4; r++) {
			Http http = (r % 2 == 0) ? a : b;
			int reader = r;
			running.add(readers.submit(() -> {
				for (int i = 0; loading.get(); i++) {
					String path = (i % 2 == 0) ? "/api/listings/" + (40 + (i + reader) % 20)
							: "/reviews/" + (40 + (i + reader) % 20) + "?index=1";
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

		cluster.killPrimaryOf("starkiller:listings::" + written);
		// Writes through the failover: each acknowledged one must be what every instance serves after it.
		String acknowledged = null;
		for (int i = 0; i < 20; i++) {
			String name = "Through the failover " + i;
			if (a.json("PATCH", "/api/listings/" + written, "{\"name\":\"" + name + "\"}", AUTH).statusCode() == 200) {
				acknowledged = name;
			}
			Thread.sleep(100);
		}
		cluster.awaitHealthy();
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
		// And a write after it is served fresh by both at once.
		assertThat(b.json("PATCH", "/api/listings/" + written, "{\"name\":\"After the failover\"}", AUTH).statusCode())
			.isEqualTo(200);
		assertThat(title(a, written)).isEqualTo("After the failover");
		assertThat(title(b, written)).isEqualTo("After the failover");
	}

	private static String title(Http http, long id) {
		String body = http.get("/api/listings/" + id).body();
		return body.replaceAll("(?s).*\"name\":\"([^\"]*)\".*", "$1");
	}

}
