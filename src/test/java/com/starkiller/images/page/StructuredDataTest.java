package com.starkiller.images.page;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import com.starkiller.images.Http;
import com.starkiller.images.IntegrationTest;
import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.ListingRepository;
import com.starkiller.images.listing.Listings;
import com.starkiller.images.listing.Location;
import com.starkiller.images.listing.Photo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listing page's schema.org JSON-LD: valid JSON, a VacationRental with absolute image URLs, an
 * address, and a rating that is the listing's own (none without reviews); a name written to break
 * out of the script element stays inside it, as data.
 */
class StructuredDataTest extends IntegrationTest {

	/** Photos, no reviews. */
	static final long UNREVIEWED = 913_202;

	/** A name and a city written to end the script element and start another. */
	static final long HOSTILE = 913_203;

	static final String HOSTILE_NAME = "</script><script>alert('name')</script><!-- \"quoted\" & <b>bold</b> \u2028";

	static final String HOSTILE_CITY = "</SCRIPT ><img src=x onerror=alert(1)>";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	ListingRepository listings;

	@Test
	void aReviewedListingIsAVacationRentalWithItsOwnRating() {
		Listing listing = Listings.find(this.listings, (candidate) -> candidate.reviewCount() > 2 && candidate.photoCount() > 1);

		JsonNode data = structuredData(Http.html(this.http.get("/listings/" + listing.id())));

		assertThat(data.get("@context").asString()).isEqualTo("https://schema.org");
		assertThat(data.get("@type").asString()).isEqualTo("VacationRental");
		assertThat(data.get("name").asString()).isEqualTo(listing.name());
		assertThat(data.get("url").asString()).isEqualTo(this.http.origin() + "/listings/" + listing.id());
		assertThat(data.get("image").get(0).asString()).isEqualTo(this.http.origin() + listing.photo(1).src(Photo.LARGE));
		assertThat(data.get("image").size()).isEqualTo(Math.min(5, listing.photoCount()));
		data.get("image").forEach((image) -> assertThat(image.asString()).startsWith(this.http.origin() + "/media/"));
		assertThat(data.get("address").get("@type").asString()).isEqualTo("PostalAddress");
		assertThat(data.get("address").get("addressLocality").asString()).isEqualTo(listing.location().city());
		assertThat(data.get("address").get("addressCountry").asString()).isEqualTo(listing.location().country());
		JsonNode rating = data.get("aggregateRating");
		assertThat(rating.get("@type").asString()).isEqualTo("AggregateRating");
		assertThat(rating.get("reviewCount").asInt()).isEqualTo(listing.reviewCount());
		assertThat(rating.get("ratingValue").decimalValue())
			.isEqualByComparingTo(BigDecimal.valueOf(listing.averageRating()).setScale(2, RoundingMode.HALF_UP));
		assertThat(rating.get("bestRating").asInt()).isEqualTo(5);
	}

	@Test
	void aListingWithoutReviewsHasNoRating() {
		this.listings.save(new Listing(UNREVIEWED, "Quiet cabin", new Location("Bodø", "Norway"),
				List.of(new Photo("demo-001", "Cabin", 1600, 1066)), 0, 0, 1));

		JsonNode data = structuredData(Http.html(this.http.get("/listings/" + UNREVIEWED)));

		assertThat(data.get("name").asString()).isEqualTo("Quiet cabin");
		assertThat(data.has("aggregateRating")).isFalse();
		assertThat(data.get("image").size()).isEqualTo(1);
	}

	@Test
	void aHostileNameStaysInsideTheScriptAsData() {
		this.listings.save(new Listing(HOSTILE, HOSTILE_NAME, new Location(HOSTILE_CITY, "Norway"),
				List.of(new Photo("demo-001", "Cabin", 1600, 1066)), 0, 0, 1));

		var response = this.http.get("/listings/" + HOSTILE);
		Document page = Http.html(response);

		assertThat(response.statusCode()).isEqualTo(200);
		// No element the name or city could have opened: every script is ours, none inline but the data.
		assertThat(page.select("script:not([src])")).hasSize(1);
		assertThat(page.select("img[onerror], b")).isEmpty();
		assertThat(response.body()).doesNotContain("<script>alert", "<img src=x", "<!-- \"quoted");
		JsonNode data = structuredData(page);
		assertThat(data.get("name").asString()).isEqualTo(HOSTILE_NAME);
		assertThat(data.get("address").get("addressLocality").asString()).isEqualTo(HOSTILE_CITY);
		// The script ends where the page's own </script> is: the JSON is whole.
		assertThat(page.selectFirst("script[type=application/ld+json]").data().strip()).endsWith("}");
	}

	private static JsonNode structuredData(Document page) {
		List<Element> scripts = page.select("script[type=application/ld+json]");
		assertThat(scripts).hasSize(1);
		return JSON.readTree(scripts.get(0).data());
	}

}
