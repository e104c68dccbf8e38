package com.starkiller.images.review;

import java.net.http.HttpResponse;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.starkiller.images.Http;
import com.starkiller.images.IntegrationTest;
import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.ListingRepository;
import com.starkiller.images.listing.Listings;
import com.starkiller.images.listing.Review;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewTest extends IntegrationTest {

	@Autowired
	ListingRepository listings;

	@Autowired
	ReviewRepository reviews;

	@Test
	void showsTheReviewAndWhereItStands() {
		// Past the first page of twenty, so the page arithmetic is exercised too.
		Listing listing = Listings.find(this.listings, (candidate) -> candidate.reviewCount() > ReviewPage.SIZE + 1);
		int index = ReviewPage.SIZE + 2;
		Review stored = this.reviews.findById(ReviewPage.id(listing.id(), 1)).orElseThrow().review(index);

		Document carousel = Http.html(this.http.get("/reviews/" + listing.id() + "?index=" + index, "HX-Request",
				"true"));

		assertThat(carousel.getElementById("review-counter").text()).isEqualTo(index + " of " + listing.reviewCount());
		assertThat(carousel.select(".review .author").text()).isEqualTo(stored.author());
		assertThat(carousel.select(".review .text").text()).isEqualTo(stored.text());
		assertThat(carousel.select(".review .stars").attr("aria-label"))
			.isEqualTo(stored.rating() + " out of 5 stars");
		assertThat(carousel.select(".review time").attr("datetime")).isEqualTo(stored.date().toString());
	}

	@Test
	void prevAndNextWrapAround() {
		Listing listing = Listings.find(this.listings, (candidate) -> candidate.reviewCount() >= 2);
		String base = "/reviews/" + listing.id();
		int last = listing.reviewCount();

		Document first = Http.html(this.http.get(base + "?index=1", "HX-Request", "true"));
		Document end = Http.html(this.http.get(base + "?index=" + last, "HX-Request", "true"));

		assertThat(first.getElementById("review-prev").attr("href")).isEqualTo(base + "?index=" + last);
		assertThat(first.getElementById("review-next").attr("href")).isEqualTo(base + "?index=2");
		assertThat(end.getElementById("review-next").attr("href")).isEqualTo(base + "?index=1");
		assertThat(end.getElementById("review-next").attr("hx-get")).isEqualTo(base + "?index=1");
	}

	@Test
	void pastTheLastReviewIsNotFound() {
		Listing listing = Listings.find(this.listings, (candidate) -> candidate.reviewCount() >= 1);

		assertThat(this.http.get("/reviews/" + listing.id() + "?index=" + (listing.reviewCount() + 1)).statusCode())
			.isEqualTo(404);
	}

	@Test
	void answersJsonWithTheReviewAndTheCount() {
		Listing listing = Listings.find(this.listings, (candidate) -> candidate.reviewCount() >= 2);

		HttpResponse<String> response = this.http.get("/reviews/" + listing.id() + "?index=2", "Accept",
				"application/json");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"index\":2", "\"count\":" + listing.reviewCount(), "\"position\":2");
	}

	/**
	 * Found by review: a new review was answered 201 without a Location. It names the carousel URL
	 * whose JSON is what the write answered.
	 */
	@Test
	void aNewReviewIsNamedByTheUrlThatShowsIt() {
		String[] auth = { "Authorization", "Bearer " + IntegrationTest.TOKEN };
		HttpResponse<String> created = this.http.json("POST", "/api/listings",
				"{\"name\":\"Reviewed\",\"location\":{\"city\":\"Oslo\",\"country\":\"Norway\"}}", auth);
		long id = Long.parseLong(created.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
		String reviews = "/api/listings/" + id + "/reviews";
		this.http.json("POST", reviews, "{\"author\":\"Ana\",\"rating\":5,\"text\":\"Lovely\"}", auth);

		HttpResponse<String> added = this.http.json("POST", reviews,
				"{\"author\":\"Bo\",\"rating\":4,\"text\":\"Quiet\"}", auth);

		assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
		String location = added.headers().firstValue("Location").orElseThrow();
		assertThat(location).isEqualTo("/reviews/" + id + "?index=2");
		HttpResponse<String> shown = this.http.get(location, "Accept", "application/json");
		assertThat(shown.statusCode()).isEqualTo(200);
		assertThat(shown.body()).isEqualTo(added.body());
	}

}
