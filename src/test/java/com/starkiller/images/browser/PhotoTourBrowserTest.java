package com.starkiller.images.browser;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import org.springframework.beans.factory.annotation.Autowired;

import com.starkiller.images.gallery.PhotoTours;
import com.starkiller.images.listing.ListingRepository;

import static org.assertj.core.api.Assertions.assertThat;

/** "Show all photos": the photo tour room by room, its jump links, and the lightbox opened from it. */
class PhotoTourBrowserTest extends BrowserTest {

	private static final long LISTING = PhotoTours.WITH_ROOMS;

	private static final String TOUR = "/listings/" + LISTING + "/photos";

	private static final List<String> ROOMS = List.of("Living room", "Bedroom 1", "Bathroom", "Bedroom 2", "Kitchen",
			"Other photos");

	@Autowired
	ListingRepository listings;

	@BeforeEach
	void store() {
		PhotoTours.withRooms(this.listings);
	}

	@Test
	void aVisitorTakesTheTourJumpsToARoomAndOpensAPhotoFromIt(Browser browser) {
		ListingPage listing = ListingPage.open(browser, LISTING);
		browser.tagDocument();

		PhotoTourPage tour = listing.showAllPhotos();
		assertThat(browser.path()).isEqualTo(TOUR);
		assertThat(browser.isSameDocument()).as("htmx swapped the tour in, without a page load").isTrue();
		assertThat(browser.title()).isEqualTo("Photos of Room by room · Starkiller");
		assertThat(tour.headingHasFocus()).as("the focus moved to the tour's heading, not %s", browser.describeFocus())
			.isTrue();
		assertThat(tour.rooms()).containsExactlyElementsOf(ROOMS);
		assertThat(tour.roomLinks()).containsExactly("Living room (3)", "Bedroom 1 (1)", "Bathroom (1)",
				"Bedroom 2 (1)", "Kitchen (1)", "Other photos (1)");
		assertThat(tour.photosIn("Living room")).containsExactly(1, 2, 8);

		assertThat(tour.isInView("Kitchen")).as("a room further down, before its jump link").isFalse();
		tour.jumpTo("Kitchen");
		assertThat(browser.path()).isEqualTo(TOUR);
		assertThat(tour.isInView("Kitchen")).isTrue();

		Lightbox lightbox = tour.openPhoto("Living room", 8);
		assertThat(lightbox.caption()).isEqualTo("8/8: Fireplace");
		assertThat(lightbox.room()).isEqualTo("Living room");
		assertThat(browser.path()).isEqualTo("/images/" + LISTING + "?index=8");
		assertThat(lightbox.roomMarks()).containsExactly("1: Living room", "3: Bedroom 1", "4: Other photos",
				"5: Bathroom", "6: Bedroom 2", "7: Kitchen", "8: Living room");

		lightbox.next();
		assertThat(lightbox.caption()).isEqualTo("1/8: Sofa");
		lightbox.next().next();
		assertThat(lightbox.room()).isEqualTo("Bedroom 1");

		tour = lightbox.closeToTheTour();
		assertThat(browser.path()).as("closing goes back to the tour's address").isEqualTo(TOUR);
		assertThat(browser.isSameDocument()).isTrue();
		assertThat(tour.photoHasFocus(8)).as("the focus went back to the photo that opened it, not %s",
				browser.describeFocus())
			.isTrue();
	}

	@Test
	void theBrowsersBackButtonReturnsFromTheTourToTheListing(Browser browser) {
		ListingPage.open(browser, LISTING).showAllPhotos();

		browser.back();

		ListingPage listing = ListingPage.showing(browser);
		assertThat(browser.path()).isEqualTo("/listings/" + LISTING);
		assertThat(listing.name()).isEqualTo("Room by room");
		browser.waitUntil("the tour to be gone", (driver) -> !browser.isShown(PhotoTourPage.TOUR));
	}

	@Test
	void aKeyboardUserOpensAPhotoFromTheTourAndEscapeReturnsToIt(Browser browser) {
		PhotoTourPage tour = PhotoTourPage.open(browser, LISTING);
		browser.focus(By.cssSelector("[data-tour-photo='5']"));
		browser.pressKey(Keys.ENTER);
		Lightbox lightbox = Lightbox.showing(browser);
		assertThat(lightbox.caption()).isEqualTo("5/8: Tub");
		assertThat(lightbox.room()).isEqualTo("Bathroom");
		assertThat(lightbox.hasFocus()).isTrue();

		lightbox.pressKey(Keys.ESCAPE);
		browser.waitUntil("the lightbox to close", (driver) -> !lightbox.isOpen());
		assertThat(browser.path()).isEqualTo(TOUR);
		assertThat(tour.photoHasFocus(5)).as("the focus is on %s", browser.describeFocus()).isTrue();
	}

	@Test
	@JavaScriptDisabled
	void withoutJavaScriptTheTourTheJumpLinksAndThePhotosAreLinks(Browser browser) {
		ListingPage listing = ListingPage.open(browser, LISTING);
		assertThat(browser.htmxIsLoaded()).as("htmx ran, so JavaScript is on").isFalse();

		PhotoTourPage tour = listing.showAllPhotos();
		assertThat(browser.path()).isEqualTo(TOUR);
		assertThat(tour.rooms()).containsExactlyElementsOf(ROOMS);

		assertThat(tour.isInView("Bedroom 2")).isFalse();
		tour.jumpTo("Bedroom 2");
		assertThat(browser.path()).isEqualTo(TOUR);
		assertThat(tour.isInView("Bedroom 2")).isTrue();

		Lightbox lightbox = tour.openPhoto("Bedroom 2", 6);
		assertThat(browser.path()).isEqualTo("/images/" + LISTING + "?index=6");
		assertThat(lightbox.caption()).isEqualTo("6/8: Bunk beds");
		assertThat(lightbox.room()).isEqualTo("Bedroom 2");
		assertThat(lightbox.roomMarks()).hasSize(7);

		lightbox.next();
		assertThat(lightbox.caption()).isEqualTo("7/8: Breakfast bar");
		assertThat(lightbox.room()).isEqualTo("Kitchen");
	}

	@Test
	@JavaScriptDisabled
	void withoutJavaScriptTheTourLinksBackToTheListing(Browser browser) {
		ListingPage listing = PhotoTourPage.open(browser, LISTING).backToTheListing();

		assertThat(browser.path()).isEqualTo("/listings/" + LISTING);
		assertThat(listing.name()).isEqualTo("Room by room");
	}

	@Test
	void theTourHasNoSeriousAccessibilityProblems(Browser browser) {
		PhotoTourPage.open(browser, LISTING).jumpTo("Bathroom");

		Accessibility.assertNoSeriousViolations(browser);
	}

	@Test
	void theLightboxOverTheTourHasNoSeriousAccessibilityProblems(Browser browser) {
		PhotoTourPage.open(browser, LISTING).openPhoto("Bedroom 1", 3);

		Accessibility.assertNoSeriousViolations(browser);
	}

	@Test
	@Phone
	void onAPhoneTheTourDoesNotScrollSideways(Browser browser) {
		PhotoTourPage tour = PhotoTourPage.open(browser, LISTING);

		assertThat(browser.viewportWidth()).as("the phone's screen width").isEqualTo(360);
		assertThat(browser.pageWidth()).as("the tour's width").isLessThanOrEqualTo(360);
		assertThat(tour.isInView("Kitchen")).isFalse();
		tour.jumpTo("Kitchen");
		assertThat(tour.isInView("Kitchen")).isTrue();
	}

}
