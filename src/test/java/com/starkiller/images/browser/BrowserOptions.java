package com.starkiller.images.browser;

import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * How a {@link Browser} is set up: a 1280 × 900 desktop window by default, or a phone, and with or
 * without JavaScript. Chromium runs headless with nothing that would reach the network on its own.
 */
public record BrowserOptions(int width, int height, boolean phone, boolean javaScript) {

	static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));

	public static BrowserOptions desktop() {
		return new BrowserOptions(1280, 900, false, true);
	}

	/** A 360 × 740 phone: mobile emulation, so the page's viewport meta tag and touch apply. */
	public BrowserOptions phoneSized() {
		return new BrowserOptions(360, 740, true, this.javaScript);
	}

	public BrowserOptions withoutJavaScript() {
		return new BrowserOptions(this.width, this.height, this.phone, false);
	}

	ChromeOptions toChromeOptions(Path profile) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
				"--user-data-dir=" + profile, "--window-size=" + this.width + "," + this.height);
		if (this.phone) {
			options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of("width", this.width,
					"height", this.height, "pixelRatio", 2.0, "mobile", true, "touch", true)));
		}
		if (!this.javaScript) {
			options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
		}
		// Keeps the console, so a failing test can show the page's JavaScript errors.
		LoggingPreferences logging = new LoggingPreferences();
		logging.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logging);
		return options;
	}

}
