package com.starkiller.images.media;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.starkiller.images.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class MediaTest extends IntegrationTest {

	@Test
	void servesImmutableJpegWithAStrongEtag() {
		HttpResponse<byte[]> image = this.http.getBytes("/media/demo-001/800");

		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		assertThat(image.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
		assertThat(image.body()).startsWith(0xFF, 0xD8);
		String etag = image.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).matches("\"[0-9a-f]{64}\"");

		HttpResponse<byte[]> again = this.http.getBytes("/media/demo-001/800", "If-None-Match", etag);
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		// Found by review: the 304 carried no Cache-Control, which RFC 9110 (15.4.5) asks it to repeat.
		assertThat(again.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
	}

	/** Found by review: HEAD with Range answered 206, where a server ignores Range on HEAD (RFC 9110, 14.2). */
	@Test
	void headIgnoresRange() throws Exception {
		int length = this.http.getBytes("/media/demo-002/200").body().length;
		java.net.http.HttpResponse<Void> head = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(this.http.origin() + "/media/demo-002/200"))
				.method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
				.header("Range", "bytes=0-9")
				.build(), HttpResponse.BodyHandlers.discarding());

		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.headers().firstValue("Content-Length")).hasValue(String.valueOf(length));
	}

	/** Found by review: the loader's 304 carried no Cache-Control either. */
	@Test
	void theLoadersRevalidationRepeatsItsCacheControl() {
		HttpResponse<String> loader = this.http.get("/embed.js");
		String etag = loader.headers().firstValue("ETag").orElseThrow();

		HttpResponse<String> again = this.http.get("/embed.js", "If-None-Match", etag);
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.headers().firstValue("Cache-Control")).isEqualTo(loader.headers().firstValue("Cache-Control"))
			.isPresent();
	}

	/**
	 * Found by review: If-Range was ignored, so a resumed download got a range of whatever form the
	 * URL has now (one URL has a JPEG and a WebP form): a file spliced from both. A range is sent
	 * only for the entity tag the client holds; otherwise the whole image.
	 */
	@Test
	void aRangeIsSentOnlyForTheFormTheClientHolds() {
		HttpResponse<byte[]> jpeg = this.http.getBytes("/media/demo-002/200");
		String jpegTag = jpeg.headers().firstValue("ETag").orElseThrow();
		String webpTag = this.http.getBytes("/media/demo-002/200", "Accept", "image/webp").headers().firstValue("ETag")
			.orElseThrow();
		assertThat(webpTag).isNotEqualTo(jpegTag);

		HttpResponse<byte[]> same = this.http.getBytes("/media/demo-002/200", "Range", "bytes=0-99", "If-Range", jpegTag);
		assertThat(same.statusCode()).isEqualTo(206);
		assertThat(same.body()).hasSize(100);
		for (String other : new String[] { webpTag, "W/" + jpegTag, "Mon, 07 Dec 2026 10:00:00 GMT" }) {
			HttpResponse<byte[]> whole = this.http.getBytes("/media/demo-002/200", "Range", "bytes=0-99", "If-Range", other);
			assertThat(whole.statusCode()).as(other).isEqualTo(200);
			assertThat(whole.body()).as(other).isEqualTo(jpeg.body());
		}
	}

	@Test
	void servesRanges() {
		HttpResponse<byte[]> part = this.http.getBytes("/media/demo-002/200", "Range", "bytes=0-99");

		assertThat(part.statusCode()).isEqualTo(206);
		assertThat(part.body()).hasSize(100);
		assertThat(part.headers().firstValue("Content-Range")).hasValueSatisfying(
				(range) -> assertThat(range).startsWith("bytes 0-99/"));
	}

	@Test
	void aRangeThatDoesNotParseIsIgnored() {
		HttpResponse<byte[]> whole = this.http.getBytes("/media/demo-002/200");

		for (String range : new String[] { "bytes=abc", "pages=1-2", "bytes=5-2" }) {
			HttpResponse<byte[]> answer = this.http.getBytes("/media/demo-002/200", "Range", range);

			assertThat(answer.statusCode()).as(range).isEqualTo(200);
			assertThat(answer.body()).as(range).isEqualTo(whole.body());
			assertThat(answer.headers().firstValue("Content-Range")).as(range).isEmpty();
		}
	}

	@Test
	void aRangePastTheEndIsNotSatisfiableAndSendsNoImage() {
		int length = this.http.getBytes("/media/demo-002/200").body().length;

		HttpResponse<byte[]> refused = this.http.getBytes("/media/demo-002/200", "Range", "bytes=999999999-");

		assertThat(refused.statusCode()).isEqualTo(416);
		assertThat(refused.headers().firstValue("Content-Range")).hasValue("bytes */" + length);
		assertThat(refused.headers().firstValue("Content-Type")).isNotEqualTo(Optional.of("image/jpeg"));
		assertThat(refused.headers().firstValue("Cache-Control").orElse("")).doesNotContain("immutable");
		assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("has " + length + " bytes");
	}

	@Test
	void everyVariantIsStored() {
		for (String width : new String[] { "200", "800", "1600" }) {
			assertThat(this.http.getBytes("/media/demo-003/" + width).statusCode()).isEqualTo(200);
		}
	}

}
