package com.starkiller.images.operations;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.starkiller.images.AppInstance;
import com.starkiller.images.FreezableProxy;
import com.starkiller.images.Http;
import com.starkiller.images.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MongoDB hangs (its connections stay open, nothing comes back): cached pages keep answering, an
 * uncached request gets 503 with Retry-After once the MongoDB timeout runs out instead of holding
 * its thread, and once a few have, at once; liveness stays UP and readiness says DOWN; all is well
 * again once MongoDB answers.
 * The log says so in one line, not in a stack trace per request.
 */
@ExtendWith(OutputCaptureExtension.class)
class MongoHangTest {

	/**
	 * A listing stored by this test and read by no other, so neither Redis (which every test
	 * instance shares) nor any kept page holds it: reading it needs MongoDB.
	 */
	private static final long UNCACHED = 913_101;

	private static FreezableProxy mongo;

	private static AppInstance app;

	@BeforeAll
	static void start() {
		UnreadListing.store(UNCACHED, "Oslo");
		mongo = new FreezableProxy("127.0.0.1", TestServers.mongoPort());
		app = AppInstance.start("spring.mongodb.uri=mongodb://127.0.0.1:" + mongo.port() + "/starkiller");
	}

	@AfterAll
	static void stop() {
		app.close();
		mongo.close();
	}

	private static double refused(String metrics) {
		return metrics.lines()
			.filter((line) -> line.startsWith("starkiller_mongo_refused_total"))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	@Test
	@Timeout(value = 3, unit = TimeUnit.MINUTES)
	void cachedPagesAnswerAndUncachedRequestsGet503WhileMongoHangs(CapturedOutput output) {
		Http http = app.http();
		for (String page : new String[] { "/listings/60", "/reviews/60?index=1" }) {
			assertThat(http.get(page).statusCode()).isEqualTo(200);
			assertThat(http.get(page).statusCode()).isEqualTo(200);
		}
		mongo.freeze();
		try {
			assertThat(http.get("/listings/60").statusCode()).isEqualTo(200);
			assertThat(http.get("/reviews/60?index=1").statusCode()).isEqualTo(200);

			HttpResponse<String> page = http.get("/listings/" + UNCACHED);
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(page.headers().firstValue("Retry-After")).isPresent();
			assertThat(page.body()).contains("The database is not answering");
			HttpResponse<String> json = http.get("/api/listings/" + UNCACHED);
			assertThat(json.statusCode()).isEqualTo(503);
			assertThat(json.headers().firstValue("Content-Type")).hasValue("application/problem+json");

			HttpResponse<String> liveness = http.get("/livez");
			assertThat(liveness.statusCode()).as(liveness.body()).isEqualTo(200);
			assertThat(http.get("/readyz").statusCode()).isEqualTo(503);

			// A few timeouts in a row open the breaker: then an uncached request no longer waits for
			// MongoDB at all (it is refused, and counted), so it cannot hold a request thread.
			await().atMost(Duration.ofSeconds(60)).until(() -> http.get("/listings/" + UNCACHED).statusCode() == 503
					&& refused(app.management().get("/actuator/prometheus").body()) > 0);
			double before = refused(app.management().get("/actuator/prometheus").body());
			HttpResponse<String> refusedPage = http.get("/listings/" + UNCACHED);
			assertThat(refusedPage.statusCode()).isEqualTo(503);
			assertThat(refusedPage.headers().firstValue("Retry-After")).isPresent();
			assertThat(refused(app.management().get("/actuator/prometheus").body())).isGreaterThan(before);
			assertThat(http.get("/listings/60").statusCode()).isEqualTo(200);

			assertThat(output.getOut()).contains("MongoDB is not answering: ")
				.contains("refusing MongoDB work at once")
				.doesNotContain("Servlet.service()");
			// The metrics count them as the 503s they are, not as 500s.
			String metrics = app.management().get("/actuator/prometheus").body();
			assertThat(metrics.lines().filter((line) -> line.startsWith("http_server_requests_seconds_count{")))
				.anyMatch((line) -> line.contains("status=\"503\"") && !line.contains("uri=\"/readyz\""))
				.noneMatch((line) -> line.contains("status=\"500\""));
		}
		finally {
			mongo.thaw();
		}
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(http.get("/listings/" + UNCACHED).statusCode()).isEqualTo(200);
			assertThat(http.get("/readyz").statusCode()).isEqualTo(200);
		});
		assertThat(output.getOut()).contains("MongoDB answers again");
	}

}
