package com.starkiller.images.listing;

import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.starkiller.images.Http;
import com.starkiller.images.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class ListingPageTest extends IntegrationTest {

	@Autowired
	ListingRepository listings;

	@Test
	void showsTheListingItsPhotosAndFirstReview() {
		Listing listing = Listings.find(this.listings, (candidate) -> candidate.reviewCount() > 1);

		Document page = Http.html(this.http.get("/listings/" + listing.id()));

		assertThat(page.selectFirst("h1").text()).isEqualTo(listing.name());
		assertThat(page.text()).contains(listing.location().city(), listing.location().country());
		assertThat(page.getElementById("background").selectFirst("img").attr("src"))
			.isEqualTo(listing.photo(1).src(Photo.MEDIUM));
		assertThat(page.getElementById("photos-button").text()).isEqualTo("View photos (" + listing.photoCount() + ")");
		assertThat(page.getElementById("share-button")).isNotNull();
		assertThat(page.getElementById("save-button")).isNotNull();
		assertThat(page.getElementById("review-counter").text()).isEqualTo("1 of " + listing.reviewCount());
		assertThat(page.getElementById("reviews").text()).contains(listing.reviewCount() + " reviews");
		assertThat(page.getElementById("modal").hasAttr("hidden")).isTrue();
	}

	@Test
	void aListingWithoutPhotosOrReviewsSaysSo() {
		Listing bare = Listings.empty(this.listings, 900_001);

		var response = this.http.get("/listings/" + bare.id());

		assertThat(response.statusCode()).isEqualTo(200);
		Document page = Http.html(response);
		assertThat(page.getElementById("no-images").text())
			.isEqualTo("The owner has not posted any pictures of this place yet!");
		assertThat(page.getElementById("background")).isNull();
		assertThat(page.getElementById("reviews").text()).contains("No reviews yet");
		assertThat(this.http.get("/reviews/" + bare.id()).statusCode()).isEqualTo(200);
		assertThat(this.http.get("/reviews/" + bare.id() + "?index=2").statusCode()).isEqualTo(404);
		assertThat(this.http.get("/images/" + bare.id() + "?index=1").statusCode()).isEqualTo(404);
	}

	@Test
	void everyElementIdIsOnAPageOnceWhateverIsOpen() {
		Listing listing = Listings.find(this.listings, (candidate) -> candidate.photoCount() > 4 && candidate.reviewCount() > 4);
		String id = String.valueOf(listing.id());
		// Several indexes, so that later ones come from the listing's shell as well as from full renders.
		for (int index = 1; index <= 4; index++) {
			for (String path : new String[] { "/listings/" + id, "/images/" + id + "?index=" + index,
					"/reviews/" + id + "?index=" + index, "/listings/" + id + "/photos" }) {
				for (boolean htmx : new boolean[] { false, true }) {
					var response = htmx ? this.http.get(path, "HX-Request", "true") : this.http.get(path);
					assertThat(response.statusCode()).as(path).isEqualTo(200);
					Map<String, Long> ids = Http.html(response)
						.select("[id]")
						.stream()
						.collect(Collectors.groupingBy((element) -> element.id(), Collectors.counting()));
					assertThat(ids).as("%s%s", path, htmx ? " (htmx)" : "").allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1L));
				}
			}
		}
	}

	@Test
	void aRepeatedPageIsTheSameBytesWithAStrongEtagAndRevalidates() {
		var first = this.http.get("/reviews/16?index=1");
		var again = this.http.get("/reviews/16?index=1");
		String etag = again.headers().firstValue("ETag").orElseThrow();

		assertThat(again.body()).isEqualTo(first.body());
		assertThat(etag).matches("\"[0-9a-f]+-[0-9a-f]{16}\"");
		assertThat(again.headers().firstValue("Cache-Control")).hasValue("no-cache");
		assertThat(again.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
		assertThat(this.http.get("/reviews/16?index=1", "If-None-Match", etag).statusCode()).isEqualTo(304);
		assertThat(this.http.get("/reviews/16?index=1", "HX-Request", "true").body()).doesNotContain("<html");
	}

	@Test
	void aKeptAnswerIsReplayedWithTheHeadersOfTheFirstAndGzippedForClientsThatAcceptIt() throws Exception {
		var first = this.http.get("/reviews/17?index=1");
		var kept = this.http.get("/reviews/17?index=1");
		for (String header : new String[] { "Content-Type", "Content-Security-Policy", "X-Frame-Options", "ETag" }) {
			assertThat(kept.headers().allValues(header)).as(header).isEqualTo(first.headers().allValues(header));
		}
		assertThat(String.join(",", kept.headers().allValues("Vary"))).contains("HX-Request", "Accept",
				"Accept-Encoding");

		var gzipped = this.http.getBytes("/reviews/17?index=1", "Accept-Encoding", "gzip");
		assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		byte[] body;
		try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
			body = in.readAllBytes();
		}
		assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(kept.body());
		assertThat(gzipped.body().length).isLessThan(body.length / 2);
		String gzipEtag = gzipped.headers().firstValue("ETag").orElseThrow();
		assertThat(gzipEtag).isNotEqualTo(kept.headers().firstValue("ETag").orElseThrow());
		assertThat(this.http.get("/reviews/17?index=1", "Accept-Encoding", "gzip", "If-None-Match", gzipEtag)
			.statusCode()).isEqualTo(304);
		assertThat(this.http.get("/reviews/17?index=1", "Accept-Encoding", "gzip;q=0").headers()
			.firstValue("Content-Encoding")).isEmpty();

		var json = this.http.get("/images/17", "Accept", "application/json");
		var jsonKept = this.http.get("/images/17", "Accept", "application/json");
		assertThat(jsonKept.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		assertThat(jsonKept.body()).isEqualTo(json.body()).startsWith("{");
		assertThat(this.http.get("/images/17").body()).startsWith("<!DOCTYPE html>");
	}

	/** Found by review: a HEAD before any GET of the address came without ETag, Cache-Control or length. */
	@Test
	void aHeadSaysWhatTheGetWouldEvenBeforeThePageIsKept() {
		for (String[] ask : new String[][] { { "/images/18?index=2" }, { "/reviews/18?index=2", "HX-Request", "true" },
				{ "/images/18", "Accept", "application/json" } }) {
			String path = ask[0];
			String[] headers = java.util.Arrays.copyOfRange(ask, 1, ask.length);
			var head = this.http.head(path, headers);
			var get = this.http.get(path, headers);
			assertThat(head.statusCode()).as(path).isEqualTo(200);
			assertThat(head.body()).as(path).isEmpty();
			for (String header : new String[] { "ETag", "Cache-Control", "Content-Type", "Content-Language" }) {
				assertThat(head.headers().allValues(header)).as(path + " " + header).isEqualTo(get.headers().allValues(header));
			}
			assertThat(head.headers().firstValue("ETag")).as(path).isPresent();
			assertThat(String.join(",", head.headers().allValues("Vary"))).as(path).contains("Accept-Encoding");
			assertThat(head.headers().firstValueAsLong("Content-Length")).as(path)
				.hasValue(get.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
		}
	}

	@Test
	void originalLoadTestUrlsAnswer() {
		assertThat(this.http.get("/reviews/0?index=1").statusCode()).isEqualTo(200);
		assertThat(this.http.get("/reviews/4?index=1").statusCode()).isEqualTo(200);
		assertThat(this.http.get("/").statusCode()).isEqualTo(302);
	}

}
