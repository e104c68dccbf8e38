package com.starkiller.images.security;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.starkiller.images.ChildApp;
import com.starkiller.images.ChildAppOutput;
import com.starkiller.images.Http;
import com.starkiller.images.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The write token is never logged (README, Security), not even with the DEBUG logging an operator
 * tracing requests or a refused write would turn on: an instance in a child JVM (logging is set up
 * once per JVM) given its token as an operator would, in {@code STARKILLER_API_TOKEN}, is sent
 * writes with the right token and with a wrong one, and none of its output holds either.
 */
class TokenLogTest {

	private static final String TOKEN = "log-test-token-7c1e9a04b2d6f8351e0c";

	private static final String WRONG = "wrong-token-5d83f02a9b7c16e4a0f2b9";

	private static ChildApp app;

	private static Http http;

	@RegisterExtension
	static final ChildAppOutput CHILD_OUTPUT = ChildAppOutput.printedOnFailure(() -> app);

	@BeforeAll
	static void start() throws IOException {
		app = ChildApp.start("token-log", List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
				Map.of("STARKILLER_API_TOKEN", TOKEN), "--spring.mongodb.uri=" + TestServers.mongoUri(),
				"--spring.data.redis.url=" + TestServers.redisUrl(), "--starkiller.seed.demo=true",
				"--starkiller.seed.demo-listings=300", "--starkiller.seed.image-pool=6",
				"--starkiller.seed.batch-size=20", "--logging.level.org.springframework.security=debug",
				"--logging.level.org.springframework.web=debug", "--logging.level.com.starkiller=debug");
		http = app.http();
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
	}

	@Test
	void neitherTheTokenNorAWrongOneIsLoggedWhateverTheWriteCameTo() {
		String right = "Bearer " + TOKEN;
		HttpResponse<String> created = http.json("POST", "/api/listings",
				"{\"name\":\"Logged nowhere\",\"location\":{\"city\":\"Tromsø\",\"country\":\"Norway\"}}",
				"Authorization", right);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = created.body().replaceAll("(?s).*?\"id\":(\\d+).*", "$1");
		assertThat(http.json("PATCH", "/api/listings/" + id, "{\"name\":\"Still logged nowhere\"}", "Authorization",
				"bearer " + TOKEN).statusCode()).isEqualTo(200);
		assertThat(http.json("PATCH", "/api/listings/" + id, "{\"name\":", "Authorization", right).statusCode())
			.as("a malformed body, answered through the error page").isEqualTo(400);
		assertThat(http.json("GET", "/api/listings/" + id, null, "Authorization", right).statusCode()).isEqualTo(200);

		for (String wrong : new String[] { "Bearer " + WRONG, "Basic " + WRONG, WRONG }) {
			HttpResponse<String> refused = http.json("PATCH", "/api/listings/" + id, "{\"name\":\"Nobody's\"}",
					"Authorization", wrong);
			assertThat(refused.statusCode()).as(wrong).isEqualTo(401);
		}
		assertThat(http.json("DELETE", "/api/listings/" + id, null, "Authorization", "Bearer " + WRONG).statusCode())
			.isEqualTo(401);
		assertThat(http.get("/listings/7", "Authorization", "Bearer " + WRONG).statusCode()).isEqualTo(200);
		assertThat(http.post("/saved/7", "saved=true", "Authorization", "Bearer " + TOKEN, "Origin", "https://evil.example")
			.statusCode()).isEqualTo(403);
		assertThat(http.json("DELETE", "/api/listings/" + id, null, "Authorization", right).statusCode()).isEqualTo(204);

		// The last request's lines are written: DEBUG was on for security and web, and they are all here.
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(app.lines())
				.anyMatch((line) -> line.contains("Securing DELETE /api/listings/" + id))
				.anyMatch((line) -> line.contains("DELETE \"/api/listings/" + id + "\""))
				.anyMatch((line) -> line.contains("Completed 204")));
		assertThat(app.lines()).noneMatch((line) -> line.contains(TOKEN)).noneMatch((line) -> line.contains(WRONG));
	}

}
