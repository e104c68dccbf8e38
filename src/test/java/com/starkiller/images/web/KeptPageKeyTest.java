package com.starkiller.images.web;

import java.net.http.HttpResponse;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.starkiller.images.Http;
import com.starkiller.images.IntegrationTest;
import com.starkiller.images.MongoCommands;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kept pages are keyed by the few forms an answer takes, never by a header as a visitor wrote it;
 * and an unknown id costs MongoDB one query, then nothing until it is created.
 */
class KeptPageKeyTest extends IntegrationTest {

	private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@Autowired
	MeterRegistry meters;

	@Autowired
	MongoCommands mongo;

	@Test
	void acceptHeadersAVisitorMakesUpDoNotMakeTheKeptPagesGrow() {
		String path = "/images/9?index=2";
		this.http.get(path, "Accept", BROWSER);
		this.http.get(path, "Accept", "application/json");
		this.http.get(path);
		double before = keptPages();

		for (int i = 0; i < 50; i++) {
			HttpResponse<String> made = this.http.get(path, "Accept", "text/html;v=" + i + ", application/json;q=0." + (i % 9 + 1));
			assertThat(made.statusCode()).isIn(200, 406);
			HttpResponse<String> browser = this.http.get(path, "Accept", BROWSER.replace("0.8", "0.0" + (i % 9 + 1)),
					"Accept-Language", "x-" + i, "HX-Trigger", "t" + i);
			assertThat(browser.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		}

		assertThat(keptPages()).isEqualTo(before);
	}

	@Test
	void hostsAVisitorMakesUpAreAnsweredButNotKept() {
		String path = "/listings/12";
		this.http.raw(path);
		this.http.raw(path, "Host", "localhost:" + this.http.port());
		double before = keptPages();

		for (int i = 0; i < 30; i++) {
			String made = this.http.raw(path, "Host", "made-up-" + i + ".example");
			String port = this.http.raw(path, "Host", "localhost:" + (20000 + i));
			assertThat(made).startsWith("HTTP/1.1 200").contains("made-up-" + i + ".example/listings/12");
			assertThat(port).startsWith("HTTP/1.1 200");
		}

		assertThat(keptPages()).isEqualTo(before);
		assertThat(this.http.raw(path)).startsWith("HTTP/1.1 200").doesNotContain("made-up-");
	}

	@Test
	void noHtmxHeaderValueOrLanguageMakesAKeptPageWrongForOthers() {
		String path = "/reviews/13?index=2";
		HttpResponse<String> odd = this.http.get(path, "HX-Request", "1", "Accept-Language", "de-DE");
		HttpResponse<String> restore = this.http.get(path, "HX-Request", "true", "HX-History-Restore-Request", "true");
		HttpResponse<String> german = this.http.get(path, "Accept-Language", "de-DE,de;q=0.9");
		HttpResponse<String> plain = this.http.get(path);
		HttpResponse<String> germanAgain = this.http.get(path, "Accept-Language", "de");

		assertThat(odd.statusCode()).isEqualTo(200);
		assertThat(restore.statusCode()).isEqualTo(200);
		assertThat(plain.body()).contains("<!DOCTYPE html>", "id=\"reviews\"");
		// Each language is kept apart: numbers and dates as that language writes them.
		assertThat(Http.html(plain).selectFirst(".summary").text()).matches("★ \\d\\.\\d\\d · \\d+ reviews");
		assertThat(Http.html(plain).selectFirst("time").text()).matches("(January|February|March|April|May|June|July|August|September|October|November|December) \\d{4}");
		assertThat(Http.html(german).selectFirst(".summary").text()).matches("★ \\d,\\d\\d · \\d+ Bewertung(en)?");
		assertThat(germanAgain.body()).isEqualTo(german.body());
	}

	@Test
	void leadingZerosShareTheKeptPageOfTheirId() {
		this.http.get("/listings/14");
		double before = keptPages();
		for (String zeros : new String[] { "0", "00", "000", "0000" }) {
			assertThat(this.http.get("/listings/" + zeros + "14").statusCode()).isEqualTo(200);
		}
		assertThat(keptPages()).isEqualTo(before);
	}

	@Test
	void eachFormIsServedOnlyToThoseWhoAskedForIt() {
		String path = "/reviews/11?index=1";
		for (int i = 0; i < 2; i++) {
			assertThat(this.http.get(path, "Accept", BROWSER).headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
			assertThat(this.http.get(path, "Accept", "application/json").headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
			assertThat(this.http.get(path, "Accept", "text/html").headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
			assertThat(this.http.get(path, "Accept", "application/json, text/plain, */*").headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		}
	}

	@Test
	void anUnknownIdReachesMongoOnceAndEndsTheMomentItIsCreated() {
		String created = this.http.json("POST", "/api/listings",
				"{\"name\":\"First of two\",\"location\":{\"city\":\"Porto\",\"country\":\"Portugal\"}}",
				"Authorization", "Bearer " + TOKEN).body();
		assertThat(created).contains("\"id\":");
		long next = Long.parseLong(created.replaceAll("(?s).*\"id\":(\\d+).*", "$1")) + 1;

		assertThat(this.http.get("/listings/" + next).statusCode()).isEqualTo(404);
		int queries = this.mongo.queries();
		for (int i = 0; i < 5; i++) {
			assertThat(this.http.get("/listings/" + next).statusCode()).isEqualTo(404);
			assertThat(this.http.get("/images/" + next, "Accept", "application/json").statusCode()).isEqualTo(404);
		}
		assertThat(this.mongo.queries()).isEqualTo(queries);

		String second = this.http.json("POST", "/api/listings",
				"{\"name\":\"Second of two\",\"location\":{\"city\":\"Porto\",\"country\":\"Portugal\"}}",
				"Authorization", "Bearer " + TOKEN).body();
		assertThat(second).contains("\"id\":" + next + ",");
		assertThat(this.http.get("/listings/" + next).statusCode()).isEqualTo(200);
		assertThat(this.http.get("/listings/" + next).body()).contains("Second of two");
	}

	private double keptPages() {
		return this.meters.get("starkiller.rendered.pages").gauge().value();
	}

}
