package com.starkiller.images.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.starkiller.images.Http;
import com.starkiller.images.IntegrationTest;
import com.starkiller.images.web.RawHttp.Answer;
import com.starkiller.images.web.RawHttp.Request;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a clear 4xx page or problem details, never a 500 or a stack trace. */
class ErrorsTest extends IntegrationTest {

	private static final String[] TOKEN = { "Authorization", "Bearer " + IntegrationTest.TOKEN };

	@LocalServerPort
	private int port;

	@Autowired
	private MongoTemplate mongo;

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "/listings/abc, 400", "/listings/-1, 400", "/listings/1.5, 400", "/listings/99999999999999999999, 404",
			"/listings/123456789, 404", "/reviews/abc, 400", "/reviews/-1?index=1, 400", "/reviews/15?index=0, 400",
			"/reviews/15?index=-3, 400", "/reviews/15?index=99999999999999999999, 404", "/images/15?index=1000000000, 404", "/reviews/15?index=000, 400",
			"/listings/00000000000000000000000000424242/photos, 404", "/reviews/15?index=, 400",
			"'/reviews/15?index=1&index=2', 400", "/reviews/15?index=x, 400", "/reviews/15?index=500, 404",
			"/images/%00, 400", "/images/15?index=abc, 400", "/images/15?index=99, 404", "/images/424242, 404",
			"/reviews/424242?index=1, 404", "/media/demo-000/123, 404", "/media/nope/800, 404",
			"/listings/abc/photos, 400", "/listings/-1/photos, 400", "/listings/424242/photos, 404",
			"/no/such/page, 404" })
	void answersAnErrorPage(String path, int status) {
		HttpResponse<String> response = this.http.get(path, "Accept", "text/html");

		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.body()).doesNotContain("Exception", "at org.", "at com.", "Whitelabel");
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html"));
		if (!path.contains("%00")) {
			assertThat(Http.html(response).getElementById("error-title").text()).startsWith(status + ":");
		}
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "/images/abc, 400", "/images/424242, 404", "/reviews/15?index=0, 400", "/reviews/424242, 404",
			"/listings/abc/photos, 400", "/listings/424242/photos, 404" })
	void answersProblemDetailsToJsonClients(String path, int status) {
		HttpResponse<String> response = this.http.get(path, "Accept", "application/json");

		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":" + status, "\"detail\":", "\"instance\":\"");
	}

	@ParameterizedTest
	@CsvSource({ "/api/nothing/here, 404", "/api/listings/abc, 400", "/api/listings/987654321, 404" })
	void theApiAlwaysAnswersProblemDetails(String path, int status) {
		HttpResponse<String> response = this.http.get(path, "Accept", "text/html");

		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@ParameterizedTest
	@CsvSource({ "/listings/123456789, There is no listing 123456789.",
			"/reviews/abc, 'A listing id is a whole number from 0, such as /listings/15000.'",
			"/listings/99999999999999999999, There is no listing with an id of 20 digits." })
	void saysWhatIsWrong(String path, String detail) {
		assertThat(Http.html(this.http.get(path)).select(".detail").text()).isEqualTo(detail);
	}

	/** PRODUCT.md: a non-numeric or negative index is a 400, one past the end a 404, however many digits it has. */
	@Test
	void anIndexOfTenDigitsOrMoreIsPastTheEndAndLeadingZerosCountForNothing() {
		for (String path : new String[] { "/images/15?index=1000000000", "/reviews/15?index=99999999999999999999",
				"/images/15?index=" + "9".repeat(2000) }) {
			HttpResponse<String> response = this.http.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(Http.html(response).select(".detail").text()).as(path).endsWith(" here, not a billion or more.");
		}
		assertThat(this.http.get("/reviews/15?index=00000000000000000000001").statusCode()).isEqualTo(200);
		assertThat(this.http.get("/listings/" + "0".repeat(30) + "15").statusCode()).isEqualTo(200);
	}


	/** Requests Tomcat refuses before the application: our page or problem details, not Tomcat's report. */
	@ParameterizedTest(name = "{0} {1} -> {3}")
	@CsvSource({ "GET, '/listings/[1]', text/html, 400", "GET, '/reviews/15?index[$gt]=1', text/html, 400",
			"GET, /listings/1%2F2, text/html, 400", "GET, /listings/1%5C2, */*, 400",
			"GET, /api/listings/1%2F2, text/html, 400", "GET, /listings/1%2F2, application/json, 400",
			"GET, '/listings/{1}', text/html, 400",
			"CONNECT, /listings/1, text/html, 405" })
	void answersRequestsTomcatRefusesLikeAnyOther(String method, String target, String accept, int status) {
		Answer answer = raw(method, target, null, "Accept", accept);

		assertThat(answer.status()).isEqualTo(status);
		assertThat(answer.text()).doesNotContain("Tomcat", "Exception", "at org.");
		if (Verdict.isApi(target) || accept.contains("json")) {
			assertThat(answer.contentType()).isEqualTo("application/problem+json");
			assertThat(answer.text()).contains("\"status\":" + status);
		}
		else {
			assertThat(answer.contentType()).startsWith("text/html");
			assertThat(Verdict.html(answer.text())).isEmpty();
			assertThat(Jsoup.parse(answer.text()).getElementById("error-title").text()).startsWith(status + ":");
		}
		if (status == 405) {
			assertThat(answer.header("Allow")).isPresent();
		}
	}

	/** Found by FuzzTest: each of these answered 500, or wrote and then refused. */
	@ParameterizedTest(name = "{0} {1} as {2}, accepting {3} -> {4}")
	@CsvSource({ "POST, /api/listings/424242/reviews, application/*, application/json, 415",
			"POST, /api/listings, */*, application/json, 415",
			"PATCH, /api/listings/300, application/x-www-form-urlencoded, application/json, 415",
			"POST, /api/listings/9/reviews, application/json, */json, 400", "POST, /api/listings, application/json, text/html, 406",
			"POST, /api/listings/7/reviews, application/json, application/xml, 406" })
	void refusesBodiesAndAnswersItCannotTakeOrGiveBeforeWriting(String method, String path, String contentType,
			String accept, int status) {
		long listings = this.mongo.getCollection("listings").countDocuments();
		String seven = this.http.get("/api/listings/7").body();
		String body = path.equals("/api/listings/300") ? "name=%zz&x=%"
				: path.endsWith("/reviews") ? "{\"author\":\"Ana\",\"rating\":5,\"text\":\"Lovely\"}"
						: "{\"name\":\"Flat\",\"location\":{\"city\":\"Oslo\",\"country\":\"Norway\"}}";

		Answer answer = raw(method, path, body, "Content-Type", contentType, "Accept", accept, TOKEN[0], TOKEN[1]);

		assertThat(answer.status()).isEqualTo(status);
		assertThat(answer.contentType()).isEqualTo("application/problem+json");
		assertThat(this.mongo.getCollection("listings").countDocuments()).isEqualTo(listings);
		assertThat(this.http.get("/api/listings/7").body()).isEqualTo(seven);
	}

	/** Found by FuzzTest: a refused photo write counted one more use of a demo image, for good. */
	@ParameterizedTest
	@CsvSource({ "/api/listings/424242/photos, POST", "/api/listings/7/photos/99, PUT", "/api/listings/7/photos, POST" })
	void aRefusedPhotoWriteCountsNoUseOfItsImage(String path, String method) {
		String before = String.valueOf(this.mongo.getCollection("image_refs").find(eq("_id", "demo-001")).first());

		Answer answer = raw(method, path, "{\"image\":\"demo-001\",\"caption\":\"Pool\"}", "Content-Type",
				"application/json", "If-Match", path.endsWith("/99") ? "*" : "\"999999\"", TOKEN[0], TOKEN[1]);

		assertThat(answer.status()).isBetween(400, 499);
		assertThat(String.valueOf(this.mongo.getCollection("image_refs").find(eq("_id", "demo-001")).first()))
			.isEqualTo(before);
	}

	/** Found by FuzzTest: a text field sent as a file part answered 500. */
	@Test
	void aFileWhereTheCaptionBelongsIsABadRequest() {
		String body = "--x\r\nContent-Disposition: form-data; name=\"caption\"; filename=\"c.txt\"\r\n\r\nPool\r\n"
				+ "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.png\"\r\n\r\nnot an image\r\n--x--\r\n";

		Answer answer = raw("POST", "/api/listings/424242/photos", body, "Content-Type", "multipart/form-data; boundary=x",
				TOKEN[0], TOKEN[1]);

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).isEqualTo("application/problem+json");
		assertThat(answer.text()).contains("caption");
	}

	/**
	 * In a partner's frame the error is the widget's size: no site header, footer or language list,
	 * and its link opens the site in a new tab rather than inside the frame.
	 */
	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "/embed/listings/424242, 404", "/embed/listings/abc, 400", "/embed/listings/15?reviews=maybe, 400" })
	void aWidgetsErrorStaysTheWidgetsSize(String path, int status) {
		HttpResponse<String> response = this.http.get(path, "Accept", "text/html");

		assertThat(response.statusCode()).isEqualTo(status);
		Document page = Http.html(response);
		assertThat(page.getElementById("error-title").text()).startsWith(status + ":");
		assertThat(page.body().hasClass("embedded")).isTrue();
		assertThat(page.select("header, footer, nav")).isEmpty();
		assertThat(page.select("base").attr("target")).isEqualTo("_blank");
		assertThat(page.select("script[src*=widget]")).hasSize(1);
	}

	@Test
	void aWidgetsErrorIsStillProblemDetailsForJson() {
		HttpResponse<String> response = this.http.get("/embed/listings/424242", "Accept", "application/json");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	/**
	 * Found by review: errors are negotiated (an error page or problem details, in the visitor's
	 * language) but said so nowhere, and carried no Cache-Control: a shared cache could keep an
	 * Arabic error page for a JSON client, or a 404 for a listing created a moment later.
	 */
	@ParameterizedTest(name = "{0} ({1})")
	@CsvSource({ "/no/such/page, text/html", "/no/such/page, application/json", "/listings/123456789, text/html",
			"/images/abc, application/json", "/api/listings/abc, application/json" })
	void anErrorSaysWhatChoseItAndIsNeverKept(String path, String accept) {
		HttpResponse<String> response = this.http.get(path, "Accept", accept, "Accept-Language", "ar");

		assertThat(response.statusCode()).isBetween(400, 499);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		// The API answers problem details in English whatever the request says: nothing to vary on.
		if (!path.startsWith("/api/")) {
			assertThat(String.join(",", response.headers().allValues("Vary"))).contains("Accept", "Accept-Language",
					"Cookie");
		}
	}

	/** Found by FuzzTest: the error page asked for directly answered 500. */
	@ParameterizedTest
	@CsvSource({ "/error, text/html", "/error?status=500, text/html", "/error, application/json" })
	void theErrorPageItselfIsNotAnError(String path, String accept) {
		assertThat(raw("GET", path, null, "Accept", accept).status()).isEqualTo(404);
	}

	/**
	 * Found by FuzzTest: a header value with control characters, which the security firewall refuses,
	 * was answered 400 with an empty body, as the firewall refused the error page's dispatch too.
	 */
	@ParameterizedTest
	@CsvSource({ "GET, /listings/1, text/html", "POST, /api/listings, application/json" })
	void aHeaderTheFirewallRefusesGetsAnErrorPageOrProblemDetails(String method, String path, String type) {
		Answer answer = raw(method, path, "{}", "Accept", type + "\u0085\u009d", TOKEN[0], TOKEN[1], "Content-Type",
				"application/json");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith(type.equals("text/html") ? "text/html" : "application/problem+json");
		assertThat(answer.text()).contains(type.equals("text/html") ? "id=\"error-title\"" : "\"status\":400");
	}

	/** Found by FuzzTest: a wildcard Content-Type where no route matched was a 500 inside Spring. */
	@ParameterizedTest
	@CsvSource({ "POST, /insert, */*", "POST, /no/such/page, application/*", "GET, /nowhere, */*",
			"PUT, /listings/3, garbage" })
	void aContentTypeThatNamesNoOneTypeIsUnsupported(String method, String path, String type) {
		Answer answer = raw(method, path, "{}", "Content-Type", type, TOKEN[0], TOKEN[1]);

		assertThat(answer.status()).isEqualTo(415);
		assertThat(answer.text()).contains("must name one media type").doesNotContain("Exception");
	}

	/** Found by FuzzTest (seed 11): the actuator parses Accept itself, and an empty entry was a 500. */
	@ParameterizedTest
	@CsvSource({ "',,,'", "'application/json, ,*/*'" })
	void anAcceptThatIsNoMediaTypeIsABadRequestEverywhere(String accept) {
		Answer answer = raw("GET", "/livez", null, "Accept", accept);

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.text()).contains("not a media type").doesNotContain("Exception");
	}

	/** Found by review: a JSON client with such an Accept got a kept page's HTML, or 406 elsewhere. */
	@ParameterizedTest(name = "{0} accepting {1}")
	@CsvSource({ "/images/1, 'application/json, a/b/c'", "/nowhere, 'application/json;q=x'",
			"/api/listings/1, 'application/json, a/b/c'", "/readyz, 'application/json;q=x'", "/listings/1, 'text/html;q=2'",
			"/reviews/15000?index=1, 'a/b/c'" })
	void anAcceptThatDoesNotParseIsABadRequestInTheFormItNames(String path, String accept) {
		Answer answer = raw("GET", path, null, "Accept", accept);

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.text()).contains("not a media type").doesNotContain("Exception");
		if (accept.contains("json") || Verdict.isApi(path)) {
			assertThat(answer.contentType()).isEqualTo("application/problem+json");
		}
		else {
			assertThat(answer.contentType()).startsWith("text/html");
		}
	}

	@Test
	void aSecondAcceptLineIsCheckedToo() {
		Answer answer = raw("GET", "/reviews/15000?index=1", null, "Accept", "text/html", "Accept", "a/b/c");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.text()).contains("not a media type");
	}

	@ParameterizedTest
	@CsvSource({ "'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7'",
			"'text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2'", "'application/json,'", "'*/*'" })
	void acceptHeadersAsClientsWriteThemAreServed(String accept) {
		assertThat(raw("GET", "/listings/1", null, "Accept", accept).status()).isEqualTo(200);
	}

	@Test
	void headIsAsPublicAsGet() {
		assertThat(raw("HEAD", "/api/listings/7", null).status()).isEqualTo(200);
	}

	private Answer raw(String method, String target, String body, String... headers) {
		List<String[]> pairs = new ArrayList<>();
		for (int i = 0; i < headers.length; i += 2) {
			pairs.add(new String[] { headers[i], headers[i + 1] });
		}
		return new RawHttp(this.port).send(new Request(method, target, pairs,
				(body != null) ? body.getBytes(StandardCharsets.UTF_8) : null, "example"));
	}

}
