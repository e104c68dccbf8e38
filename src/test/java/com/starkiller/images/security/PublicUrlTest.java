package com.starkiller.images.security;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import com.starkiller.images.AppInstance;
import com.starkiller.images.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Absolute URLs (Share, the embed snippets, canonical and Open Graph) come from the configured
 * public URL, or else from forwarded headers only of configured proxies; a page built from a
 * header a visitor chose is never kept for anyone else.
 */
class PublicUrlTest {

	private static final String EVIL = "X-Forwarded-Host";

	@Test
	void forwardedHostFromAConfiguredProxyIsBelievedButKeptOnlyForThatHost() {
		// Loopback is the default configured proxy.
		try (AppInstance app = AppInstance.start()) {
			Http http = app.http();
			String own = http.origin();

			Document forwarded = page(http.raw("/listings/3", EVIL, "evil.example", "X-Forwarded-Proto", "https"));
			assertThat(loaderSrc(forwarded)).startsWith("https://evil.example/embed.js?v=");
			// The next visitor, with no forwarded header, is not served that page from memory.
			for (int i = 0; i < 3; i++) {
				Document plain = page(http.raw("/listings/3"));
				assertThat(loaderSrc(plain)).startsWith(own + "/embed.js?v=");
				assertThat(plain.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(own + "/listings/3");
				assertThat(plain.html()).doesNotContain("evil.example");
			}
		}
	}

	@Test
	void forwardedHeadersFromAnyOtherPeerAreIgnored() {
		try (AppInstance app = AppInstance.start("server.tomcat.remoteip.internal-proxies=10\\.9\\.9\\.9")) {
			Http http = app.http();

			Document page = page(http.raw("/listings/3", EVIL, "evil.example", "X-Forwarded-Proto", "https",
					"X-Forwarded-Port", "443"));

			assertThat(page.html()).doesNotContain("evil.example");
			assertThat(loaderSrc(page)).startsWith(http.origin() + "/embed.js?v=");
			assertThat(page.getElementById("embed-code").text()).contains("src=\"" + http.origin() + "/embed/listings/3\"");
		}
	}

	@Test
	void theConfiguredPublicUrlIsTheOnlyBaseAndSaveComparesWholeOrigins() {
		try (AppInstance app = AppInstance.start("starkiller.public-url=https://photos.example.com/")) {
			Http http = app.http();

			for (String[] headers : new String[][] { {}, { EVIL, "evil.example" }, { "Host", "other.example" } }) {
				Document page = page(http.raw("/listings/3", headers));
				assertThat(page.html()).doesNotContain("evil.example").doesNotContain("other.example");
				assertThat(loaderSrc(page)).startsWith("https://photos.example.com/embed.js?v=");
				assertThat(page.selectFirst("link[rel=canonical]").attr("href"))
					.isEqualTo("https://photos.example.com/listings/3");
				assertThat(page.selectFirst("meta[property=og:url]").attr("content"))
					.isEqualTo("https://photos.example.com/listings/3");
				assertThat(page.selectFirst("meta[property=og:image]").attr("content"))
					.startsWith("https://photos.example.com/media/");
				assertThat(page.getElementById("share-url").val()).isEqualTo("https://photos.example.com/listings/3");
			}
			// One kept page for every visitor, and HSTS only on the secure requests among them.
			for (int i = 0; i < 2; i++) {
				String secure = http.raw("/listings/5", "X-Forwarded-Proto", "https");
				String plain = http.raw("/listings/5");
				assertThat(head(secure)).contains("strict-transport-security: max-age=31536000");
				assertThat(head(plain)).doesNotContain("strict-transport-security");
				assertThat(body(secure)).isEqualTo(body(plain));
			}
			// Behind a proxy that rewrites Host, Save is judged against the public URL's origin.
			assertThat(http.post("/saved/3", "saved=true", "Origin", "https://photos.example.com").statusCode())
				.isEqualTo(302);
			assertThat(http.post("/saved/3", "saved=true", "Origin", http.origin()).statusCode()).isEqualTo(403);
			assertThat(http.post("/saved/3", "saved=true", "Origin", "http://photos.example.com").statusCode())
				.isEqualTo(403);
		}
	}

	@Test
	void onlyTheAllowedHostsAreAnswered() {
		try (AppInstance app = AppInstance.start("starkiller.allowed-hosts=localhost,127.0.0.1")) {
			Http http = app.http();

			assertThat(status(http.raw("/listings/3"))).isEqualTo(200);
			assertThat(status(http.raw("/listings/3", "Host", "localhost"))).isEqualTo(200);
			String refused = http.raw("/listings/3", "Host", "evil.example");
			assertThat(status(refused)).isEqualTo(400);
			assertThat(refused).contains("does not answer to that host name").doesNotContain("evil.example");
			assertThat(status(http.raw("/listings/3", EVIL, "evil.example"))).isEqualTo(400);
			assertThat(status(http.raw("/api/listings/3", EVIL, "evil.example"))).isEqualTo(400);
			// Load balancers probe instances by address.
			assertThat(status(http.raw("/readyz", "Host", "10.0.0.7:3000"))).isEqualTo(200);
		}
	}

	@Test
	void aHostThatIsNoHostNameIsNeverWrittenIntoAPage() {
		try (AppInstance app = AppInstance.start()) {
			String forwarded = app.http().raw("/listings/3", EVIL, "evil.example\"><script>alert(1)</script>");
			String direct = app.http().raw("/listings/3", "Host", "evil.example\"><script>alert(1)</script>");

			assertThat(status(forwarded)).isIn(200, 400);
			assertThat(forwarded).doesNotContain("evil.example");
			assertThat(status(direct)).isEqualTo(400);
			assertThat(direct).doesNotContain("evil.example");
		}
	}

	@Test
	void aTokenTooShortToBeASecretStopsTheStart() {
		assertThatThrownBy(() -> AppInstance.start("starkiller.api.token=short-and-guessable"))
			.hasStackTraceContaining("at least 32");
	}

	private static Document page(String response) {
		assertThat(status(response)).as(response.substring(0, Math.min(400, response.length()))).isEqualTo(200);
		return Jsoup.parse(response.substring(response.indexOf("\r\n\r\n") + 4));
	}

	private static String head(String response) {
		return response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
	}

	private static String body(String response) {
		return response.substring(response.indexOf("\r\n\r\n") + 4);
	}

	private static String loaderSrc(Document page) {
		String snippet = page.getElementById("embed-loader").text();
		int start = snippet.indexOf("src=\"") + 5;
		return snippet.substring(start, snippet.indexOf('"', start));
	}

	static int status(String response) {
		return Integer.parseInt(response.substring(9, 12));
	}

}
