package com.starkiller.images.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** The Share dialog ({@code #share-container}) that the listing page's Share button opens. */
public final class ShareDialog {

	static final By CONTAINER = By.id("share-container");

	private final Browser browser;

	private ShareDialog(Browser browser) {
		this.browser = browser;
	}

	public static ShareDialog showing(Browser browser) {
		browser.waitUntil("the Share dialog to open", (driver) -> browser.isShown(CONTAINER));
		browser.waitForHtmx();
		return new ShareDialog(browser);
	}

	public boolean isOpen() {
		return this.browser.isShown(CONTAINER);
	}

	public String text() {
		return this.browser.find(CONTAINER).getText();
	}

	/** Presses Escape, as a keyboard user closes a dialog, and waits until it has gone. */
	public ListingPage dismiss() {
		this.browser.pressKey(Keys.ESCAPE);
		this.browser.waitUntil("the Share dialog to close on Escape", (driver) -> !isOpen());
		return ListingPage.showing(this.browser);
	}

}
