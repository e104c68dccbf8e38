package com.starkiller.images.embed;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.starkiller.images.browser.Accessibility;
import com.starkiller.images.browser.Browser;
import com.starkiller.images.browser.RefusedFraming;
import com.starkiller.images.browser.BrowserTest;
import com.starkiller.images.browser.Lightbox;
import com.starkiller.images.browser.ListingPage;
import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.ListingRepository;
import com.starkiller.images.listing.Listings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embeddable widget as partners use it: a page on another origin pastes
 * {@code <div data-starkiller-listing="15">} and {@code /embed.js}, and gets a titled, lazy iframe
 * that takes the widget's height (told only by the service's own origin) and works inside the
 * frame. Only the configured origins may frame the widget, and no other page of the site may be
 * framed at all.
 * <p>
 * The partners' pages come from two small HTTP servers on other loopback ports (so other origins):
 * {@link #PARTNER}, which the app is configured to allow, and {@link #STRANGER}, which it is not.
 * They start in the static initializer, before the app, because the app's configuration needs the
 * partner's port, and stop after the class's tests.
 */
class WidgetBrowserTest extends BrowserTest {

	/** The host pages the two servers answer, by path; each test adds its own. */
	private static final Map<String, String> PAGES = new ConcurrentHashMap<>();

	private static final AtomicInteger PAGE_NUMBER = new AtomicInteger();

	/** A partner's site, listed in {@code starkiller.embed.frame-ancestors}. */
	private static final HttpServer PARTNER = startHost();

	/** Some other site, not listed: the browser must refuse to show the widget there. */
	private static final HttpServer STRANGER = startHost();

	/** The height the loader gives a frame until the widget tells it its own. */
	private static final String INITIAL_HEIGHT = "480px";

	/** How far the frame's height may be from the widget's: the widget rounds up to whole pixels. */
	private static final int HEIGHT_TOLERANCE = 2;

	private static final By IMAGE_SERVICE = By.id("image-service");

	private static final By PHOTOS_BUTTON = By.id("photos-button");

	private static final By PHOTO_COUNT = By.cssSelector("#image-service .photo-count");

	private static final By VIEW_ON_SITE = By.cssSelector("a[data-view-on-site]");

	private static final By SAVE = By.id("save-button");

	private static final By REVIEWS = By.id("reviews");

	private static final By REVIEW_COUNTER = By.id("review-counter");

	@Autowired
	ListingRepository listings;

	@DynamicPropertySource
	static void framingOrigins(DynamicPropertyRegistry registry) {
		registry.add("starkiller.embed.frame-ancestors", () -> "'self' " + origin(PARTNER));
	}

	@AfterAll
	static void stopHosts() {
		PARTNER.stop(0);
		STRANGER.stop(0);
	}

	@Test
	void onAPartnersPageTheLoaderPutsInTitledLazyFramesThatTakeTheWidgetsHeight(Browser browser) {
		Listing photos = withPhotos(3);
		Listing reviewed = withReviews(photos);
		String page = partnerPage(PARTNER, widget(photos) + widgetWithReviews(reviewed));
		browser.driver().get(page);

		WebElement frame = awaitFrame(browser, photos.id());
		assertThat(frame.getDomAttribute("title")).isEqualTo("Photos of listing " + photos.id() + " on Starkiller");
		assertThat(frame.getDomProperty("loading")).isEqualTo("lazy");
		assertThat(frame.getDomAttribute("allow")).isEqualTo("fullscreen");
		assertThat(frame.getDomProperty("src")).isEqualTo(this.http.origin() + "/embed/listings/" + photos.id());
		WebElement reviewsFrame = awaitFrame(browser, reviewed.id());
		assertThat(reviewsFrame.getDomAttribute("title"))
			.isEqualTo("Photos of listing " + reviewed.id() + " on Starkiller");
		assertThat(reviewsFrame.getDomProperty("loading")).isEqualTo("lazy");
		assertThat(reviewsFrame.getDomProperty("src"))
			.isEqualTo(this.http.origin() + "/embed/listings/" + reviewed.id() + "?reviews=1");

		awaitFittedHeight(browser, photos.id());
		awaitFittedHeight(browser, reviewed.id());

		inFrame(browser, photos.id(), () -> {
			assertThat(browser.isShown(IMAGE_SERVICE)).as("the gallery shows inside the frame").isTrue();
			assertThat(browser.find(PHOTOS_BUTTON).getText()).isEqualTo("View photos (" + photos.photoCount() + ")");
			assertThat(browser.find(PHOTO_COUNT).getText()).isEqualTo(photos.photoCount() + " photos");
			assertThat(browser.findAll(By.cssSelector("header, footer")))
				.as("the widget has none of the site's header and footer")
				.isEmpty();
			assertThat(browser.findAll(REVIEWS)).as("no reviews without data-starkiller-reviews").isEmpty();
			return null;
		});
		assertThat(browser.driver().getCurrentUrl()).isEqualTo(page);
	}

	@Test
	void thePhotosOpenAndTurnInsideTheFrameWhileThePartnersPageStaysPut(Browser browser) {
		Listing listing = withPhotos(3);
		String page = partnerPage(PARTNER, widget(listing));
		browser.driver().get(page);
		awaitFrame(browser, listing.id());
		long historyBefore = (Long) browser.script("return history.length;");

		WebDriver driver = browser.driver();
		driver.switchTo().frame(awaitFrame(browser, listing.id()));
		awaitWidget(browser);
		browser.find(PHOTOS_BUTTON).click();
		Lightbox lightbox = Lightbox.showing(browser);
		assertThat(lightbox.caption()).isEqualTo(caption(listing, 1));

		lightbox.next();
		assertThat(lightbox.caption()).isEqualTo(caption(listing, 2));
		lightbox.pressKey(Keys.ARROW_RIGHT).waitForPhoto(3);
		assertThat(lightbox.caption()).isEqualTo(caption(listing, 3));
		lightbox.pressKey(Keys.ARROW_LEFT).waitForPhoto(2);
		assertThat(lightbox.caption()).isEqualTo(caption(listing, 2));
		assertThat(browser.script("return location.pathname + location.search;"))
			.as("the frame's own address does not follow the photos")
			.isEqualTo("/embed/listings/" + listing.id());

		driver.switchTo().defaultContent();
		assertThat(driver.getCurrentUrl()).as("the partner's page address").isEqualTo(page);
		assertThat((Long) browser.script("return history.length;"))
			.as("the partner's history (which the frame's entries would join)")
			.isEqualTo(historyBefore);
		assertThat(driver.getWindowHandles()).as("nothing opened in another tab").hasSize(1);
	}

	@Test
	void viewOnStarkillerOpensTheListingInANewTab(Browser browser) {
		Listing listing = withPhotos(1);
		String page = partnerPage(PARTNER, widget(listing));
		WebDriver driver = browser.driver();
		driver.get(page);
		String partnerTab = driver.getWindowHandle();
		String listingUrl = this.http.origin() + "/listings/" + listing.id();

		driver.switchTo().frame(awaitFrame(browser, listing.id()));
		awaitWidget(browser);
		WebElement viewOnSite = browser.find(VIEW_ON_SITE);
		assertThat(viewOnSite.getText()).isEqualTo("View on Starkiller");
		assertThat(viewOnSite.getDomProperty("href")).isEqualTo(listingUrl);
		assertThat(viewOnSite.getDomAttribute("target")).isEqualTo("_blank");
		assertThat(relTokens(viewOnSite)).contains("noopener");
		WebElement save = browser.find(SAVE);
		assertThat(save.getTagName()).as("Save in the widget is a link, not a form").isEqualTo("a");
		assertThat(save.getDomProperty("href")).isEqualTo(listingUrl);
		assertThat(save.getDomAttribute("target")).isEqualTo("_blank");
		assertThat(relTokens(save)).contains("noopener");

		Set<String> before = driver.getWindowHandles();
		viewOnSite.click();
		browser.waitUntil("a new tab to open", (d) -> d.getWindowHandles().size() == before.size() + 1);
		Set<String> opened = new HashSet<>(driver.getWindowHandles());
		opened.removeAll(before);
		assertThat(opened).hasSize(1);

		driver.switchTo().window(opened.iterator().next());
		browser.waitUntil("the new tab to show " + listingUrl, (d) -> listingUrl.equals(d.getCurrentUrl()));
		assertThat(ListingPage.showing(browser).name()).isEqualTo(listing.name());
		assertThat(browser.script("return window.opener;")).as("noopener: the tab cannot reach the partner's page")
			.isNull();

		driver.switchTo().window(partnerTab);
		assertThat(driver.getCurrentUrl()).as("the partner's page stays where it was").isEqualTo(page);
	}

	@Test
	void withDataStarkillerReviewsTheWidgetShowsTheReviewCarousel(Browser browser) {
		Listing photos = withPhotos(1);
		Listing reviewed = withReviews(photos);
		browser.driver().get(partnerPage(PARTNER, widget(photos) + widgetWithReviews(reviewed)));
		awaitFrame(browser, photos.id());

		inFrame(browser, reviewed.id(), () -> {
			awaitWidget(browser);
			browser.waitUntil("the reviews to show in the frame", (d) -> browser.isShown(REVIEWS));
			assertThat(browser.find(REVIEW_COUNTER).getText()).isEqualTo("1 of " + reviewed.reviewCount());
			return null;
		});
		inFrame(browser, photos.id(), () -> {
			awaitWidget(browser);
			assertThat(browser.findAll(REVIEWS)).as("the widget without data-starkiller-reviews").isEmpty();
			return null;
		});
	}

	/**
	 * A partner's page that names a listing we do not have (or no longer have) shows a short
	 * message the size of its text, not the site's whole error page in a 480px box, and its link
	 * leaves the frame.
	 */
	/** Found by review: the frame's title was English whatever language the widget spoke, and "DE" was not taken. */
	@Test
	void dataStarkillerLangInAnyCaseSetsTheWidgetsLanguageAndItsFramesTitle(Browser browser) {
		Listing photos = withPhotos(2);
		browser.driver().get(partnerPage(PARTNER,
				"<div data-starkiller-listing=\"" + photos.id() + "\" data-starkiller-lang=\"DE\"></div>\n"));

		WebElement frame = awaitFrame(browser, photos.id());
		assertThat(frame.getDomAttribute("title")).isEqualTo("Fotos der Unterkunft " + photos.id() + " auf Starkiller");
		assertThat(frame.getDomProperty("src")).isEqualTo(this.http.origin() + "/embed/listings/" + photos.id() + "?lang=de");
		awaitFittedHeight(browser, photos.id());
		inFrame(browser, photos.id(), () -> {
			assertThat(browser.script("return document.documentElement.lang;")).isEqualTo("de");
			return null;
		});
	}

	@Test
	void aPlaceThePartnersPageAddsLaterGetsItsWidgetToo(Browser browser) {
		Listing first = withPhotos(2);
		Listing later = withReviews(first);
		browser.driver().get(partnerPage(PARTNER, widget(first)));
		awaitFrame(browser, first.id());

		// As a single-page app shows a view: the place comes after the loader has run.
		browser.script("const view = document.createElement('section');"
				+ "view.innerHTML = '<div data-starkiller-listing=\"' + arguments[0] + '\"></div>';"
				+ "document.body.appendChild(view);", later.id());

		awaitFrame(browser, later.id());
		awaitFittedHeight(browser, later.id());
		assertThat(browser.findAll(frameLocator(first.id()))).as("the first place keeps its one frame").hasSize(1);
	}

	@Test
	void aWidgetForAListingWeDoNotHaveShowsAShortMessageThatFitsItsFrame(Browser browser) {
		long missing = 987_654_321L;
		assertThat(this.listings.stored(missing)).isFalse();
		browser.driver().get(partnerPage(PARTNER, "<div data-starkiller-listing=\"" + missing + "\"></div>\n"));

		awaitFittedHeight(browser, missing);
		inFrame(browser, missing, () -> {
			assertThat(browser.find(By.id("error-title")).getText()).startsWith("404:");
			assertThat(browser.findAll(By.cssSelector("header, footer"))).as("the site's header and footer").isEmpty();
			assertThat(browser.find(By.cssSelector("#main a")).getDomProperty("target")).isEqualTo("_blank");
			return null;
		});
		String height = (String) browser.script("return arguments[0].style.height;", awaitFrame(browser, missing));
		assertThat(Double.parseDouble(height.replace("px", ""))).as("the frame's height").isLessThan(240);

		browser.open("/embed/listings/" + missing);
		Accessibility.assertNoSeriousViolations(browser);
	}

	@Test
	@RefusedFraming
	void onAPageWhoseOriginIsNotAllowedTheBrowserRefusesTheWidget(Browser browser) {
		Listing listing = withPhotos(1);
		browser.driver().get(partnerPage(STRANGER, widget(listing)));
		awaitFrame(browser, listing.id());

		assertFrameRefused(browser, frameLocator(listing.id()), "the widget on " + origin(STRANGER));
		assertThat(browser.script("return arguments[0].style.height;", awaitFrame(browser, listing.id())))
			.as("no widget told the loader its height")
			.isEqualTo(INITIAL_HEIGHT);
		assertThat(messages(browser)).as("messages the stranger's page received").isEmpty();

		HttpResponse<String> widget = this.http.get("/embed/listings/" + listing.id());
		assertThat(widget.statusCode()).isEqualTo(200);
		assertThat(frameAncestors(widget)).containsExactlyInAnyOrder("'self'", origin(PARTNER))
			.doesNotContain(origin(STRANGER));
		assertThat(widget.headers().allValues("X-Frame-Options"))
			.as("X-Frame-Options: SAMEORIGIN would refuse the partners too")
			.isEmpty();
	}

	@Test
	void onlyTheServicesOriginMayResizeTheFrame(Browser browser) {
		Listing listing = withPhotos(1);
		browser.driver().get(partnerPage(PARTNER, widget(listing)));
		awaitFittedHeight(browser, listing.id());
		WebElement frame = awaitFrame(browser, listing.id());
		String fitted = (String) browser.script("return arguments[0].style.height;", frame);

		// The widget's frame is sent to another site, which then claims to be the widget.
		String impostor = page(STRANGER, """
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"><title>Not the widget</title></head>
				<body><script>
				  parent.postMessage({ type: 'starkiller:height', listing: %d, height: 1234 }, '*');
				</script></body></html>
				""".formatted(listing.id()));
		browser.script("arguments[0].src = arguments[1];", frame, impostor);
		browser.waitUntil("the partner's page to receive the other site's message",
				(driver) -> messages(browser).stream()
					.anyMatch((message) -> String.valueOf(message).contains(origin(STRANGER))));

		assertThat(browser.script("return arguments[0].style.height;", frame))
			.as("the frame's height after a message from %s", origin(STRANGER))
			.isEqualTo(fitted);
	}

	@Test
	@RefusedFraming
	void noOtherPageOfTheSiteCanBeFramedEvenByAPartner(Browser browser) {
		Listing listing = withPhotos(1);
		String listingUrl = this.http.origin() + "/listings/" + listing.id();
		browser.driver()
			.get(partnerPage(PARTNER, "<iframe id=\"direct\" title=\"The listing page itself\" src=\"" + listingUrl
					+ "\" style=\"width:100%;height:480px\"></iframe>" + widget(listing)));

		// The widget on the same page shows, so the listing page is refused for what it is.
		awaitFittedHeight(browser, listing.id());
		assertFrameRefused(browser, By.id("direct"), "the listing page framed directly");

		HttpResponse<String> response = this.http.get("/listings/" + listing.id());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(frameAncestors(response)).containsExactly("'self'");
		assertThat(response.headers().allValues("X-Frame-Options")).containsExactly("SAMEORIGIN");
	}

	@Test
	void theWidgetSetsNoCookieAndHasNoSeriousAccessibilityProblem(Browser browser) {
		Listing reviewed = withReviews(withPhotos(1));
		for (String path : List.of("/embed/listings/" + reviewed.id(), "/embed/listings/" + reviewed.id() + "?reviews=1")) {
			HttpResponse<String> response = this.http.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.headers().allValues("Set-Cookie")).as("cookies set by %s", path).isEmpty();

			browser.open(path);
			awaitWidget(browser);
			Accessibility.assertNoSeriousViolations(browser);
			assertThat(browser.cookies()).as("cookies the browser keeps after %s", path).isEmpty();
		}
	}

	// ---- The widget in its frame ------------------------------------------------------------

	private static By frameLocator(long listing) {
		return By.cssSelector("iframe[data-starkiller-frame='" + listing + "']");
	}

	/** The loader's frame for the listing, once the loader has put it in. */
	private static WebElement awaitFrame(Browser browser, long listing) {
		return browser.waitUntil("the loader to put in a frame for listing " + listing,
				(driver) -> driver.findElement(frameLocator(listing)));
	}

	/** Runs {@code action} inside the listing's frame, and comes back to the partner's page. */
	private static <T> T inFrame(Browser browser, long listing, Supplier<T> action) {
		WebDriver driver = browser.driver();
		driver.switchTo().frame(awaitFrame(browser, listing));
		try {
			return action.get();
		}
		finally {
			driver.switchTo().defaultContent();
		}
	}

	/** Waits until the widget in the current frame shows and htmx has wired it up. */
	private static void awaitWidget(Browser browser) {
		browser.waitUntil("the widget's gallery to show", (driver) -> browser.isShown(IMAGE_SERVICE));
		browser.waitForHtmx();
	}

	/**
	 * Waits until the loader has given the listing's frame the widget's own height: no longer the
	 * initial 480px, and within a pixel or two of the content's height measured inside the frame.
	 */
	private static void awaitFittedHeight(Browser browser, long listing) {
		String[] seen = { "(nothing yet)" };
		try {
			browser.waitUntil("the frame of listing " + listing + " to take the widget's height", (driver) -> {
				WebElement frame = driver.findElement(frameLocator(listing));
				String style = (String) browser.script("return arguments[0].style.height;", frame);
				double content = inFrame(browser, listing, () -> ((Number) browser
					.script("return document.documentElement.getBoundingClientRect().height;")).doubleValue());
				seen[0] = "frame " + style + ", content " + content + "px";
				if (INITIAL_HEIGHT.equals(style) || !style.endsWith("px")) {
					return false;
				}
				double framed = Double.parseDouble(style.substring(0, style.length() - 2));
				return Math.abs(framed - content) <= HEIGHT_TOLERANCE;
			});
		}
		catch (TimeoutException ex) {
			throw new AssertionError("The frame of listing " + listing + " did not take the widget's height: "
					+ seen[0] + "; messages the partner's page received: " + messages(browser), ex);
		}
	}

	/**
	 * Asserts that the browser showed nothing of the site in the frame: once the frame has finished
	 * loading (an error page fires load too), it has no gallery and no page of ours inside.
	 */
	private static void assertFrameRefused(Browser browser, By frameLocator, String what) {
		WebDriver driver = browser.driver();
		browser.waitUntil(what + " to finish loading", (d) -> Integer
			.parseInt(String.valueOf(browser.script("return arguments[0].dataset.loads || '0';",
					d.findElement(frameLocator)))) > 0);
		driver.switchTo().frame(driver.findElement(frameLocator));
		try {
			assertThat(driver.findElements(IMAGE_SERVICE)).as("the gallery inside %s", what).isEmpty();
			assertThat(driver.findElements(By.cssSelector("#main, body.embedded")))
				.as("a page of the site inside %s", what)
				.isEmpty();
		}
		finally {
			driver.switchTo().defaultContent();
		}
	}

	/** The messages the partner's page has received from its frames, in order. */
	@SuppressWarnings("unchecked")
	private static List<Object> messages(Browser browser) {
		return (List<Object>) browser.script("return window.starkillerMessages || [];");
	}

	private static List<String> relTokens(WebElement link) {
		String rel = link.getDomAttribute("rel");
		return (rel != null) ? Arrays.asList(rel.trim().split("\\s+")) : List.of();
	}

	private static List<String> frameAncestors(HttpResponse<?> response) {
		List<String> policies = response.headers().allValues("Content-Security-Policy");
		assertThat(policies).as("Content-Security-Policy headers").hasSize(1);
		List<String> directive = Arrays.stream(policies.get(0).split(";"))
			.map(String::trim)
			.filter((each) -> each.startsWith("frame-ancestors "))
			.toList();
		assertThat(directive).as("frame-ancestors directives").hasSize(1);
		return Arrays.asList(directive.get(0).substring("frame-ancestors ".length()).trim().split("\\s+"));
	}

	// ---- Listings ---------------------------------------------------------------------------

	private Listing withPhotos(int atLeast) {
		return Listings.find(this.listings, (candidate) -> candidate.photoCount() >= atLeast);
	}

	/** A listing with a few reviews and some photos, other than {@code other}. */
	private Listing withReviews(Listing other) {
		return Listings.find(this.listings, (candidate) -> candidate.id() != other.id()
				&& candidate.reviewCount() >= 2 && candidate.photoCount() >= 1);
	}

	private static String caption(Listing listing, int index) {
		return index + "/" + listing.photoCount() + ": " + listing.photo(index).caption();
	}

	// ---- The partners' pages ----------------------------------------------------------------

	private static String widget(Listing listing) {
		return "<div data-starkiller-listing=\"" + listing.id() + "\"></div>\n";
	}

	private static String widgetWithReviews(Listing listing) {
		return "<div data-starkiller-listing=\"" + listing.id() + "\" data-starkiller-reviews></div>\n";
	}

	/**
	 * Puts up a page on {@code host} with {@code body} and the app's loader, as a partner pastes
	 * the snippet, and answers its URL. The page records the messages it receives and counts each
	 * frame's load events ({@code data-loads}), so tests can tell when a frame has finished.
	 */
	private String partnerPage(HttpServer host, String body) {
		return page(host, """
				<!DOCTYPE html>
				<html lang="en">
				<head>
				<meta charset="utf-8">
				<title>A partner's page</title>
				<script>
				  window.starkillerMessages = [];
				  window.addEventListener('message', (event) =>
				    window.starkillerMessages.push({ origin: event.origin, data: event.data }));
				  document.addEventListener('load', (event) => {
				    if (event.target instanceof HTMLIFrameElement) {
				      event.target.dataset.loads = String(Number(event.target.dataset.loads || 0) + 1);
				    }
				  }, true);
				</script>
				</head>
				<body>
				<h1>A partner's page</h1>
				%s
				<script src="%s/embed.js"></script>
				</body>
				</html>
				""".formatted(body, this.http.origin()));
	}

	/** Puts up {@code html} on {@code host}, and answers its URL. */
	private static String page(HttpServer host, String html) {
		String path = "/page-" + PAGE_NUMBER.incrementAndGet() + ".html";
		PAGES.put(path, html);
		return origin(host) + path;
	}

	private static String origin(HttpServer host) {
		return "http://127.0.0.1:" + host.getAddress().getPort();
	}

	/** A server on a free loopback port that answers the pages in {@link #PAGES}. */
	private static HttpServer startHost() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", WidgetBrowserTest::answer);
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void answer(HttpExchange exchange) throws IOException {
		String page = PAGES.get(exchange.getRequestURI().getPath());
		byte[] body = ((page != null) ? page : "Not found").getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders()
			.set("Content-Type", (page != null) ? "text/html; charset=utf-8" : "text/plain; charset=utf-8");
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		exchange.sendResponseHeaders((page != null) ? 200 : 404, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
