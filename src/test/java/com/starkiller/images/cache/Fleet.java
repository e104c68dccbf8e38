package com.starkiller.images.cache;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.starkiller.images.Http;
import com.starkiller.images.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Instances of the app on the test MongoDB and Redis, as the tests of their coherence use them:
 * a listing created through one, its name read through another, and when another has come to
 * serve it from its near copy.
 */
final class Fleet {

	private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

	private Fleet() {
	}

	/** The body that creates a listing of this name. */
	static String listing(String name) {
		return "{\"name\":\"" + name + "\",\"location\":{\"city\":\"Tromsø\",\"country\":\"Norway\"}}";
	}

	/** The id of the listing this answer says was created. */
	static long created(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		Matcher id = ID.matcher(response.body());
		assertThat(id.find()).isTrue();
		return Long.parseLong(id.group(1));
	}

	/** The listing's name as its page heads it. */
	static String title(Http http, long id) {
		return Http.html(http.get("/listings/" + id)).selectFirst("h1").text();
	}

	/** Once an instance trusts its near copy (subscribed, echo heard), a read makes no Redis GET. */
	static void awaitServedFromNearCopy(Http http, long id, Duration within) {
		await().atMost(within).untilAsserted(() -> {
			title(http, id);
			long before = TestServers.redisCalls("get");
			title(http, id);
			assertThat(TestServers.redisCalls("get")).isEqualTo(before);
		});
	}

}
