package com.starkiller.images.saved;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.AclSetuserArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.protocol.CommandType;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.starkiller.images.Http;
import com.starkiller.images.IntegrationTest;
import com.starkiller.images.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Save, when the visitor's session cannot be read but Redis still takes writes: it answers 503 and
 * the list saved before stays the visitor's. The session is first read in Save itself (no flash
 * attributes are looked for before it, {@link NoFlashAttributes}), after its check that sessions are
 * reachable has passed: without SavedController's refusal to make a session while one that was
 * asked for is unread, a new session holding this listing only would replace the visitor's.
 */
class SessionReadFaultTest extends IntegrationTest {

	@Test
	@Timeout(value = 2, unit = TimeUnit.MINUTES)
	void aSaveWhoseSessionCannotBeReadChangesNothingAndSaysSo() {
		Http http = this.http;
		String session = Http.session(http.post("/saved/52", "saved=true", "Origin", http.origin()));

		HttpResponse<String> save;
		RedisClient client = RedisClient.create(TestServers.redisUrl());
		try (StatefulRedisConnection<String, String> admin = client.connect()) {
			// Reading a session (Spring Session's HGETALL) fails; writing one still works.
			admin.sync().aclSetuser("default", AclSetuserArgs.Builder.removeCommand(CommandType.HGETALL));
			try {
				save = http.post("/saved/53", "saved=true", "Origin", http.origin(), "Cookie", session);
			}
			finally {
				admin.sync().aclSetuser("default", AclSetuserArgs.Builder.addCommand(CommandType.HGETALL));
			}
		}
		finally {
			client.shutdown();
		}

		// The visitor's browser keeps whichever session cookie the answer gave it.
		String after = save.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("STARKILLER_SESSION="))
			.map((cookie) -> cookie.substring(0, cookie.indexOf(';')))
			.findFirst()
			.orElse(session);
		assertThat(after).as("the visitor's session").isEqualTo(session);
		assertThat(save.statusCode()).isEqualTo(503);
		// Once sessions are read again, the list is the one saved before.
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			Document page = Http.html(http.get("/saved", "Cookie", after));
			assertThat(page.getElementById("saved-52")).as("the listing saved before").isNotNull();
		});
	}

}
