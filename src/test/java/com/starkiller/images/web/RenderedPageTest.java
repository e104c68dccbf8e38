package com.starkiller.images.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A kept page's strong ETag follows its bytes, and each form of the page has its own. */
class RenderedPageTest {

	private static RenderedPage page(String body) {
		return RenderedPage.of(body.getBytes(StandardCharsets.UTF_8), "text/html", List.of());
	}

	@Test
	void theSameBytesHaveTheSameEtagAndAnyChangeAnother() {
		String body = "<p>2 of 40</p>".repeat(2000);
		String oneCharacter = body.substring(0, 14000) + "3" + body.substring(14001);

		assertThat(page(body).etag()).isEqualTo(page(new String(body)).etag()).matches("\"6d60-[0-9a-f]{16}\"");
		assertThat(page(oneCharacter).etag()).isNotEqualTo(page(body).etag());
		assertThat(page(body + " ").etag()).isNotEqualTo(page(body).etag());
		assertThat(page(body.replace("2 of 40", "2 of 41")).etag()).isNotEqualTo(page(body).etag());
		assertThat(page("<p>1 of 40</p><p>2 of 40</p>").etag()).isNotEqualTo(page("<p>2 of 40</p><p>1 of 40</p>").etag());
	}

	@Test
	void theGzipFormHasAnEtagOfItsOwn() {
		RenderedPage page = page("<p>2 of 40</p>".repeat(100)).compress();

		assertThat(page.sentGzipped()).isTrue();
		assertThat(page.gzipEtag()).isNotEqualTo(page.etag()).startsWith(page.etag().substring(0, page.etag().length() - 1))
			.endsWith("-gzip\"");
	}

}
