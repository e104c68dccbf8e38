package com.starkiller.images.browser;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.ListingRepository;
import com.starkiller.images.listing.Listings;
import com.starkiller.images.review.ReviewPage;
import com.starkiller.images.review.ReviewRepository;

import static org.assertj.core.api.Assertions.assertThat;

class ListingPageBrowserTest extends BrowserTest {

	@Autowired
	ListingRepository listings;

	@Autowired
	ReviewRepository reviews;

	@Test
	void aVisitorPagesThroughThePhotosAndTheBrowserHistoryFollows(Browser browser) {
		Listing listing = withPhotos(3);
		int count = listing.photoCount();
		ListingPage page = ListingPage.open(browser, listing.id());
		assertThat(page.name()).isEqualTo(listing.name());
		browser.tagDocument();

		Lightbox lightbox = page.viewPhotos();
		assertThat(lightbox.caption()).isEqualTo(caption(listing, 1));
		assertThat(browser.path()).isEqualTo(photoUrl(listing, 1));

		lightbox.next().next();
		assertThat(lightbox.caption()).isEqualTo(caption(listing, 3));
		assertThat(browser.path()).isEqualTo(photoUrl(listing, 3));
		assertThat(browser.isSameDocument()).as("htmx swapped the lightbox in place, without a page load").isTrue();

		browser.back();
		lightbox.waitForPhoto(2);
		assertThat(lightbox.caption()).isEqualTo(caption(listing, 2));
		assertThat(browser.path()).isEqualTo(photoUrl(listing, 2));

		browser.reload();
		lightbox = Lightbox.showing(browser);
		assertThat(browser.isSameDocument()).as("the reload loaded a new page").isFalse();
		assertThat(lightbox.caption()).isEqualTo(caption(listing, 2));

		lightbox.previous();
		assertThat(lightbox.caption()).isEqualTo(caption(listing, 1));
		lightbox.previous();
		assertThat(lightbox.caption()).as("previous from the first photo wraps to the last")
			.isEqualTo(caption(listing, count));
		assertThat(browser.path()).isEqualTo(photoUrl(listing, count));
	}

	@Test
	void theHeroPhotoOpensTheLightboxAndThePhotoAndThumbnailsMoveIt(Browser browser) {
		Listing listing = withPhotos(3);
		ListingPage page = ListingPage.open(browser, listing.id());

		Lightbox lightbox = page.openHeroPhoto();
		assertThat(lightbox.caption()).isEqualTo(caption(listing, 1));
		assertThat(lightbox.photoDescription()).isEqualTo(listing.photo(1).caption());
		assertThat(lightbox.thumbnailCount()).isEqualTo(listing.photoCount());
		assertThat(lightbox.currentThumbnail()).isEqualTo(1);

		lightbox.clickPhoto();
		assertThat(lightbox.caption()).isEqualTo(caption(listing, 2));

		lightbox.openThumbnail(3);
		assertThat(lightbox.caption()).isEqualTo(caption(listing, 3));
		assertThat(lightbox.currentThumbnail()).isEqualTo(3);

		page = lightbox.close();
		assertThat(lightbox.isOpen()).isFalse();
		assertThat(browser.path()).isEqualTo("/listings/" + listing.id());
		assertThat(page.name()).isEqualTo(listing.name());
	}

	@Test
	void aVisitorReadsTheNextReview(Browser browser) {
		Listing listing = Listings.find(this.listings, (candidate) -> candidate.reviewCount() >= 2);
		int count = listing.reviewCount();
		ListingPage page = ListingPage.open(browser, listing.id());
		assertThat(page.reviewCounter()).isEqualTo("1 of " + count);
		assertThat(page.reviewText()).isEqualTo(reviewText(listing, 1));

		page.nextReview();
		assertThat(page.reviewCounter()).isEqualTo("2 of " + count);
		assertThat(page.reviewText()).isEqualTo(reviewText(listing, 2));
		assertThat(browser.path()).isEqualTo("/reviews/" + listing.id() + "?index=2");

		page.previousReview().previousReview();
		assertThat(page.reviewCounter()).as("previous from the first review wraps to the last")
			.isEqualTo(count + " of " + count);
	}

	@Test
	@JavaScriptDisabled
	void withoutJavaScriptThePhotoLinksAreLinks(Browser browser) {
		Listing listing = withPhotos(3);
		ListingPage page = ListingPage.open(browser, listing.id());

		assertThat(browser.htmxIsLoaded()).as("htmx ran, so JavaScript is on").isFalse();

		Lightbox lightbox = page.viewPhotos();
		assertThat(browser.path()).isEqualTo(photoUrl(listing, 1));
		assertThat(lightbox.caption()).isEqualTo(caption(listing, 1));

		lightbox.next();
		assertThat(lightbox.caption()).isEqualTo(caption(listing, 2));
		assertThat(browser.path()).isEqualTo(photoUrl(listing, 2));

		page = lightbox.close();
		page.nextReview();
		assertThat(page.reviewCounter()).isEqualTo("2 of " + listing.reviewCount());
		assertThat(browser.path()).isEqualTo("/reviews/" + listing.id() + "?index=2");
	}

	@Test
	@Phone
	void onAPhoneNothingScrollsSideways(Browser browser) {
		Listing listing = withPhotos(3);
		ListingPage page = ListingPage.open(browser, listing.id());
		assertThat(browser.viewportWidth()).as("the phone's screen width").isEqualTo(360);
		assertThat(browser.pageWidth()).as("the listing page's width").isLessThanOrEqualTo(360);

		page.viewPhotos();
		assertThat(browser.pageWidth()).as("the page's width with the lightbox open").isLessThanOrEqualTo(360);
	}

	@Test
	@Phone
	void onAPhoneTheHiddenHeroPhotosAreNeverDownloaded(Browser browser) {
		Listing listing = withPhotos(3);
		ListingPage.open(browser, listing.id());
		// The load event waits for every image that is not lazy.
		browser.waitUntil("the page to finish loading",
				(driver) -> "complete".equals(browser.script("return document.readyState")));

		String hero = "/media/" + listing.photo(1).image() + "/";
		List<String> hidden = sideHeroImages(browser).stream().filter((image) -> !image.equals(hero)).toList();
		assertThat(hidden).isNotEmpty();
		assertThat(browser.requestedUrls()).as("URLs the page fetched")
			.noneMatch((url) -> hidden.stream().anyMatch(url::contains))
			.anyMatch((url) -> url.contains(hero));
	}

	@Test
	void onADesktopTheSideHeroPhotosAreDownloaded(Browser browser) {
		Listing listing = withPhotos(3);
		ListingPage.open(browser, listing.id());

		List<String> shown = sideHeroImages(browser);
		assertThat(shown).isNotEmpty();
		browser.waitUntil("the side photos to be fetched", (driver) -> shown.stream()
			.allMatch((image) -> browser.requestedUrls().stream().anyMatch((url) -> url.contains(image))));
	}

	@Test
	void aListingWithoutPhotosSaysSo(Browser browser) {
		Listing bare = Listings.empty(this.listings, 900_101);

		ListingPage page = ListingPage.open(browser, bare.id());

		assertThat(page.hasPhotos()).isFalse();
		assertThat(page.noPhotosMessage()).isEqualTo("The owner has not posted any pictures of this place yet!");
	}

	@Test
	void theListingPageHasNoSeriousAccessibilityProblems(Browser browser) {
		ListingPage.open(browser, withPhotos(3).id());

		Accessibility.assertNoSeriousViolations(browser);
	}

	@Test
	void theLightboxHasNoSeriousAccessibilityProblems(Browser browser) {
		ListingPage.open(browser, withPhotos(3).id()).viewPhotos();

		Accessibility.assertNoSeriousViolations(browser);
	}

	@Test
	void anErrorPageSaysWhatWentWrongAccessibly(Browser browser) {
		ErrorPage page = ErrorPage.open(browser, "/listings/abc");

		assertThat(page.heading()).isEqualTo("400: Bad Request");
		Accessibility.assertNoSeriousViolations(browser);
	}

	/** "/media/{image}/" of each hero photo beside the first. */
	@SuppressWarnings("unchecked")
	private static List<String> sideHeroImages(Browser browser) {
		List<String> sources = (List<String>) browser
			.script("return [...document.querySelectorAll('.hero a:not(#background) img:not(.placeholder)')].map((img) => img.getAttribute('src'));");
		return sources.stream().map((src) -> src.substring(0, src.lastIndexOf('/') + 1)).toList();
	}

	private Listing withPhotos(int atLeast) {
		return Listings.find(this.listings,
				(candidate) -> candidate.photoCount() >= atLeast && candidate.reviewCount() >= 2);
	}

	private static String caption(Listing listing, int index) {
		return index + "/" + listing.photoCount() + ": " + listing.photo(index).caption();
	}

	private static String photoUrl(Listing listing, int index) {
		return "/images/" + listing.id() + "?index=" + index;
	}

	private String reviewText(Listing listing, int position) {
		return this.reviews.findById(ReviewPage.id(listing.id(), ReviewPage.pageOf(position)))
			.orElseThrow()
			.review(position)
			.text();
	}

}
