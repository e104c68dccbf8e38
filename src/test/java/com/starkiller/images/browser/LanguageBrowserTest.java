package com.starkiller.images.browser;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;

import org.springframework.beans.factory.annotation.Autowired;

import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.ListingRepository;
import com.starkiller.images.listing.Listings;
import com.starkiller.images.listing.Location;
import com.starkiller.images.listing.Photo;

import static org.assertj.core.api.Assertions.assertThat;

/** The language switcher, a language remembered, and Arabic read right to left by keys and fingers. */
class LanguageBrowserTest extends BrowserTest {

	/** Three photos, stored under an id no other test uses and never written after. */
	static final long LISTING = 913_401;

	private static final String ARABIC_FIRST_PHOTO = "/images/" + LISTING + "?index=1&lang=ar";

	@Autowired
	ListingRepository listings;

	@BeforeEach
	void store() {
		this.listings.save(new Listing(LISTING, "Maison des langues", new Location("Marseille", "France"),
				List.of(photo("demo-003", "Terrace"), photo("demo-004", "Kitchen"), photo("demo-005", "View")), 0, 0, 1));
	}

	@Test
	void theSwitcherTurnsTheAddressShownNowIntoThatLanguageAndItIsRemembered(Browser browser) {
		Listing reviewed = Listings.find(this.listings, (listing) -> listing.reviewCount() > 1 && listing.photoCount() > 1);
		ListingPage page = ListingPage.open(browser, reviewed.id());
		LanguageSwitcher languages = LanguageSwitcher.on(browser);
		assertThat(languages.pageLanguage()).isEqualTo("en");
		assertThat(languages.languages()).containsExactly("en", "es", "fr", "de", "ar");
		assertThat(languages.current()).isEqualTo("en");

		// htmx pushed the second review's address without redrawing the footer: the switch still goes there.
		page.nextReview();
		languages.choose("de");
		assertThat(browser.path()).isEqualTo("/reviews/" + reviewed.id() + "?index=2&lang=de");
		page = ListingPage.showing(browser);
		assertThat(page.reviewCounter()).startsWith("2 von ");
		assertThat(languages.current()).isEqualTo("de");
		Accessibility.assertNoSeriousViolations(browser);

		Lightbox lightbox = page.viewPhotos();
		assertThat(lightbox.closeText()).isEqualTo("✕ Schließen");
		assertThat(lightbox.togglePhotoList().photoListButtonLabel()).isEqualTo("Fotoliste einblenden");
		lightbox.togglePhotoList();
		lightbox.pressKey("+").photo().awaitAnnouncement("Auf 150 % vergrößert");
		Accessibility.assertNoSeriousViolations(browser);

		// Remembered in a cookie, not a session: a plain address comes in German.
		ListingPage.open(browser, LISTING);
		assertThat(languages.pageLanguage()).isEqualTo("de");
		assertThat(browser.cookies()).extracting(Cookie::getName).containsExactly("STARKILLER_LANG");
		Accessibility.assertNoSeriousViolations(browser);
	}

	@Test
	void whatAnotherTabSwitchesToDoesNotChangeTheLanguageOfThisPagesPhotos(Browser browser) {
		browser.open("/listings/" + LISTING + "?lang=ar");
		ListingPage page = ListingPage.showing(browser);
		// Another tab switched to French meanwhile.
		browser.driver().manage().addCookie(new Cookie("STARKILLER_LANG", "fr"));

		Lightbox lightbox = page.viewPhotos();
		assertThat(lightbox.closeText()).isEqualTo("✕ إغلاق");
		assertThat(LanguageSwitcher.on(browser).direction()).isEqualTo("rtl");
	}

	/**
	 * Found by review: a page Back fetches again (htmx no longer had its copy) came in the language
	 * another tab had switched to, since that request was sent without the page's language.
	 */
	@Test
	void aPageBackHasToFetchAgainComesInThisPagesLanguage(Browser browser) {
		browser.open("/listings/" + LISTING + "?lang=ar");
		Lightbox lightbox = ListingPage.showing(browser).viewPhotos().next();
		// Another tab switched to French meanwhile, and htmx's copies of the pages are gone.
		browser.driver().manage().addCookie(new Cookie("STARKILLER_LANG", "fr"));
		browser.script("sessionStorage.removeItem('htmx-history-cache');");

		browser.back();
		lightbox.waitForPhoto(1);
		assertThat(browser.path()).isEqualTo("/images/" + LISTING + "?index=1");
		assertThat(lightbox.closeText()).isEqualTo("✕ إغلاق");
	}

	@Test
	void onAnAddressWhosePathStartsWithTwoSlashesTheSwitchStaysOnThisSite(Browser browser) {
		browser.open("//elsewhere.example/page");
		LanguageSwitcher.on(browser).choose("es");

		assertThat(String.valueOf(browser.script("return location.origin;"))).isEqualTo(browser.origin());
	}

	@Test
	@JavaScriptDisabled
	void withoutJavaScriptTheSwitcherIsPlainLinks(Browser browser) {
		browser.open("/reviews/" + LISTING + "?index=1");
		LanguageSwitcher languages = LanguageSwitcher.on(browser).choose("fr");

		assertThat(browser.path()).isEqualTo("/reviews/" + LISTING + "?index=1&lang=fr");
		assertThat(languages.current()).isEqualTo("fr");
		browser.open("/listings/" + LISTING);
		assertThat(languages.pageLanguage()).isEqualTo("fr");
	}

	@Test
	void inArabicThePageMirrorsAndTheArrowKeysFollowTheReadingDirection(Browser browser) {
		browser.open(ARABIC_FIRST_PHOTO);
		Lightbox lightbox = Lightbox.showing(browser);
		LanguageSwitcher languages = LanguageSwitcher.on(browser);
		assertThat(languages.direction()).isEqualTo("rtl");
		assertThat(lightbox.nextIsLeftOfPrevious()).isTrue();

		lightbox.pressKey(Keys.ARROW_LEFT).waitForPhoto(2);
		lightbox.pressKey(Keys.ARROW_LEFT).waitForPhoto(3);
		lightbox.pressKey(Keys.ARROW_RIGHT).waitForPhoto(2);
		lightbox.pressKey(Keys.ARROW_RIGHT).waitForPhoto(1);
		lightbox.pressKey(Keys.ARROW_RIGHT).waitForPhoto(3);
		assertThat(browser.path()).isEqualTo("/images/" + LISTING + "?index=3");
		Accessibility.assertNoSeriousViolations(browser);

		lightbox.close();
		assertThat(languages.direction()).isEqualTo("rtl");
		Accessibility.assertNoSeriousViolations(browser);
	}

	@Test
	void inEnglishTheArrowKeysStepAsBefore(Browser browser) {
		browser.open("/images/" + LISTING + "?index=1&lang=en");
		Lightbox lightbox = Lightbox.showing(browser);
		assertThat(lightbox.nextIsLeftOfPrevious()).isFalse();

		lightbox.pressKey(Keys.ARROW_RIGHT).waitForPhoto(2);
		lightbox.pressKey(Keys.ARROW_LEFT).waitForPhoto(1);
	}

	@Test
	@Phone
	void inArabicASwipeToTheRightShowsTheNextPhoto(Browser browser) {
		browser.open(ARABIC_FIRST_PHOTO);
		Lightbox lightbox = Lightbox.showing(browser);

		lightbox.photo().swipe(150, 0);
		lightbox.waitForPhoto(2);
		lightbox.photo().swipe(-150, 0);
		lightbox.waitForPhoto(1);
		Accessibility.assertNoSeriousViolations(browser);
	}

	private static Photo photo(String image, String caption) {
		return new Photo(image, caption, 1600, 1066);
	}

}
