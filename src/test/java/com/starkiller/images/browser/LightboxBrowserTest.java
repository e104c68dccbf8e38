package com.starkiller.images.browser;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

import org.springframework.beans.factory.annotation.Autowired;

import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.ListingRepository;
import com.starkiller.images.listing.Listings;

import static org.assertj.core.api.Assertions.assertThat;

/** The photo lightbox as keyboard, mouse, history and phone users meet it. */
class LightboxBrowserTest extends BrowserTest {

	@Autowired
	ListingRepository listings;

	@Test
	void aKeyboardUserOpensPagesThroughAndClosesThePhotos(Browser browser) {
		Listing listing = withPhotos(3);
		int count = listing.photoCount();
		ListingPage page = ListingPage.open(browser, listing.id());

		Lightbox lightbox = page.viewPhotosWithKeyboard();
		assertThat(lightbox.caption()).isEqualTo(caption(listing, 1));
		assertThat(lightbox.hasFocus()).as("the focus moved into the lightbox, not left on the page behind it")
			.isTrue();

		lightbox.pressKey(Keys.ARROW_RIGHT).waitForPhoto(2);
		assertThat(lightbox.caption()).isEqualTo(caption(listing, 2));
		lightbox.pressKey(Keys.ARROW_LEFT).waitForPhoto(1);
		assertThat(lightbox.caption()).isEqualTo(caption(listing, 1));
		lightbox.pressKey(Keys.END).waitForPhoto(count);
		assertThat(lightbox.caption()).isEqualTo(caption(listing, count));
		lightbox.pressKey(Keys.HOME).waitForPhoto(1);
		assertThat(lightbox.caption()).isEqualTo(caption(listing, 1));
		lightbox.pressKey(Keys.ARROW_LEFT).waitForPhoto(count);
		assertThat(lightbox.caption()).as("left from the first photo wraps to the last")
			.isEqualTo(caption(listing, count));
		assertThat(browser.path()).isEqualTo(photoUrl(listing, count));

		page = lightbox.pressKey(Keys.ESCAPE).waitUntilClosed();
		assertThat(lightbox.isOpen()).isFalse();
		assertThat(browser.path()).isEqualTo("/listings/" + listing.id());
		assertThat(page.viewPhotosHasFocus()).as("the focus went back to View photos, but is on %s",
				browser.describeFocus())
			.isTrue();
	}

	@Test
	void tabbingForwardsNeverLeavesTheOpenLightbox(Browser browser) {
		Lightbox lightbox = ListingPage.open(browser, withPhotos(3).id()).viewPhotosWithKeyboard();
		int presses = lightbox.focusableControlCount() + 3;

		for (int press = 1; press <= presses; press++) {
			lightbox.tab();
			assertThat(lightbox.hasFocus()).as("after Tab number %d of %d the focus is on %s", press, presses,
					browser.describeFocus())
				.isTrue();
		}
	}

	@Test
	void tabbingBackwardsNeverLeavesTheOpenLightbox(Browser browser) {
		Lightbox lightbox = ListingPage.open(browser, withPhotos(3).id()).viewPhotosWithKeyboard();
		int presses = lightbox.focusableControlCount() + 3;

		for (int press = 1; press <= presses; press++) {
			lightbox.shiftTab();
			assertThat(lightbox.hasFocus()).as("after Shift+Tab number %d of %d the focus is on %s", press, presses,
					browser.describeFocus())
				.isTrue();
		}
	}

	@Test
	void aPhotoInTheHeroGridOpensAtItsPlaceAndThePhotoListCanBeHidden(Browser browser) {
		Listing listing = withPhotos(3);
		ListingPage page = ListingPage.open(browser, listing.id());

		Lightbox lightbox = page.openGridPhoto(3);
		assertThat(lightbox.caption()).isEqualTo(caption(listing, 3));
		assertThat(browser.path()).isEqualTo(photoUrl(listing, 3));
		assertThat(lightbox.isPhotoListShown()).isTrue();
		assertThat(lightbox.photoListButtonLabel()).isEqualTo("Hide photo list");
		assertThat(lightbox.photoListButtonSaysShown()).isTrue();

		lightbox.togglePhotoList();
		assertThat(lightbox.isPhotoListShown()).isFalse();
		assertThat(lightbox.photoListButtonLabel()).isEqualTo("Show photo list");
		assertThat(lightbox.photoListButtonSaysShown()).isFalse();

		lightbox.next();
		assertThat(lightbox.caption()).isEqualTo(caption(listing, 4 > listing.photoCount() ? 1 : 4));
		assertThat(lightbox.isPhotoListShown()).as("the photo list stays hidden on the next photo").isFalse();
		assertThat(lightbox.photoListButtonLabel()).isEqualTo("Show photo list");
		assertThat(lightbox.photoListButtonSaysShown()).isFalse();

		lightbox.togglePhotoList();
		assertThat(lightbox.isPhotoListShown()).isTrue();
		assertThat(lightbox.photoListButtonLabel()).isEqualTo("Hide photo list");
		assertThat(lightbox.photoListButtonSaysShown()).isTrue();
	}

	@Test
	void backStepsThroughThePhotosSeenAndThenClosesTheLightbox(Browser browser) {
		Listing listing = withPhotos(3);
		ListingPage page = ListingPage.open(browser, listing.id());
		Lightbox lightbox = page.viewPhotos().next().next();
		assertThat(lightbox.caption()).isEqualTo(caption(listing, 3));

		browser.back();
		lightbox.waitForPhoto(2);
		browser.back();
		lightbox.waitForPhoto(1);
		assertThat(lightbox.caption()).isEqualTo(caption(listing, 1));
		assertThat(browser.path()).isEqualTo(photoUrl(listing, 1));

		browser.back();
		page = lightbox.waitUntilClosed();
		assertThat(browser.path()).isEqualTo("/listings/" + listing.id());
		assertThat(page.name()).isEqualTo(listing.name());
	}

	@Test
	void closingAfterALongWalkBackAndForwardFocusesThePhotoThatOpenedTheLightbox(Browser browser) {
		Listing listing = Listings.find(this.listings, (candidate) -> candidate.photoCount() >= 3);
		int count = listing.photoCount();
		List<Integer> seen = new ArrayList<>(List.of(3));
		Lightbox lightbox = ListingPage.open(browser, listing.id()).openGridPhoto(3);

		// Once round every photo past the last, then two back by arrow key, then through history.
		for (int step = 0; step < count + 1; step++) {
			seen.add(seen.get(seen.size() - 1) % count + 1);
			lightbox.pressKey(Keys.ARROW_RIGHT).waitForPhoto(seen.get(seen.size() - 1));
		}
		for (int step = 0; step < 2; step++) {
			seen.add((seen.get(seen.size() - 1) + count - 2) % count + 1);
			lightbox.pressKey(Keys.ARROW_LEFT).waitForPhoto(seen.get(seen.size() - 1));
		}
		browser.back();
		lightbox.waitForPhoto(seen.get(seen.size() - 2));
		browser.back();
		lightbox.waitForPhoto(seen.get(seen.size() - 3));
		browser.forward();
		lightbox.waitForPhoto(seen.get(seen.size() - 2));
		lightbox.next();

		ListingPage page = lightbox.pressKey(Keys.ESCAPE).waitUntilClosed();
		assertThat(page.gridPhotoHasFocus(3)).as("the focus went back to the third photo of the grid, but is on %s",
				browser.describeFocus())
			.isTrue();
	}

	/** Found by review: closing on the page restored by Back forgot the opener, so Forward then Escape lost it. */
	@Test
	void closingAfterBackToThePageAndForwardAgainFocusesThePhotoThatOpenedTheLightbox(Browser browser) {
		Listing listing = withPhotos(3);
		Lightbox lightbox = ListingPage.open(browser, listing.id()).openGridPhoto(3);
		lightbox.next();

		browser.back();
		lightbox.waitForPhoto(3);
		browser.back();
		lightbox.waitUntilClosed();
		browser.forward();
		lightbox.waitForPhoto(3);

		ListingPage page = lightbox.pressKey(Keys.ESCAPE).waitUntilClosed();
		assertThat(page.gridPhotoHasFocus(3)).as("the focus went back to the third photo of the grid, but is on %s",
				browser.describeFocus())
			.isTrue();
	}

	/**
	 * A step and a close asked for at once (a second key before the first answer came): the page
	 * ends where its address says. Found by review: both requests ran, the slower one's address won
	 * while the faster one's lightbox stayed, so a reload showed something else.
	 */
	@Test
	void aStepAndACloseAtOnceEndWhereTheAddressSays(Browser browser) {
		Listing listing = withPhotos(3);
		Lightbox lightbox = ListingPage.open(browser, listing.id()).viewPhotos();

		// In one task of the page, so the second click comes before any answer to the first.
		browser.script("document.getElementById('next').click(); document.getElementById('close-lightbox').click();");

		lightbox.waitUntilClosed();
		browser.waitForHtmx();
		assertThat(lightbox.isOpen()).isFalse();
		assertThat(browser.path()).isEqualTo("/listings/" + listing.id());
	}

	/**
	 * Found by review: a step whose answer is an error (a photo the owner removed meanwhile, a
	 * server in trouble) did nothing and said nothing. The link is followed as a plain link instead,
	 * so the visitor gets the page or the server's error page.
	 */
	@Test
	void aStepToAPhotoThatIsGoneShowsTheServersErrorPage(Browser browser) {
		Listing listing = withPhotos(2);
		Lightbox lightbox = ListingPage.open(browser, listing.id()).viewPhotos();
		String gone = photoUrl(listing, 999);
		lightbox.pointNextAt(gone).clickNext();

		ErrorPage error = ErrorPage.showing(browser);
		assertThat(error.heading()).startsWith("404");
		assertThat(browser.path()).isEqualTo(gone);
	}

	/** Found by review: a browser that refuses the page storage threw, and the lightbox never took the focus. */
	@Test
	void aBrowserThatRefusesStorageStillTakesTheFocusIntoTheLightbox(Browser browser) {
		Listing listing = withPhotos(3);
		browser.beforeEveryPage("""
				Object.defineProperty(window, 'sessionStorage', {
				  get() { throw new DOMException('Storage is refused for this site', 'SecurityError'); },
				});
				""");

		browser.open(photoUrl(listing, 2));
		Lightbox lightbox = Lightbox.showing(browser);
		browser.waitUntil("the focus to move into the lightbox", (driver) -> lightbox.hasFocus());
		lightbox.togglePhotoList();
		assertThat(lightbox.isPhotoListShown()).isFalse();
	}

	/** Found by review: a thumbnail chosen by keyboard sent the focus back to the dialog, before Close. */
	@Test
	void aThumbnailChosenByKeyboardKeepsTheFocusOnThePhotoList(Browser browser) {
		Listing listing = withPhotos(3);
		Lightbox lightbox = ListingPage.open(browser, listing.id()).viewPhotosWithKeyboard();

		lightbox.openThumbnailWithKeyboard(3);
		assertThat(lightbox.caption()).isEqualTo(caption(listing, 3));
		assertThat(lightbox.currentThumbnailHasFocus()).as("the focus is on the third thumbnail, not on %s",
				browser.describeFocus())
			.isTrue();
	}

	/** Found by review: the photo already shown, chosen again, was fetched again and added to the history. */
	@Test
	void thePhotoAlreadyShownChosenAgainAddsNothingToTheHistory(Browser browser) {
		Listing listing = withPhotos(3);
		browser.open(photoUrl(listing, 2));
		Lightbox lightbox = Lightbox.showing(browser);
		long before = ((Number) browser.script("return history.length;")).longValue();

		lightbox.openThumbnail(2).openThumbnail(2).openThumbnail(3);

		assertThat(lightbox.caption()).isEqualTo(caption(listing, 3));
		assertThat(((Number) browser.script("return history.length;")).longValue())
			.as("one entry for the one photo that changed").isEqualTo(before + 1);
	}

	@Test
	void aReloadShowsThePhotoInTheAddress(Browser browser) {
		Listing listing = withPhotos(3);
		browser.open(photoUrl(listing, 3));
		Lightbox lightbox = Lightbox.showing(browser);
		assertThat(lightbox.caption()).isEqualTo(caption(listing, 3));

		browser.reload();
		lightbox = Lightbox.showing(browser);
		assertThat(lightbox.caption()).isEqualTo(caption(listing, 3));
		assertThat(browser.path()).isEqualTo(photoUrl(listing, 3));
	}

	@Test
	void theNextPhotoIsFetchedBeforeTheVisitorAsksForIt(Browser browser) {
		// The third photo's image appears nowhere else at full size, so only preloading fetches it.
		Listing listing = Listings.find(this.listings, (candidate) -> candidate.photoCount() >= 4
				&& onlyAtItsPlace(candidate, 3, 1, 2, candidate.photoCount()));
		String thirdImage = listing.photo(3).src(1600);
		Lightbox lightbox = ListingPage.open(browser, listing.id()).viewPhotos();
		assertThat(browser.requestedUrls()).as("on the first photo, the third is not fetched yet")
			.noneMatch((url) -> url.contains(thirdImage));

		lightbox.next();
		assertThat(lightbox.caption()).isEqualTo(caption(listing, 2));
		String nextImage = URI.create(lightbox.nextPhotoImage()).getPath();
		assertThat(nextImage).isEqualTo(thirdImage);
		browser.waitUntil("the browser to fetch the next photo's image " + nextImage,
				(driver) -> browser.requestedUrls().stream().anyMatch((url) -> url.contains(nextImage)));
	}

	@Test
	@Phone
	void onAPhoneThePhotosOpenAndMoveByButtonAndBySwipe(Browser browser) {
		Listing listing = withPhotos(3);
		ListingPage page = ListingPage.open(browser, listing.id());

		Lightbox lightbox = page.viewPhotos();
		assertThat(lightbox.caption()).isEqualTo(caption(listing, 1));
		assertThat(browser.pageWidth()).as("the page's width with the lightbox open")
			.isLessThanOrEqualTo(browser.viewportWidth());

		lightbox.next();
		assertThat(lightbox.caption()).isEqualTo(caption(listing, 2));
		assertThat(browser.path()).isEqualTo(photoUrl(listing, 2));
		assertThat(browser.pageWidth()).as("the page's width on the second photo")
			.isLessThanOrEqualTo(browser.viewportWidth());

		lightbox.swipeToNext();
		assertThat(lightbox.caption()).isEqualTo(caption(listing, 3));
		assertThat(browser.viewportWidth()).as("the phone's screen width").isEqualTo(360);
	}

	/**
	 * On a phone held sideways (740 × 360) the photo keeps most of the height: the bar, caption and
	 * photo list take what is left, nothing overlaps the photo but the bar's buttons at its sides,
	 * and hiding the photo list gives the photo more room. It was a 120 × 80 stamp.
	 */
	@Test
	@Phone
	void onAPhoneHeldSidewaysThePhotoKeepsMostOfTheScreen(Browser browser) {
		Listing listing = Listings.find(this.listings, (candidate) -> candidate.photoCount() >= 3
				&& candidate.photo(2).heightAt(1600) < 1600);
		browser.open(photoUrl(listing, 2));
		Lightbox lightbox = Lightbox.showing(browser);
		assertWithinTheScreen(browser, lightbox.layout(), 360, 740);

		browser.turnSideways(740, 360);
		Lightbox.Layout sideways = lightbox.layout();
		assertWithinTheScreen(browser, sideways, 740, 360);
		assertThat(sideways.photo().getHeight()).as("the photo's height on a 360 px high screen")
			.isGreaterThanOrEqualTo(180);
		// Selenium rounds each edge to a whole pixel: one of rounding is no overlap.
		assertThat(sideways.photo().getY() + sideways.photo().getHeight()).as("the photo's bottom")
			.isLessThanOrEqualTo(sideways.caption().getY() + 1);
		assertThat(sideways.caption().getY() + sideways.caption().getHeight()).as("the caption's bottom")
			.isLessThanOrEqualTo(sideways.photoList().getY() + 1);

		lightbox.togglePhotoList();
		assertThat(lightbox.layout().photo().getHeight()).as("the photo's height without the photo list")
			.isGreaterThan(sideways.photo().getHeight());
	}

	private static void assertWithinTheScreen(Browser browser, Lightbox.Layout layout, int width, int height) {
		assertThat(browser.viewportWidth()).as("the screen's width").isEqualTo(width);
		layout.parts().forEach((name, box) -> {
			assertThat(box.getWidth()).as("%s's width", name).isPositive();
			assertThat(box.getX()).as("%s's left", name).isGreaterThanOrEqualTo(0);
			assertThat(box.getY()).as("%s's top", name).isGreaterThanOrEqualTo(0);
			assertThat(box.getX() + box.getWidth()).as("%s's right", name).isLessThanOrEqualTo(width + 1);
			assertThat(box.getY() + box.getHeight()).as("%s's bottom", name).isLessThanOrEqualTo(height + 1);
		});
	}

	private Listing withPhotos(int atLeast) {
		return Listings.find(this.listings, (candidate) -> candidate.photoCount() >= atLeast);
	}

	/** Whether the photo at {@code index} shows an image none of the {@code others} shows. */
	private static boolean onlyAtItsPlace(Listing listing, int index, int... others) {
		for (int other : others) {
			if (listing.photo(other).image().equals(listing.photo(index).image())) {
				return false;
			}
		}
		return true;
	}

	private static String caption(Listing listing, int index) {
		return index + "/" + listing.photoCount() + ": " + listing.photo(index).caption();
	}

	private static String photoUrl(Listing listing, int index) {
		return "/images/" + listing.id() + "?index=" + index;
	}

}
