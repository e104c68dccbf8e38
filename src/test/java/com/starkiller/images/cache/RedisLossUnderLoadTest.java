package com.starkiller.images.cache;

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

import com.starkiller.images.AppInstance;
import com.starkiller.images.Http;
import com.starkiller.images.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * README, "Redis down, hung or restarted": reads are served from MongoDB, writes acknowledged (only
 * slower), and nothing is stale afterwards. Here as it happens in production: readers on two
 * instances (JSON, pages, fragments; listings hot and cold) and a writer renaming a listing, while
 * the one Redis stops and comes back. Every read must answer 200, every write be acknowledged, and
 * both instances serve the last acknowledged name once Redis is back. It failed with a Redis error
 * on a read answered as an error (the cache's error handling switched off).
 */
class RedisLossUnderLoadTest {

	private static final int READERS = 4;

	private static AppInstance a;

	private static AppInstance b;

	@BeforeAll
	static void start() {
		a = AppInstance.start();
		b = AppInstance.start();
	}

	@AfterAll
	static void stop() {
		a.close();
		b.close();
	}

	@Test
	void redisLostUnderLoadFailsNoReadAndEveryWriteIsAcknowledgedAndServed() throws Exception {
		long written = 61;
		AtomicBoolean loading = new AtomicBoolean(true);
		AtomicInteger reads = new AtomicInteger();
		// Listings spread over the ids, few read twice: most reads miss what is kept and ask the caches.
		AtomicInteger next = new AtomicInteger();
		List<String> failures = Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(READERS);
		List<Future<?>> readers = new ArrayList<>();
		for (int r = 0; r < READERS; r++) {
			Http http = (r % 2 == 0) ? a.http() : b.http();
			int reader = r;
			readers.add(pool.submit(() -> {
				for (int i = reader; loading.get(); i++) {
					long id = 40 + (next.getAndIncrement() * 7L) % 250;
					String path = switch (i % 4) {
						case 0 -> "/api/listings/" + id;
						case 1 -> "/reviews/" + id + "?index=1";
						case 2 -> "/images/" + id + "?index=1";
						default -> "/listings/" + written;
					};
					try {
						int status = (i % 4 == 2) ? http.get(path, "HX-Request", "true").statusCode() : http.get(path).statusCode();
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
		String acknowledged = null;
		List<String> refused = new ArrayList<>();
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> reads.get() > 100);
			acknowledged = rename(written, "Before the loss", refused, acknowledged);

			TestServers.stopRedis();
			try {
				int before = reads.get();
				for (int i = 0; i < 3; i++) {
					acknowledged = rename(written, "While Redis is away " + i, refused, acknowledged);
				}
				await().atMost(Duration.ofSeconds(60)).until(() -> reads.get() > before + 100);
			}
			finally {
				TestServers.startRedis();
			}
			int back = reads.get();
			acknowledged = rename(written, "Redis is back", refused, acknowledged);
			await().atMost(Duration.ofSeconds(60)).until(() -> reads.get() > back + 100);
		}
		finally {
			loading.set(false);
			for (Future<?> reader : readers) {
				reader.get(1, TimeUnit.MINUTES);
			}
			pool.shutdown();
		}

		assertThat(failures).as("reads that failed out of " + reads.get()).isEmpty();
		assertThat(refused).as("writes not acknowledged").isEmpty();
		String last = acknowledged;
		for (Http http : List.of(a.http(), b.http())) {
			assertThat(http.get("/api/listings/" + written).body()).contains("\"name\":\"" + last + "\"");
			assertThat(Http.html(http.get("/listings/" + written)).selectFirst("h1").text()).isEqualTo(last);
		}
	}

	/** Renames through A, alternately B; the name if acknowledged, else the last one acknowledged before. */
	private static String rename(long id, String name, List<String> refused, String before) {
		Http through = (refused.size() + name.length()) % 2 == 0 ? a.http() : b.http();
		var answer = through.json("PATCH", "/api/listings/" + id, "{\"name\":\"" + name + "\"}", AppInstance.AUTH);
		if (answer.statusCode() != 200) {
			refused.add(name + " -> " + answer.statusCode() + " " + answer.body());
			return before;
		}
		return name;
	}

}
