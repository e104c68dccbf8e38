package com.starkiller.images.browser;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives each test a fresh {@link Browser} pointed at the app's random port, set up as the test's
 * {@link Phone} and {@link JavaScriptDisabled} annotations say, and quits it after the test. When
 * the test fails, what the browser showed is kept under {@code target/browser-failures/<TestClass>/}
 * as {@code <testName>.png}, {@code .html} and {@code .console.txt}. Every test also fails on any
 * Content-Security-Policy violation its pages caused.
 */
public final class BrowserExtension implements ParameterResolver, AfterTestExecutionCallback, AfterEachCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(BrowserExtension.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Browser.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getStore(NAMESPACE).computeIfAbsent(Browser.class, (key) -> start(context), Browser.class);
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		Browser browser = context.getStore(NAMESPACE).get(Browser.class, Browser.class);
		if (browser == null || context.getExecutionException().isEmpty()) {
			return;
		}
		try {
			Path saved = browser.saveEvidence(context.getRequiredTestClass().getSimpleName(), testName(context));
			System.err.println("What the browser showed: " + saved.toAbsolutePath() + ".{png,html,console.txt}");
		}
		catch (IOException | RuntimeException ex) {
			// The test's own failure is what matters; a browser that cannot take a picture must not hide it.
			context.getExecutionException().get().addSuppressed(ex);
		}
	}

	/** A test whose pages broke the Content-Security-Policy fails, however it otherwise went. */
	@Override
	public void afterEach(ExtensionContext context) {
		Browser browser = context.getStore(NAMESPACE).remove(Browser.class, Browser.class);
		if (browser == null) {
			return;
		}
		List<String> violations;
		try {
			boolean framingExpected = isAnnotated(context, RefusedFraming.class);
			violations = browser.securityPolicyViolations()
				.stream()
				.filter((violation) -> !(framingExpected && violation.contains("frame-ancestors")))
				.toList();
		}
		finally {
			browser.close();
		}
		if (!violations.isEmpty()) {
			throw new AssertionError("The pages broke their security headers:\n" + String.join("\n", violations));
		}
	}

	private static Browser start(ExtensionContext context) {
		String port = SpringExtension.getApplicationContext(context)
			.getEnvironment()
			.getRequiredProperty("local.server.port");
		BrowserOptions options = BrowserOptions.desktop();
		if (isAnnotated(context, Phone.class)) {
			options = options.phoneSized();
		}
		if (isAnnotated(context, JavaScriptDisabled.class)) {
			options = options.withoutJavaScript();
		}
		return Browser.start("http://127.0.0.1:" + port, options);
	}

	private static boolean isAnnotated(ExtensionContext context, Class<? extends Annotation> annotation) {
		return AnnotationSupport.isAnnotated(context.getRequiredTestMethod(), annotation)
				|| AnnotationSupport.isAnnotated(context.getRequiredTestClass(), annotation);
	}

	/** The method's name, plus the invocation for parameterized and repeated tests. */
	private static String testName(ExtensionContext context) {
		String method = context.getRequiredTestMethod().getName();
		String display = context.getDisplayName();
		return display.startsWith(method + "(") ? method : method + "-" + display.replaceAll("[^A-Za-z0-9._-]+", "_");
	}

}
