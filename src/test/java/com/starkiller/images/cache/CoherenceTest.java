package com.starkiller.images.cache;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;

import com.starkiller.images.AppInstance;
import com.starkiller.images.Http;
import com.starkiller.images.TestServers;

import static com.starkiller.images.cache.Fleet.awaitServedFromNearCopy;
import static com.starkiller.images.cache.Fleet.created;
import static com.starkiller.images.cache.Fleet.listing;
import static com.starkiller.images.cache.Fleet.title;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two app instances sharing one MongoDB and one Redis: every kind of write made through A is
 * served by B at once, parallel writers lose nothing, and a write made while Redis is away is
 * served once it is back.
 */
class CoherenceTest extends TwoInstancesTest {

	private static final String[] AUTH = AppInstance.AUTH;

	@Test
	void everyWriteThroughOneInstanceIsServedByTheOtherAtOnce() {
		long id = created(a.json("POST", "/api/listings", listing("Fjord cabin"), AUTH));
		assertThat(title(b, id)).isEqualTo("Fjord cabin");

		write(a.json("PATCH", "/api/listings/" + id, "{\"name\":\"Fjord house\"}", AUTH));
		assertThat(title(b, id)).isEqualTo("Fjord house");

		write(a.json("POST", "/api/listings/" + id + "/photos", "{\"image\":\"demo-001\",\"caption\":\"Deck\"}", AUTH));
		write(a.json("POST", "/api/listings/" + id + "/photos", "{\"image\":\"demo-002\",\"caption\":\"Bath\"}", AUTH));
		assertThat(caption(b, id, 2)).isEqualTo("2/2: Bath");

		write(a.json("PUT", "/api/listings/" + id + "/photos/order", "{\"order\":[2,1]}", AUTH));
		assertThat(caption(b, id, 1)).isEqualTo("1/2: Bath");

		write(a.json("PUT", "/api/listings/" + id + "/photos/2", "{\"image\":\"demo-003\",\"caption\":\"Garden\"}", AUTH));
		assertThat(caption(b, id, 2)).isEqualTo("2/2: Garden");

		write(a.json("DELETE", "/api/listings/" + id + "/photos/1", null, AUTH));
		assertThat(caption(b, id, 1)).isEqualTo("1/1: Garden");
		assertThat(b.get("/images/" + id + "?index=2").statusCode()).isEqualTo(404);

		assertThat(b.get("/reviews/" + id).body()).contains("No reviews yet");
		write(a.json("POST", "/api/listings/" + id + "/reviews", "{\"author\":\"Ines\",\"rating\":4,\"text\":\"Calm\"}",
				AUTH));
		var review = Http.html(b.get("/reviews/" + id + "?index=1", "HX-Request", "true"));
		assertThat(review.getElementById("review-counter").text()).isEqualTo("1 of 1");
		assertThat(review.select(".author").text()).isEqualTo("Ines");

		assertThat(a.json("DELETE", "/api/listings/" + id, null, AUTH).statusCode()).isEqualTo(204);
		assertThat(b.get("/listings/" + id).statusCode()).isEqualTo(404);
		assertThat(b.get("/reviews/" + id + "?index=1").statusCode()).isEqualTo(404);
	}

	@Test
	void parallelWritersLoseNothing() throws Exception {
		long id = created(a.json("POST", "/api/listings", listing("Busy place"), AUTH));
		int writers = 6;
		int each = 5;
		ExecutorService pool = Executors.newFixedThreadPool(writers * 2);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				int writer = w;
				Http through = (writer % 2 == 0) ? a : b;
				results.add(pool.submit(() -> {
					int ok = 0;
					for (int i = 0; i < each; i++) {
						String caption = "w" + writer + "-" + i;
						ok += status(through.json("POST", "/api/listings/" + id + "/photos",
								"{\"image\":\"demo-004\",\"caption\":\"" + caption + "\"}", AUTH));
						ok += status(through.json("POST", "/api/listings/" + id + "/reviews",
								"{\"author\":\"" + caption + "\",\"rating\":5,\"text\":\"Busy\"}", AUTH));
					}
					return ok;
				}));
			}
			for (Future<Integer> result : results) {
				assertThat(result.get()).isEqualTo(2 * each);
			}
		}
		finally {
			pool.shutdownNow();
		}
		int total = writers * each;
		String listing = b.json("GET", "/api/listings/" + id, null).body();
		assertThat(listing).contains("\"reviewCount\":" + total);
		for (int w = 0; w < writers; w++) {
			for (int i = 0; i < each; i++) {
				assertThat(listing).contains("\"caption\":\"w" + w + "-" + i + "\"");
			}
		}
		List<String> authors = new ArrayList<>();
		for (int position = 1; position <= total; position++) {
			var page = Http.html(b.get("/reviews/" + id + "?index=" + position, "HX-Request", "true"));
			assertThat(page.getElementById("review-counter").text()).isEqualTo(position + " of " + total);
			authors.add(page.select(".author").text());
		}
		assertThat(authors).doesNotHaveDuplicates().hasSize(total);
	}

	@Test
	void aWriteAcknowledgedWhileRedisIsAwayIsServedOnceItIsBack() {
		long id = created(a.json("POST", "/api/listings", listing("Quiet room"), AUTH));
		assertThat(title(a, id)).isEqualTo("Quiet room");
		assertThat(title(b, id)).isEqualTo("Quiet room");

		TestServers.pauseRedis(Duration.ofSeconds(3));
		// A read notices first (one timeout), so the write below never reaches Redis, not even late.
		assertThat(title(a, id)).isEqualTo("Quiet room");
		HttpResponse<String> renamed = a.json("PATCH", "/api/listings/" + id, "{\"name\":\"Loud room\"}", AUTH);
		assertThat(renamed.statusCode()).isEqualTo(200);
		assertThat(title(a, id)).isEqualTo("Loud room");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(instanceA.management().get("/actuator/health").body())
				.containsPattern("\"redis\":\\{(\"details\":\\{[^}]*\\},)?\"status\":\"UP\"");
		});
		assertThat(title(a, id)).isEqualTo("Loud room");
		// B never saw the outage: the sweep of pending evictions reaches it within seconds.
		await().atMost(Duration.ofSeconds(8)).untilAsserted(() -> assertThat(title(b, id)).isEqualTo("Loud room"));
	}

	@Test
	void aHotListingIsServedFromTheNearCopyAndAWriteThroughTheOtherInstanceStillShowsAtOnce() {
		long id = created(a.json("POST", "/api/listings", listing("Warm loft"), AUTH));
		assertThat(title(b, id)).isEqualTo("Warm loft");
		awaitServedFromNearCopy(b, id, Duration.ofSeconds(10));

		write(a.json("PATCH", "/api/listings/" + id, "{\"name\":\"Warm attic\"}", AUTH));
		assertThat(title(b, id)).isEqualTo("Warm attic");
		write(a.json("PATCH", "/api/listings/" + id, "{\"name\":\"Warm barn\"}", AUTH));
		assertThat(title(b, id)).isEqualTo("Warm barn");
	}

	@Test
	void anInstanceThatLosesItsSubscriptionStopsTrustingItsNearCopy() {
		long id = created(a.json("POST", "/api/listings", listing("Cold loft"), AUTH));
		awaitServedFromNearCopy(b, id, Duration.ofSeconds(10));
		RedisClient client = RedisClient.create(TestServers.redisUrl());
		try (StatefulRedisConnection<String, String> admin = client.connect()) {
			// Every subscriber is cut off: what A publishes now may reach nobody.
			admin.sync().clientKill(io.lettuce.core.KillArgs.Builder.typePubsub());
		}
		finally {
			client.shutdown();
		}
		write(a.json("PATCH", "/api/listings/" + id, "{\"name\":\"Cold attic\"}", AUTH));
		// Lettuce sees the closed socket at once; within the echo limit at the very worst.
		await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(title(b, id)).isEqualTo("Cold attic"));
		// Subscribed again, B trusts its copy again, and still hears writes.
		awaitServedFromNearCopy(b, id, Duration.ofSeconds(10));
		write(a.json("PATCH", "/api/listings/" + id, "{\"name\":\"Cold barn\"}", AUTH));
		assertThat(title(b, id)).isEqualTo("Cold barn");
	}

	@Test
	void anInstanceRestartedWhileAnotherWritesServesNothingStale() {
		long id = created(a.json("POST", "/api/listings", listing("Old name"), AUTH));
		try (AppInstance c = AppInstance.start()) {
			awaitServedFromNearCopy(c.http(), id, Duration.ofSeconds(10));
			assertThat(title(c.http(), id)).isEqualTo("Old name");
		}
		write(a.json("PATCH", "/api/listings/" + id, "{\"name\":\"New name\"}", AUTH));
		try (AppInstance restarted = AppInstance.start()) {
			assertThat(title(restarted.http(), id)).isEqualTo("New name");
			write(a.json("PATCH", "/api/listings/" + id, "{\"name\":\"Newer name\"}", AUTH));
			assertThat(title(restarted.http(), id)).isEqualTo("Newer name");
		}
	}

	private static void write(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
	}

	private static int status(HttpResponse<String> response) {
		return (response.statusCode() / 100 == 2) ? 1 : 0;
	}

	private static String caption(Http http, long id, int index) {
		return Http.html(http.get("/images/" + id + "?index=" + index, "HX-Request", "true"))
			.getElementById("caption")
			.text();
	}

}
