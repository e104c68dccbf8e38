package com.starkiller.images.listing;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.test.context.TestPropertySource;

import com.starkiller.images.Http;
import com.starkiller.images.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = "starkiller.api.token=" + ListingApiTest.TOKEN)
class ListingApiTest extends IntegrationTest {

	static final String TOKEN = "test-token-0123456789abcdef0123456789";

	static final String[] AUTH = { "Authorization", "Bearer " + TOKEN };

	/**
	 * Found by review: Spring took a range at quality 0 as acceptable, so a write whose client
	 * refused JSON (application/json;q=0, or *{@literal /}*;q=0) was applied and answered in JSON
	 * instead of being refused before it was made.
	 */
	@Test
	void aWriteWhoseClientRefusesJsonIsRefusedBeforeItIsMade() {
		HttpResponse<String> created = this.http.json("POST", "/api/listings", newListing("Quality"), AUTH);
		String path = "/api/listings/" + created.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1");
		String version = this.http.json("GET", path, null).headers().firstValue("ETag").orElseThrow();

		for (String accept : new String[] { "application/json;q=0", "*/*;q=0", "application/json;q=0, text/html;q=0",
				"application/json;q=0, */*", "application/*;q=0, text/html" }) {
			HttpResponse<String> refused = this.http.json("PATCH", path, "{\"name\":\"Not this\"}", "Authorization",
					"Bearer " + TOKEN, "Accept", accept);
			assertThat(refused.statusCode()).as(accept).isEqualTo(406);
		}
		assertThat(this.http.json("GET", path, null).headers().firstValue("ETag")).hasValue(version);
		assertThat(this.http.json("PATCH", path, "{\"name\":\"This one\"}", "Authorization", "Bearer " + TOKEN,
				"Accept", "text/html, application/json;q=0.1").statusCode()).isEqualTo(200);
	}

	/**
	 * A type at quality 0 is refused, not chosen: Spring took application/json;q=0 as naming JSON.
	 * (Naming JSON at any quality above 0 gets JSON, as the README's routes say.)
	 */
	@Test
	void aTypeAtQualityZeroIsNeverTheOneAnswered() {
		String path = "/images/7?index=1";
		assertThat(type(path, "application/json;q=0, text/html")).startsWith("text/html");
		assertThat(type(path, "text/html, application/json;q=0.000")).startsWith("text/html");
		assertThat(type(path, "text/html;q=0, application/json")).startsWith("application/json");
		assertThat(type(path, "application/json;q=0.5, text/html")).startsWith("application/json");
		// Found by review: with every range refused, the header was left to Spring, which answered JSON.
		for (String route : new String[] { path, "/reviews/7?index=1", "/listings/7/photos" }) {
			assertThat(type(route, "application/json;q=0")).as(route).startsWith("text/html");
		}
	}

	private String type(String path, String accept) {
		HttpResponse<String> response = this.http.get(path, "Accept", accept);
		assertThat(response.statusCode()).as(accept).isEqualTo(200);
		return response.headers().firstValue("Content-Type").orElseThrow();
	}

	/** Found by review: "bearer" was refused, though an authentication scheme's name has no case. */
	@Test
	void theTokensSchemeNameHasNoCase() {
		for (String scheme : new String[] { "bearer", "BEARER", "Bearer" }) {
			HttpResponse<String> created = this.http.json("POST", "/api/listings", newListing("Any case"),
					"Authorization", scheme + " " + TOKEN);
			assertThat(created.statusCode()).as(scheme).isEqualTo(201);
		}
		assertThat(this.http.json("POST", "/api/listings", newListing("No token"), "Authorization", "bearer")
			.statusCode()).isEqualTo(401);
	}

	@Test
	void readsArePublicAndWritesNeedTheToken() {
		assertThat(this.http.json("GET", "/api/listings/7", null).statusCode()).isEqualTo(200);

		HttpResponse<String> anonymous = this.http.json("POST", "/api/listings", newListing("Nope"));
		HttpResponse<String> wrong = this.http.json("POST", "/api/listings", newListing("Nope"), "Authorization",
				"Bearer guess");
		HttpResponse<String> insert = this.http.json("POST", "/insert", null);

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(wrong.statusCode()).isIn(401, 403);
		assertThat(insert.statusCode()).isEqualTo(401);
		for (HttpResponse<String> response : new HttpResponse[] { anonymous, wrong, insert }) {
			assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
		}
	}

	@Test
	void createsRenamesAndDeletesAListing() {
		HttpResponse<String> created = this.http.json("POST", "/api/listings", newListing("Harbour flat"), AUTH);
		assertThat(created.statusCode()).isEqualTo(201);
		long id = idOf(created.body());
		assertThat(created.headers().firstValue("Location")).hasValue("/api/listings/" + id);
		assertThat(Http.html(this.http.get("/listings/" + id)).selectFirst("h1").text()).isEqualTo("Harbour flat");

		HttpResponse<String> renamed = this.http.json("PATCH", "/api/listings/" + id, "{\"name\":\"Harbour loft\"}",
				AUTH);
		assertThat(renamed.statusCode()).isEqualTo(200);
		assertThat(Http.html(this.http.get("/listings/" + id)).selectFirst("h1").text()).isEqualTo("Harbour loft");

		assertThat(this.http.json("DELETE", "/api/listings/" + id, null, AUTH).statusCode()).isEqualTo(204);
		assertThat(this.http.get("/listings/" + id).statusCode()).isEqualTo(404);
		assertThat(this.http.json("DELETE", "/api/listings/" + id, null, AUTH).statusCode()).isEqualTo(404);
	}

	@Test
	void insertIsOffUnlessEnabled() {
		HttpResponse<String> inserted = this.http.json("POST", "/insert", null, AUTH);

		assertThat(inserted.statusCode()).isEqualTo(404);
		assertThat(inserted.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void invalidBodiesAreProblemsThatNameTheField() {
		HttpResponse<String> blank = this.http.json("POST", "/api/listings",
				"{\"name\":\"\",\"location\":{\"city\":\"Oslo\",\"country\":\"Norway\"}}", AUTH);
		HttpResponse<String> rating = this.http.json("POST", "/api/listings/7/reviews",
				"{\"author\":\"Ana\",\"rating\":9,\"text\":\"Fine\"}", AUTH);
		HttpResponse<String> broken = this.http.json("POST", "/api/listings", "{not json", AUTH);
		HttpResponse<String> empty = this.http.json("PATCH", "/api/listings/7", "{}", AUTH);
		HttpResponse<String> unknown = this.http.json("PATCH", "/api/listings/987654", "{\"name\":\"X\"}", AUTH);
		HttpResponse<String> badId = this.http.json("PATCH", "/api/listings/abc", "{\"name\":\"X\"}", AUTH);

		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(blank.body()).contains("\"field\":\"name\"");
		assertThat(rating.statusCode()).isEqualTo(400);
		assertThat(rating.body()).contains("\"field\":\"rating\"");
		assertThat(broken.statusCode()).isEqualTo(400);
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(badId.statusCode()).isEqualTo(400);
		for (HttpResponse<String> response : new HttpResponse[] { blank, rating, broken, empty, unknown, badId }) {
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		}
	}

	/** Found by review: each of these was stored as something the client did not send. */
	@Test
	void bodiesAreReadAsWrittenAndNothingIsStoredFromOneThatIsNot() {
		String seven = this.http.get("/api/listings/7").body();
		String[][] refused = { { "POST", "/api/listings/7/reviews", "{\"author\":\"Ana\",\"rating\":4.7,\"text\":\"Fine\"}" },
				{ "POST", "/api/listings/7/reviews", "{\"author\":12,\"rating\":4,\"text\":\"Fine\"}" },
				{ "POST", "/api/listings/7/reviews", "{\"author\":\"Ana\",\"rating\":\"4\",\"text\":true}" },
				{ "PATCH", "/api/listings/7", "{\"name\":\"One\",\"name\":\"Two\"}" },
				{ "PATCH", "/api/listings/7", "{\"name\":\"   \"}" },
				{ "PATCH", "/api/listings/7", "{\"location\":{\"city\":7,\"country\":\"Norway\"}}" } };

		for (String[] write : refused) {
			HttpResponse<String> answer = this.http.json(write[0], write[1], write[2], AUTH);

			assertThat(answer.statusCode()).as(write[2]).isEqualTo(400);
			assertThat(answer.headers().firstValue("Content-Type")).as(write[2]).hasValue("application/problem+json");
		}
		assertThat(this.http.get("/api/listings/7").body()).isEqualTo(seven);
	}

	/**
	 * Found by review: a name of U+00A0 was stored (@NotBlank goes by Character.isWhitespace, which
	 * leaves out the no-break spaces), and by PATCH one of U+3000 too (its \\S was ASCII only). Text
	 * that shows nothing is refused in every field that must show something.
	 * The values are JSON escapes: no-break, figure, narrow no-break, ideographic space, zero-width
	 * space, line separator.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "\\u00a0", "\\u2007\\u202f", "\\u3000", "\\u200b", "\\u2028", " \\u00a0\\t\\u3000 " })
	void textThatShowsNothingIsRefusedWhereverTextIsRequired(String nothing) {
		String path = "/api/listings/" + idOf(this.http.json("POST", "/api/listings", newListing("Visible"), AUTH).body());
		String before = this.http.get(path).body();
		String[][] refused = { { "POST", "/api/listings", newListing(nothing), "name" },
				{ "PATCH", path, "{\"name\":\"" + nothing + "\"}", "name" },
				{ "POST", "/api/listings", "{\"name\":\"A\",\"location\":{\"city\":\"" + nothing
						+ "\",\"country\":\"Norway\"}}", "location.city" },
				{ "PATCH", path, "{\"location\":{\"city\":\"Oslo\",\"country\":\"" + nothing + "\"}}",
						"location.country" },
				{ "POST", path + "/reviews", "{\"author\":\"" + nothing + "\",\"rating\":4,\"text\":\"Fine\"}",
						"author" },
				{ "POST", path + "/reviews", "{\"author\":\"Ana\",\"rating\":4,\"text\":\"" + nothing + "\"}",
						"text" } };

		for (String[] write : refused) {
			HttpResponse<String> answer = this.http.json(write[0], write[1], write[2], AUTH);

			assertThat(answer.statusCode()).as(write[2]).isEqualTo(400);
			assertThat(answer.headers().firstValue("Content-Type")).as(write[2]).hasValue("application/problem+json");
			assertThat(answer.body()).as(write[2]).contains("\"field\":\"" + write[3] + "\"");
		}
		assertThat(this.http.get(path).body()).isEqualTo(before);
	}

	@Test
	void theOpenApiDescriptionAndSwaggerUiAreServed() {
		HttpResponse<String> docs = this.http.get("/v3/api-docs");

		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/listings/{id}/photos", "/api/listings/{id}/reviews");
		assertThat(this.http.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
	}

	/**
	 * Found by review: springdoc wrote the request's Host (or X-Forwarded-Host) into the
	 * description's server, so one made-up request could point Swagger UI's "Try it out", and the
	 * token it sends, at another host. The server is the description's own origin (or the public URL).
	 */
	@Test
	void theDescriptionsServerIsNeverTheRequestsHost() {
		for (String[] host : new String[][] { { "Host", "evil.example" }, { "X-Forwarded-Host", "evil2.example" } }) {
			String docs = this.http.raw("/v3/api-docs", host);
			assertThat(docs).startsWith("HTTP/1.1 200").doesNotContain("evil").contains("\"servers\":[{\"url\":\"/\"");
		}
	}

	static String newListing(String name) {
		return "{\"name\":\"" + name + "\",\"location\":{\"city\":\"Bergen\",\"country\":\"Norway\"}}";
	}

	static long idOf(String json) {
		var matcher = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(json);
		assertThat(matcher.find()).as(json).isTrue();
		return Long.parseLong(matcher.group(1));
	}

}
