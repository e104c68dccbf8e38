package com.starkiller.images.browser;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.ListingRepository;
import com.starkiller.images.listing.Listings;

import static org.assertj.core.api.Assertions.assertThat;

/** What a visitor does on a listing besides looking at photos: share it, save it, read reviews. */
class ListingActionsBrowserTest extends BrowserTest {

	@Autowired
	ListingRepository listings;

	@Test
	void theShareDialogOffersTheListingsAddressEverywhere(Browser browser) {
		Listing listing = withPhotos(3);
		ListingPage page = ListingPage.open(browser, listing.id());

		ShareDialog share = page.share();
		assertThat(share.isOpen()).isTrue();
		String address = encoded(browser.origin() + "/listings/" + listing.id());
		assertThat(share.facebookLink()).startsWith("https://www.facebook.com/sharer/sharer.php?")
			.contains("u=" + address);
		assertThat(share.twitterLink()).startsWith("https://twitter.com/intent/tweet?").contains("url=" + address);
		assertThat(share.emailLink()).startsWith("mailto:").containsPattern("[?&]body=[^&]*" + address);
		assertThat(share.messengerLink()).isEqualTo("fb-messenger://share/?link=" + address);

		assertThat(share.isEmbedCodeShown()).isFalse();
		share.openEmbed();
		assertThat(share.embedCode()).contains("<iframe", "/embed/listings/" + listing.id());
	}

	@Test
	void copyLinkPutsTheListingsAddressOnTheClipboard(Browser browser) {
		Listing listing = withPhotos(1);
		browser.allowClipboard();
		ShareDialog share = ListingPage.open(browser, listing.id()).share();
		assertThat(share.copiedMessage()).isEmpty();

		share.copyLink();
		assertThat(share.copiedMessage()).isEqualTo("Link copied");
		assertThat(browser.clipboardText()).isEqualTo(browser.origin() + "/listings/" + listing.id());
	}

	@Test
	void copyLinkWorksInABrowserWithoutTheClipboardApi(Browser browser) {
		Listing listing = withPhotos(1);
		browser.allowClipboard();
		ListingPage page = ListingPage.open(browser, listing.id());
		browser.removeClipboardApi();

		ShareDialog share = page.share().copyLink();
		assertThat(share.copiedMessage()).isEqualTo("Link copied");
		assertThat(browser.clipboardText()).isEqualTo(browser.origin() + "/listings/" + listing.id());
		// Found by review: the old way selects a hidden field, which took the focus to the page's body.
		assertThat(share.copyLinkHasFocus()).as("the focus stayed on Copy Link, not on %s", browser.describeFocus())
			.isTrue();
	}

	/**
	 * Found by review: htmx's copy of the page for Back keeps each review's "Read more" button but
	 * not what it did, so after Back it did nothing.
	 */
	@Test
	void readMoreStillWorksOnAPageThatBackRestored(Browser browser) {
		long id = listingWithLongReviews(2);
		ListingPage page = ListingPage.open(browser, id);
		assertThat(page.readMore().reviewIsExpanded()).isTrue();
		page.readMore().nextReview();
		assertThat(page.reviewCounter()).isEqualTo("2 of 2");

		browser.back();
		browser.waitUntil("the first review to come back", (driver) -> "1 of 2".equals(page.reviewCounter()));
		assertThat(page.reviewIsExpanded()).isFalse();
		assertThat(page.readMore().reviewIsExpanded()).as("Read more pressed after Back").isTrue();
	}

	private long listingWithLongReviews(int count) {
		String[] auth = { "Authorization", "Bearer " + TOKEN };
		HttpResponse<String> created = this.http.json("POST", "/api/listings",
				"{\"name\":\"Much to say\",\"location\":{\"city\":\"Alta\",\"country\":\"Norway\"}}", auth);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = JsonMapper.builder().build().readTree(created.body()).path("id").asLong();
		String text = "The cabin was warm and the view over the fjord changed with every hour of the day. ".repeat(20);
		for (int review = 1; review <= count; review++) {
			HttpResponse<String> written = this.http.json("POST", "/api/listings/" + id + "/reviews",
					"{\"author\":\"Guest " + review + "\",\"rating\":5,\"text\":\"" + text.strip() + "\"}", auth);
			assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
		}
		return id;
	}

	@Test
	void theShareDialogClosesEveryWayAndGivesTheFocusBackToShare(Browser browser) {
		ListingPage page = ListingPage.open(browser, withPhotos(1).id());

		page = page.share().dismiss();
		assertThat(page.shareHasFocus()).as("after Escape the focus is back on Share, not on %s",
				browser.describeFocus())
			.isTrue();

		page = page.share().closeWithButton();
		assertThat(page.shareHasFocus()).as("after ✕ the focus is back on Share, not on %s", browser.describeFocus())
			.isTrue();

		page = page.share().clickOutside();
		assertThat(page.shareHasFocus()).as("after a click outside the focus is back on Share, not on %s",
				browser.describeFocus())
			.isTrue();
	}

	@Test
	void theShareDialogStillClosesOnAClickOutsideAfterComingBackFromThePhotos(Browser browser) {
		Listing listing = withPhotos(3);
		ListingPage page = ListingPage.open(browser, listing.id());
		Lightbox lightbox = page.viewPhotos().next();
		browser.back();
		lightbox.waitForPhoto(1);
		browser.back();
		page = lightbox.waitUntilClosed();
		assertThat(browser.path()).isEqualTo("/listings/" + listing.id());

		page = page.share().clickOutside();
		assertThat(page.shareHasFocus()).isTrue();
	}

	@Test
	void theOpenShareDialogHasNoSeriousAccessibilityProblems(Browser browser) {
		ListingPage.open(browser, withPhotos(1).id()).share().openEmbed();

		Accessibility.assertNoSeriousViolations(browser);
	}

	@Test
	void aSavedListingStaysSavedAndCanBeRemovedFromTheSavedPage(Browser browser) {
		Listing listing = withPhotos(1);
		ListingPage page = ListingPage.open(browser, listing.id());
		page.viewPhotos().next().close();
		SavedPage.open(browser);
		page = ListingPage.open(browser, listing.id());
		assertThat(browser.cookies()).as("looking around leaves no cookie behind").isEmpty();
		assertThat(page.isSaved()).isFalse();
		assertThat(page.saveLabel()).isEqualTo("Save");

		page.save();
		assertThat(page.isSaved()).isTrue();
		assertThat(page.saveLabel()).isEqualTo("Saved");
		assertThat(browser.cookies()).hasSize(2).allSatisfy((cookie) -> {
			if (cookie.getName().equals("STARKILLER_SESSION")) {
				assertThat(cookie.isHttpOnly()).as("the session cookie is out of the page's scripts' reach").isTrue();
			}
			else {
				assertThat(cookie.getName()).isEqualTo("STARKILLER_SAVED");
				assertThat(cookie.getValue()).as("it says only that there is something to ask for").isEqualTo("1");
			}
		});

		browser.reload();
		page = ListingPage.showing(browser);
		assertThat(page.isSaved()).as("still saved after a reload").isTrue();
		long other = Listings.find(this.listings, (candidate) -> candidate.id() != listing.id()).id();
		page = ListingPage.open(browser, other);
		assertThat(page.isSaved()).as("another listing is not saved").isFalse();
		page = ListingPage.open(browser, listing.id());
		assertThat(page.isSaved()).as("saved when coming back to it").isTrue();

		SavedPage saved = page.openSaved();
		assertThat(saved.heading()).isEqualTo("Saved places");
		assertThat(saved.cardCount()).isEqualTo(1);
		assertThat(saved.shows(listing.id())).isTrue();
		assertThat(saved.name(listing.id())).isEqualTo(listing.name());
		assertThat(saved.showsPhotoOf(listing.id())).isTrue();

		saved.remove(listing.id());
		assertThat(saved.shows(listing.id())).isFalse();
		assertThat(saved.cardCount()).isZero();
		assertThat(saved.emptyMessage()).startsWith("Nothing saved yet");

		page = ListingPage.open(browser, listing.id());
		assertThat(page.isSaved()).as("no longer saved on the listing page").isFalse();
		assertThat(page.saveLabel()).isEqualTo("Save");
	}

	/**
	 * Found by review: htmx's copy of the page for Back kept the Save button as it was when the
	 * visitor moved on, so after Back it showed what they had since changed.
	 */
	@Test
	void afterBackSaveShowsWhatTheVisitorChangedSince(Browser browser) {
		Listing listing = withPhotosAndReviews();
		ListingPage page = ListingPage.open(browser, listing.id()).save();
		page.nextReview().save();
		assertThat(page.isSaved()).isFalse();

		browser.back();
		browser.waitUntil("the first review to come back", (driver) -> page.reviewCounter().startsWith("1 of "));
		browser.waitUntil("the Save button to show the listing unsaved", (driver) -> !page.isSaved());
		browser.waitForHtmx();
		assertThat(page.isSaved()).isFalse();
		assertThat(page.saveLabel()).isEqualTo("Save");
	}

	/** The same, the other way round, for a visitor who has saved something else: asked for again. */
	@Test
	void afterBackSaveShowsAListingSavedSince(Browser browser) {
		Listing listing = withPhotosAndReviews();
		ListingPage.open(browser, Listings.find(this.listings, (candidate) -> candidate.id() != listing.id()).id())
			.save();
		ListingPage page = ListingPage.open(browser, listing.id());
		assertThat(page.isSaved()).isFalse();
		page.nextReview().save();
		assertThat(page.isSaved()).isTrue();

		browser.back();
		browser.waitUntil("the first review to come back", (driver) -> page.reviewCounter().startsWith("1 of "));
		browser.waitUntil("the Save button to show the listing saved", (driver) -> page.isSaved());
		browser.waitForHtmx();
		assertThat(page.saveLabel()).isEqualTo("Saved");
	}

	@Test
	@JavaScriptDisabled
	void withoutJavaScriptSaveSavesAndTheListingPageSaysSo(Browser browser) {
		Listing listing = withPhotos(1);
		ListingPage page = ListingPage.open(browser, listing.id());

		page.save();
		assertThat(page.isSaved()).isTrue();
		assertThat(page.saveLabel()).isEqualTo("Saved");
		assertThat(page.openSaved().shows(listing.id())).isTrue();
	}

	@Test
	void aKeyboardUserSavesAndStaysOnTheSaveButton(Browser browser) {
		ListingPage page = ListingPage.open(browser, withPhotos(1).id());

		page.saveWithKeyboard();
		assertThat(page.isSaved()).isTrue();
		assertThat(page.saveHasFocus()).as("the focus stayed on Save, not on %s", browser.describeFocus()).isTrue();

		page.saveWithKeyboard();
		assertThat(page.isSaved()).isFalse();
	}

	@Test
	void theSavedPageWithASavedListingHasNoSeriousAccessibilityProblems(Browser browser) {
		Listing listing = withPhotos(1);
		ListingPage.open(browser, listing.id()).save().openSaved();

		Accessibility.assertNoSeriousViolations(browser);
	}

	@Test
	void aKeyboardUserPagesThroughTheReviewsAndHearsWhereTheyAre(Browser browser) {
		Listing listing = Listings.find(this.listings, (candidate) -> candidate.reviewCount() >= 3);
		int count = listing.reviewCount();
		ListingPage page = ListingPage.open(browser, listing.id());
		assertThat(page.reviewCounter()).isEqualTo("1 of " + count);

		page.nextReviewWithKeyboard();
		assertThat(page.reviewCounter()).isEqualTo("2 of " + count);
		assertThat(page.nextReviewHasFocus()).as("the focus stayed on Next review, not on %s", browser.describeFocus())
			.isTrue();
		assertThat(page.announcement()).contains("2 of " + count);

		page.pressEnterAgain();
		assertThat(page.reviewCounter()).isEqualTo("3 of " + count);
		assertThat(page.nextReviewHasFocus()).isTrue();
		assertThat(page.announcement()).contains("3 of " + count);

		page.previousReviewWithKeyboard();
		assertThat(page.reviewCounter()).isEqualTo("2 of " + count);
		assertThat(page.previousReviewHasFocus()).as("the focus stayed on Previous review, not on %s",
				browser.describeFocus())
			.isTrue();
		assertThat(page.announcement()).contains("2 of " + count);
		assertThat(browser.path()).isEqualTo("/reviews/" + listing.id() + "?index=2");
	}

	@Test
	@Phone
	void onAPhoneTheListingPageHasNoSeriousAccessibilityProblems(Browser browser) {
		ListingPage.open(browser, withPhotos(3).id());
		assertThat(browser.viewportWidth()).as("the phone's screen width").isEqualTo(360);

		Accessibility.assertNoSeriousViolations(browser);
	}

	private Listing withPhotosAndReviews() {
		return Listings.find(this.listings, (candidate) -> candidate.photoCount() >= 1 && candidate.reviewCount() >= 2);
	}

	private Listing withPhotos(int atLeast) {
		return Listings.find(this.listings, (candidate) -> candidate.photoCount() >= atLeast);
	}

	private static String encoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
