package com.starkiller.images.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The footer's language switcher, and the language and direction the page is in. */
public final class LanguageSwitcher {

	static final By LINKS = By.cssSelector("nav.languages a[data-language]");

	private final Browser browser;

	private LanguageSwitcher(Browser browser) {
		this.browser = browser;
	}

	public static LanguageSwitcher on(Browser browser) {
		return new LanguageSwitcher(browser);
	}

	/** The languages offered, as tags in their order ("en", "es", ...). */
	public List<String> languages() {
		return this.browser.findAll(LINKS).stream().map((link) -> link.getDomAttribute("data-language")).toList();
	}

	/** The tag of the language the switcher marks as current. */
	public String current() {
		return this.browser.find(By.cssSelector("nav.languages a[aria-current='true']")).getDomAttribute("data-language");
	}

	/** Follows the link to {@code tag} and waits until the page is in that language. */
	public LanguageSwitcher choose(String tag) {
		WebElement link = this.browser.find(By.cssSelector("nav.languages a[data-language='" + tag + "']"));
		this.browser.script("arguments[0].scrollIntoView({block: 'center'});", link);
		link.click();
		this.browser.waitUntil("the page to be in " + tag, (driver) -> tag.equals(pageLanguage()));
		this.browser.waitForHtmx();
		return this;
	}

	/** The page's language ({@code <html lang>}). */
	public String pageLanguage() {
		return String.valueOf(this.browser.script("return document.documentElement.lang;"));
	}

	/** The page's direction ({@code <html dir>}): ltr or rtl. */
	public String direction() {
		return String.valueOf(this.browser.script("return document.documentElement.dir;"));
	}

}
