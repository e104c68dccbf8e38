package com.starkiller.images.gallery;

import java.net.http.HttpResponse;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.starkiller.images.Http;
import com.starkiller.images.IntegrationTest;
import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.ListingRepository;
import com.starkiller.images.listing.Listings;
import com.starkiller.images.listing.Photo;

import static org.assertj.core.api.Assertions.assertThat;

class GalleryTest extends IntegrationTest {

	@Autowired
	ListingRepository listings;

	@Test
	void showsThePhotoWithItsCaptionAndThumbnails() {
		Listing listing = Listings.find(this.listings, (candidate) -> candidate.photoCount() >= 3);

		Document lightbox = Http.html(this.http.get("/images/" + listing.id() + "?index=2", "HX-Request", "true"));

		assertThat(lightbox.getElementById("caption").text())
			.isEqualTo("2/" + listing.photoCount() + ": " + listing.photo(2).caption());
		assertThat(lightbox.getElementById("display-image").attr("src")).isEqualTo(listing.photo(2).src(Photo.LARGE));
		assertThat(lightbox.getElementById("slider-container").select("li")).hasSize(listing.photoCount());
		assertThat(lightbox.select("#slider-container [aria-current=true]").attr("href"))
			.isEqualTo("/images/" + listing.id() + "?index=2");
		assertThat(lightbox.getElementById("prev").attr("href")).isEqualTo("/images/" + listing.id() + "?index=1");
		assertThat(lightbox.getElementById("next").attr("hx-push-url")).isEqualTo("true");
	}

	/** The image each page paints largest is fetched first; what it hides, or what follows it, waits. */
	@Test
	void eachPageFetchesItsLargestPaintFirst() {
		Listing listing = Listings.find(this.listings, (candidate) -> candidate.photoCount() >= 3);
		String id = Long.toString(listing.id());

		Document page = Http.html(this.http.get("/listings/" + id));
		Document open = Http.html(this.http.get("/images/" + id + "?index=2"));
		Document tour = Http.html(this.http.get("/listings/" + id + "/photos"));

		assertThat(page.select("#background img:not(.placeholder)").attr("fetchpriority")).isEqualTo("high");
		assertThat(open.getElementById("display-image").attr("fetchpriority")).isEqualTo("high");
		assertThat(open.select("#background img:not(.placeholder)").attr("fetchpriority"))
			.as("the hero, hidden behind the open photo").isEqualTo("low");
		assertThat(open.select("#slider-container img")).hasSize(listing.photoCount())
			.allSatisfy((thumb) -> assertThat(thumb.attr("fetchpriority")).isEqualTo("low"));
		var photos = tour.select("a[data-tour-photo] img:not(.placeholder)");
		assertThat(photos).hasSize(listing.photoCount());
		assertThat(photos.first().attr("fetchpriority")).isEqualTo("high");
		assertThat(photos.first().hasAttr("loading")).as("the first photo is not lazy").isFalse();
		assertThat(photos.subList(1, photos.size()))
			.allSatisfy((photo) -> assertThat(photo.attr("loading")).isEqualTo("lazy"))
			.allSatisfy((photo) -> assertThat(photo.hasAttr("fetchpriority")).isFalse());
	}

	@Test
	void theLightboxNamesThePhotosRoomAndTheStripMarksWhereEachRoomStarts() {
		PhotoTours.withRooms(this.listings);

		Document lightbox = Http.html(this.http.get("/images/" + PhotoTours.WITH_ROOMS + "?index=2", "HX-Request", "true"));
		Document other = Http.html(this.http.get("/images/" + PhotoTours.WITH_ROOMS + "?index=4", "HX-Request", "true"));

		assertThat(lightbox.getElementById("caption").text()).as("#caption keeps its text").isEqualTo("2/8: Reading corner");
		assertThat(lightbox.select("#lightbox-container figcaption [data-room]").text()).isEqualTo("Living room");
		assertThat(other.select("#lightbox-container figcaption [data-room]")).as("no room, no name").isEmpty();
		assertThat(lightbox.select("#slider-container > li")).extracting((thumb) -> thumb.attr("data-room-start"))
			.containsExactly("Living room", "", "Bedroom 1", "Other photos", "Bathroom", "Bedroom 2", "Kitchen",
					"Living room");
		assertThat(lightbox.select("#slider-container > li .room-start")).extracting(Element::text)
			.as("each mark is written out, not only a colour")
			.containsExactly("Living room", "Bedroom 1", "Other photos", "Bathroom", "Bedroom 2", "Kitchen", "Living room");
		assertThat(lightbox.select("#slider-container > li > a")).hasSize(8);
	}

	@Test
	void photosStoredWithoutRoomsShowNoRoomAnywhereInTheLightbox() {
		PhotoTours.withRooms(this.listings);

		Document lightbox = Http.html(this.http.get("/images/" + PhotoTours.WITHOUT_ROOMS + "?index=2"));
		String json = this.http.get("/images/" + PhotoTours.WITHOUT_ROOMS, "Accept", "application/json").body();

		assertThat(lightbox.getElementById("caption").text()).isEqualTo("2/3: Stove");
		assertThat(lightbox.select("[data-room], [data-room-start], .room-start")).isEmpty();
		assertThat(json).doesNotContain("\"room\"");
		assertThat(this.http.get("/images/" + PhotoTours.WITH_ROOMS, "Accept", "application/json").body())
			.contains("\"caption\":\"Big bed\",", "\"room\":\"Bedroom 1\"");
	}

	@Test
	void prevAndNextWrapAround() {
		Listing listing = Listings.find(this.listings, (candidate) -> candidate.photoCount() >= 2);
		String base = "/images/" + listing.id();
		int last = listing.photoCount();

		Document first = Http.html(this.http.get(base + "?index=1"));
		Document end = Http.html(this.http.get(base + "?index=" + last));

		assertThat(first.getElementById("prev").attr("href")).isEqualTo(base + "?index=" + last);
		assertThat(end.getElementById("next").attr("href")).isEqualTo(base + "?index=1");
	}

	@Test
	void theFullPageOpensTheLightboxOnThatPhoto() {
		Listing listing = Listings.find(this.listings, (candidate) -> candidate.photoCount() >= 3);

		Document page = Http.html(this.http.get("/images/" + listing.id() + "?index=3"));

		assertThat(page.selectFirst("h1").text()).isEqualTo(listing.name());
		assertThat(page.select("#modal #lightbox-container #caption").text()).startsWith("3/");
	}

	@Test
	void missingIndexMeansTheFirstPhotoAndPastTheEndIsNotFound() {
		Listing listing = Listings.find(this.listings, (candidate) -> candidate.photoCount() >= 2);

		Document page = Http.html(this.http.get("/images/" + listing.id(), "HX-Request", "true"));
		HttpResponse<String> past = this.http.get("/images/" + listing.id() + "?index=" + (listing.photoCount() + 1));

		assertThat(page.getElementById("caption").text()).startsWith("1/");
		assertThat(past.statusCode()).isEqualTo(404);
	}

	@Test
	void answersJsonInTheOriginalShape() {
		Listing listing = Listings.find(this.listings, (candidate) -> candidate.photoCount() >= 2);

		HttpResponse<String> response = this.http.get("/images/" + listing.id(), "Accept", "application/json");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
		assertThat(response.body()).contains("\"location_id\":" + listing.id(),
				"\"location_name\":\"" + listing.name() + "\"", "\"src\":\"" + listing.photo(1).src(Photo.LARGE) + "\"",
				"\"caption\":\"" + listing.photo(2).caption() + "\"");
	}

	@Test
	void theJsonAnswerChecksAnIndexAsThePageDoes() {
		Listing listing = Listings.find(this.listings, (candidate) -> candidate.photoCount() >= 2);
		String base = "/images/" + listing.id() + "?index=";

		HttpResponse<String> within = this.http.get(base + listing.photoCount(), "Accept", "application/json");
		assertThat(within.statusCode()).isEqualTo(200);
		assertThat(within.body()).contains("\"location_id\":" + listing.id());
		for (String malformed : new String[] { "abc", "0", "-1", "1e3" }) {
			HttpResponse<String> refused = this.http.get(base + malformed, "Accept", "application/json");
			assertThat(refused.statusCode()).as(malformed).isEqualTo(400);
			assertThat(refused.headers().firstValue("Content-Type")).as(malformed).hasValue("application/problem+json");
		}
		HttpResponse<String> past = this.http.get(base + (listing.photoCount() + 1), "Accept", "application/json");
		assertThat(past.statusCode()).isEqualTo(404);
		assertThat(past.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

}
