package com.starkiller.images.browser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import com.starkiller.images.browser.ViewTransitions.Morph;
import com.starkiller.images.gallery.PhotoTours;
import com.starkiller.images.listing.ListingRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lightbox opening out of the photo clicked and closing back into a photo of the page, as the
 * browser animates it (a view transition), and not animating at all under reduced motion.
 */
class LightboxTransitionBrowserTest extends BrowserTest {

	/** Eight photos: the hero grid shows the first five, the tour all of them. */
	private static final long LISTING = PhotoTours.WITH_ROOMS;

	private static final String LARGE_PHOTO = "display-image";

	@Autowired
	ListingRepository listings;

	@BeforeEach
	void store() {
		PhotoTours.withRooms(this.listings);
	}

	@Test
	void theHeroPhotoGrowsIntoTheLightboxWhichShrinksBackIntoIt(Browser browser) {
		ListingPage page = ListingPage.open(browser, LISTING);
		ViewTransitions transitions = ViewTransitions.watch(browser);
		WebElement hero = page.gridPhotoImage(1);

		Lightbox lightbox = page.openHeroPhoto();
		Morph opening = transitions.awaitEnd(1);
		assertThat(opening.start().element()).as("the old view names the photo clicked").isEqualTo(hero);
		assertThat(opening.end().element()).as("the new view names the lightbox's photo")
			.isEqualTo(lightbox.photo().image());
		assertThat(opening.morphed()).as("the browser animated the photo from one place to the other").isTrue();
		assertThat(opening.outcome()).isEqualTo("finished");
		assertThat(transitions.namedNow()).as("once the animation has ended, no element keeps the name").isEmpty();
		Accessibility.assertNoSeriousViolations(browser);

		page = lightbox.close();
		Morph closing = transitions.awaitEnd(2);
		assertThat(closing.start().id()).as("the old view names the lightbox's photo").isEqualTo(LARGE_PHOTO);
		assertThat(closing.end().element()).as("the new view names the photo closed to")
			.isEqualTo(page.gridPhotoImage(1));
		assertThat(closing.morphed()).isTrue();
		assertThat(closing.outcome()).isEqualTo("finished");
		assertThat(transitions.namedNow()).isEmpty();
		assertThat(page.gridPhotoHasFocus(1)).as("the focus went back to the hero photo, but is on %s",
				browser.describeFocus())
			.isTrue();
		Accessibility.assertNoSeriousViolations(browser);
	}

	@Test
	void closedOnAnotherPhotoOfTheGridTheLightboxShrinksIntoThatPhoto(Browser browser) {
		ListingPage page = ListingPage.open(browser, LISTING);
		ViewTransitions transitions = ViewTransitions.watch(browser);
		WebElement second = page.gridPhotoImage(2);

		Lightbox lightbox = page.openGridPhoto(2);
		assertThat(transitions.awaitEnd(1).start().element()).isEqualTo(second);
		lightbox.next();
		assertThat(lightbox.position()).isEqualTo(3);
		assertThat(transitions.started()).as("Next moves on without a morph").isEqualTo(1);

		page = lightbox.close();
		Morph closing = transitions.awaitEnd(2);
		assertThat(closing.end().element()).as("the photo of the grid the lightbox showed last")
			.isEqualTo(page.gridPhotoImage(3));
		assertThat(closing.morphed()).isTrue();
		assertThat(page.gridPhotoHasFocus(2)).as("the focus went back to the photo that opened it, but is on %s",
				browser.describeFocus())
			.isTrue();
	}

	@Test
	void closedOnAPhotoTheGridDoesNotShowTheLightboxShrinksIntoThePhotoThatOpenedIt(Browser browser) {
		ListingPage page = ListingPage.open(browser, LISTING);
		ViewTransitions transitions = ViewTransitions.watch(browser);

		Lightbox lightbox = page.openGridPhoto(5).next();
		assertThat(lightbox.position()).as("past the grid's last photo").isEqualTo(6);
		page = lightbox.close();

		Morph closing = transitions.awaitEnd(2);
		assertThat(closing.end().element()).isEqualTo(page.gridPhotoImage(5));
		assertThat(closing.morphed()).isTrue();
	}

	@Test
	void viewPhotosOpensOutOfTheHeroAndAThumbnailGrowsIntoTheLargePhoto(Browser browser) {
		ListingPage page = ListingPage.open(browser, LISTING);
		ViewTransitions transitions = ViewTransitions.watch(browser);
		WebElement hero = page.gridPhotoImage(1);

		Lightbox lightbox = page.viewPhotos();
		assertThat(transitions.awaitEnd(1).start().element()).as("View photos has no photo: the hero shows photo 1")
			.isEqualTo(hero);

		String thumbnail = lightbox.thumbnailImage(3);
		lightbox.openThumbnail(3);
		Morph choosing = transitions.awaitEnd(2);
		assertThat(choosing.start().src()).as("the old view names the thumbnail clicked").isEqualTo(thumbnail);
		assertThat(choosing.end().element()).isEqualTo(lightbox.photo().image());
		assertThat(choosing.morphed()).isTrue();
		assertThat(lightbox.position()).isEqualTo(3);
		Accessibility.assertNoSeriousViolations(browser);
	}

	@Test
	void aPhotoOfTheTourGrowsIntoTheLightboxWhichShrinksBackIntoIt(Browser browser) {
		PhotoTourPage tour = PhotoTourPage.open(browser, LISTING);
		ViewTransitions transitions = ViewTransitions.watch(browser);

		Lightbox lightbox = tour.openPhoto("Living room", 8);
		Morph opening = transitions.awaitEnd(1);
		assertThat(opening.start().element()).isEqualTo(tour.photoImage(8));
		assertThat(opening.end().element()).isEqualTo(lightbox.photo().image());
		assertThat(opening.morphed()).isTrue();

		tour = lightbox.closeToTheTour();
		Morph closing = transitions.awaitEnd(2);
		assertThat(closing.start().id()).isEqualTo(LARGE_PHOTO);
		assertThat(closing.end().element()).isEqualTo(tour.photoImage(8));
		assertThat(closing.morphed()).isTrue();
		assertThat(tour.photoHasFocus(8)).as("the focus went back to the photo, but is on %s", browser.describeFocus())
			.isTrue();
		Accessibility.assertNoSeriousViolations(browser);
	}

	@Test
	@Phone
	void onAPhoneWhereTheGridShowsOnlyTheHeroTheLightboxShrinksIntoTheHero(Browser browser) {
		ListingPage page = ListingPage.open(browser, LISTING);
		ViewTransitions transitions = ViewTransitions.watch(browser);

		Lightbox lightbox = page.openHeroPhoto().next();
		assertThat(lightbox.position()).isEqualTo(2);
		page = lightbox.close();

		Morph closing = transitions.awaitEnd(2);
		assertThat(closing.end().element()).as("photo 2's place in the grid is hidden on a phone")
			.isEqualTo(page.gridPhotoImage(1));
		assertThat(closing.morphed()).isTrue();
	}

	@Test
	void underReducedMotionTheLightboxOpensAndClosesWithoutAnimating(Browser browser) {
		browser.preferReducedMotion();
		ListingPage page = ListingPage.open(browser, LISTING);
		ViewTransitions transitions = ViewTransitions.watch(browser);

		Lightbox lightbox = page.openHeroPhoto();
		assertThat(lightbox.position()).isEqualTo(1);
		assertThat(lightbox.hasFocus()).as("the focus moved into the lightbox").isTrue();
		Accessibility.assertNoSeriousViolations(browser);

		page = lightbox.pressKey(Keys.ESCAPE).waitUntilClosed();
		assertThat(page.gridPhotoHasFocus(1)).as("the focus went back to the hero photo, but is on %s",
				browser.describeFocus())
			.isTrue();
		assertThat(transitions.started()).as("view transitions started, opening and closing").isZero();
		assertThat(transitions.namedNow()).isEmpty();
		Accessibility.assertNoSeriousViolations(browser);
	}

}
