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
		assertThat(held).isNotNull().isNotSameAs(messages.resolveCode("photo.position", Locale.ENGLISH));
		// Spring formats under the monitor of what resolveCode gives: hold one as a preempted thread
		// would. Were it the copy Spring keeps, the other thread would wait for the test's lock.
		synchronized (held) {
			CompletableFuture<String> formatted = CompletableFuture
				.supplyAsync(() -> messages.getMessage("photo.position", arguments, Locale.ENGLISH));
			assertThat(formatted.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo("Photo 3 of 12");
		}
		assertThat(messages.getMessage("photo.position", arguments, Locale.GERMAN)).isEqualTo("Foto 3 von 12");
	}

	@Test
	void messagesWithChoicesAndNumbersFormatAsParsed() {
		InterfaceMessages messages = new InterfaceMessages();
		messages.setBasename("messages");
		messages.setFallbackToSystemLocale(false);
		assertThat(messages.getMessage("tour.place", new Object[] { "Lisbon", 1234 }, Locale.ENGLISH))
			.isEqualTo("Lisbon · 1,234 photos");
		assertThat(messages.getMessage("tour.place", new Object[] { "Lisbon", 1 }, Locale.ENGLISH))
			.isEqualTo("Lisbon · 1 photo");
		assertThat(messages.getMessage("tour.place", new Object[] { "Lisboa", 1234 }, Locale.GERMAN))
			.isEqualTo("Lisboa · 1.234 Fotos");
	}

	@Test
	void theCounterAndTheCaptionWriteTheirNumbersWithoutGroupingInEveryLanguage() {
		InterfaceMessages messages = new InterfaceMessages();
		messages.setBasename("messages");
		messages.setFallbackToSystemLocale(false);
		for (String tag : Languages.TAGS) {
			Locale locale = Languages.locale(tag);
			assertThat(messages.getMessage("photo.caption", new Object[] { 1000, 1234, "Pool" }, locale)).as(tag)
				.isEqualTo("1000/1234: Pool");
			assertThat(messages.getMessage("position", new Object[] { 1000, 1234 }, locale)).as(tag)
				.startsWith("1000 ")
				.endsWith(" 1234");
		}
		assertThat(messages.getMessage("position", new Object[] { 2, 40 }, Locale.ENGLISH)).isEqualTo("2 of 40");
	}

}
