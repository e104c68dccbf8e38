package com.starkiller.images.operations;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.starkiller.images.AppInstance;
import com.starkiller.images.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator scrapes from {@code /actuator/prometheus} on the management port, from an
 * instance of its own (no other test's requests in its counts, nothing kept before it). Each test
 * compares two scrapes, so none depends on another having run.
 */
class MetricsTest {

	private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private static final String REQUESTS = "http_server_requests_seconds_count";

	private static final String LOOKUPS = "starkiller_cache_lookups_total";

	private static AppInstance app;

	@BeforeAll
	static void start() {
		app = AppInstance.start();
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
	}

	@Test
	void everyAnswerIsCountedUnderItsRouteAndStatusKeptOrRendered() {
		int kept = 4;
		Scrape before = scrape();

		for (int i = 0; i <= kept; i++) {
			assertThat(http().get("/listings/41", "Accept", BROWSER).statusCode()).isEqualTo(200);
		}
		assertThat(http().get("/images/41?index=2", "Accept", "application/json").statusCode()).isEqualTo(200);
		assertThat(http().get("/images/41?index=2", "Accept", "application/json").statusCode()).isEqualTo(200);
		assertThat(http().get("/api/listings/41", "Accept", "application/json").statusCode()).isEqualTo(200);
		assertThat(http().get("/listings/987654321", "Accept", BROWSER).statusCode()).isEqualTo(404);
		assertThat(http().get("/no/such/route").statusCode()).isEqualTo(404);
		Scrape after = scrape();

		assertThat(rise(before, after, REQUESTS, "uri", "/listings/{id}", "status", "200", "kept", "false")).isEqualTo(1);
		assertThat(rise(before, after, REQUESTS, "uri", "/listings/{id}", "status", "200", "kept", "true")).isEqualTo(kept);
		assertThat(rise(before, after, REQUESTS, "uri", "/images/{id}", "status", "200", "kept", "false")).isEqualTo(1);
		assertThat(rise(before, after, REQUESTS, "uri", "/images/{id}", "status", "200", "kept", "true")).isEqualTo(1);
		assertThat(rise(before, after, REQUESTS, "uri", "/api/listings/{id}", "status", "200", "kept", "false")).isEqualTo(1);
		assertThat(rise(before, after, REQUESTS, "uri", "/listings/{id}", "status", "404", "kept", "false")).isEqualTo(1);
		assertThat(rise(before, after, REQUESTS, "uri", "NOT_FOUND", "status", "404")).isEqualTo(1);
		assertThat(rise(before, after, REQUESTS, "kept", "true")).as("nothing else was kept").isEqualTo(kept + 1);
		// Only the two first answers were looked up and not found; an unknown listing is never looked up.
		assertThat(rise(before, after, LOOKUPS, "layer", "kept", "result", "hit")).isEqualTo(kept + 1);
		assertThat(rise(before, after, LOOKUPS, "layer", "kept", "result", "miss")).isEqualTo(2);
		assertThat(after.text()).as("routes, never raw paths").doesNotContain("uri=\"/listings/41\"", "/987654321",
				"/no/such/route");
	}

	@Test
	void eachCacheLayerCountsItsHitsAndMisses() {
		Scrape before = scrape();

		// No near copy: every read is Redis's, and the second finds what the first put there.
		assertThat(http().getBytes("/media/demo-003/200").statusCode()).isEqualTo(200);
		assertThat(http().getBytes("/media/demo-003/200").statusCode()).isEqualTo(200);
		Scrape media = scrape();
		assertThat(rise(before, media, LOOKUPS, "layer", "redis", "cache", "media", "result", "hit")).isGreaterThanOrEqualTo(1);
		assertThat(before.matching(LOOKUPS, "layer", "near", "cache", "media")).as("media has no near copy").isEmpty();

		// The JSON API is never kept: each read asks the listings cache, near copy first once it is trusted.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(http().get("/api/listings/43", "Accept", "application/json").statusCode()).isEqualTo(200);
			assertThat(rise(before, scrape(), LOOKUPS, "layer", "near", "cache", "listings", "result", "hit")).isPositive();
		});
		Scrape after = scrape();
		// A near hit needs an earlier read that missed it and filled it from Redis (or from MongoDB through Redis).
		assertThat(rise(before, after, LOOKUPS, "layer", "near", "cache", "listings", "result", "miss")).isPositive();
		assertThat(rise(before, after, LOOKUPS, "layer", "redis", "cache", "listings")).isPositive();
	}

	@Test
	void gaugesTellTheNearCachesTrustThePendingBacklogAndTheDecodesUnderWay() {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(scrape().sum("starkiller_cache_near_trusted")).isEqualTo(1));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(scrape().matching("starkiller_cache_evictions_pending")).singleElement()
				.satisfies((backlog) -> assertThat(backlog.value()).isZero()));
		Scrape scrape = scrape();
		assertThat(scrape.matching("starkiller_media_decodes_active")).singleElement()
			.satisfies((decodes) -> assertThat(decodes.value()).isZero());
		assertThat(scrape.matching("starkiller_media_decode_memory_bytes")).singleElement()
			.satisfies((memory) -> assertThat(memory.value()).isZero());
	}

	@Test
	void mongoDbAndRedisCommandsAreTimed() {
		Scrape before = scrape();

		assertThat(app.management().get("/actuator/health").statusCode()).isEqualTo(200);
		assertThat(http().getBytes("/media/demo-004/200").statusCode()).isEqualTo(200);
		Scrape after = scrape();

		// The health check's ping (operations.MongoHealth), through the client that MongoLimits customises.
		assertThat(rise(before, after, "mongodb_driver_commands_seconds_count", "command", "ping", "status", "SUCCESS"))
			.isPositive();
		assertThat(after.matching("mongodb_driver_pool_size")).isNotEmpty();
		// The media cache's read, through the Lettuce client the cache module configures.
		assertThat(rise(before, after, "lettuce_seconds_count", "db_operation", "GET", "error", "none")).isPositive();
	}

	@Test
	void theScrapeIsOnTheManagementPortOnly() {
		HttpResponse<String> scrape = app.management().get("/actuator/prometheus");

		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/plain"));
		assertThat(http().get("/actuator/prometheus").statusCode()).isEqualTo(404);
	}

	private static Http http() {
		return app.http();
	}

	private static Scrape scrape() {
		HttpResponse<String> scrape = app.management().get("/actuator/prometheus");
		assertThat(scrape.statusCode()).isEqualTo(200);
		return Scrape.of(scrape.body());
	}

	private static double rise(Scrape before, Scrape after, String name, String... labels) {
		return after.sum(name, labels) - before.sum(name, labels);
	}

}
