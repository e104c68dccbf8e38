package com.starkiller.images.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** {@code /saved}: the visitor's saved listings, each a card with its photo, name and Remove. */
public final class SavedPage {

	static final By HEADER_LINK = By.cssSelector(".site-header nav a[href='/saved']");

	static final By HEADING = By.cssSelector("#main h1");

	static final By EMPTY = By.cssSelector("#main .empty");

	static final By CARDS = By.cssSelector(".saved-list > li");

	private final Browser browser;

	private SavedPage(Browser browser) {
		this.browser = browser;
	}

	public static SavedPage open(Browser browser) {
		browser.open("/saved");
		return showing(browser);
	}

	public static SavedPage showing(Browser browser) {
		browser.waitUntil("the Saved places page",
				(driver) -> browser.path().equals("/saved") && browser.isShown(HEADING));
		return new SavedPage(browser);
	}

	public String heading() {
		return this.browser.find(HEADING).getText();
	}

	/** How many saved listings the page shows. */
	public int cardCount() {
		return this.browser.findAll(CARDS).size();
	}

	public boolean shows(long listing) {
		return this.browser.isShown(card(listing));
	}

	/** The "Nothing saved yet" message, shown when nothing is saved. */
	public String emptyMessage() {
		return this.browser.find(EMPTY).getText();
	}

	/** The listing's name as its card shows it. */
	public String name(long listing) {
		return this.browser.find(card(listing)).findElement(By.cssSelector(".card-body a")).getText();
	}

	/** Whether the listing's card shows a photo that has loaded. */
	public boolean showsPhotoOf(long listing) {
		WebElement image = this.browser.find(card(listing)).findElement(By.tagName("img"));
		this.browser.script("arguments[0].scrollIntoView({ block: 'center' });", image);
		this.browser.waitUntil("the photo of saved listing " + listing + " to load",
				(driver) -> Boolean.TRUE.equals(this.browser
					.script("return arguments[0].complete && arguments[0].naturalWidth > 0;", image)));
		return image.isDisplayed();
	}

	/** Clicks Remove on the listing's card and waits until the page shows without it. */
	public SavedPage remove(long listing) {
		this.browser.find(card(listing)).findElement(By.cssSelector("button.remove")).click();
		this.browser.waitUntil("saved listing " + listing + " to be removed",
				(driver) -> this.browser.findAll(card(listing)).isEmpty() && this.browser.isShown(HEADING));
		return this;
	}

	private static By card(long listing) {
		return By.id("saved-" + listing);
	}

}
