package com.starkiller.images.listing;

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

	@Test
	void originalLoadTestUrlsAnswer() {
		assertThat(this.http.get("/reviews/0?index=1").statusCode()).isEqualTo(200);
		assertThat(this.http.get("/reviews/4?index=1").statusCode()).isEqualTo(200);
		assertThat(this.http.get("/").statusCode()).isEqualTo(302);
	}

}
