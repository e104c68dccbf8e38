package com.starkiller.images.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** Swagger UI renders the write API under its own Content-Security-Policy, with no violation. */
class ApiDocsBrowserTest extends BrowserTest {

	@Test
	void swaggerUiShowsTheWriteApi(Browser browser) {
		browser.open("/swagger-ui/index.html");

		browser.waitUntil("the operations to be listed", (driver) -> !driver.findElements(By.cssSelector(".opblock")).isEmpty());
		assertThat(browser.find(By.cssSelector(".swagger-ui")).getText()).contains("/api/listings/{id}/photos");
	}

}
