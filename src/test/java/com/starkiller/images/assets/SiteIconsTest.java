package com.starkiller.images.assets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;

import javax.imageio.ImageIO;

import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.starkiller.images.Http;
import com.starkiller.images.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The site icons: answered at the root names browsers ask for, and linked from every page. */
class SiteIconsTest extends IntegrationTest {

	@Test
	void faviconIcoAnswersAtTheRoot() {
		HttpResponse<byte[]> ico = this.http.getBytes("/favicon.ico");

		assertThat(ico.statusCode()).isEqualTo(200);
		assertThat(ico.headers().firstValue("Content-Type")).hasValue("image/vnd.microsoft.icon");
		assertThat(ico.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=86400", "public");
		// An ICO header: reserved 0, type 1 (icon), then at least one image.
		assertThat(ico.body()).startsWith(0, 0, 1, 0);
		assertThat(ico.body()[4]).isPositive();
		assertThat(ico.body().length).isLessThan(4096);
	}

	@Test
	void appleTouchIconIsA180PixelPngAtTheRoot() throws IOException {
		HttpResponse<byte[]> png = this.http.getBytes("/apple-touch-icon.png");

		assertThat(png.statusCode()).isEqualTo(200);
		assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
		assertThat(image.getWidth()).isEqualTo(180);
		assertThat(image.getHeight()).isEqualTo(180);
		assertThat(png.body().length).isLessThan(16 * 1024);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/listings/0", "/images/0?index=1", "/listings/0/photos", "/saved", "/listings/999999999" })
	void everyPageLinksTheIconsAndEachLinkAnswers(String path) {
		Document page = Http.html(this.http.get(path));

		assertLinked(page, "link[rel=icon][sizes=32x32]", "image/vnd.microsoft.icon");
		assertLinked(page, "link[rel=icon][type=image/svg+xml]", "image/svg+xml");
		assertLinked(page, "link[rel=apple-touch-icon]", "image/png");
	}

	@Test
	void theWidgetLinksTheFavicons() {
		Document widget = Http.html(this.http.get("/embed/listings/0"));

		assertLinked(widget, "link[rel=icon][sizes=32x32]", "image/vnd.microsoft.icon");
		assertLinked(widget, "link[rel=icon][type=image/svg+xml]", "image/svg+xml");
	}

	private void assertLinked(Document page, String selector, String type) {
		var link = page.selectFirst(selector);
		assertThat(link).as(selector).isNotNull();
		HttpResponse<byte[]> icon = this.http.getBytes(link.attr("href"));
		assertThat(icon.statusCode()).as(link.attr("href")).isEqualTo(200);
		assertThat(icon.headers().firstValue("Content-Type").orElseThrow()).as(link.attr("href")).startsWith(type);
	}

}
