package com.starkiller.images.operations;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.starkiller.images.AppInstance;
import com.starkiller.images.Http;
import com.starkiller.images.ProxiedInstance;
import com.starkiller.images.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * README, faults, writes while MongoDB hangs: a write whose MongoDB answer does not come is
 * answered 503 with Retry-After (within {@code starkiller.mongo.timeout}, not when MongoDB comes
 * back). It may have been stored all the same; the client retries with the If-Match it sent, which
 * answers 412 when the first attempt was stored and applies it once when it was not: never two
 * reviews.
 */
class MongoHangWritesTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static ProxiedInstance instance;

	private static MongoClient direct;

	@BeforeAll
	static void start() {
		instance = ProxiedInstance.start("starkiller.mongo.timeout=500ms", "starkiller.seed.demo=");
		direct = MongoClients.create(TestServers.mongoUri(instance.database()));
	}

	@AfterAll
	static void stop() {
		direct.close();
		instance.close();
	}

	@Test
	@Timeout(value = 2, unit = TimeUnit.MINUTES)
	void aReviewStoredWhoseAnswerNeverCameIs412OnRetry() {
		Http http = instance.app().http();
		HttpResponse<String> created = create(http, "Answer lost");
		long id = JSON.readTree(created.body()).path("id").asLong();
		String etag = created.headers().firstValue("ETag").orElseThrow();
		String review = "{\"author\":\"Held answer\",\"rating\":5,\"text\":\"Stored, but nobody heard\"}";

		// MongoDB receives the update that counts the review, and hangs before it answers.
		instance.mongo().freezeOnceSent("Held answer");
		try {
			assertUnavailable(http.json("POST", "/api/listings/" + id + "/reviews", review, with(etag)));
			assertThat(instance.mongo().isHolding()).as("MongoDB's answer is still held").isTrue();
		}
		finally {
			instance.mongo().thaw();
		}
		awaitMongoAnswers(http);
		assertThat(storedReviewCount(id)).as("the first attempt was stored").isEqualTo(1);

		HttpResponse<String> retried = http.json("POST", "/api/listings/" + id + "/reviews", review, with(etag));

		assertThat(retried.statusCode()).as(retried.body()).isEqualTo(412);
		assertThat(retried.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(storedReviewCount(id)).isEqualTo(1);
		// The client reads the listing again, as the 412 says: once MongoDB answers again, the caches
		// catch up with the write it stored unanswered, so the client sees the one review and a new
		// ETag, not the old one that would be refused again (found by this test: it stayed until the
		// cached listing expired, an hour).
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			HttpResponse<String> read = http.json("GET", "/api/listings/" + id, null);
			assertThat(JSON.readTree(read.body()).path("reviewCount").asInt()).as(read.body()).isEqualTo(1);
			assertThat(read.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
		});
		assertThat(reviewJson(http, id, 1).path("review").path("author").asString()).isEqualTo("Held answer");
		assertThat(storedReviewCount(id)).isEqualTo(1);
	}

	@Test
	@Timeout(value = 2, unit = TimeUnit.MINUTES)
	void aReviewNotStoredWhileMongoHungIsStoredOnceOnRetry() {
		Http http = instance.app().http();
		HttpResponse<String> created = create(http, "Never reached");
		long id = JSON.readTree(created.body()).path("id").asLong();
		String etag = created.headers().firstValue("ETag").orElseThrow();
		String review = "{\"author\":\"Patient\",\"rating\":4,\"text\":\"Worth the second try\"}";

		instance.mongo().freeze();
		try {
			assertUnavailable(http.json("POST", "/api/listings/" + id + "/reviews", review, with(etag)));
		}
		finally {
			instance.mongo().thaw();
		}
		awaitMongoAnswers(http);
		assertThat(storedReviewCount(id)).as("nothing was stored").isZero();

		HttpResponse<String> retried = http.json("POST", "/api/listings/" + id + "/reviews", review, with(etag));

		assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
		assertThat(storedReviewCount(id)).isEqualTo(1);
		HttpResponse<String> read = http.json("GET", "/api/listings/" + id, null);
		assertThat(JSON.readTree(read.body()).path("reviewCount").asInt()).as(read.body()).isEqualTo(1);
		assertThat(reviewJson(http, id, 1).path("review").path("author").asString()).isEqualTo("Patient");
	}

	/** 503 with Retry-After and problem details, answered while MongoDB still hangs. */
	private static void assertUnavailable(HttpResponse<String> answer) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
		assertThat(answer.headers().firstValue("Retry-After")).isPresent();
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	private static void awaitMongoAnswers(Http http) {
		await().atMost(Duration.ofSeconds(60)).until(() -> http.get("/readyz").statusCode() == 200);
	}

	private static HttpResponse<String> create(Http http, String name) {
		HttpResponse<String> created = http.json("POST", "/api/listings",
				"{\"name\":\"" + name + "\",\"location\":{\"city\":\"Narvik\",\"country\":\"Norway\"}}", AppInstance.AUTH);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return created;
	}

	private static int storedReviewCount(long id) {
		Document listing = direct.getDatabase(instance.database())
			.getCollection("listings")
			.find(Filters.eq("_id", id))
			.first();
		assertThat(listing).isNotNull();
		return listing.getInteger("reviewCount");
	}

	private static JsonNode reviewJson(Http http, long id, int index) {
		HttpResponse<String> response = http.get("/reviews/" + id + "?index=" + index, "Accept", "application/json");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static String[] with(String etag) {
		return new String[] { AppInstance.AUTH[0], AppInstance.AUTH[1], "If-Match", etag };
	}

}
