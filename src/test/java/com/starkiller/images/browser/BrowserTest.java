package com.starkiller.images.browser;

import org.junit.jupiter.api.extension.ExtendWith;

import com.starkiller.images.IntegrationTest;

/**
 * A test that uses the site in a real browser: the app as in every {@link IntegrationTest}, and a
 * fresh {@link Browser} for each test method that asks for one as a parameter.
 */
@ExtendWith(BrowserExtension.class)
public abstract class BrowserTest extends IntegrationTest {

}
