package com.starkiller.images.operations;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.starkiller.images.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class OperationsTest extends IntegrationTest {

	@Test
	void everyResponseSaysHowLongItTook() {
		for (String path : new String[] { "/listings/1", "/reviews/1?index=1", "/reviews/abc", "/media/demo-001/200",
				"/readyz" }) {
			assertThat(this.http.get(path).headers().firstValue("X-Response-Time")).as(path)
				.hasValueSatisfying((value) -> assertThat(value).matches("\\d+\\.\\d{3}ms"));
		}
	}

	@Test
	void healthDetailsAreOnTheManagementPortOnly() {
		HttpResponse<String> health = this.management.get("/actuator/health");

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"mongo\"", "\"redis\"", "\"status\":\"UP\"");
		assertThat(this.management.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(this.management.get("/actuator/info").statusCode()).isEqualTo(200);
	}

	@Test
	void thePublicPortAnswersOnlyTheProbesWithoutDetails() {
		HttpResponse<String> liveness = this.http.get("/livez");
		HttpResponse<String> readiness = this.http.get("/readyz");

		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
		assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");
		for (String path : new String[] { "/actuator/health", "/actuator/health/readiness", "/actuator/info",
				"/actuator/env", "/actuator" }) {
			assertThat(this.http.get(path).statusCode()).as(path).isEqualTo(404);
		}
	}

	/**
	 * An {@code Accept} that is no list of media ranges is the client's error on the management
	 * port as on the public one: the actuator parsed it itself and answered 500, logging an ERROR
	 * with its stack trace for each such request.
	 */
	@Test
	void theManagementPortAnswersAMalformedAcceptWithAClientErrorAndLogsNoError(CapturedOutput output) {
		for (String path : new String[] { "/actuator/health", "/actuator/health/readiness", "/actuator/info",
				"/actuator/prometheus", "/actuator" }) {
			for (String accept : new String[] { ",,,", "application/json,", "text", "text/html;", "a/b/c" }) {
				int logged = output.getOut().length();
				HttpResponse<String> answer = this.management.get(path, "Accept", accept);

				assertThat(answer.statusCode()).as(path + " with Accept: " + accept).isBetween(400, 499);
				assertThat(output.getOut().substring(logged)).as(path + " with Accept: " + accept)
					.doesNotContain("ERROR")
					.doesNotContain("InvalidMimeTypeException")
					.doesNotContain("Servlet.service()");
			}
		}
		assertThat(this.management.get("/actuator/health", "Accept", "application/json").statusCode()).isEqualTo(200);
	}

}
