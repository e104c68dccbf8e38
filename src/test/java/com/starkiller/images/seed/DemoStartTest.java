package com.starkiller.images.seed;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.json.JsonMapper;

import com.starkiller.images.AppInstance;
import com.starkiller.images.Http;
import com.starkiller.images.TestServers;
import com.starkiller.images.embedded.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Starting up on a database of its own: the demo seed finishes whatever an interrupted start
 * left, instances starting together do not fail each other, listings created meanwhile never
 * take a demo id, readiness says UP only once the demo is complete, and a start against a
 * configured MongoDB seeds nothing unless asked.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DemoStartTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final AtomicInteger DATABASES = new AtomicInteger();

	private static MongoClient mongo;

	@BeforeAll
	static void connect() {
		mongo = MongoClients.create(TestServers.mongoUri());
	}

	@AfterAll
	static void disconnect() {
		mongo.close();
	}

	@Test
	void aStartFinishesTheDemoThatAnInterruptedStartLeftHalfDone() {
		String database = freshDatabase();
		try (AppInstance first = start(database, 40)) {
			assertThat(first.http().get("/listings/39").statusCode()).isEqualTo(200);
		}
		// What a start killed while seeding 120 listings leaves: no completion mark, listings up to
		// 40, and a pool image whose smallest variants were never written (one half way).
		MongoDatabase db = mongo.getDatabase(database);
		db.getCollection(DemoSeed.COLLECTION).deleteMany(new Document());
		db.getCollection("fs.files").deleteMany(Filters.in("_id", "demo-001/200", "demo-001/800"));
		db.getCollection("fs.chunks").deleteMany(Filters.in("files_id", "demo-001/200", "demo-001/800"));
		db.getCollection("fs.chunks").insertOne(new Document("files_id", "demo-001/800").append("n", 0)
			.append("data", new Binary(new byte[] { 1, 2, 3 })));

		try (AppInstance second = start(database, 120)) {
			Http http = second.http();
			assertThat(http.get("/listings/119").statusCode()).isEqualTo(200);
			assertThat(db.getCollection("listings").countDocuments()).isEqualTo(120);
			assertThat(http.get("/reviews/119?index=1").statusCode()).isEqualTo(200);
			for (int width : new int[] { 200, 800, 1600 }) {
				assertThat(http.getBytes("/media/demo-001/" + width).statusCode()).isEqualTo(200);
			}
			assertThat(db.getCollection("fs.files").countDocuments(Filters.regex("_id", "^demo-001/"))).isEqualTo(3);
			assertThat(db.getCollection(DemoSeed.COLLECTION).find().first().getBoolean("complete")).isTrue();
		}
	}

	@Test
	void readinessIsUpOnlyOnceTheDemoIsCompleteAndListingsCreatedMeanwhileTakeNoDemoId() throws Exception {
		String database = freshDatabase();
		int port = FreePorts.next();
		Http http = new Http(port);
		ExecutorService starting = Executors.newSingleThreadExecutor();
		List<Long> created = new ArrayList<>();
		try {
			Future<AppInstance> app = starting.submit(() -> start(database, 3000, "server.port=" + port,
					"starkiller.seed.batch-size=100"));
			boolean ready = false;
			while (!ready) {
				if (app.isDone()) {
					// Throws the failure of a start that failed.
					app.get();
				}
				HttpResponse<String> readiness = tryGet(http, "/readyz");
				if (readiness == null) {
					continue;
				}
				ready = readiness.statusCode() == 200;
				if (ready) {
					// Never UP before the demo is complete.
					Document status = mongo.getDatabase(database).getCollection(DemoSeed.COLLECTION).find().first();
					assertThat(status).isNotNull();
					assertThat(status.getBoolean("complete")).isTrue();
				}
				else if (created.size() < 5) {
					HttpResponse<String> listing = http.json("POST", "/api/listings",
							"{\"name\":\"Meanwhile\",\"location\":{\"city\":\"Oslo\",\"country\":\"Norway\"}}",
							AppInstance.AUTH);
					if (listing.statusCode() == 201) {
						created.add(JSON.readTree(listing.body()).path("id").asLong());
					}
				}
			}
			try (AppInstance started = app.get(2, TimeUnit.MINUTES)) {
				assertThat(created).allSatisfy((id) -> assertThat(id).isGreaterThanOrEqualTo(3000));
				assertThat(mongo.getDatabase(database).getCollection("listings").countDocuments())
					.isEqualTo(3000 + created.size());
				assertThat(mongo.getDatabase(database).getCollection("listings")
					.countDocuments(Filters.and(Filters.eq("name", "Meanwhile"), Filters.lt("_id", 3000)))).isZero();
			}
		}
		finally {
			starting.shutdownNow();
		}
	}

	@Test
	void twoInstancesStartedTogetherOnAnEmptyDatabaseBothStart() throws Exception {
		String database = freshDatabase();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<AppInstance> one = pool.submit(() -> start(database, 200));
			Future<AppInstance> two = pool.submit(() -> start(database, 200));
			try (AppInstance a = one.get(2, TimeUnit.MINUTES); AppInstance b = two.get(2, TimeUnit.MINUTES)) {
				assertThat(a.http().get("/listings/199").statusCode()).isEqualTo(200);
				assertThat(b.http().get("/images/150?index=1").statusCode()).isEqualTo(200);
				assertThat(mongo.getDatabase(database).getCollection("listings").countDocuments()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void againstAConfiguredMongoDbTheDemoIsSeededOnlyWhenAsked() {
		String database = freshDatabase();
		try (AppInstance app = AppInstance.start("spring.mongodb.uri=" + TestServers.mongoUri(database),
				"spring.data.redis.url=" + redisOf(database), "starkiller.seed.demo=")) {
			assertThat(mongo.getDatabase(database).getCollection("listings").countDocuments()).isZero();
			assertThat(app.http().get("/listings/0").statusCode()).isEqualTo(404);
			assertThat(app.http().get("/readyz").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void aFleetInstanceWithoutAWriteTokenOrWithBadSettingsRefusesToStart() {
		assertThatThrownBy(() -> AppInstance.start("starkiller.api.token="))
			.hasStackTraceContaining("starkiller.api.token");
		assertThatThrownBy(() -> AppInstance.start("spring.mongodb.uri=mongodb://bad host:x"))
			.hasStackTraceContaining("spring.mongodb.uri");
		assertThatThrownBy(() -> AppInstance.start("spring.data.redis.url=http://127.0.0.1:1"))
			.hasStackTraceContaining("spring.data.redis.url");
		assertThatThrownBy(() -> AppInstance.start("starkiller.seed.batch-size=0"))
			.hasStackTraceContaining("starkiller.seed");
		assertThatThrownBy(() -> AppInstance.start("starkiller.cache.listing-ttl=-1s"))
			.hasStackTraceContaining("listingTtl");
	}

	private static AppInstance start(String database, int listings, String... settings) {
		List<String> all = new ArrayList<>(List.of("spring.mongodb.uri=" + TestServers.mongoUri(database),
				"spring.data.redis.url=" + redisOf(database), "starkiller.seed.demo-listings=" + listings));
		all.addAll(List.of(settings));
		return AppInstance.start(all.toArray(String[]::new));
	}

	/** A Redis database of its own too, so nothing cached from another MongoDB database is served. */
	private static String redisOf(String database) {
		return TestServers.redisUrl() + "/" + (1 + Math.floorMod(database.hashCode(), 15));
	}

	private static String freshDatabase() {
		return "start" + DATABASES.incrementAndGet() + "x" + System.nanoTime();
	}

	private static HttpResponse<String> tryGet(Http http, String path) {
		try {
			return http.get(path);
		}
		catch (RuntimeException notListeningYet) {
			sleep(Duration.ofMillis(50));
			return null;
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
