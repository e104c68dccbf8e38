package com.starkiller.images.assets;

import java.net.http.HttpResponse;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.starkiller.images.AppInstance;
import com.starkiller.images.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under a context path, a page's and an error page's links to assets carry the assets' hashed
 * names behind that path, the hashed names are served, and every other link is left as written.
 */
class AssetLinksTest {

	private static final String CONTEXT = "/rentals";

	private static AppInstance app;

	@BeforeAll
	static void start() {
		app = AppInstance.start("server.servlet.context-path=" + CONTEXT);
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/listings/1", "/images/1?index=2", "/listings/999999999", "/embed/listings/1" })
	void assetLinksAreHashedAndServedBehindTheContextPath(String path) {
		HttpResponse<String> response = app.http().get(CONTEXT + path, "Accept", "text/html");
		Document page = Http.html(response);

		String stylesheet = page.selectFirst("link[rel=stylesheet]").attr("href");
		String htmx = page.selectFirst("script[src*=htmx]").attr("src");
		assertThat(stylesheet).matches(CONTEXT + "/assets/site-[0-9a-f]{32}\\.css");
		assertThat(htmx).matches(CONTEXT + "/webjars/htmx\\.org/[^/]+/dist/htmx\\.min-[0-9a-f]{32}\\.js");
		for (String asset : new String[] { stylesheet, htmx }) {
			assertThat(app.http().getBytes(asset).statusCode()).as(asset).isEqualTo(200);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/listings/1", "/images/1?index=2" })
	void otherLinksAreLeftAsWritten(String path) {
		Document page = Http.html(app.http().get(CONTEXT + path, "Accept", "text/html"));

		assertThat(page.select("a[href]").eachAttr("href")).isNotEmpty()
			.contains(CONTEXT + "/saved")
			.anyMatch((href) -> href.startsWith(CONTEXT + "/images/1?index="))
			.noneMatch((href) -> href.contains(";jsessionid"))
			.noneMatch((href) -> href.matches(".*-[0-9a-f]{32}.*"));
	}

}
