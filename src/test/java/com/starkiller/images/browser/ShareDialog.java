package com.starkiller.images.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The Share dialog ({@code #share-container}) that the listing page's Share button opens: links to
 * share the listing on Facebook, Twitter / X, by email and on Messenger, Copy Link, and the Embed
 * code for partner pages.
 */
public final class ShareDialog {

	static final By CONTAINER = By.id("share-container");

	static final By CLOSE = By.cssSelector("#share-container button.close");

	static final By COPY_LINK = By.xpath("//dialog[@id='share-container']//button[normalize-space()='Copy Link']");

	static final By COPIED = By.cssSelector("#share-container .copied");

	static final By EMBED = By.cssSelector("#share-container details.embed summary");

	static final By EMBED_CODE = By.id("embed-code");

	private final Browser browser;

	private ShareDialog(Browser browser) {
		this.browser = browser;
	}

	public static ShareDialog showing(Browser browser) {
		browser.waitUntil("the Share dialog to open", (driver) -> browser.isShown(CONTAINER));
		browser.waitForHtmx();
		return new ShareDialog(browser);
	}

	/** Open as a dialog says it is: shown, with its {@code open} attribute. */
	public boolean isOpen() {
		return this.browser.isShown(CONTAINER) && this.browser.find(CONTAINER).getDomAttribute("open") != null;
	}

	public String text() {
		return this.browser.find(CONTAINER).getText();
	}

	public String facebookLink() {
		return link("Facebook");
	}

	public String twitterLink() {
		return link("Twitter / X");
	}

	public String emailLink() {
		return link("Email");
	}

	public String messengerLink() {
		return link("Messenger");
	}

	/** Clicks Copy Link and waits until the dialog says what happened. */
	public ShareDialog copyLink() {
		this.browser.find(COPY_LINK).click();
		this.browser.waitUntil("the Share dialog to say whether it copied the link",
				(driver) -> !copiedMessage().isEmpty());
		return this;
	}

	/** Whether the keyboard focus is on Copy Link. */
	public boolean copyLinkHasFocus() {
		return this.browser.find(COPY_LINK).equals(this.browser.focused());
	}

	/** What the dialog says after a copy, such as "Link copied"; empty before. */
	public String copiedMessage() {
		return this.browser.find(COPIED).getText().trim();
	}

	/** Opens the Embed section, which shows the code a partner pastes into their page. */
	public ShareDialog openEmbed() {
		this.browser.find(EMBED).click();
		this.browser.waitUntil("the embed code to show", (driver) -> this.browser.isShown(EMBED_CODE));
		return this;
	}

	public boolean isEmbedCodeShown() {
		return this.browser.isShown(EMBED_CODE);
	}

	/** The text in the embed code box. */
	public String embedCode() {
		return this.browser.find(EMBED_CODE).getDomProperty("value");
	}

	/** Presses Escape, as a keyboard user closes a dialog, and waits until it has gone. */
	public ListingPage dismiss() {
		this.browser.pressKey(Keys.ESCAPE);
		return waitUntilClosed("on Escape");
	}

	/** Clicks the ✕ button in the dialog's corner. */
	public ListingPage closeWithButton() {
		this.browser.find(CLOSE).click();
		return waitUntilClosed("on its ✕ button");
	}

	/** Clicks the dimmed page next to the dialog, near the window's top left corner. */
	public ListingPage clickOutside() {
		this.browser.clickAt(5, 5);
		return waitUntilClosed("on a click outside it");
	}

	private ListingPage waitUntilClosed(String how) {
		this.browser.waitUntil("the Share dialog to close " + how, (driver) -> !isOpen());
		return ListingPage.showing(this.browser);
	}

	private String link(String text) {
		return this.browser
			.find(By.xpath("//dialog[@id='share-container']//a[normalize-space()='" + text + "']"))
			.getDomAttribute("href");
	}

}
