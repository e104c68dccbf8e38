package com.starkiller.images.security;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.starkiller.images.Http;
import com.starkiller.images.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Save takes a change only from this site's own pages (README, Save: {@code Sec-Fetch-Site}, else
 * {@code Origin}/{@code Referer}), so a page elsewhere cannot save or unsave for a visitor whose
 * browser sends it their session cookie. Each refusal is tried with a real visitor's session, and
 * the same request from our own page then goes through, so a refusal is the check's doing and not
 * a broken cookie's. {@code {origin}} and {@code {port}} in a case stand for this instance's own.
 */
class SameOriginWritesTest extends IntegrationTest {

	static Stream<Arguments> fromElsewhere() {
		return Stream.of(
				arguments("a foreign Origin", new String[] { "Origin", "https://evil.example" }),
				arguments("Origin null (a sandboxed frame, a redirect from elsewhere)", new String[] { "Origin", "null" }),
				arguments("our host under another scheme", new String[] { "Origin", "https://127.0.0.1:{port}" }),
				arguments("a foreign Origin with our Referer",
						new String[] { "Origin", "https://evil.example", "Referer", "{origin}/listings/71" }),
				arguments("Sec-Fetch-Site: cross-site, as a browser sends it",
						new String[] { "Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example" }),
				arguments("Sec-Fetch-Site: cross-site, whatever Origin says",
						new String[] { "Sec-Fetch-Site", "cross-site", "Origin", "{origin}" }),
				// Another port of our host is the same site but another origin: the same-origin check
				// compares scheme, host and port (README, Security), so a sibling is someone else.
				arguments("Sec-Fetch-Site: same-site, from a sibling",
						new String[] { "Sec-Fetch-Site", "same-site", "Origin", "http://127.0.0.1:1" }),
				arguments("Sec-Fetch-Site: same-site, whatever Origin says",
						new String[] { "Sec-Fetch-Site", "same-site", "Origin", "{origin}" }),
				// Typed or bookmarked: no page of ours sent it, and none of ours ever posts so.
				arguments("Sec-Fetch-Site: none", new String[] { "Sec-Fetch-Site", "none", "Origin", "{origin}",
						"Referer", "{origin}/listings/71" }),
				arguments("no Origin, a foreign Referer", new String[] { "Referer", "https://evil.example/listings/71" }),
				arguments("no Origin, a Referer whose user part is our origin",
						new String[] { "Referer", "http://127.0.0.1:{port}@evil.example/listings/71" }),
				arguments("no Origin, a Referer on another port of our host",
						new String[] { "Referer", "http://127.0.0.1:1/listings/71" }),
				arguments("nothing that says where it came from", new String[0]));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fromElsewhere")
	void aSaveFromAnotherSiteIsRefusedAndChangesNothingSaved(String from, String[] headers) {
		String session = visitorWhoSaved(71);
		List<String> before = saved(session);
		assertThat(before).containsExactly("saved-71");

		// Save another listing, and unsave the one saved: each refused, with the visitor's own cookies.
		for (String[] change : new String[][] { { "/saved/72", "saved=true" }, { "/saved/71", "saved=false" } }) {
			HttpResponse<String> refused = this.http.post(change[0], change[1],
					withCookie(session, ours(headers)));
			assertThat(refused.statusCode()).as("%s: POST %s %s", from, change[0], change[1]).isEqualTo(403);
			assertThat(refused.headers().allValues("Set-Cookie")).as(from).isEmpty();
			assertThat(refused.body()).as(from).contains("came from elsewhere");
		}
		assertThat(saved(session)).as(from).isEqualTo(before);

		// The same request from our own page, as a browser sends it, changes the list: the cookie and the form were good.
		HttpResponse<String> ours = this.http.post("/saved/72", "saved=true",
				withCookie(session, "Sec-Fetch-Site", "same-origin", "Origin", this.http.origin()));
		assertThat(ours.statusCode()).isEqualTo(302);
		assertThat(saved(session)).containsExactly("saved-71", "saved-72");
	}

	static Stream<Arguments> fromOurPages() {
		return Stream.of(
				arguments("Sec-Fetch-Site: same-origin", new String[] { "Sec-Fetch-Site", "same-origin" }),
				arguments("our Origin", new String[] { "Origin", "{origin}" }),
				// Privacy settings and old browsers drop Origin; our pages' Referrer-Policy still sends
				// their own URL to themselves.
				arguments("no Origin, our page as Referer", new String[] { "Referer", "{origin}/listings/73?index=2" }));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fromOurPages")
	void aSaveFromOurOwnPageIsTaken(String from, String[] headers) {
		String session = visitorWhoSaved(71);

		HttpResponse<String> saved = this.http.post("/saved/73", "saved=true", withCookie(session, ours(headers)));

		assertThat(saved.statusCode()).as(from).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location")).as(from)
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/listings/73?saved=true"));
		assertThat(saved(session)).as(from).containsExactly("saved-71", "saved-73");
	}

	/** A visitor's session cookie, after they saved this listing on our own page (its form, as a browser posts it). */
	private String visitorWhoSaved(long id) {
		HttpResponse<String> first = this.http.post("/saved/" + id, "saved=true", "Sec-Fetch-Site", "same-origin",
				"Origin", this.http.origin());
		assertThat(first.statusCode()).isEqualTo(302);
		return Http.session(first);
	}

	/** The ids of the listings {@code /saved} shows this visitor, in order. */
	private List<String> saved(String session) {
		HttpResponse<String> page = this.http.get("/saved", "Cookie", session);
		assertThat(page.statusCode()).isEqualTo(200);
		return Http.html(page).select(".saved-list > li").eachAttr("id");
	}

	private String[] ours(String[] headers) {
		String[] filled = headers.clone();
		for (int i = 1; i < filled.length; i += 2) {
			filled[i] = filled[i].replace("{origin}", this.http.origin()).replace("{port}", Integer.toString(this.http.port()));
		}
		return filled;
	}

	private static String[] withCookie(String session, String... headers) {
		String[] all = new String[headers.length + 2];
		all[0] = "Cookie";
		all[1] = session + "; STARKILLER_SAVED=1";
		System.arraycopy(headers, 0, all, 2, headers.length);
		return all;
	}

}
