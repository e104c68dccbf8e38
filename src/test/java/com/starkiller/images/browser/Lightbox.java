package com.starkiller.images.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * The photo lightbox over the listing page ({@code #lightbox-container}): one photo at a time,
 * its caption {@code 3/12: Sunny bedroom}, previous and next, the thumbnail strip, and close.
 */
public final class Lightbox {

	static final By CONTAINER = By.id("lightbox-container");

	static final By PHOTO = By.id("display-image");

	static final By CAPTION = By.id("caption");

	static final By NEXT = By.id("next");

	static final By PREVIOUS = By.id("prev");

	static final By CLOSE = By.id("close-lightbox");

	static final By PHOTO_LIST_BUTTON = By.id("photo-list-button");

	static final By PHOTO_LIST = By.id("slider-container");

	static final By THUMBNAILS = By.cssSelector("#slider-container a");

	static final By ROOM = By.cssSelector("#lightbox-container figcaption [data-room]");

	/** The room names written at the thumbnails where a room's photos start. */
	static final By ROOM_MARKS = By.cssSelector("#slider-container li[data-room-start] .room-start");

	private static final Pattern POSITION = Pattern.compile("^(\\d+)/(\\d+): ");

	private final Browser browser;

	private Lightbox(Browser browser) {
		this.browser = browser;
	}

	/** The lightbox the browser shows now, once it is open with a caption. */
	public static Lightbox showing(Browser browser) {
		browser.waitUntil("the lightbox to open with a caption",
				(driver) -> browser.isShown(CONTAINER) && !driver.findElement(CAPTION).getText().isEmpty());
		browser.waitForHtmx();
		return new Lightbox(browser);
	}

	public boolean isOpen() {
		return this.browser.isShown(CONTAINER);
	}

	/** The caption under the photo, such as {@code 3/12: Sunny bedroom}. */
	public String caption() {
		return this.browser.find(CAPTION).getText();
	}

	/** The room the photo shows, as the caption names it; empty when the photo has none. */
	public String room() {
		List<WebElement> room = this.browser.findAll(ROOM);
		return room.isEmpty() ? "" : room.get(0).getText();
	}

	/**
	 * The marks in the photo list where a room starts, as "3: Bedroom 1" (the thumbnail's 1-based
	 * place, then the room's name as written there).
	 */
	public List<String> roomMarks() {
		List<WebElement> thumbnails = this.browser.findAll(By.cssSelector("#slider-container > li"));
		List<String> marks = new ArrayList<>();
		for (int i = 0; i < thumbnails.size(); i++) {
			List<WebElement> mark = thumbnails.get(i).findElements(By.cssSelector(".room-start"));
			if (!mark.isEmpty()) {
				marks.add((i + 1) + ": " + mark.get(0).getText());
			}
		}
		return marks;
	}

	/** Which photo is shown, 1-based, read from the caption. */
	public int position() {
		return Integer.parseInt(captionParts().group(1));
	}

	/** How many photos there are, read from the caption. */
	public int count() {
		return Integer.parseInt(captionParts().group(2));
	}

	/** The large photo's text alternative. */
	public String photoDescription() {
		return this.browser.find(PHOTO).getDomAttribute("alt");
	}

	/** The close button's text, such as "✕ Close". */
	public String closeText() {
		return this.browser.find(CLOSE).getText();
	}

	/** Whether Next shows to the left of Previous, as right-to-left pages place them. */
	public boolean nextIsLeftOfPrevious() {
		return this.browser.find(NEXT).getRect().getX() < this.browser.find(PREVIOUS).getRect().getX();
	}

	/**
	 * Points Next at {@code path} (its link and its htmx request both), as if the photo it named had
	 * been removed since the lightbox opened.
	 */
	public Lightbox pointNextAt(String path) {
		this.browser.script("""
				const next = document.getElementById('next');
				next.setAttribute('href', arguments[0]);
				next.setAttribute('hx-get', arguments[0]);
				htmx.process(next);
				""", path);
		return this;
	}

	/** Clicks Next without waiting for any outcome: follow with a look at what the browser shows. */
	public void clickNext() {
		this.browser.find(NEXT).click();
	}

	public Lightbox next() {
		return moveWith(NEXT, "Next");
	}

	public Lightbox previous() {
		return moveWith(PREVIOUS, "Previous");
	}

	/** Clicks the large photo, which shows the next one. */
	public Lightbox clickPhoto() {
		return moveWith(PHOTO, "the photo");
	}

	/** Clicks the {@code index}th thumbnail (1-based) in the photo list. */
	public Lightbox openThumbnail(int index) {
		String before = caption();
		boolean moves = index != position();
		thumbnails().get(index - 1).click();
		if (moves) {
			awaitCaptionOtherThan(before, "thumbnail " + index);
		}
		this.browser.waitForHtmx();
		return this;
	}

	/** Moves the focus to the {@code index}th thumbnail (1-based) and presses Enter on it. */
	public Lightbox openThumbnailWithKeyboard(int index) {
		String before = caption();
		this.browser.script("arguments[0].focus();", thumbnails().get(index - 1));
		this.browser.pressKey(Keys.ENTER);
		awaitCaptionOtherThan(before, "thumbnail " + index + " by keyboard");
		this.browser.waitForHtmx();
		return this;
	}

	/** Whether the keyboard focus is on the thumbnail of the photo shown. */
	public boolean currentThumbnailHasFocus() {
		return Boolean.TRUE.equals(this.browser.script(
				"return document.activeElement?.matches('#slider-container a[aria-current=\"true\"]') === true;"));
	}

	/** The address of the {@code index}th thumbnail's image (1-based), as its {@code src} names it. */
	public String thumbnailImage(int index) {
		return thumbnails().get(index - 1).findElement(By.tagName("img")).getDomAttribute("src");
	}

	public int thumbnailCount() {
		return thumbnails().size();
	}

	/** The thumbnail marked current ({@code aria-current="true"}), 1-based; 0 when none is. */
	public int currentThumbnail() {
		List<WebElement> thumbnails = thumbnails();
		for (int i = 0; i < thumbnails.size(); i++) {
			if ("true".equals(thumbnails.get(i).getDomAttribute("aria-current"))) {
				return i + 1;
			}
		}
		return 0;
	}

	public boolean isPhotoListShown() {
		return this.browser.isShown(PHOTO_LIST);
	}

	/** The photo list button's words: "Hide photo list" or "Show photo list". */
	public String photoListButtonLabel() {
		return this.browser.find(PHOTO_LIST_BUTTON).getText();
	}

	/** Clicks "Hide photo list" or "Show photo list", and waits until the list has followed. */
	public Lightbox togglePhotoList() {
		boolean before = isPhotoListShown();
		this.browser.find(PHOTO_LIST_BUTTON).click();
		this.browser.waitUntil("the photo list to " + (before ? "hide" : "show"),
				(driver) -> isPhotoListShown() != before);
		return this;
	}

	/** Where the photo, its caption, the photo list and the bar's buttons are on the screen. */
	public Layout layout() {
		return new Layout(box(PHOTO), box(By.cssSelector("#lightbox-container figcaption")), box(PHOTO_LIST),
				box(CLOSE), box(PHOTO_LIST_BUTTON), box(PREVIOUS), box(NEXT));
	}

	private Rectangle box(By by) {
		return this.browser.find(by).getRect();
	}

	/** The lightbox's parts on the screen, in CSS pixels. */
	public record Layout(Rectangle photo, Rectangle caption, Rectangle photoList, Rectangle close,
			Rectangle photoListButton, Rectangle previous, Rectangle next) {

		/** Every part, named, to check each lies within the screen. */
		public Map<String, Rectangle> parts() {
			return Map.of("photo", this.photo, "caption", this.caption, "photo list", this.photoList,
					"Close", this.close, "photo list button", this.photoListButton, "Previous", this.previous, "Next",
					this.next);
		}

	}

	/** The photo list button's {@code aria-expanded}: whether it says the list is shown. */
	public boolean photoListButtonSaysShown() {
		return "true".equals(this.browser.find(PHOTO_LIST_BUTTON).getDomAttribute("aria-expanded"));
	}

	/** Where the next photo's large image is, which the page fetches ahead ({@code data-preload}). */
	public String nextPhotoImage() {
		return this.browser.find(NEXT).getDomAttribute("data-preload");
	}

	/** Whether the keyboard focus is in the lightbox, on it or on one of its controls. */
	public boolean hasFocus() {
		return this.browser.isFocusInside(CONTAINER);
	}

	/** Presses Tab once, as a keyboard user walks through the controls. */
	public Lightbox tab() {
		this.browser.pressKey(Keys.TAB);
		return this;
	}

	/** Presses Shift+Tab once, walking backwards. */
	public Lightbox shiftTab() {
		this.browser.pressShiftTab();
		return this;
	}

	/** How many controls in the lightbox a keyboard user can reach: links and buttons shown. */
	public int focusableControlCount() {
		return ((Long) this.browser.script("""
				return [...arguments[0].querySelectorAll('a[href], button, [tabindex]')]
					.filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0).length;
				""", this.browser.find(CONTAINER))).intValue();
	}

	/** Swipes the photo to the left with a finger, as on a phone, and waits for the next photo. */
	public Lightbox swipeToNext() {
		String before = caption();
		WebElement photo = this.browser.find(PHOTO);
		int y = photo.getRect().getY() + photo.getRect().getHeight() / 2;
		int width = ((Long) this.browser.script("return window.innerWidth;")).intValue();
		this.browser.swipe(width * 4 / 5, y, width / 5, y);
		awaitCaptionOtherThan(before, "a swipe to the left");
		this.browser.waitForHtmx();
		return this;
	}

	/** Swipes the photo downwards with a finger, as on a phone, and waits until the lightbox has closed. */
	public ListingPage swipeDownToClose() {
		WebElement photo = this.browser.find(PHOTO);
		int x = photo.getRect().getX() + photo.getRect().getWidth() / 2;
		int y = photo.getRect().getY() + photo.getRect().getHeight() / 4;
		this.browser.swipe(x, y, x, y + 200);
		return waitUntilClosed();
	}

	/** The large photo, as zoom shows it. */
	public LightboxPhoto photo() {
		return new LightboxPhoto(this.browser);
	}

	/**
	 * Presses a key with the focus where it is, as a keyboard user would. It does not wait for an
	 * outcome, since each key has its own: follow with {@link #waitForPhoto(int)},
	 * {@link #waitUntilClosed()} or a look at the focus.
	 */
	public Lightbox pressKey(CharSequence key) {
		this.browser.pressKey(key);
		return this;
	}

	public Lightbox waitForPhoto(int index) {
		this.browser.waitUntil("the lightbox to show photo " + index + " (caption was '" + safeCaption() + "')",
				(driver) -> isOpen() && captionStartsWith(index));
		this.browser.waitForHtmx();
		return this;
	}

	/** Clicks the close button and waits until the listing page shows without the lightbox. */
	public ListingPage close() {
		this.browser.find(CLOSE).click();
		return waitUntilClosed();
	}

	/** Clicks the close button of a lightbox opened from the photo tour, and waits until the tour shows. */
	public PhotoTourPage closeToTheTour() {
		this.browser.find(CLOSE).click();
		this.browser.waitUntil("the lightbox to close", (driver) -> !isOpen());
		return PhotoTourPage.showing(this.browser);
	}

	public ListingPage waitUntilClosed() {
		this.browser.waitUntil("the lightbox to close", (driver) -> !isOpen());
		return ListingPage.showing(this.browser);
	}

	private Lightbox moveWith(By control, String name) {
		String before = caption();
		this.browser.find(control).click();
		awaitCaptionOtherThan(before, name);
		this.browser.waitForHtmx();
		return this;
	}

	private void awaitCaptionOtherThan(String before, String clicked) {
		this.browser.waitUntil("the caption to change from '" + before + "' after clicking " + clicked,
				(driver) -> isOpen() && !caption().equals(before));
	}

	private boolean captionStartsWith(int index) {
		return caption().startsWith(index + "/");
	}

	/** The caption for a failure message, even while htmx is swapping the lightbox. */
	private String safeCaption() {
		try {
			return isOpen() ? caption() : "(lightbox closed)";
		}
		catch (StaleElementReferenceException | NoSuchElementException ex) {
			return "(being replaced)";
		}
	}

	private List<WebElement> thumbnails() {
		return this.browser.findAll(THUMBNAILS);
	}

	private Matcher captionParts() {
		String caption = caption();
		Matcher matcher = POSITION.matcher(caption);
		if (!matcher.find()) {
			throw new AssertionError("The caption '" + caption + "' does not start with position/count");
		}
		return matcher;
	}

}
