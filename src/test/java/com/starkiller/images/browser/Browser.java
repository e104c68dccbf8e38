package com.starkiller.images.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium, driven by Debian's chromedriver, with a fresh profile of its own.
 * The driver's path is given to Selenium, so Selenium Manager never runs (it would try to download
 * one). Page objects use this rather than the {@link WebDriver}, so that every wait has the same
 * patience and every path is relative to the app under test.
 */
public final class Browser implements AutoCloseable {

	/** How long a wait lasts before a test fails: generous, since CI has two cores. */
	public static final Duration PATIENCE = Duration.ofSeconds(10);

	private static final String VIOLATION = "securitypolicyviolation";

	private static final String VIOLATION_LISTENER = "document.addEventListener('" + VIOLATION + "', (e) => "
			+ "console.error('" + VIOLATION + ": ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') "
			+ "+ ' in ' + e.documentURI + ' at ' + e.sourceFile + ':' + e.lineNumber + ' ' + (e.sample || '')));";

	/** htmx marks a request in flight, content being swapped, and new content until it settles. */
	private static final String HTMX_BUSY = ".htmx-request, .htmx-swapping, .htmx-settling, .htmx-added";

	/**
	 * Selenium looks for a DevTools module matching the browser on every start and warns when none
	 * is on the classpath; these tests use WebDriver alone. Held so the level is not collected.
	 */
	private static final Logger CDP_VERSION_FINDER = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

	private final ChromeDriver driver;

	private final Path profile;

	private final String origin;

	private final BrowserOptions options;

	private Browser(ChromeDriver driver, Path profile, String origin, BrowserOptions options) {
		this.driver = driver;
		this.profile = profile;
		this.origin = origin;
		this.options = options;
	}

	/** A browser whose relative paths go to {@code origin}, such as {@code http://127.0.0.1:8080}. */
	public static Browser start(String origin, BrowserOptions options) {
		requireExecutable(BrowserOptions.CHROMIUM);
		requireExecutable(BrowserOptions.CHROMEDRIVER);
		Path profile = temporaryProfile();
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(BrowserOptions.CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.withSilent(true)
			.build();
		try {
			ChromeDriver driver = new ChromeDriver(service, options.toChromeOptions(profile));
			// In every document, before its own scripts: each CSP violation is written to the console.
			driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", VIOLATION_LISTENER));
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
			return new Browser(driver, profile, origin, options);
		}
		catch (RuntimeException ex) {
			service.stop();
			deleteProfile(profile);
			throw ex;
		}
	}

	public void open(String path) {
		this.driver.get(this.origin + path);
	}

	/** Where relative paths go, such as {@code http://127.0.0.1:8080}. */
	public String origin() {
		return this.origin;
	}

	/** The current path and query, such as {@code /images/7?index=3}. */
	public String path() {
		URI url = URI.create(this.driver.getCurrentUrl());
		return url.getRawPath() + ((url.getRawQuery() != null) ? "?" + url.getRawQuery() : "");
	}

	/** The document title, as the tab shows it. */
	public String title() {
		return this.driver.getTitle();
	}

	public void back() {
		this.driver.navigate().back();
	}

	public void forward() {
		this.driver.navigate().forward();
	}

	public void reload() {
		this.driver.navigate().refresh();
	}

	public WebElement find(By by) {
		return this.driver.findElement(by);
	}

	public List<WebElement> findAll(By by) {
		return this.driver.findElements(by);
	}

	/** Whether the first element matching {@code by} is there and a person could see it. */
	public boolean isShown(By by) {
		try {
			List<WebElement> found = this.driver.findElements(by);
			return !found.isEmpty() && found.get(0).isDisplayed();
		}
		catch (StaleElementReferenceException ex) {
			return isShown(by);
		}
	}

	/**
	 * Waits until {@code condition} answers something other than null or false, and fails the test
	 * with {@code what} when it does not. Elements swapped out while it looks are looked up again.
	 */
	public <T> T waitUntil(String what, Function<WebDriver, T> condition) {
		return new WebDriverWait(this.driver, PATIENCE).withMessage(what)
			.ignoring(StaleElementReferenceException.class)
			.ignoring(NoSuchElementException.class)
			.until(condition);
	}

	/**
	 * Waits until htmx has no request in flight, new content has settled and any view transition
	 * it ran the swap in has ended. htmx wires up new content only when it settles, so a swapped-in
	 * link clicked before then would be followed as a plain link. Returns at once when JavaScript is
	 * off.
	 */
	public void waitForHtmx() {
		if (!this.options.javaScript()) {
			return;
		}
		waitUntil("htmx to finish its requests, settle and end its view transition", (driver) -> Boolean.TRUE.equals(
				script("return document.readyState === 'complete' && !document.querySelector(arguments[0])"
						+ " && !document.activeViewTransition;", HTMX_BUSY)));
	}

	/** Whether the page's htmx script ran: false when JavaScript is off or the script failed. */
	public boolean htmxIsLoaded() {
		return !"undefined".equals(script("return typeof htmx;"));
	}

	/** Runs JavaScript in the page (WebDriver can, even with the page's own JavaScript off). */
	public Object script(String javaScript, Object... arguments) {
		return this.driver.executeScript(javaScript, arguments);
	}

	/** Presses a key as a person would, on whatever has the focus. */
	public void pressKey(CharSequence key) {
		new Actions(this.driver).sendKeys(key).perform();
	}

	/** Presses Shift+Tab, which moves the focus backwards. */
	public void pressShiftTab() {
		new Actions(this.driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
	}

	/**
	 * Puts the focus on an element, as a keyboard user gets there by tabbing; without scrolling or
	 * clicking, so nothing else happens on the way.
	 */
	public void focus(By by) {
		script("arguments[0].focus();", find(by));
	}

	/** The element with the focus ({@code document.activeElement}), or the body when none has it. */
	public WebElement focused() {
		return this.driver.switchTo().activeElement();
	}

	/** The id of the element with the focus, empty when it has none. */
	public String focusedId() {
		Object id = script("return document.activeElement ? document.activeElement.id : '';");
		return (id != null) ? id.toString() : "";
	}

	/** Whether the focus is on the element matching {@code by} or inside it. */
	public boolean isFocusInside(By by) {
		return Boolean.TRUE.equals(script("return arguments[0].contains(document.activeElement);", find(by)));
	}

	/** A short description of the focused element, for failure messages: {@code a#next.nav "›"}. */
	public String describeFocus() {
		return String.valueOf(script("""
				const el = document.activeElement;
				if (!el) return '(nothing)';
				const classes = el.className && typeof el.className === 'string' ? '.' + el.className.trim().replace(/\\s+/g, '.') : '';
				return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + classes
					+ ' "' + (el.textContent || '').trim().slice(0, 30) + '"';
				"""));
	}

	/** Clicks at a point of the window, {@code x} and {@code y} pixels from its top left corner. */
	public void clickAt(int x, int y) {
		new Actions(this.driver).moveToLocation(x, y).click().perform();
	}

	/** The cookies the browser keeps for the app. */
	public Set<Cookie> cookies() {
		return this.driver.manage().getCookies();
	}

	/** The URLs the page has fetched since it loaded, images included, as Resource Timing lists them. */
	@SuppressWarnings("unchecked")
	public List<String> requestedUrls() {
		return (List<String>) script("return performance.getEntriesByType('resource').map((entry) => entry.name);");
	}

	/**
	 * Lets the app's pages read and write the clipboard without asking, as a person who allowed it
	 * once would have. Uses the DevTools protocol through chromedriver, which needs no extra module.
	 */
	public void allowClipboard() {
		this.driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", this.origin, "permissions",
				List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
	}

	/** What the clipboard holds, read through the page's Clipboard API (see {@link #allowClipboard()}). */
	public String clipboardText() {
		return String.valueOf(this.driver.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const clipboard = window.starkillerTestClipboard || navigator.clipboard;
				clipboard.readText().then(done, (error) => done('(unreadable: ' + error + ')'));
				"""));
	}

	/**
	 * Takes the Clipboard API away from the page, as in an older browser or an insecure origin, so
	 * that the page must copy the old way. {@link #clipboardText()} can still read it.
	 */
	public void removeClipboardApi() {
		script("""
				window.starkillerTestClipboard = navigator.clipboard;
				Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
				""");
		if (!"undefined".equals(script("return typeof navigator.clipboard;"))) {
			throw new IllegalStateException("The page still has the Clipboard API");
		}
	}

	/** Runs this script in every page opened from now on, before the page's own scripts. */
	public void beforeEveryPage(String javaScript) {
		this.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", javaScript));
	}

	/** Swipes a finger across the screen, from one point to another, on a touch screen. */
	public void swipe(int fromX, int fromY, int toX, int toY) {
		touch("touchStart", fromX, fromY);
		int steps = 5;
		for (int i = 1; i <= steps; i++) {
			touch("touchMove", fromX + (toX - fromX) * i / steps, fromY + (toY - fromY) * i / steps);
		}
		this.driver.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchEnd", "touchPoints", List.of()));
	}

	/**
	 * Two fingers on a touch screen, either side of a point, moving apart or together from one
	 * distance to another (a pinch), then lifted.
	 */
	public void pinch(int centreX, int centreY, int fromDistance, int toDistance) {
		int steps = 5;
		for (int i = 0; i <= steps; i++) {
			int distance = fromDistance + (toDistance - fromDistance) * i / steps;
			this.driver.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", (i == 0) ? "touchStart" : "touchMove",
					"touchPoints", List.of(Map.of("x", centreX - distance / 2, "y", centreY, "id", 0),
							Map.of("x", centreX + distance / 2, "y", centreY, "id", 1))));
		}
		this.driver.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", "touchEnd", "touchPoints", List.of()));
	}

	/**
	 * Two quick taps of one finger at a point, on a touch screen. The second comes 120 ms after the
	 * first by the events' own time stamps, so the page sees a double-tap however slowly the
	 * commands travel.
	 */
	public void doubleTap(int x, int y) {
		double first = System.currentTimeMillis() / 1000.0;
		// Down, up, down, up, 60 ms apart.
		for (int step = 0; step < 4; step++) {
			boolean down = step % 2 == 0;
			this.driver.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", down ? "touchStart" : "touchEnd",
					"touchPoints", down ? List.of(Map.of("x", x, "y", y)) : List.of(), "timestamp", first + 0.06 * step));
		}
	}

	/**
	 * Turns the mouse wheel at a point with Ctrl held, as a trackpad's pinch arrives: negative away
	 * from the person.
	 */
	public void ctrlWheel(int x, int y, int deltaY) {
		this.driver.executeCdpCommand("Input.dispatchMouseEvent", Map.of("type", "mouseWheel", "x", x, "y", y,
				"deltaX", 0, "deltaY", deltaY, "modifiers", 2));
	}

	/** Tells the pages that the person asked their system for reduced motion ({@code prefers-reduced-motion}). */
	public void preferReducedMotion() {
		this.driver.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
	}

	/**
	 * Turns the phone sideways: its screen becomes {@code width} × {@code height} in landscape, and
	 * the page sees the resize and the orientation change as on a real phone.
	 */
	public void turnSideways(int width, int height) {
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true, "screenOrientation",
						Map.of("type", "landscapePrimary", "angle", 90)));
		waitUntil("the page to see a " + width + " × " + height + " screen",
				(driver) -> Long.valueOf(height).equals(script("return window.innerHeight;"))
						&& Boolean.TRUE.equals(script("return matchMedia('(orientation: landscape)').matches;")));
	}

	private void touch(String type, int x, int y) {
		this.driver.executeCdpCommand("Input.dispatchTouchEvent",
				Map.of("type", type, "touchPoints", List.of(Map.of("x", x, "y", y))));
	}

	/** Tags the document, so that {@link #isSameDocument()} tells an htmx swap from a page load. */
	public void tagDocument() {
		script("window.starkillerTestTag = true;");
	}

	public boolean isSameDocument() {
		return Boolean.TRUE.equals(script("return window.starkillerTestTag === true;"));
	}

	/** Width of everything on the page: wider than {@link #viewportWidth()} scrolls sideways. */
	public long pageWidth() {
		return (Long) script("return document.documentElement.scrollWidth;");
	}

	public long viewportWidth() {
		return (Long) script("return document.documentElement.clientWidth;");
	}

	public BrowserOptions options() {
		return this.options;
	}

	/** The driver itself, for tools such as axe that take one. */
	public WebDriver driver() {
		return this.driver;
	}

	/**
	 * What the console said about the security headers since last asked: every
	 * {@code securitypolicyviolation} event the listener saw (with JavaScript off, Chromium's own
	 * report of a refused resource), and any complaint about the {@code Permissions-Policy}.
	 */
	public List<String> securityPolicyViolations() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter((message) -> message.contains(VIOLATION) || message.contains("Content Security Policy")
					|| message.contains("Permissions-Policy"))
			.toList();
	}

	/** Keeps a screenshot, the DOM and the console; answers where, without the extensions. */
	public Path saveEvidence(String testClass, String testName) throws IOException {
		return FailureEvidence.save(this.driver, testClass, testName);
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			deleteProfile(this.profile);
		}
	}

	private static Logger quiet(String name) {
		Logger logger = Logger.getLogger(name);
		logger.setLevel(Level.SEVERE);
		return logger;
	}

	private static void requireExecutable(Path path) {
		if (!Files.isExecutable(path)) {
			throw new IllegalStateException(path + " is missing: browser tests use Debian's Chromium and its driver "
					+ "(apt-get install -y chromium chromium-driver)");
		}
	}

	private static Path temporaryProfile() {
		try {
			return Files.createTempDirectory("starkiller-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteProfile(Path profile) {
		try (Stream<Path> files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// A profile left in the temp folder is harmless; failing a test over it would not be.
		}
	}

}
