package com.starkiller.images.saved;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.starkiller.images.Http;
import com.starkiller.images.IntegrationTest;
import com.starkiller.images.TestServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor who has saved a listing gets the pages kept for everyone (issue #15): rendering one
 * for them, the first time it is asked for, reads nothing of their session from Redis either.
 */
class SessionReadsTest extends IntegrationTest {

	private static final String[] AUTH = { "Authorization", "Bearer " + TOKEN };

	@Test
	void aPageRenderedForEveryoneReadsNoSession() {
		String session = Http.session(this.http.post("/saved/61", "saved=true", "Origin", this.http.origin()));
		// A new listing: its page is kept nowhere yet, so this visitor's request renders it.
		long id = JsonMapper.shared().readTree(this.http.json("POST", "/api/listings",
				"{\"name\":\"Unread\",\"location\":{\"city\":\"Tromsø\",\"country\":\"Norway\"}}", AUTH).body())
			.path("id")
			.asLong();
		long before = TestServers.redisCalls("hgetall");
		this.http.get("/saved", "Cookie", session);
		assertThat(TestServers.redisCalls("hgetall")).as("the visitor's own page reads their session").isGreaterThan(before);
		before = TestServers.redisCalls("hgetall");
		System.out.println("DEBUGT before=" + before);

		HttpResponse<String> page = this.http.get("/listings/" + id, "Cookie", session);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(
				(control) -> assertThat(control).doesNotContain("private"));
		assertThat(TestServers.redisCalls("hgetall")).as("sessions read from Redis").isEqualTo(before);
	}

	@Test
	void anErrorPageRenderedForEveryoneReadsNoSession() {
		String session = Http.session(this.http.post("/saved/62", "saved=true", "Origin", this.http.origin()));
		long before = TestServers.redisCalls("hgetall");

		HttpResponse<String> missing = this.http.get("/images/62?index=99", "Cookie", session);

		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(TestServers.redisCalls("hgetall")).as("sessions read from Redis").isEqualTo(before);
	}

}
