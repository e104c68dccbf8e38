package com.starkiller.images.saved;

import java.net.http.HttpResponse;
import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;

import com.starkiller.images.Http;
import com.starkiller.images.IntegrationTest;
import com.starkiller.images.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A visitor who has saved something keeps getting pages while Redis, which holds sessions, is away. */
class SessionFaultTest extends IntegrationTest {

	@Test
	void pagesAnswerAndSaveSaysItCannotWhileRedisIsAway() {
		HttpResponse<String> saved = this.http.post("/saved/52", "saved=true", "Origin", this.http.origin());
		String session = Http.session(saved);

		RedisClient client = RedisClient.create(TestServers.redisUrl());
		try (StatefulRedisConnection<String, String> admin = client.connect()) {
			// Redis keeps the session but answers nobody for a while.
			admin.sync().clientPause(6000);
			for (String page : new String[] { "/listings/52", "/images/52?index=1", "/reviews/52?index=1", "/listings/53",
					"/listings/52?saved=true" }) {
				assertThat(this.http.get(page, "Cookie", session).statusCode()).as(page).isEqualTo(200);
			}
			assertThat(this.http.get("/saved/52", "HX-Request", "true", "Cookie", session).statusCode()).isEqualTo(200);
			HttpResponse<String> save = this.http.post("/saved/53", "saved=true", "Origin", this.http.origin(),
					"Cookie", session);
			assertThat(save.statusCode()).isEqualTo(503);
			assertThat(save.headers().firstValue("Retry-After")).isPresent();
			assertThat(save.body()).contains("be changed right now");
			HttpResponse<String> list = this.http.get("/saved", "Cookie", session);
			assertThat(list.statusCode()).isEqualTo(200);
			assertThat(Http.html(list).selectFirst("[role=status]").text()).contains("can't be shown right now");
		}
		finally {
			client.shutdown();
		}
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
				Http.html(this.http.get("/saved/52", "HX-Request", "true", "Cookie", session)).getElementById("save-button").attr("aria-pressed"))
			.isEqualTo("true"));
	}

}
