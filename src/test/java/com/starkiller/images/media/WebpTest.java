package com.starkiller.images.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.starkiller.images.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser that takes WebP gets each variant as WebP on the same URL, smaller than the JPEG and
 * the same size in pixels, with its own ETag and {@code Vary: Accept}; every other client gets the
 * JPEG.
 */
class WebpTest extends IntegrationTest {

	/** What Chromium sends for an {@code <img>}. */
	static final String BROWSER = "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8";

	@Test
	void aBrowserThatTakesWebpGetsItSmallerAndTheSameSize() throws IOException {
		for (String width : new String[] { "200", "800", "1600" }) {
			HttpResponse<byte[]> jpeg = this.http.getBytes("/media/demo-005/" + width);
			HttpResponse<byte[]> webp = this.http.getBytes("/media/demo-005/" + width, "Accept", BROWSER);

			assertThat(webp.statusCode()).isEqualTo(200);
			assertThat(webp.headers().firstValue("Content-Type")).hasValue("image/webp");
			assertThat(new String(Arrays.copyOfRange(webp.body(), 8, 12), StandardCharsets.US_ASCII)).isEqualTo("WEBP");
			assertThat(webp.body().length).as(width).isLessThan(jpeg.body().length);
			BufferedImage fromWebp = ImageIO.read(new ByteArrayInputStream(webp.body()));
			BufferedImage fromJpeg = ImageIO.read(new ByteArrayInputStream(jpeg.body()));
			assertThat(fromWebp.getWidth()).isEqualTo(fromJpeg.getWidth());
			assertThat(fromWebp.getHeight()).isEqualTo(fromJpeg.getHeight());
			assertThat(webp.headers().allValues("Vary")).contains("Accept");
			assertThat(jpeg.headers().allValues("Vary")).contains("Accept");
			assertThat(webp.headers().firstValue("ETag")).isNotEqualTo(jpeg.headers().firstValue("ETag"));
			assertThat(webp.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
		}
	}

	@Test
	void theWebpIsMadeOnceAndRevalidatesByItsOwnEtag() {
		HttpResponse<byte[]> first = this.http.getBytes("/media/demo-004/800", "Accept", BROWSER);
		HttpResponse<byte[]> again = this.http.getBytes("/media/demo-004/800", "Accept", BROWSER);
		String etag = first.headers().firstValue("ETag").orElseThrow();

		assertThat(again.body()).isEqualTo(first.body());
		assertThat(again.headers().firstValue("ETag")).hasValue(etag);
		assertThat(this.http.getBytes("/media/demo-004/800", "Accept", BROWSER, "If-None-Match", etag).statusCode())
			.isEqualTo(304);
	}

	@Test
	void everyOtherClientGetsTheJpeg() {
		for (String accept : new String[] { "image/jpeg", "image/webp;q=0", "image/webp; q=0.0, image/*", "*/*" }) {
			HttpResponse<byte[]> image = this.http.getBytes("/media/demo-005/200", "Accept", accept);

			assertThat(image.headers().firstValue("Content-Type")).as(accept).hasValue("image/jpeg");
		}
		assertThat(this.http.getBytes("/media/demo-005/200").headers().firstValue("Content-Type")).hasValue("image/jpeg");
	}

	/** WebP holds at most 16,383 pixels a side; a JPEG up to 65,500, so a narrow, tall photo can be stored. */
	@Test
	void aPhotoTallerThanAWebpCanBeIsServedAsJpegToABrowserThatTakesWebp(@Autowired MediaStore media) {
		String id = "tall-" + System.nanoTime();
		Variants.storeAll(media, id, new BufferedImage(40, 20_000, BufferedImage.TYPE_INT_RGB));

		HttpResponse<byte[]> image = this.http.getBytes("/media/" + id + "/200", "Accept", BROWSER);

		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
	}

	/** The pixel bound of a transcode (1600 × 3200), apart from WebP's side limit: a tall 1600 variant stays JPEG. */
	@Test
	void aVariantOfMorePixelsThanATranscodeTakesIsServedAsJpegAndASmallerOneAsWebp(@Autowired MediaStore media) {
		String id = "portrait-" + System.nanoTime();
		Variants.storeAll(media, id, new BufferedImage(1600, 4000, BufferedImage.TYPE_INT_RGB));

		HttpResponse<byte[]> large = this.http.getBytes("/media/" + id + "/1600", "Accept", BROWSER);
		HttpResponse<byte[]> smaller = this.http.getBytes("/media/" + id + "/800", "Accept", BROWSER);

		assertThat(large.statusCode()).isEqualTo(200);
		assertThat(large.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		assertThat(smaller.headers().firstValue("Content-Type")).hasValue("image/webp");
	}

	@Test
	void aMissingImageIsStillNotFound() {
		assertThat(this.http.getBytes("/media/no-such-image/800", "Accept", BROWSER).statusCode()).isEqualTo(404);
	}

	@Test
	void acceptHeadersAreReadAsBrowsersWriteThem() {
		assertThat(MediaController.acceptsWebp(BROWSER)).isTrue();
		assertThat(MediaController.acceptsWebp("IMAGE/WEBP")).isTrue();
		assertThat(MediaController.acceptsWebp("image/webp;q=0.5")).isTrue();
		assertThat(MediaController.acceptsWebp("image/webp;q=0")).isFalse();
		assertThat(MediaController.acceptsWebp("image/webp;q=0.000")).isFalse();
		assertThat(MediaController.acceptsWebp("image/*")).isFalse();
		assertThat(MediaController.acceptsWebp(null)).isFalse();
	}

}
