package com.starkiller.images.browser;

import org.openqa.selenium.By;

/**
 * {@code /listings/{id}}: the listing's name, its hero photo and the Share, Save and View photos
 * buttons, and the review carousel. Elements are looked up on every call, since htmx replaces
 * them.
 */
public final class ListingPage {

	static final By NAME = By.cssSelector("#main h1");

	static final By HERO_PHOTO = By.id("background");

	static final By NO_PHOTOS = By.id("no-images");

	static final By VIEW_PHOTOS = By.id("photos-button");

	static final By SHARE = By.id("share-button");

	static final By SAVE = By.id("save-button");

	static final By REVIEWS = By.id("reviews");

	static final By REVIEW_COUNTER = By.id("review-counter");

	static final By NEXT_REVIEW = By.id("review-next");

	static final By PREVIOUS_REVIEW = By.id("review-prev");

	static final By REVIEW_TEXT = By.cssSelector("#reviews .review .text");

	static final By REVIEW_AUTHOR = By.cssSelector("#reviews .review .author");

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

	public ListingPage nextReview() {
		return turnReview(NEXT_REVIEW);
	}

	public ListingPage previousReview() {
		return turnReview(PREVIOUS_REVIEW);
	}

	private ListingPage turnReview(By control) {
		String before = reviewCounter();
		this.browser.find(control).click();
		this.browser.waitUntil("the review counter to move on from '" + before + "'",
				(driver) -> !reviewCounter().equals(before));
		this.browser.waitForHtmx();
		return this;
	}

}
