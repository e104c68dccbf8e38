package com.starkiller.images.saved;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.starkiller.images.Http;
import com.starkiller.images.IntegrationTest;
import com.starkiller.images.cache.CacheLookups;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor who saved something is served the same kept page as everyone (no session read, no
 * rendering); their own Save state is a fragment of its own, asked for only when a cookie says so.
 */
class SavedStateTest extends IntegrationTest {

	@Autowired
	MeterRegistry meters;

	@Autowired
	StringRedisTemplate redis;

	@Test
	void aVisitorWithASessionGetsTheKeptPageWithoutTheirSessionBeingRead() {
		String path = "/reviews/71?index=1";
		HttpResponse<String> anonymous = this.http.get(path);
		List<String> cookies = save(71);
		String session = cookie(cookies, "STARKILLER_SESSION");
		double keptBefore = keptHits();
		long sessionReadsBefore = sessionReads();

		for (int i = 0; i < 5; i++) {
			HttpResponse<String> visitor = this.http.get(path, "Cookie", session + "; " + cookie(cookies, SavedCookie.NAME));

			assertThat(visitor.statusCode()).isEqualTo(200);
			assertThat(visitor.headers().firstValue("ETag")).isEqualTo(anonymous.headers().firstValue("ETag"));
			assertThat(visitor.body()).isEqualTo(anonymous.body());
			assertThat(visitor.headers().allValues("Set-Cookie")).isEmpty();
		}

		assertThat(keptHits() - keptBefore).isEqualTo(5);
		assertThat(sessionReads()).as("HGETALL calls on Redis").isEqualTo(sessionReadsBefore);
		Element form = Http.html(anonymous).getElementById("save-form");
		assertThat(form.attr("data-state-url")).isEqualTo("/saved/71");
		assertThat(form.getElementById("save-button").attr("aria-pressed")).isEqualTo("false");
	}

	@Test
	void theVisitorsOwnButtonIsAFragmentNoCacheKeeps() {
		String session = cookie(save(72), "STARKILLER_SESSION");

		HttpResponse<String> saved = this.http.get("/saved/72", "HX-Request", "true", "Cookie", session);
		HttpResponse<String> other = this.http.get("/saved/73", "HX-Request", "true", "Cookie", session);
		HttpResponse<String> nobody = this.http.get("/saved/72", "HX-Request", "true");

		assertThat(saved.statusCode()).isEqualTo(200);
		assertThat(saved.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(saved.body()).doesNotContain("<html");
		assertThat(button(saved).attr("aria-pressed")).isEqualTo("true");
		assertThat(Http.html(saved).getElementById("save-form").hasAttr("data-state-url"))
			.as("the visitor's own button asks for nothing more").isFalse();
		assertThat(button(other).attr("aria-pressed")).isEqualTo("false");
		assertThat(button(nobody).attr("aria-pressed")).isEqualTo("false");
		assertThat(this.http.get("/saved/123456789", "HX-Request", "true").statusCode()).isEqualTo(404);
		assertThat(this.http.get("/saved/x1", "HX-Request", "true").statusCode()).isEqualTo(400);
	}

	@Test
	void readingTheButtonWritesNothingBackWhileSavingDoes() {
		String session = cookie(save(77), "STARKILLER_SESSION");
		long readsBefore = calls("hgetall");
		long writesBefore = sessionWrites();

		for (int i = 0; i < 5; i++) {
			HttpResponse<String> button = this.http.get("/saved/77", "HX-Request", "true", "Cookie", session);
			assertThat(button(button).attr("aria-pressed")).isEqualTo("true");
		}

		// Spring Session reads the session again when it commits a response already sent.
		assertThat(calls("hgetall") - readsBefore).as("session reads").isBetween(5L, 10L);
		assertThat(sessionWrites()).as("HSET, HMSET, PEXPIREAT and EXISTS calls").isEqualTo(writesBefore);
		HttpResponse<String> another = this.http.post("/saved/78", "saved=true", "HX-Request", "true", "Origin",
				this.http.origin(), "Cookie", session);
		assertThat(button(another).attr("aria-pressed")).isEqualTo("true");
		assertThat(sessionWrites()).isGreaterThan(writesBefore);
		HttpResponse<String> unsaved = this.http.post("/saved/77", "saved=false", "HX-Request", "true", "Origin",
				this.http.origin(), "Cookie", session);
		assertThat(button(unsaved).attr("aria-pressed")).isEqualTo("false");
		assertThat(button(this.http.get("/saved/77", "HX-Request", "true", "Cookie", session)).attr("aria-pressed"))
			.isEqualTo("false");
	}

	@Test
	void theCookieThatAsksForTheButtonFollowsTheSavedList() {
		List<String> first = save(74);
		// As long as the session's cookie (starkiller.saved.keep-for, 30 days).
		assertThat(first).anySatisfy((cookie) -> assertThat(cookie).startsWith(SavedCookie.NAME + "=1;")
			.doesNotContain("HttpOnly").contains("Max-Age=2592000"));
		String session = cookie(first, "STARKILLER_SESSION");
		String both = session + "; " + cookie(first, SavedCookie.NAME);
		// And Redis keeps the session as long: its key expires 30 days after this visit.
		String id = new String(Base64.getDecoder().decode(session.substring(session.indexOf('=') + 1)),
				StandardCharsets.UTF_8);
		assertThat(this.redis.getExpire("spring:session:sessions:" + id)).as("seconds the session has left")
			.isGreaterThan(Duration.ofDays(29).toSeconds());

		HttpResponse<String> again = this.http.post("/saved/75", "saved=true", "Origin", this.http.origin(), "Cookie", both);
		assertThat(again.headers().allValues("Set-Cookie")).as("already there: nothing to set").isEmpty();
		this.http.post("/saved/74", "saved=false", "Origin", this.http.origin(), "Cookie", both);
		HttpResponse<String> last = this.http.post("/saved/75", "saved=false", "Origin", this.http.origin(), "Cookie",
				both);

		assertThat(last.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith(SavedCookie.NAME + "=;").contains("Max-Age=0"));
		HttpResponse<String> expired = this.http.get("/saved/74", "HX-Request", "true", "Cookie",
				SavedCookie.NAME + "=1");
		assertThat(expired.headers().allValues("Set-Cookie")).as("no session behind the cookie: it goes")
			.anySatisfy((cookie) -> assertThat(cookie).startsWith(SavedCookie.NAME + "=;"));
	}

	@Test
	void withoutJavaScriptSavingComesBackToAPageRenderedForTheVisitor() {
		HttpResponse<String> saved = this.http.post("/saved/76", "saved=true", "Origin", this.http.origin());
		String session = cookie(saved.headers().allValues("Set-Cookie"), "STARKILLER_SESSION");
		String location = saved.headers().firstValue("Location").orElseThrow();

		assertThat(location).endsWith("/listings/76?saved=true");
		Document page = Http.html(this.http.get(location.substring(location.indexOf("/listings")), "Cookie", session));
		assertThat(page.getElementById("save-button").attr("aria-pressed")).isEqualTo("true");
		assertThat(page.getElementById("save-form").hasAttr("data-state-url")).isFalse();
		HttpResponse<String> plain = this.http.get("/saved/76", "Cookie", session);
		assertThat(plain.statusCode()).isEqualTo(302);
		assertThat(plain.headers().firstValue("Location")).hasValueSatisfying((to) -> assertThat(to).endsWith("/listings/76"));
	}

	private List<String> save(long id) {
		HttpResponse<String> response = this.http.post("/saved/" + id, "saved=true", "HX-Request", "true", "Origin",
				this.http.origin());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.headers().allValues("Set-Cookie");
	}

	private static String cookie(List<String> setCookies, String name) {
		String cookie = setCookies.stream().filter((value) -> value.startsWith(name + "=")).findFirst().orElseThrow();
		return cookie.substring(0, cookie.indexOf(';'));
	}

	private static Element button(HttpResponse<String> response) {
		return Http.html(response).getElementById("save-button");
	}

	private double keptHits() {
		return this.meters.get(CacheLookups.NAME).tags("layer", CacheLookups.KEPT, "result", "hit").counter().count();
	}

	private long sessionReads() {
		return calls("hgetall");
	}

	private long sessionWrites() {
		return calls("hset") + calls("hmset") + calls("pexpireat") + calls("expireat") + calls("exists");
	}

	/** Calls of one Redis command so far, from the server's own statistics. */
	private long calls(String command) {
		String stats = this.redis.execute((org.springframework.data.redis.core.RedisCallback<String>) (connection) ->
				connection.serverCommands().info("commandstats").getProperty("cmdstat_" + command, "calls=0,"));
		return Long.parseLong(stats.substring(stats.indexOf("calls=") + 6, stats.indexOf(',')));
	}

}
