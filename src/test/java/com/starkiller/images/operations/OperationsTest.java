package com.starkiller.images.operations;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import com.starkiller.images.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class OperationsTest extends IntegrationTest {

	@Test
	void everyResponseSaysHowLongItTook() {
		for (String path : new String[] { "/listings/1", "/reviews/1?index=1", "/reviews/abc", "/media/demo-001/200",
				"/actuator/health" }) {
			assertThat(this.http.get(path).headers().firstValue("X-Response-Time")).as(path)
				.hasValueSatisfying((value) -> assertThat(value).matches("\\d+\\.\\d{3}ms"));
		}
	}

	@Test
	void healthReportsMongoAndRedisWithProbeGroups() {
		HttpResponse<String> health = this.http.get("/actuator/health");

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"mongo\"", "\"redis\"", "\"status\":\"UP\"");
		assertThat(this.http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(this.http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

}
