package com.starkiller.images.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * {@code /listings/{id}/photos}, "Show all photos": every photo in a section per room, the rooms'
 * jump links at the top, and the lightbox over it when a photo is opened.
 */
public final class PhotoTourPage {

	static final By TOUR = By.cssSelector("[data-photo-tour]");

	static final By HEADING = By.cssSelector("[data-photo-tour] h1");

	static final By ROOM_LINKS = By.cssSelector("[data-room-link]");

	static final By SECTIONS = By.cssSelector("[data-photo-tour] section[data-room]");

	static final By BACK_TO_LISTING = By.cssSelector("[data-back-to-listing]");

	private final Browser browser;

	private PhotoTourPage(Browser browser) {
		this.browser = browser;
	}

	public static PhotoTourPage open(Browser browser, long id) {
		browser.open("/listings/" + id + "/photos");
		return showing(browser);
	}

	/** The tour the browser shows now, once its heading is there. */
	public static PhotoTourPage showing(Browser browser) {
		browser.waitUntil("the photo tour to show its heading", (driver) -> browser.isShown(HEADING));
		browser.waitForHtmx();
		return new PhotoTourPage(browser);
	}

	public String heading() {
		return this.browser.find(HEADING).getText();
	}

	/** The jump links' words, in order, such as "Living room (3)". */
	public List<String> roomLinks() {
		return this.browser.findAll(ROOM_LINKS).stream().map(WebElement::getText).toList();
	}

	/** The sections' headings, in order. */
	public List<String> rooms() {
		return this.browser.findAll(SECTIONS)
			.stream()
			.map((section) -> section.findElement(By.tagName("h2")).getText())
			.toList();
	}

	/** The indexes of the photos a room's section shows, in order. */
	public List<Integer> photosIn(String room) {
		return section(room).findElements(By.cssSelector("[data-tour-photo]"))
			.stream()
			.map((photo) -> Integer.valueOf(photo.getDomAttribute("data-tour-photo")))
			.toList();
	}

	/**
	 * Clicks a room's jump link and waits until the address names the room's section and its
	 * heading is in the window.
	 */
	public PhotoTourPage jumpTo(String room) {
		WebElement link = this.browser.find(By.cssSelector("[data-room-link='" + room + "']"));
		String anchor = link.getDomAttribute("href");
		link.click();
		this.browser.waitUntil("the " + room + " section (" + anchor + ") to come into view",
				(driver) -> anchor.equals(this.browser.script("return location.hash;")) && isInView(room));
		return this;
	}

	/** Whether the room's heading is anywhere in the window. */
	public boolean isInView(String room) {
		WebElement heading = section(room).findElement(By.tagName("h2"));
		return Boolean.TRUE.equals(this.browser.script("""
				const box = arguments[0].getBoundingClientRect();
				return box.bottom > 0 && box.top < window.innerHeight;
				""", heading));
	}

	/** Clicks the photo at this index of the listing, in the room's section: the lightbox opens on it. */
	public Lightbox openPhoto(String room, int index) {
		WebElement photo = section(room).findElement(By.cssSelector("[data-tour-photo='" + index + "']"));
		this.browser.script("arguments[0].scrollIntoView({ block: 'center' });", photo);
		photo.click();
		return Lightbox.showing(this.browser);
	}

	/** The image of the photo at this index of the listing, not its placeholder. */
	public WebElement photoImage(int index) {
		return this.browser.find(By.cssSelector("[data-tour-photo='" + index + "']")).findElement(ListingPage.PHOTO_IMAGE);
	}

	/** Whether the keyboard focus is on the photo at this index of the listing. */
	public boolean photoHasFocus(int index) {
		return index == Integer.parseInt(String.valueOf(this.browser
			.script("return document.activeElement ? document.activeElement.dataset.tourPhoto || '0' : '0';")));
	}

	/** Whether the keyboard focus is on the tour's heading. */
	public boolean headingHasFocus() {
		return this.browser.find(HEADING).equals(this.browser.focused());
	}

	public ListingPage backToTheListing() {
		this.browser.find(BACK_TO_LISTING).click();
		return ListingPage.showing(this.browser);
	}

	private WebElement section(String room) {
		return this.browser.find(By.cssSelector("[data-photo-tour] section[data-room='" + room + "']"));
	}

}
