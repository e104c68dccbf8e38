package com.starkiller.images.browser;

import org.openqa.selenium.By;

/** The error page the app shows for a bad or unknown address, headed {@code 404: Not Found}. */
public final class ErrorPage {

	static final By HEADING = By.id("error-title");

	static final By DETAIL = By.cssSelector(".error .detail");

	private final Browser browser;

	private ErrorPage(Browser browser) {
		this.browser = browser;
	}

	/** Goes to {@code path}, expecting an error page there. */
	public static ErrorPage open(Browser browser, String path) {
		browser.open(path);
		return showing(browser);
	}

	public static ErrorPage showing(Browser browser) {
		browser.waitUntil("an error page", (driver) -> browser.isShown(HEADING));
		return new ErrorPage(browser);
	}

	/** The heading, status and reason: {@code 400: Bad Request}. */
	public String heading() {
		return this.browser.find(HEADING).getText();
	}

	public String detail() {
		return this.browser.find(DETAIL).getText();
	}

}
