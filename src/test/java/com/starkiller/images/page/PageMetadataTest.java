package com.starkiller.images.page;

import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
 * What search engines and link previews read: a description on every page, and on listing pages
 * Open Graph and Twitter card tags whose URLs are absolute and answer.
 */
class PageMetadataTest extends IntegrationTest {

	/** No photos, no reviews; stored for this test only. */
	static final long BARE = 913_201;

	@Autowired
	ListingRepository listings;

	@ParameterizedTest
	@ValueSource(strings = { "/listings/0", "/images/0?index=2", "/reviews/0?index=1", "/listings/0/photos", "/saved",
			"/listings/999999999", "/embed/listings/0" })
	void everyPageHasOneDescription(String path) {
		Document page = Http.html(this.http.get(path));

		assertThat(page.select("meta[name=description]")).hasSize(1);
		assertThat(page.selectFirst("meta[name=description]").attr("content")).hasSizeGreaterThan(30);
	}

	@Test
	void aListingPagePreviewsItsHeroPhotoNameAndRating() {
		Listing listing = Listings.find(this.listings, (candidate) -> candidate.reviewCount() > 1 && candidate.photoCount() > 1);
		String origin = this.http.origin();

		Document page = Http.html(this.http.get("/images/" + listing.id() + "?index=2"));

		String url = origin + "/listings/" + listing.id();
		String image = origin + listing.photo(1).src(Photo.LARGE);
		String rating = String.format(java.util.Locale.ROOT, "%.2f", listing.averageRating());
		assertThat(meta(page, "property", "og:type")).isEqualTo("website");
		assertThat(meta(page, "property", "og:url")).isEqualTo(url);
		// Without ?lang= the address follows the visitor's language, and is its own canonical.
		assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(url);
		assertThat(meta(page, "property", "og:title")).startsWith(listing.name()).contains("★ " + rating);
		assertThat(meta(page, "property", "og:description")).contains(listing.location().city(), rating,
				listing.reviewCount() + " reviews");
		assertThat(meta(page, "name", "description")).isEqualTo(meta(page, "property", "og:description"));
		assertThat(meta(page, "property", "og:image")).isEqualTo(image);
		assertThat(meta(page, "property", "og:image:width")).isEqualTo(String.valueOf(Photo.LARGE));
		assertThat(meta(page, "property", "og:image:height")).isEqualTo(String.valueOf(listing.photo(1).heightAt(Photo.LARGE)));
		assertThat(meta(page, "name", "twitter:card")).isEqualTo("summary_large_image");
		assertThat(meta(page, "name", "twitter:image")).isEqualTo(image);
		assertThat(meta(page, "name", "twitter:title")).isEqualTo(meta(page, "property", "og:title"));

		var photo = this.http.getBytes(image.substring(origin.length()));
		assertThat(photo.statusCode()).isEqualTo(200);
		assertThat(photo.headers().firstValue("Content-Type")).hasValue("image/jpeg");
	}

	@Test
	void aListingWithoutPhotosOrReviewsClaimsNeither() {
		this.listings.save(new Listing(BARE, "Bare studio", new Location("Tromsø", "Norway"), List.of(), 0, 0, 1));

		Document page = Http.html(this.http.get("/listings/" + BARE));

		assertThat(meta(page, "property", "og:title")).isEqualTo("Bare studio");
		assertThat(meta(page, "property", "og:url")).isEqualTo(this.http.origin() + "/listings/" + BARE);
		assertThat(meta(page, "name", "description")).contains("Bare studio", "Tromsø").doesNotContain("Rated", "★");
		assertThat(page.select("meta[property=og:image], meta[name=twitter:image]")).isEmpty();
		assertThat(meta(page, "name", "twitter:card")).isEqualTo("summary");
	}

	@Test
	void absoluteUrlsFollowTheConfiguredPublicUrlNotTheRequest() {
		// Without a configured public URL, the request's own host (a loopback name) is the base.
		Document page = Http.html(this.http.get("/listings/0"));

		assertThat(meta(page, "property", "og:url")).startsWith("http://127.0.0.1:" + this.http.port() + "/");
		assertThat(meta(page, "property", "og:image")).startsWith("http://127.0.0.1:" + this.http.port() + "/media/");
	}

	private static String meta(Document page, String attribute, String name) {
		var meta = page.selectFirst("meta[" + attribute + "=" + name + "]");
		assertThat(meta).as(name).isNotNull();
		return meta.attr("content");
	}

}
