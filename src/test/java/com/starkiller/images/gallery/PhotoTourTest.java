package com.starkiller.images.gallery;

import java.net.http.HttpResponse;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import com.starkiller.images.Http;
import com.starkiller.images.IntegrationTest;
import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.ListingRepository;
import com.starkiller.images.listing.Photo;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /listings/{id}/photos}: the photo tour as a page, an htmx fragment and JSON. */
class PhotoTourTest extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String TOUR = "/listings/" + PhotoTours.WITH_ROOMS + "/photos";

	@Autowired
	ListingRepository listings;

	private Listing listing;

	@BeforeEach
	void store() {
		this.listing = PhotoTours.withRooms(this.listings);
	}

	@Test
	void thePageShowsEveryPhotoInASectionPerRoomWithJumpLinks() {
		HttpResponse<String> response = this.http.get(TOUR);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith("<!DOCTYPE html>").contains("<html");
		Document page = Http.html(response);
		assertThat(page.title()).isEqualTo("Photos of Room by room · Starkiller");
		assertThat(page.selectFirst("#main h1").text()).isEqualTo("Photos of Room by room");
		assertThat(page.select("[data-back-to-listing]").attr("href")).isEqualTo("/listings/" + PhotoTours.WITH_ROOMS);
		assertThat(page.select("nav.room-links a")).extracting((link) -> link.attr("href"))
			.containsExactlyElementsOf(PhotoTours.SECTIONS.stream().map((section) -> "#" + section[0]).toList());
		assertThat(page.select("nav.room-links a").first().text()).isEqualTo("Living room (3)");
		assertThat(page.select("section.room")).hasSize(PhotoTours.SECTIONS.size());
		for (Object[] section : PhotoTours.SECTIONS) {
			Element shown = page.getElementById((String) section[0]);
			assertThat(shown).as("section %s", section[0]).isNotNull();
			assertThat(shown.attr("data-room")).isEqualTo(section[1]);
			assertThat(shown.selectFirst("h2").text()).isEqualTo(section[1]);
			assertThat(shown.select("[data-tour-photo]")).extracting((link) -> Integer.valueOf(link.attr("data-tour-photo")))
				.containsExactlyElementsOf(indexes(section));
		}
		assertThat(page.getElementById("modal").hasAttr("hidden")).isTrue();
		assertThat(page.getElementById("no-images")).isNull();
	}

	@Test
	void eachPhotoOpensTheLightboxAtItsIndexWithAndWithoutJavaScript() {
		Document page = Http.html(this.http.get(TOUR));

		Element fireplace = page.selectFirst("#room-living-room [data-tour-photo=8]");
		String lightbox = "/images/" + PhotoTours.WITH_ROOMS + "?index=8";
		assertThat(fireplace.attr("href")).isEqualTo(lightbox);
		assertThat(fireplace.attr("hx-get")).isEqualTo(lightbox);
		assertThat(fireplace.attr("hx-target")).isEqualTo("#modal");
		assertThat(fireplace.attr("hx-push-url")).isEqualTo("true");
		assertThat(fireplace.attr("aria-label")).isEqualTo("Open photo 8 of 8: Fireplace");
		assertThat(fireplace.selectFirst("img").attr("src")).isEqualTo(this.listing.photo(8).src(Photo.MEDIUM));
		assertThat(fireplace.selectFirst("img").attr("alt")).isEqualTo("Fireplace");
		assertThat(this.http.get(lightbox).statusCode()).isEqualTo(200);
	}

	@Test
	void htmxGetsTheTourAsTheMainOfThePageWithItsTitle() {
		HttpResponse<String> response = this.http.get(TOUR, "HX-Request", "true");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.headers().allValues("Vary")).contains("HX-Request", "Accept");
		assertThat(response.body()).doesNotContain("<html", "<header", "<footer").contains("<title>");
		Document fragment = Http.html(response);
		assertThat(fragment.title()).isEqualTo("Photos of Room by room · Starkiller");
		assertThat(fragment.select("main#main[data-photo-tour]")).hasSize(1);
		assertThat(fragment.select("section.room")).hasSize(PhotoTours.SECTIONS.size());
		assertThat(fragment.getElementById("modal")).isNotNull();
	}

	@Test
	void aHistoryRestoreGetsTheWholePage() {
		HttpResponse<String> response = this.http.get(TOUR, "HX-Request", "true", "HX-History-Restore-Request", "true");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("<html");
		assertThat(Http.html(response).select("[data-photo-tour]")).hasSize(1);
	}

	@Test
	void jsonClientsGetThePhotosByRoomOnTheSameUrl() {
		HttpResponse<String> response = this.http.get(TOUR, "Accept", "application/json");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		JsonNode tour = JSON.readTree(response.body());
		assertThat(tour.path("location_id").asLong()).isEqualTo(PhotoTours.WITH_ROOMS);
		assertThat(tour.path("location_name").asString()).isEqualTo("Room by room");
		assertThat(tour.path("count").asInt()).isEqualTo(8);
		JsonNode rooms = tour.path("rooms");
		assertThat(rooms.size()).isEqualTo(PhotoTours.SECTIONS.size());
		for (int i = 0; i < rooms.size(); i++) {
			Object[] section = PhotoTours.SECTIONS.get(i);
			JsonNode room = rooms.get(i);
			assertThat(room.path("label").asString()).isEqualTo(section[1]);
			assertThat(room.path("anchor").asString()).isEqualTo(section[0]);
			assertThat(room.path("photos").valueStream().map((photo) -> photo.path("index").asInt()).toList())
				.isEqualTo(indexes(section));
		}
		assertThat(rooms.get(0).path("room").asString()).isEqualTo("Living room");
		assertThat(rooms.get(rooms.size() - 1).path("room").isNull()).as("the photos without a room have none").isTrue();
		JsonNode fireplace = rooms.get(0).path("photos").get(2);
		assertThat(fireplace.path("caption").asString()).isEqualTo("Fireplace");
		assertThat(fireplace.path("src").asString()).isEqualTo(this.listing.photo(8).src(Photo.LARGE));
		assertThat(fireplace.path("room").asString()).isEqualTo("Living room");
	}

	@Test
	void aListingStoredBeforeRoomsShowsAllItsPhotosAsOtherPhotos() {
		String tour = "/listings/" + PhotoTours.WITHOUT_ROOMS + "/photos";

		Document page = Http.html(this.http.get(tour));
		JsonNode json = JSON.readTree(this.http.get(tour, "Accept", "application/json").body());

		assertThat(page.select("section.room")).hasSize(1);
		assertThat(page.selectFirst("section.room h2").text()).isEqualTo("Other photos");
		assertThat(page.select("section.room [data-tour-photo]")).extracting((link) -> link.attr("data-tour-photo"))
			.containsExactly("1", "2", "3");
		assertThat(json.path("rooms").size()).isEqualTo(1);
		assertThat(json.path("rooms").get(0).path("room").isNull()).isTrue();
		assertThat(json.path("rooms").get(0).path("photos").get(0).has("room")).isFalse();
	}

	@Test
	void aListingWithoutPhotosSaysSo() {
		String tour = "/listings/" + PhotoTours.EMPTY + "/photos";

		HttpResponse<String> response = this.http.get(tour);
		JsonNode json = JSON.readTree(this.http.get(tour, "Accept", "application/json").body());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(Http.html(response).getElementById("no-images").text())
			.isEqualTo("The owner has not posted any pictures of this place yet!");
		assertThat(Http.html(response).select("nav.room-links, section.room")).isEmpty();
		assertThat(json.path("rooms").size()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "HX-Request", "application/json" })
	void badAndUnknownIdsAreRefusedLikeOnTheOtherRoutes(String asked) {
		String[] headers = switch (asked) {
			case "HX-Request" -> new String[] { "HX-Request", "true" };
			case "application/json" -> new String[] { "Accept", "application/json" };
			default -> new String[] { "Accept", "text/html" };
		};
		for (String id : List.of("abc", "-1", "1.5", "99999999999999999999", "424242")) {
			HttpResponse<String> response = this.http.get("/listings/" + id + "/photos", headers);

			// A whole number names a listing, however many digits it has: unknown, not malformed (PRODUCT.md).
			assertThat(response.statusCode()).as(id).isEqualTo(id.matches("\\d+") ? 404 : 400);
			String type = response.headers().firstValue("Content-Type").orElseThrow();
			if (asked.equals("application/json")) {
				assertThat(type).isEqualTo("application/problem+json");
			}
			else {
				assertThat(type).startsWith("text/html");
				assertThat(Http.html(response).getElementById("error-title").text()).startsWith(response.statusCode() + ":");
			}
		}
	}

	@Test
	void aRepeatedTourIsKeptWithAStrongEtagAndRevalidates() {
		HttpResponse<String> first = this.http.get(TOUR, "HX-Request", "true");
		HttpResponse<String> again = this.http.get(TOUR, "HX-Request", "true");
		String etag = again.headers().firstValue("ETag").orElseThrow();

		assertThat(again.body()).isEqualTo(first.body());
		assertThat(etag).matches("\"[0-9a-f]+-[0-9a-f]{16}\"");
		assertThat(again.headers().firstValue("Cache-Control")).hasValue("no-cache");
		assertThat(this.http.get(TOUR, "HX-Request", "true", "If-None-Match", etag).statusCode()).isEqualTo(304);
		assertThat(this.http.get(TOUR).headers().firstValue("ETag")).as("the full page is another representation")
			.hasValueSatisfying((page) -> assertThat(page).isNotEqualTo(etag));
	}

	@Test
	void theListingPageLinksToTheTourAndKeepsItsIds() {
		Document page = Http.html(this.http.get("/listings/" + PhotoTours.WITH_ROOMS));

		Element showAll = page.selectFirst("[data-show-all-photos]");
		assertThat(showAll.text()).isEqualTo("Show all photos");
		assertThat(showAll.attr("href")).isEqualTo(TOUR);
		assertThat(showAll.attr("hx-get")).isEqualTo(TOUR);
		assertThat(showAll.attr("hx-target")).isEqualTo("#main");
		assertThat(showAll.attr("hx-push-url")).isEqualTo("true");
		for (String id : new String[] { "image-service", "background", "share-button", "save-button", "photos-button",
				"modal", "reviews", "share-container" }) {
			assertThat(page.getElementById(id)).as(id).isNotNull();
		}
		assertThat(Http.html(this.http.get("/listings/" + PhotoTours.EMPTY)).select("[data-show-all-photos]")).isEmpty();
		assertThat(Http.html(this.http.get("/embed/listings/" + PhotoTours.WITH_ROOMS)).select("[data-show-all-photos]"))
			.as("the widget has no room for the tour")
			.isEmpty();
	}

	private static List<Integer> indexes(Object[] section) {
		@SuppressWarnings("unchecked")
		List<Integer> indexes = (List<Integer>) section[2];
		return indexes;
	}

}
