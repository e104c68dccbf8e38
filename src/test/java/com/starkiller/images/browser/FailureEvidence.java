package com.starkiller.images.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * What a browser showed when a test failed, kept under
 * {@code target/browser-failures/<TestClass>/<testName>}: a screenshot ({@code .png}), the DOM as
 * it was ({@code .html}, headed by its URL) and the console ({@code .console.txt}).
 */
final class FailureEvidence {

	static final Path FOLDER = Path.of("target", "browser-failures");

	private FailureEvidence() {
	}

	/** Saves the evidence and answers where, without the extensions. */
	static Path save(ChromeDriver driver, String testClass, String testName) throws IOException {
		Path folder = Files.createDirectories(FOLDER.resolve(testClass));
		Path base = folder.resolve(testName);
		Files.write(folder.resolve(testName + ".png"), driver.getScreenshotAs(OutputType.BYTES));
		Files.writeString(folder.resolve(testName + ".html"),
				"<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(), StandardCharsets.UTF_8);
		Files.writeString(folder.resolve(testName + ".console.txt"), console(driver), StandardCharsets.UTF_8);
		return base;
	}

	private static String console(ChromeDriver driver) {
		try {
			return driver.manage()
				.logs()
				.get(LogType.BROWSER)
				.getAll()
				.stream()
				.map(LogEntry::toString)
				.collect(Collectors.joining("\n"));
		}
		catch (RuntimeException ex) {
			return "The console could not be read: " + ex.getMessage();
		}
	}

}
