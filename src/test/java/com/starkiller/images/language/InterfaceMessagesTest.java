package com.starkiller.images.language;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Formatting a message never waits for another thread formatting the same one. */
class InterfaceMessagesTest {

	/** Far beyond what a format takes; reached only if the format waits for the test's lock. */
	private static final Duration BOUND = Duration.ofSeconds(30);

	@Test
	void aMessageIsFormattedWhileAnotherThreadHoldsItsParsedForm() throws Exception {
		InterfaceMessages messages = new InterfaceMessages();
		messages.setBasename("messages");
		messages.setFallbackToSystemLocale(false);
		Object[] arguments = { 3, 12 };
		MessageFormat held = messages.resolveCode("photo.position", Locale.ENGLISH);
		assertThat(held).isNotNull();
		// Spring formats under the parsed message's monitor: hold it as a preempted thread would.
		synchronized (held) {
			CompletableFuture<String> formatted = CompletableFuture
				.supplyAsync(() -> messages.getMessage("photo.position", arguments, Locale.ENGLISH));
			assertThat(formatted.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo("Photo 3 of 12");
		}
		assertThat(messages.getMessage("photo.position", arguments, Locale.GERMAN)).isNotEqualTo("Photo 3 of 12")
			.contains("3", "12");
	}

}
