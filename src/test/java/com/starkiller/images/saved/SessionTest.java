package com.starkiller.images.saved;

import java.net.http.HttpResponse;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.starkiller.images.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Plain viewing creates no session: no cookie, nothing written to Redis. */
class SessionTest extends IntegrationTest {

	/** Where Spring Session keeps sessions (spring.session.data.redis.namespace). */
	static final String SESSIONS = "spring:session:*";

	@Autowired
	StringRedisTemplate redis;

	@ParameterizedTest
	@ValueSource(strings = { "/listings/3", "/images/3?index=1", "/reviews/3?index=1", "/reviews/abc",
			"/media/demo-000/200" })
	void aGetCreatesNoSession(String path) {
		// Other test classes' visitors may have sessions: this request must add none.
		Set<String> before = this.redis.keys(SESSIONS);

		HttpResponse<String> response = this.http.get(path);

		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
		// None added (another test's may have expired meanwhile).
		assertThat(before).containsAll(this.redis.keys(SESSIONS));
	}

}
