package com.starkiller.images.listing;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.context.TestPropertySource;

import com.starkiller.images.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The write API's HTTP conditional requests: the ETag is the listing's version, If-Match guards writes. */
@TestPropertySource(properties = "starkiller.api.token=" + ListingApiTest.TOKEN)
class ConditionalWritesTest extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String[] AUTH = ListingApiTest.AUTH;

	@Test
	void readsAndWritesCarryTheVersionAsETag() {
		long id = create("Tagged house");
		HttpResponse<String> read = this.http.json("GET", "/api/listings/" + id, null);
		assertThat(read.headers().firstValue("ETag")).hasValue("\"" + json(read).path("version").asLong() + "\"");

		HttpResponse<String> renamed = this.http.json("PATCH", "/api/listings/" + id, "{\"name\":\"Tagged home\"}",
				with("If-Match", etag(read)));
		assertThat(renamed.statusCode()).isEqualTo(200);
		assertThat(etag(renamed)).isEqualTo("\"" + json(renamed).path("version").asLong() + "\"").isNotEqualTo(etag(read));
	}

	@Test
	void aWriteWithAStaleETagIsRefusedAndChangesNothing() {
		long id = create("Two photos");
		addPhoto(id, "First");
		HttpResponse<String> seen = addPhoto(id, "Second");
		// Someone else removes photo 1 meanwhile: "photo 2" now means nothing the client saw.
		assertThat(this.http.json("DELETE", "/api/listings/" + id + "/photos/1", null, AUTH).statusCode()).isEqualTo(200);

		HttpResponse<String> stale = this.http.json("DELETE", "/api/listings/" + id + "/photos/1", null,
				with("If-Match", etag(seen)));

		assertThat(stale.statusCode()).isEqualTo(412);
		assertThat(stale.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(json(this.http.json("GET", "/api/listings/" + id, null)).path("photos")).hasSize(1);
	}

	@Test
	void everyKindOfWriteHonoursIfMatch() {
		long id = create("Guarded");
		String stale = "\"1\"";
		addPhoto(id, "Only");
		String base = "/api/listings/" + id;
		assertThat(this.http.json("PATCH", base, "{\"name\":\"x\"}", with("If-Match", stale)).statusCode()).isEqualTo(412);
		assertThat(this.http.json("POST", base + "/photos", "{\"image\":\"demo-001\"}", with("If-Match", stale))
			.statusCode()).isEqualTo(412);
		assertThat(this.http.json("PUT", base + "/photos/1", "{\"image\":\"demo-002\"}", with("If-Match", stale))
			.statusCode()).isEqualTo(412);
		assertThat(this.http.json("PUT", base + "/photos/order", "{\"order\":[1]}", with("If-Match", stale))
			.statusCode()).isEqualTo(412);
		assertThat(this.http.json("POST", base + "/reviews", "{\"author\":\"A\",\"rating\":5,\"text\":\"T\"}",
				with("If-Match", stale)).statusCode()).isEqualTo(412);
		assertThat(this.http.json("DELETE", base, null, with("If-Match", stale)).statusCode()).isEqualTo(412);
		// A weak tag never matches; "*" matches whatever the version is.
		String current = etag(this.http.json("GET", base, null));
		assertThat(this.http.json("PATCH", base, "{\"name\":\"y\"}", with("If-Match", "W/" + current)).statusCode())
			.isEqualTo(412);
		assertThat(this.http.json("PATCH", base, "{\"name\":\"z\"}", with("If-Match", "*")).statusCode()).isEqualTo(200);

		JsonNode after = json(this.http.json("GET", base, null));
		assertThat(after.path("name").asString()).isEqualTo("z");
		assertThat(after.path("photos")).hasSize(1);
		assertThat(after.path("reviewCount").asInt()).isZero();
		current = etag(this.http.json("GET", base, null));
		assertThat(this.http.json("DELETE", base, null, with("If-Match", "\"999\", " + current)).statusCode())
			.isEqualTo(204);
	}

	/**
	 * RFC 9110 13.1.1: an If-Match that names no entity tag matches no version; only an absent
	 * header leaves a write unconditional. Found by review: an empty header was taken for "any".
	 */
	@Test
	void anIfMatchThatNamesNoTagMatchesNothingAndChangesNothing() {
		long id = create("Empty condition");
		String base = "/api/listings/" + id;

		for (String empty : new String[] { "", ",", " , " }) {
			HttpResponse<String> refused = this.http.json("PATCH", base, "{\"name\":\"Changed\"}", with("If-Match", empty));
			assertThat(refused.statusCode()).as("If-Match: [" + empty + "]: " + refused.body()).isEqualTo(412);
			assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		}
		assertThat(this.http.json("DELETE", base, null, with("If-Match", "")).statusCode()).isEqualTo(412);
		assertThat(this.http.json("POST", base + "/reviews", "{\"author\":\"A\",\"rating\":5,\"text\":\"T\"}",
				with("If-Match", "")).statusCode()).isEqualTo(412);

		JsonNode after = json(this.http.json("GET", base, null));
		assertThat(after.path("name").asString()).isEqualTo("Empty condition");
		assertThat(after.path("reviewCount").asInt()).isZero();
	}

	private long create(String name) {
		HttpResponse<String> created = this.http.json("POST", "/api/listings",
				"{\"name\":\"" + name + "\",\"location\":{\"city\":\"Oslo\",\"country\":\"Norway\"}}", AUTH);
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("ETag")).isPresent();
		return json(created).path("id").asLong();
	}

	private HttpResponse<String> addPhoto(long id, String caption) {
		HttpResponse<String> added = this.http.json("POST", "/api/listings/" + id + "/photos",
				"{\"image\":\"demo-001\",\"caption\":\"" + caption + "\"}", AUTH);
		assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
		return added;
	}

	private static String[] with(String name, String value) {
		return new String[] { AUTH[0], AUTH[1], name, value };
	}

	private static String etag(HttpResponse<String> response) {
		return response.headers().firstValue("ETag").orElseThrow();
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

}
