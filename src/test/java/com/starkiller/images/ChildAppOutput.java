package com.starkiller.images;

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The last lines a {@link ChildApp} wrote, printed when a test of it fails: its log, more often
 * than the assertion, says why. It is registered before the app starts, so it is given a way to
 * find the app rather than the app itself.
 */
public final class ChildAppOutput implements TestWatcher {

	private final Supplier<ChildApp> app;

	private final int lines;

	private ChildAppOutput(Supplier<ChildApp> app, int lines) {
		this.app = app;
		this.lines = lines;
	}

	public static ChildAppOutput printedOnFailure(Supplier<ChildApp> app) {
		return printedOnFailure(app, 100);
	}

	public static ChildAppOutput printedOnFailure(Supplier<ChildApp> app, int lines) {
		return new ChildAppOutput(app, lines);
	}

	@Override
	public void testFailed(ExtensionContext context, Throwable cause) {
		ChildApp started = this.app.get();
		if (started != null) {
			System.err.println(started.tail(this.lines));
		}
	}

}
