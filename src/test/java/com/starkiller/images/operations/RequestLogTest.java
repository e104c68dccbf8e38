package com.starkiller.images.operations;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.starkiller.images.AppInstance;
import com.starkiller.images.ChildApp;
import com.starkiller.images.ChildAppOutput;
import com.starkiller.images.Http;
import com.starkiller.images.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * JSON log lines carrying the load balancer's request id, from an instance in a child JVM (logging
 * is set up once per JVM) started as an operator would: {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}
 * in its environment. No request logs at INFO while all is well, so the instance logs Spring MVC's
 * DEBUG line for each request, as an operator tracing requests would turn on.
 */
class RequestLogTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static ChildApp app;

	private static Http http;

	@RegisterExtension
	static final ChildAppOutput CHILD_OUTPUT = ChildAppOutput.printedOnFailure(() -> app);

	@BeforeAll
	static void start() throws IOException {
		// Another instance of the fleet the other tests' instances make up: the same database and demo data.
		app = ChildApp.start("request-log", List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
				Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs"), "--spring.mongodb.uri=" + TestServers.mongoUri(),
				"--spring.data.redis.url=" + TestServers.redisUrl(), "--starkiller.api.token=" + AppInstance.TOKEN,
				"--starkiller.seed.demo=true", "--starkiller.seed.demo-listings=300", "--starkiller.seed.image-pool=6",
				"--starkiller.seed.batch-size=20", "--logging.level.org.springframework.web.servlet.DispatcherServlet=debug");
		http = app.http();
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
	}

	@Test
	void everyLogLineOfARequestCarriesTheLoadBalancersIdAndTheAnswerEchoesIt() {
		String id = "lb-7f3a.9c:01_req";

		HttpResponse<String> answer = http.get("/api/listings/7", "Accept", "application/json", "X-Request-Id", id);

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().allValues("X-Request-Id")).containsExactly(id);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(linesOf(id))
			.extracting((line) -> line.path("message").asString())
			.contains("GET \"/api/listings/7\", parameters={}", "Completed 200 OK"));
		assertThat(linesOf(id)).allSatisfy((line) -> {
			assertThat(line.path("log").path("logger").asString()).isEqualTo("org.springframework.web.servlet.DispatcherServlet");
			assertThat(line.path("ecs").path("version").asString()).isNotEmpty();
		});
	}

	@Test
	void anIdThatIsNotSaneIsReplacedByOneMadeUp() {
		String[] hostile = { "x\"},\"log\":{\"level\":\"ERROR\"}", "a".repeat(65), "two words", "<script>" };
		for (String given : hostile) {
			HttpResponse<String> answer = http.get("/api/listings/8", "Accept", "application/json", "X-Request-Id", given);

			String id = answer.headers().firstValue("X-Request-Id").orElseThrow();
			assertThat(id).as(given).matches("[0-9a-f]{32}");
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(linesOf(id)).extracting((line) -> line.path("message").asString())
					.contains("Completed 200 OK"));
		}
		HttpResponse<String> without = http.get("/api/listings/8", "Accept", "application/json");
		assertThat(without.headers().firstValue("X-Request-Id")).hasValueSatisfying(
				(id) -> assertThat(id).matches("[0-9a-f]{32}"));
		assertThat(String.join("\n", app.lines())).doesNotContain("ERROR\\\"}", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
				"two words", "<script>");
	}

	@Test
	void aKeptAnswerEchoesItsOwnRequestsId() {
		for (String id : new String[] { "first-render", "kept-answer-1", "kept-answer-2" }) {
			HttpResponse<String> answer = http.get("/listings/9", "X-Request-Id", id);

			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(answer.headers().allValues("X-Request-Id")).containsExactly(id);
		}
	}

	/** The JSON log lines that carry this request id (ECS nests the MDC's {@code http.request.id}). */
	private static List<JsonNode> linesOf(String id) {
		return app.lines().stream()
			.filter((line) -> line.startsWith("{") && line.endsWith("}"))
			.map(JSON::readTree)
			.filter((line) -> id.equals(line.path("http").path("request").path("id").asString()))
			.toList();
	}

}
