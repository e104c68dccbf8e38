package com.starkiller.images.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * {@code /listings/{id}}: the listing's name, its hero photo and the Share, Save and View photos
 * buttons, and the review carousel. Elements are looked up on every call, since htmx replaces
 * them.
 */
public final class ListingPage {

	static final By NAME = By.cssSelector("#main h1");

	static final By HERO_PHOTO = By.id("background");

	static final By NO_PHOTOS = By.id("no-images");

	/** The hero grid: the big photo ({@code #background}) first, then up to four smaller ones. */
	static final By HERO_GRID_PHOTOS = By.cssSelector(".hero a");

	/** A photo link's image, not the blurred placeholder beneath it. */
	static final By PHOTO_IMAGE = By.cssSelector("img:not(.placeholder)");

	static final By VIEW_PHOTOS = By.id("photos-button");

	static final By SHOW_ALL_PHOTOS = By.cssSelector("[data-show-all-photos]");

	static final By SHARE = By.id("share-button");

	static final By SAVE = By.id("save-button");

	static final By REVIEWS = By.id("reviews");

	static final By REVIEW_COUNTER = By.id("review-counter");

	static final By NEXT_REVIEW = By.id("review-next");

	static final By PREVIOUS_REVIEW = By.id("review-prev");

	static final By REVIEW_TEXT = By.cssSelector("#reviews .review .text");

	static final By REVIEW_AUTHOR = By.cssSelector("#reviews .review .author");
	static final By READ_MORE = By.cssSelector("#reviews .review .read-more");

	/** The polite live region that tells screen reader users what changed. */
	static final By ANNOUNCER = By.id("announcer");

	private final Browser browser;

	private ListingPage(Browser browser) {
		this.browser = browser;
	}

	public static ListingPage open(Browser browser, long id) {
		browser.open("/listings/" + id);
		return showing(browser);
	}

	/** The listing page the browser shows now, at any of its URLs (a photo or a review open). */
	public static ListingPage showing(Browser browser) {
		browser.waitUntil("the listing page to show a listing name and its reviews",
				(driver) -> browser.isShown(NAME) && browser.isShown(REVIEWS));
		browser.waitForHtmx();
		return new ListingPage(browser);
	}

	public String name() {
		return this.browser.find(NAME).getText();
	}

	/** The document title, as the browser tab shows it. */
	public String title() {
		return this.browser.title();
	}

	public boolean hasPhotos() {
		return this.browser.isShown(HERO_PHOTO);
	}

	/** The empty state shown instead of photos. */
	public String noPhotosMessage() {
		return this.browser.find(NO_PHOTOS).getText();
	}

	public String viewPhotosLabel() {
		return this.browser.find(VIEW_PHOTOS).getText();
	}

	/** Clicks the big photo at the top, which opens the lightbox at the first photo. */
	public Lightbox openHeroPhoto() {
		this.browser.find(HERO_PHOTO).click();
		return Lightbox.showing(this.browser);
	}

	/** Clicks "View photos". */
	public Lightbox viewPhotos() {
		this.browser.find(VIEW_PHOTOS).click();
		return Lightbox.showing(this.browser);
	}

	/** Clicks "Show all photos", which shows the photo tour. */
	public PhotoTourPage showAllPhotos() {
		this.browser.find(SHOW_ALL_PHOTOS).click();
		return PhotoTourPage.showing(this.browser);
	}

	/** Tabs to "View photos" and presses Enter, as a keyboard user opens the photos. */
	public Lightbox viewPhotosWithKeyboard() {
		this.browser.focus(VIEW_PHOTOS);
		this.browser.pressKey(Keys.ENTER);
		return Lightbox.showing(this.browser);
	}

	/** Clicks the {@code index}th photo of the hero grid (1 is the big one), which opens that photo. */
	public Lightbox openGridPhoto(int index) {
		List<WebElement> photos = this.browser.findAll(HERO_GRID_PHOTOS);
		if (photos.size() < index) {
			throw new AssertionError("The hero grid shows " + photos.size() + " photos, not " + index);
		}
		photos.get(index - 1).click();
		return Lightbox.showing(this.browser);
	}

	/** The image of the {@code index}th photo of the hero grid (1 is the big one), not its placeholder. */
	public WebElement gridPhotoImage(int index) {
		return this.browser.findAll(HERO_GRID_PHOTOS).get(index - 1).findElement(PHOTO_IMAGE);
	}

	/** Whether the keyboard focus is on "View photos". */
	public boolean viewPhotosHasFocus() {
		return this.browser.find(VIEW_PHOTOS).equals(this.browser.focused());
	}

	/** Whether the keyboard focus is on the {@code index}th photo of the hero grid. */
	public boolean gridPhotoHasFocus(int index) {
		return this.browser.findAll(HERO_GRID_PHOTOS).get(index - 1).equals(this.browser.focused());
	}

	/** Whether the keyboard focus is on the Share button. */
	public boolean shareHasFocus() {
		return this.browser.find(SHARE).equals(this.browser.focused());
	}

	public ShareDialog share() {
		this.browser.find(SHARE).click();
		return ShareDialog.showing(this.browser);
	}

	/** Clicks Save (or Saved, which un-saves) and waits until the button shows the new state. */
	public ListingPage save() {
		boolean before = isSaved();
		this.browser.find(SAVE).click();
		this.browser.waitUntil("the Save button to turn " + (before ? "off" : "on"), (driver) -> isSaved() != before);
		this.browser.waitForHtmx();
		return this;
	}

	/** The Save button is pressed ({@code aria-pressed="true"}). */
	public boolean isSaved() {
		return "true".equals(this.browser.find(SAVE).getDomAttribute("aria-pressed"));
	}

	/** The carousel's counter, such as {@code 2 of 40}. */
	public String reviewCounter() {
		return this.browser.find(REVIEW_COUNTER).getText();
	}

	public String reviewText() {
		return this.browser.find(REVIEW_TEXT).getText();
	}

	public String reviewAuthor() {
		return this.browser.find(REVIEW_AUTHOR).getText();
	}

	/** Clicks the review's "Read more" (or "Read less") and waits until the text is shown so. */
	public ListingPage readMore() {
		boolean before = reviewIsExpanded();
		this.browser.find(READ_MORE).click();
		this.browser.waitUntil("the review to be " + (before ? "shortened" : "shown whole"),
				(driver) -> reviewIsExpanded() != before);
		return this;
	}

	/** Whether the review's text is shown whole ("Read more" pressed). */
	public boolean reviewIsExpanded() {
		return "true".equals(this.browser.find(READ_MORE).getDomAttribute("aria-expanded"));
	}

	/** Tabs to Save and presses Enter, and waits until the button shows the new state. */
	public ListingPage saveWithKeyboard() {
		boolean before = isSaved();
		this.browser.focus(SAVE);
		this.browser.pressKey(Keys.ENTER);
		this.browser.waitUntil("the Save button to turn " + (before ? "off" : "on"), (driver) -> isSaved() != before);
		this.browser.waitForHtmx();
		return this;
	}

	/** Whether the keyboard focus is on Save. */
	public boolean saveHasFocus() {
		return "save-button".equals(this.browser.focusedId());
	}

	/** The Save button's words: "Save" or "Saved". */
	public String saveLabel() {
		return this.browser.find(SAVE).getText();
	}

	/** Goes to the Saved page with the link in the header. */
	public SavedPage openSaved() {
		this.browser.find(SavedPage.HEADER_LINK).click();
		return SavedPage.showing(this.browser);
	}

	/** What the page last told screen reader users through its live region. */
	public String announcement() {
		return this.browser.find(ANNOUNCER).getDomProperty("textContent").trim();
	}

	/** Whether the keyboard focus is on "Next review". */
	public boolean nextReviewHasFocus() {
		return "review-next".equals(this.browser.focusedId());
	}

	/** Whether the keyboard focus is on "Previous review". */
	public boolean previousReviewHasFocus() {
		return "review-prev".equals(this.browser.focusedId());
	}

	/** Tabs to "Next review" and presses Enter. */
	public ListingPage nextReviewWithKeyboard() {
		return turnReviewWithKeyboard(NEXT_REVIEW);
	}

	/** Tabs to "Previous review" and presses Enter. */
	public ListingPage previousReviewWithKeyboard() {
		return turnReviewWithKeyboard(PREVIOUS_REVIEW);
	}

	/** Presses Enter again, on whichever review control kept the focus. */
	public ListingPage pressEnterAgain() {
		String before = reviewCounter();
		this.browser.pressKey(Keys.ENTER);
		awaitReviewOtherThan(before);
		return this;
	}

	public ListingPage nextReview() {
		return turnReview(NEXT_REVIEW);
	}

	public ListingPage previousReview() {
		return turnReview(PREVIOUS_REVIEW);
	}

	private ListingPage turnReview(By control) {
		String before = reviewCounter();
		this.browser.find(control).click();
		awaitReviewOtherThan(before);
		return this;
	}

	private ListingPage turnReviewWithKeyboard(By control) {
		String before = reviewCounter();
		this.browser.focus(control);
		this.browser.pressKey(Keys.ENTER);
		awaitReviewOtherThan(before);
		return this;
	}

	private void awaitReviewOtherThan(String before) {
		this.browser.waitUntil("the review counter to move on from '" + before + "'",
				(driver) -> !reviewCounter().equals(before));
		this.browser.waitForHtmx();
	}

}
