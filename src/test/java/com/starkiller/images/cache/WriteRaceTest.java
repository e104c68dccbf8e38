package com.starkiller.images.cache;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.starkiller.images.AppInstance;
import com.starkiller.images.Http;
import com.starkiller.images.TestServers;

import static com.starkiller.images.cache.Fleet.created;
import static com.starkiller.images.cache.Fleet.listing;
import static com.starkiller.images.cache.Fleet.title;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many writers on two instances at once, every kind of write, then a check of what was
 * acknowledged against what MongoDB holds and what both instances serve: every acknowledged
 * write present once, nothing else, counts and totals agreeing, and both instances serving the
 * newest version. Once with Redis answering throughout, once with Redis paused half way.
 */
class WriteRaceTest extends TwoInstancesTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int LISTINGS = 3;

	private static final int WRITERS = 8;

	private static final int WRITES_EACH = 36;

	private static MongoClient mongo;

	@BeforeAll
	static void connectToMongo() {
		mongo = MongoClients.create(TestServers.mongoUri());
	}

	@AfterAll
	static void disconnectFromMongo() {
		mongo.close();
	}

	@ParameterizedTest(name = "Redis paused half way: {0}")
	@ValueSource(booleans = { false, true })
	void everyAcknowledgedWriteIsStoredOnceAndServedByBothInstances(boolean pauseRedis) throws Exception {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < LISTINGS; i++) {
			ids.add(created(a.json("POST", "/api/listings", listing("Race " + i), AppInstance.AUTH)));
		}
		Acknowledged acknowledged = new Acknowledged();
		AtomicInteger done = new AtomicInteger();
		CountDownLatch halfWay = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
		try {
			Future<?> pauser = pool.submit(() -> {
				halfWay.await();
				if (pauseRedis) {
					TestServers.pauseRedis(Duration.ofSeconds(2));
				}
				return null;
			});
			List<Future<?>> writers = new ArrayList<>();
			for (int w = 0; w < WRITERS; w++) {
				int writer = w;
				writers.add(pool.submit(() -> {
					for (int i = 0; i < WRITES_EACH; i++) {
						Http through = ((writer + i) % 2 == 0) ? a : b;
						long id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
						write(through, id, "w" + writer + "-" + i, acknowledged);
						if (done.incrementAndGet() == WRITERS * WRITES_EACH / 2) {
							halfWay.countDown();
						}
					}
					return null;
				}));
			}
			for (Future<?> writer : writers) {
				writer.get(5, TimeUnit.MINUTES);
			}
			pauser.get(1, TimeUnit.MINUTES);
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(acknowledged.serverErrors).as("5xx answers").hasValue(0);
		assertThat(acknowledged.count()).as("acknowledged writes").isGreaterThan(WRITERS * WRITES_EACH / 2);
		for (long id : ids) {
			Document stored = mongo.getDatabase("starkiller").getCollection("listings").find(Filters.eq("_id", id)).first();
			assertStoredAsAcknowledged(id, stored, acknowledged);
			for (Http instance : List.of(a, b)) {
				// Writes that could not reach Redis or every instance are swept within seconds:
				// generous bounds, but far below the hour a stale entry would otherwise live.
				await().atMost(Duration.ofSeconds(pauseRedis ? 20 : 5)).pollInterval(Duration.ofMillis(200))
					.untilAsserted(() -> {
						JsonNode served = json(instance.get("/api/listings/" + id, "Accept", "application/json"));
						assertThat(served.path("version").asLong())
							.isEqualTo(stored.get("version", Number.class).longValue());
						assertThat(served.path("name").asString()).isEqualTo(stored.getString("name"));
						assertThat(title(instance, id)).isEqualTo(stored.getString("name"));
					});
			}
			assertReviewsReadable(b, id, acknowledged.reviews.getOrDefault(id, Set.of()));
		}
	}

	/** One random write, recorded when acknowledged. */
	private static void write(Http http, long id, String tag, Acknowledged acknowledged) {
		int kind = ThreadLocalRandom.current().nextInt(5);
		String path = "/api/listings/" + id;
		switch (kind) {
			case 0 -> acknowledged.record(http.json("PATCH", path, "{\"name\":\"" + tag + "\"}", AppInstance.AUTH),
					() -> { });
			case 1 -> acknowledged.record(http.json("POST", path + "/photos",
					"{\"image\":\"demo-00" + (1 + tag.length() % 5) + "\",\"caption\":\"" + tag + "\"}", AppInstance.AUTH),
					() -> acknowledged.captions.computeIfAbsent(id, (key) -> ConcurrentHashMap.newKeySet()).add(tag));
			case 2 -> acknowledged.record(http.json("POST", path + "/reviews",
					"{\"author\":\"" + tag + "\",\"rating\":" + (1 + tag.length() % 5) + ",\"text\":\"Race\"}",
					AppInstance.AUTH), () -> {
						acknowledged.reviews.computeIfAbsent(id, (key) -> ConcurrentHashMap.newKeySet()).add(tag);
						acknowledged.ratings.computeIfAbsent(id, (key) -> new AtomicInteger())
							.addAndGet(1 + tag.length() % 5);
					});
			case 3 -> {
				// Removes the first photo of the version just read: If-Match makes sure it is that one.
				HttpResponse<String> read = http.json("GET", path, null);
				JsonNode photos = json(read).path("photos");
				if (!photos.isEmpty()) {
					String caption = photos.get(0).path("caption").asString();
					acknowledged.record(http.json("DELETE", path + "/photos/1", null, AppInstance.AUTH[0],
							AppInstance.AUTH[1], "If-Match", read.headers().firstValue("ETag").orElseThrow()),
							() -> acknowledged.removed.computeIfAbsent(id, (key) -> ConcurrentHashMap.newKeySet())
								.add(caption));
				}
			}
			default -> {
				HttpResponse<String> read = http.json("GET", path, null);
				int count = json(read).path("photos").size();
				if (count > 1) {
					List<Integer> order = new ArrayList<>();
					for (int i = count; i >= 1; i--) {
						order.add(i);
					}
					acknowledged.record(http.json("PUT", path + "/photos/order", "{\"order\":" + order + "}",
							AppInstance.AUTH[0], AppInstance.AUTH[1], "If-Match",
							read.headers().firstValue("ETag").orElseThrow()), () -> { });
				}
			}
		}
	}

	private static void assertStoredAsAcknowledged(long id, Document stored, Acknowledged acknowledged) {
		Set<String> added = acknowledged.captions.getOrDefault(id, Set.of());
		Set<String> removed = acknowledged.removed.getOrDefault(id, Set.of());
		List<String> captions = stored.getList("photos", Document.class).stream().map((p) -> p.getString("caption")).toList();
		assertThat(captions).as("photos of " + id).doesNotHaveDuplicates();
		assertThat(Set.copyOf(captions)).as("photos of " + id)
			.isEqualTo(added.stream().filter((caption) -> !removed.contains(caption)).collect(java.util.stream.Collectors.toSet()));
		Set<String> reviews = acknowledged.reviews.getOrDefault(id, Set.of());
		assertThat(stored.getInteger("reviewCount")).as("review count of " + id).isEqualTo(reviews.size());
		assertThat(stored.get("ratingTotal", Number.class).intValue()).as("rating total of " + id)
			.isEqualTo(acknowledged.ratings.getOrDefault(id, new AtomicInteger()).get());
	}

	/** Review 1..count each readable once, and they are exactly the acknowledged ones. */
	private static void assertReviewsReadable(Http http, long id, Set<String> acknowledged) {
		List<String> authors = new ArrayList<>();
		for (int index = 1; index <= acknowledged.size(); index++) {
			JsonNode review = json(http.get("/reviews/" + id + "?index=" + index, "Accept", "application/json"));
			assertThat(review.path("count").asInt()).isEqualTo(acknowledged.size());
			authors.add(review.path("review").path("author").asString());
		}
		assertThat(authors).doesNotHaveDuplicates();
		assertThat(Set.copyOf(authors)).isEqualTo(acknowledged);
	}

	private static JsonNode json(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	/** What the writers were told succeeded. */
	private static final class Acknowledged {

		final Map<Long, Set<String>> captions = new ConcurrentHashMap<>();

		final Map<Long, Set<String>> removed = new ConcurrentHashMap<>();

		final Map<Long, Set<String>> reviews = new ConcurrentHashMap<>();

		final Map<Long, AtomicInteger> ratings = new ConcurrentHashMap<>();

		final AtomicInteger writes = new AtomicInteger();

		final AtomicInteger serverErrors = new AtomicInteger();

		void record(HttpResponse<String> response, Runnable acknowledge) {
			if (response.statusCode() / 100 == 2) {
				this.writes.incrementAndGet();
				acknowledge.run();
			}
			else if (response.statusCode() >= 500) {
				this.serverErrors.incrementAndGet();
			}
			else {
				// 409 / 412 are refusals the client can act on; anything else is a test failure.
				assertThat(response.statusCode()).as(response.body()).isIn(409, 412);
			}
		}

		int count() {
			return this.writes.get();
		}

	}

}
