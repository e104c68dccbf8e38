package com.starkiller.images.browser;

import java.util.List;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

import org.springframework.beans.factory.annotation.Autowired;

import com.starkiller.images.browser.LightboxPhoto.Box;
import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.ListingRepository;
import com.starkiller.images.listing.Location;
import com.starkiller.images.listing.Photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Zooming into the lightbox's photo by mouse, wheel, keys and fingers, and panning it. */
class LightboxZoomBrowserTest extends BrowserTest {

	/** Three photos of different demo images, stored under an id no other test uses and never written after. */
	static final long LISTING = 913_301;

	private static final String FIRST_PHOTO = "/images/" + LISTING + "?index=1";

	@Autowired
	ListingRepository listings;

	@BeforeEach
	void store() {
		this.listings.save(new Listing(LISTING, "Zoom house", new Location("Lyon", "France"),
				List.of(photo("demo-000", "Bedroom"), photo("demo-001", "Sofa"), photo("demo-002", "Kitchen")), 0, 0, 1));
	}

	@Test
	void aDoubleClickZoomsInWhereItClicksAndAnotherZoomsBackOut(Browser browser) {
		zoomsInAtThePointAndBackOut(browser, LightboxPhoto::doubleClickAt);
	}

	@Test
	@Phone
	void onAPhoneADoubleTapZoomsInWhereItTapsAndAnotherZoomsBackOut(Browser browser) {
		zoomsInAtThePointAndBackOut(browser, LightboxPhoto::doubleTapAt);
	}

	@Test
	void theWheelWithCtrlZoomsThePhotoAndNotThePage(Browser browser) {
		Lightbox lightbox = open(browser);
		LightboxPhoto photo = lightbox.photo();
		Object pixelRatio = browser.script("return window.devicePixelRatio;");

		// A trackpad's pinch: small steps, with Ctrl, which zooms five times faster than a plain wheel (300 % here, 122 % without Ctrl).
		for (int step = 0; step < 10; step++) {
			photo.turnWheelWithCtrl(-11);
		}
		int zoomed = photo.awaitZoom("zoomed in by the pinch", (percent) -> percent > 250);
		assertThat(zoomed).isBetween(251, 400);
		assertThat(browser.script("return window.devicePixelRatio;")).as("the page itself kept its zoom").isEqualTo(pixelRatio);
		assertThat(browser.script("return window.visualViewport.scale;")).isIn(1L, 1.0);
		Accessibility.assertNoSeriousViolations(browser);

		for (int step = 0; step < 10; step++) {
			photo.turnWheelWithCtrl(40);
		}
		photo.awaitZoom(100);
		assertThat(lightbox.position()).isEqualTo(1);
	}

	@Test
	void aClickOnThePhotoStillShowsTheNextOne(Browser browser) {
		Lightbox lightbox = open(browser);

		lightbox.clickPhoto();
		assertThat(lightbox.position()).isEqualTo(2);
	}

	@Test
	void theWheelOverThePhotoZoomsInAndOut(Browser browser) {
		Lightbox lightbox = open(browser);
		LightboxPhoto photo = lightbox.photo();

		int zoomed = photo.turnWheel(-300).awaitZoom("zoomed in", (percent) -> percent > 100);
		assertThat(zoomed).isBetween(150, 400);
		Accessibility.assertNoSeriousViolations(browser);

		photo.turnWheel(3000).awaitZoom(100);
		assertThat(lightbox.position()).isEqualTo(1);
	}

	@Test
	void aZoomOutOfAWholePhotoAnnouncesNothing(Browser browser) {
		Lightbox lightbox = open(browser);
		LightboxPhoto photo = lightbox.photo().recordZoomAnnouncements();

		photo.turnWheel(300);
		lightbox.pressKey("0");
		lightbox.pressKey("+");
		photo.awaitAnnouncement("Zoomed to 150 %");
		lightbox.pressKey("0");
		photo.awaitAnnouncement("Zoomed to 100 %");

		assertThat(photo.zoomAnnouncementsMade()).as("nothing changed before the +")
			.containsExactly("Zoomed to 150 %", "Zoomed to 100 %");
	}

	@Test
	void plusMinusAndZeroZoomAndTheArrowsPanAZoomedPhoto(Browser browser) {
		Lightbox lightbox = open(browser);
		LightboxPhoto photo = lightbox.photo();

		lightbox.pressKey("+");
		photo.awaitZoom(150);
		lightbox.pressKey("+");
		photo.awaitZoom(200);
		Accessibility.assertNoSeriousViolations(browser);
		lightbox.pressKey("-");
		photo.awaitZoom(150);
		lightbox.pressKey("+");
		photo.awaitZoom(200);

		// At 200 % the photo is wider than its frame, so there is room to pan sideways.
		Box before = photo.bounds();
		lightbox.pressKey(Keys.ARROW_RIGHT);
		Box after = photo.awaitMovedFrom(before);
		assertThat(after.left()).as("right arrow shows more of the right: the photo moves left").isLessThan(before.left());
		assertThat(lightbox.position()).as("on a zoomed photo the arrow pans, and stays on the photo").isEqualTo(1);

		lightbox.pressKey("0");
		photo.awaitZoom(100);
		lightbox.pressKey(Keys.ARROW_RIGHT).waitForPhoto(2);
	}

	@Test
	void aZoomedPhotoPansNoFurtherThanItsEdges(Browser browser) {
		Lightbox lightbox = open(browser);
		LightboxPhoto photo = lightbox.photo();
		lightbox.pressKey("+").pressKey("+").pressKey("+");
		photo.awaitZoom(300);
		// Each drag stays inside the frame; together they go further than the photo reaches past it.
		int right = (int) (photo.frame().width() / 3);
		int down = (int) (photo.frame().height() / 3);

		for (int drag = 0; drag < 8; drag++) {
			photo.drag(right, down);
		}
		photo.awaitEdges("the photo's top left corner to stop at its frame's",
				(shown, frame) -> Math.abs(shown.left() - frame.left()) < 1 && Math.abs(shown.top() - frame.top()) < 1);
		Accessibility.assertNoSeriousViolations(browser);

		for (int drag = 0; drag < 8; drag++) {
			photo.drag(-right, -down);
		}
		photo.awaitEdges("the photo's bottom right corner to stop at its frame's",
				(shown, frame) -> Math.abs(shown.right() - frame.right()) < 1
						&& Math.abs(shown.bottom() - frame.bottom()) < 1);
		assertThat(lightbox.position()).as("dragging a zoomed photo does not move on").isEqualTo(1);
		assertThat(photo.scale()).isCloseTo(3, within(0.02));
	}

	@Test
	void aZoomedPhotoShowsWholeAgainAfterTheNextOneAndBack(Browser browser) {
		Lightbox lightbox = open(browser);
		lightbox.pressKey("+");
		lightbox.photo().awaitZoom(150);

		lightbox.next();
		assertThat(lightbox.position()).isEqualTo(2);
		assertThat(lightbox.photo().scale()).as("the next photo shows whole").isCloseTo(1, within(0.01));

		// htmx restores the first photo from its copy of the page, which must hold no inline style
		// (the Content-Security-Policy would refuse it, and the browser extension fails the test).
		browser.back();
		lightbox.waitForPhoto(1);
		assertThat(lightbox.photo().scale()).as("back on the first photo, it shows whole").isCloseTo(1, within(0.01));
		assertThat(lightbox.photo().zoomAnnouncement()).isEmpty();
	}

	@Test
	void underReducedMotionTheZoomDoesNotAnimate(Browser browser) {
		assertThat(open(browser).photo().zoomTransition()).as("with motion").isNotEqualTo("0s");

		browser.preferReducedMotion();
		browser.reload();
		assertThat(Lightbox.showing(browser).photo().zoomTransition()).as("under reduced motion").isEqualTo("0s");
	}

	@Test
	@Phone
	void onAPhoneAPinchZoomsInLoadsTheSharperPhotoAndASwipePansInsteadOfMovingOn(Browser browser) {
		Lightbox lightbox = open(browser);
		LightboxPhoto photo = lightbox.photo();
		photo.awaitVariant(Photo.MEDIUM);

		photo.pinch(60, 180).awaitZoom(300);
		photo.awaitVariant(Photo.LARGE);
		Accessibility.assertNoSeriousViolations(browser);

		Box before = photo.bounds();
		photo.swipe(-150, 0);
		Box after = photo.awaitMovedFrom(before);
		assertThat(after.left()).as("the photo followed the finger").isLessThan(before.left());
		browser.waitForHtmx();
		assertThat(lightbox.position()).as("a swipe on a zoomed photo pans it").isEqualTo(1);
		assertThat(browser.path()).isEqualTo(FIRST_PHOTO);

		photo.pinch(240, 40).awaitZoom(100);
		lightbox.swipeToNext();
		assertThat(lightbox.position()).as("at scale 1 a swipe moves on").isEqualTo(2);
	}

	@Test
	@Phone
	void onAPhoneASwipeDownClosesThePhotos(Browser browser) {
		ListingPage page = ListingPage.open(browser, LISTING);
		Lightbox lightbox = page.viewPhotos();

		page = lightbox.swipeDownToClose();
		assertThat(lightbox.isOpen()).isFalse();
		assertThat(browser.path()).isEqualTo("/listings/" + LISTING);
		assertThat(page.name()).isEqualTo("Zoom house");
	}

	/**
	 * A double (click or tap) zooms to 200 % with the point under the pointer staying there, and
	 * the photo does not move on; another brings it back to 100 %. Along a side where the zoomed
	 * photo is still smaller than its frame (the height, on a phone held upright) it stays centred
	 * where it sat instead, as the pan bounds keep it.
	 */
	private static void zoomsInAtThePointAndBackOut(Browser browser, BiConsumer<LightboxPhoto, int[]> twice) {
		Lightbox lightbox = open(browser);
		String caption = lightbox.caption();
		LightboxPhoto photo = lightbox.photo();
		Box before = photo.bounds();
		Box frame = photo.frame();

		// Near enough the middle that the zoomed photo need not move in to keep its edges outside the frame.
		int[] point = before.at(0.45, 0.4);
		twice.accept(photo, point);
		photo.awaitZoom(200);
		Box zoomed = photo.bounds();
		double[] under = photo.pointAt(point[0], point[1]);
		if (zoomed.width() > frame.width()) {
			assertThat(under[0]).as("across, the point is still under the pointer").isCloseTo(0.45, within(0.02));
		}
		else {
			assertThat(zoomed.centreX()).as("across, the photo's centre").isCloseTo(before.centreX(), within(2));
		}
		if (zoomed.height() > frame.height()) {
			assertThat(under[1]).as("down, the point is still under the pointer").isCloseTo(0.4, within(0.02));
		}
		else {
			assertThat(zoomed.centreY()).as("down, the photo's centre").isCloseTo(before.centreY(), within(2));
		}
		assertThat(lightbox.caption()).as("the double zoomed the photo rather than moving on").isEqualTo(caption);
		assertThat(browser.path()).isEqualTo(FIRST_PHOTO);
		Accessibility.assertNoSeriousViolations(browser);

		twice.accept(photo, point);
		photo.awaitZoom(100);
		browser.waitForHtmx();
		assertThat(lightbox.caption()).isEqualTo(caption);
		assertThat(browser.path()).isEqualTo(FIRST_PHOTO);
	}

	private static Lightbox open(Browser browser) {
		browser.open(FIRST_PHOTO);
		return Lightbox.showing(browser);
	}

	private static Photo photo(String image, String caption) {
		return new Photo(image, caption, 1600, 1066);
	}

}
