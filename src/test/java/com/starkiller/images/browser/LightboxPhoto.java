package com.starkiller.images.browser;

import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;

/**
 * The large photo of the open {@link Lightbox} as zoom shows it: zoomed by double-click, wheel,
 * pinch or keys, panned by a drag or a finger, inside its frame (the figure that clips it). What
 * the page says of the zoom is read from its live region, as a screen reader hears it.
 */
public final class LightboxPhoto {

	static final By PHOTO = By.id("display-image");

	static final By FRAME = By.cssSelector("#lightbox-container .slide");

	static final By ZOOM_STATUS = By.cssSelector("#lightbox-container [data-zoom-status]");

	private static final Pattern ZOOMED = Pattern.compile("^Zoomed to (\\d+) %$");

	private final Browser browser;

	LightboxPhoto(Browser browser) {
		this.browser = browser;
	}

	/** Where a box is in the window, in CSS pixels. */
	public record Box(double left, double top, double right, double bottom) {

		double width() {
			return this.right - this.left;
		}

		double height() {
			return this.bottom - this.top;
		}

		int centreX() {
			return (int) Math.round((this.left + this.right) / 2);
		}

		int centreY() {
			return (int) Math.round((this.top + this.bottom) / 2);
		}

		/** The point {@code x} of the width and {@code y} of the height in, such as (0.25, 0.5). */
		int[] at(double x, double y) {
			return new int[] { (int) Math.round(this.left + x * width()), (int) Math.round(this.top + y * height()) };
		}

	}

	/** The photo's element ({@code #display-image}), for comparing with what a script found. */
	public WebElement image() {
		return this.browser.find(PHOTO);
	}

	/** The photo as it shows now, zoom and pan included. */
	public Box bounds() {
		return box(PHOTO);
	}

	/** The frame that clips the photo: a zoomed photo never shows an edge inside it. */
	public Box frame() {
		return box(FRAME);
	}

	/** The part of the photo that shows: a zoomed photo is larger than its frame, which clips it. */
	public Box shown() {
		Box photo = bounds();
		Box frame = frame();
		return new Box(Math.max(photo.left(), frame.left()), Math.max(photo.top(), frame.top()),
				Math.min(photo.right(), frame.right()), Math.min(photo.bottom(), frame.bottom()));
	}

	/** Where the point at window position (x, y) is in the photo, as fractions of its width and height. */
	public double[] pointAt(int x, int y) {
		Box photo = bounds();
		return new double[] { (x - photo.left()) / photo.width(), (y - photo.top()) / photo.height() };
	}

	/** Double-clicks at a point of the window, such as one {@link Box#at} gives. */
	public LightboxPhoto doubleClickAt(int[] point) {
		new Actions(this.browser.driver()).moveToLocation(point[0], point[1]).doubleClick().perform();
		return this;
	}

	/** Taps twice with one finger at a point of the window, such as one {@link Box#at} gives. */
	public LightboxPhoto doubleTapAt(int[] point) {
		this.browser.doubleTap(point[0], point[1]);
		return this;
	}

	/** Turns the wheel with Ctrl held (a trackpad's pinch) over the photo's middle: negative zooms in. */
	public LightboxPhoto turnWheelWithCtrl(int deltaY) {
		Box shown = shown();
		this.browser.ctrlWheel(shown.centreX(), shown.centreY(), deltaY);
		return this;
	}

	/** Turns the mouse wheel over the photo's middle: negative away from the person (zoom in). */
	public LightboxPhoto turnWheel(int deltaY) {
		Box shown = shown();
		new Actions(this.browser.driver())
			.scrollFromOrigin(WheelInput.ScrollOrigin.fromViewport(shown.centreX(), shown.centreY()), 0, deltaY)
			.perform();
		return this;
	}

	/** Drags the photo with the mouse from the frame's middle by (dx, dy). */
	public LightboxPhoto drag(int dx, int dy) {
		Box frame = frame();
		new Actions(this.browser.driver()).moveToLocation(frame.centreX(), frame.centreY())
			.clickAndHold()
			.moveByOffset(dx, dy)
			.release()
			.perform();
		return this;
	}

	/** Two fingers on the middle of what shows of the photo, moving apart (zoom in) or together, from one distance to another. */
	public LightboxPhoto pinch(int fromDistance, int toDistance) {
		Box shown = shown();
		this.browser.pinch(shown.centreX(), shown.centreY(), fromDistance, toDistance);
		return this;
	}

	/** A finger across the photo by (dx, dy), from the middle of what shows of it. */
	public LightboxPhoto swipe(int dx, int dy) {
		Box shown = shown();
		this.browser.swipe(shown.centreX(), shown.centreY(), shown.centreX() + dx, shown.centreY() + dy);
		return this;
	}

	/** What the page last told screen readers of the zoom, such as "Zoomed to 200 %"; empty before any zoom. */
	public String zoomAnnouncement() {
		return this.browser.find(ZOOM_STATUS).getText();
	}

	/** From now on, keeps every zoom announcement the page makes, in order ({@link #zoomAnnouncementsMade}). */
	public LightboxPhoto recordZoomAnnouncements() {
		this.browser.script("""
				window.zoomAnnouncements = [];
				new MutationObserver((records) => records.forEach((record) => record.addedNodes.forEach((node) =>
				  window.zoomAnnouncements.push(node.textContent)))).observe(arguments[0], { childList: true });""",
				this.browser.find(ZOOM_STATUS));
		return this;
	}

	/** Every zoom announcement made since {@link #recordZoomAnnouncements}. */
	@SuppressWarnings("unchecked")
	public List<String> zoomAnnouncementsMade() {
		return (List<String>) this.browser.script("return window.zoomAnnouncements;");
	}

	/** Waits until the page has told screen readers exactly this of the zoom. */
	public LightboxPhoto awaitAnnouncement(String text) {
		this.browser.waitUntil("the zoom announcement '" + text + "' (was '" + zoomAnnouncement() + "')",
				(driver) -> text.equals(zoomAnnouncement()));
		return this;
	}

	/** How large the photo shows against its size unzoomed: 1 unzoomed, 2 at 200 %. */
	public double scale() {
		return ((Number) this.browser.script("return arguments[0].getBoundingClientRect().width / arguments[0].offsetWidth;",
				this.browser.find(PHOTO)))
			.doubleValue();
	}

	/**
	 * Waits until the page has announced a zoom level {@code wanted} accepts and the photo shows at
	 * it (any transition over), and answers the level in percent.
	 */
	public int awaitZoom(String what, IntPredicate wanted) {
		return this.browser.waitUntil("the photo to be " + what + " and the page to say so", (driver) -> {
					Matcher matcher = ZOOMED.matcher(zoomAnnouncement());
					if (!matcher.matches()) {
						return null;
					}
					int percent = Integer.parseInt(matcher.group(1));
					return (wanted.test(percent) && Math.abs(scale() * 100 - percent) < 1.5) ? percent : null;
				});
	}

	public int awaitZoom(int percent) {
		return awaitZoom("zoomed to " + percent + " %", (announced) -> announced == percent);
	}

	/** Waits until the photo has moved from where it was. */
	public Box awaitMovedFrom(Box before) {
		return this.browser.waitUntil("the photo to move from " + before, (driver) -> {
			Box now = bounds();
			return (Math.abs(now.left() - before.left()) > 1 || Math.abs(now.top() - before.top()) > 1) ? now : null;
		});
	}

	/** Waits until {@code edge} holds of the photo and its frame, such as "the left edges meet". */
	public void awaitEdges(String what, BiPredicate<Box, Box> edge) {
		this.browser.waitUntil(what, (driver) -> edge.test(bounds(), frame()));
	}

	/** The width of the variant the browser shows, from its address: 200, 800 or 1600. */
	public int loadedVariant() {
		String source = String.valueOf(this.browser.script("return arguments[0].currentSrc;", this.browser.find(PHOTO)));
		return Integer.parseInt(source.substring(source.lastIndexOf('/') + 1));
	}

	/** Waits until the browser has loaded and shows the variant {@code width} pixels wide. */
	public void awaitVariant(int width) {
		this.browser.waitUntil("the photo to show its " + width + " px variant",
				(driver) -> Boolean.TRUE.equals(this.browser.script(
						"return arguments[0].complete && arguments[0].currentSrc.endsWith('/' + arguments[1]);",
						this.browser.find(PHOTO), String.valueOf(width))));
	}

	/** How long the photo takes to move to a new zoom, as the computed style says: "0s" for at once. */
	public String zoomTransition() {
		return String.valueOf(this.browser.script("return getComputedStyle(arguments[0]).transitionDuration;",
				this.browser.find(PHOTO)));
	}

	private Box box(By by) {
		WebElement element = this.browser.find(by);
		@SuppressWarnings("unchecked")
		Map<String, Number> rect = (Map<String, Number>) this.browser
			.script("const r = arguments[0].getBoundingClientRect(); return {left: r.left, top: r.top, right: r.right, bottom: r.bottom};",
					element);
		return new Box(rect.get("left").doubleValue(), rect.get("top").doubleValue(), rect.get("right").doubleValue(),
				rect.get("bottom").doubleValue());
	}

}
