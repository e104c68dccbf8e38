package com.starkiller.images.saved;

import java.net.http.HttpResponse;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.starkiller.images.Http;
import com.starkiller.images.IntegrationTest;
import com.starkiller.images.MongoCommands;

import static org.assertj.core.api.Assertions.assertThat;

class SavedTest extends IntegrationTest {

	@Autowired
	MongoCommands mongo;

	@Test
	void theSavedPageReadsEveryListingInOneQueryInTheOrderSaved() {
		HttpResponse<String> first = this.http.post("/saved/61", "saved=true", "Sec-Fetch-Site", "same-origin");
		String session = Http.session(first);
		for (long id : new long[] { 63, 62, 987654 }) {
			this.http.post("/saved/" + id, "saved=true", "Sec-Fetch-Site", "same-origin", "Cookie", session);
		}

		int before = this.mongo.queries();
		Document page = Http.html(this.http.get("/saved", "Cookie", session));

		assertThat(this.mongo.queries() - before).isEqualTo(1);
		assertThat(page.select(".saved-list > li").eachAttr("id")).containsExactly("saved-61", "saved-63", "saved-62");
	}

	@Test
	void theFirstSaveCreatesASecureSessionThatListsTheListing() {
		HttpResponse<String> saved = this.http.post("/saved/42", "saved=true", "Origin", this.http.origin());

		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).endsWith("/listings/42?saved=true"));
		String cookie = saved.headers().allValues("Set-Cookie").stream()
			.filter((value) -> value.startsWith("STARKILLER_SESSION="))
			.findFirst()
			.orElseThrow();
		// Kept 30 days after the last visit, across browser restarts (found by review: it ended with
		// the browser, and in Redis after 30 idle minutes).
		assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Max-Age=2592000");
		assertThat(saved.headers().allValues("Set-Cookie"))
			.anyMatch((value) -> value.startsWith("STARKILLER_SAVED=1") && value.contains("Max-Age=2592000"));
		String session = cookie.substring(0, cookie.indexOf(';'));

		Document listing = Http.html(this.http.get("/saved/42", "HX-Request", "true", "Cookie", session));
		assertThat(listing.getElementById("save-button").attr("aria-pressed")).isEqualTo("true");
		Document page = Http.html(this.http.get("/saved", "Cookie", session));
		assertThat(page.getElementById("saved-42")).isNotNull();
		assertThat(page.getElementById("saved-42").selectFirst("img")).isNotNull();

		this.http.post("/saved/42", "saved=false&from=saved", "Origin", this.http.origin(), "Cookie", session);
		assertThat(Http.html(this.http.get("/saved", "Cookie", session)).getElementById("saved-42")).isNull();
	}

	@Test
	void htmxGetsTheButtonInItsNewState() {
		HttpResponse<String> response = this.http.post("/saved/43", "saved=true", "HX-Request", "true",
				"Sec-Fetch-Site", "same-origin");

		assertThat(response.statusCode()).isEqualTo(200);
		Document button = Http.html(response);
		assertThat(button.getElementById("save-button").attr("aria-pressed")).isEqualTo("true");
		assertThat(button.select("input[name=saved]").val()).isEqualTo("false");
		assertThat(response.body()).doesNotContain("<html");
	}

	@Test
	void writesFromOtherSitesAreRefused() {
		assertThat(this.http.post("/saved/44", "saved=true").statusCode()).isEqualTo(403);
		assertThat(this.http.post("/saved/44", "saved=true", "Origin", "https://evil.example").statusCode())
			.isEqualTo(403);
		HttpResponse<String> crossSite = this.http.post("/saved/44", "saved=true", "Sec-Fetch-Site", "cross-site",
				"Origin", this.http.origin());
		assertThat(crossSite.statusCode()).isEqualTo(403);
		assertThat(crossSite.headers().allValues("Set-Cookie")).isEmpty();
		// Found by review: the error page said there was nothing at this address.
		assertThat(crossSite.body()).contains("came from elsewhere").doesNotContain("nothing to show");
	}

	@Test
	void badSavesAreClientErrors() {
		assertThat(this.http.post("/saved/45", "saved=maybe", "Origin", this.http.origin()).statusCode())
			.isEqualTo(400);
		assertThat(this.http.post("/saved/45", "", "Origin", this.http.origin()).statusCode()).isEqualTo(400);
		assertThat(this.http.post("/saved/abc", "saved=true", "Origin", this.http.origin()).statusCode())
			.isEqualTo(400);
		assertThat(this.http.post("/saved/123456789", "saved=true", "Origin", this.http.origin()).statusCode())
			.isEqualTo(404);
	}

	/**
	 * Found by review: what shows one visitor's saved listings went out with no Cache-Control, so a
	 * shared cache configured to keep pages could give one visitor's list to the next.
	 */
	@Test
	void whatShowsAVisitorsSavedListingsIsTheirsAlone() {
		HttpResponse<String> saved = this.http.post("/saved/46", "saved=true", "Origin", this.http.origin());
		String session = Http.session(saved);

		for (String path : new String[] { "/saved", "/listings/46?saved=true" }) {
			HttpResponse<String> page = this.http.get(path, "Cookie", session);
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.headers().firstValue("Cache-Control")).as(path).hasValue("private, no-cache");
			assertThat(page.headers().allValues("Vary")).as(path).contains("Cookie");
		}
		HttpResponse<String> button = this.http.post("/saved/46", "saved=true", "HX-Request", "true", "Origin",
				this.http.origin(), "Cookie", session);
		assertThat(button.headers().firstValue("Cache-Control")).hasValue("no-store");
		// The page every visitor is served stays shareable.
		assertThat(this.http.get("/listings/46").headers().firstValue("Cache-Control")).hasValue("no-cache");
	}

	/**
	 * Found by review: Save took a multipart body of up to the upload limit, written to disk before
	 * the answer, from anyone who sent Sec-Fetch-Site: same-origin, and made a session for it. Save
	 * takes only the form encoding browsers and htmx send.
	 */
	@Test
	void saveTakesOnlyAFormEncodedBody() throws Exception {
		String boundary = "SavedTest0123456789";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"saved\"\r\n\r\ntrue\r\n"
				+ "--" + boundary + "\r\nContent-Disposition: form-data; name=\"junk\"; filename=\"junk\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n" + "x".repeat(100_000) + "\r\n--" + boundary + "--\r\n";
		for (String htmx : new String[] { "false", "true" }) {
			java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest
				.newBuilder(java.net.URI.create(this.http.origin() + "/saved/47"))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.header("Sec-Fetch-Site", "same-origin")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
			if (htmx.equals("true")) {
				request.header("HX-Request", "true");
			}
			HttpResponse<String> multipart = java.net.http.HttpClient.newHttpClient()
				.send(request.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(multipart.statusCode()).as("htmx: %s", htmx).isEqualTo(415);
			assertThat(multipart.headers().allValues("Set-Cookie")).as("htmx: %s", htmx).isEmpty();
		}
	}

	/** Found by review: unsaving without a session made one, and unsaving the last kept an empty one in Redis. */
	@Test
	void unsavingMakesNoSessionAndUnsavingTheLastEndsIt() {
		HttpResponse<String> unsaved = this.http.post("/saved/46", "saved=false", "Origin", this.http.origin());
		assertThat(unsaved.statusCode()).isEqualTo(302);
		assertThat(unsaved.headers().allValues("Set-Cookie")).noneMatch((cookie) -> cookie.startsWith("STARKILLER_SESSION="));

		String session = Http.session(this.http.post("/saved/46", "saved=true", "Origin", this.http.origin()));
		HttpResponse<String> last = this.http.post("/saved/46", "saved=false", "Origin", this.http.origin(), "Cookie",
				session + "; STARKILLER_SAVED=1");

		assertThat(last.statusCode()).isEqualTo(302);
		assertThat(last.headers().allValues("Set-Cookie")).as("the session and the cookie that asks for it, both ended")
			.anyMatch((cookie) -> cookie.startsWith("STARKILLER_SESSION=;") && cookie.contains("Max-Age=0"))
			.anyMatch((cookie) -> cookie.startsWith("STARKILLER_SAVED=;") && cookie.contains("Max-Age=0"));
	}

	/**
	 * Found by review: a saved listing deleted since was shown nowhere, could not be removed, and
	 * still counted toward the most a visitor may save.
	 */
	@Test
	void aSavedListingDeletedSinceIsForgotten() {
		String[] auth = { "Authorization", "Bearer " + TOKEN };
		HttpResponse<String> created = this.http.json("POST", "/api/listings",
				"{\"name\":\"Soon gone\",\"location\":{\"city\":\"Vardø\",\"country\":\"Norway\"}}", auth);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = created.body().replaceAll("(?s).*?\"id\":(\\d+).*", "$1");
		String session = Http.session(this.http.post("/saved/" + id, "saved=true", "Origin", this.http.origin()));
		assertThat(this.http.json("DELETE", "/api/listings/" + id, null, auth).statusCode()).isEqualTo(204);

		HttpResponse<String> page = this.http.get("/saved", "Cookie", session + "; STARKILLER_SAVED=1");

		assertThat(page.body()).contains("Nothing saved yet");
		assertThat(page.headers().allValues("Set-Cookie")).as("the cookie that asks for the visitor's button, ended")
			.anyMatch((cookie) -> cookie.startsWith("STARKILLER_SAVED=;") && cookie.contains("Max-Age=0"));
		assertThat(this.http.get("/saved", "Cookie", session).headers().allValues("Set-Cookie"))
			.as("forgotten the first time").isEmpty();
	}

	@Test
	void nobodySavedAnythingYet() {
		HttpResponse<String> page = this.http.get("/saved");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Nothing saved yet");
		assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
	}

}
