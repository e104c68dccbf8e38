package com.starkiller.images.language;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.starkiller.images.listing.RoomKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every language says everything English says, in messages that parse, with the same arguments;
 * and every message a template names exists.
 */
class MessageBundlesTest {

	static final java.util.List<String> TRANSLATIONS = Languages.TAGS.stream().filter((tag) -> !tag.equals("en")).toList();

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

	/** {@code #{key}}, {@code #{key(...)}} and {@code #messages.msg('key'...)} in a template. */
	private static final Pattern NAMED = Pattern.compile("#\\{([a-zA-Z0-9._-]+)|#messages\\.msg\\('([a-zA-Z0-9._-]+)'");

	@ParameterizedTest
	@FieldSource("TRANSLATIONS")
	void everyLanguageHasEveryEnglishMessageWithTheSameArguments(String tag) throws IOException {
		Properties english = bundle("messages.properties");
		Properties translated = bundle("messages_" + tag + ".properties");

		Set<String> englishKeys = new TreeSet<>(english.stringPropertyNames());
		Set<String> translatedKeys = new TreeSet<>(translated.stringPropertyNames());
		// Only the error pages' titles and details are the translations' own: English shows the
		// problem's own title and its specific detail.
		translatedKeys.removeIf((key) -> key.startsWith("error.title.") || key.startsWith("error.detail."));
		assertThat(translatedKeys).isEqualTo(englishKeys);
		for (String key : englishKeys) {
			assertThat(arguments(translated.getProperty(key))).as(tag + " " + key)
				.isEqualTo(arguments(english.getProperty(key)));
		}
	}

	/**
	 * Found by review: 416 (a range past an image's end) and 417 (an Expect we do not meet) came
	 * in English on every other language's error page. The statuses the site answers with a page.
	 */
	@ParameterizedTest
	@FieldSource("TRANSLATIONS")
	void everyLanguageExplainsEveryErrorTheSiteAnswers(String tag) throws IOException {
		Properties translated = bundle("messages_" + tag + ".properties");
		for (int status : new int[] { 400, 401, 403, 404, 405, 406, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417,
				422, 429, 431, 500, 501, 502, 503, 504, 505 }) {
			assertThat(translated.getProperty("error.title." + status)).as(tag + " " + status).isNotBlank();
			assertThat(translated.getProperty("error.detail." + status)).as(tag + " " + status).isNotBlank();
		}
	}

	@ParameterizedTest
	@FieldSource("com.starkiller.images.language.Languages#TAGS")
	void everyMessageParses(String tag) throws IOException {
		Properties messages = bundle(tag.equals("en") ? "messages.properties" : "messages_" + tag + ".properties");
		for (String key : messages.stringPropertyNames()) {
			String text = messages.getProperty(key);
			assertThat(text).as(tag + " " + key).isNotBlank();
			if (ARGUMENT.matcher(text).find()) {
				// An apostrophe in a message with arguments starts a quote: a translation must write '' (or ’).
				MessageFormat format = new MessageFormat(text, Languages.locale(tag));
				assertThat(format.toPattern()).as(tag + " " + key).isNotEmpty();
				assertThat(text.replace("''", "")).as(tag + " " + key + " has a lone apostrophe").doesNotContain("'");
			}
		}
	}

	@Test
	void everyMessageATemplateNamesExists() throws IOException {
		Properties english = bundle("messages.properties");
		Set<String> named = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter((path) -> path.toString().endsWith(".html")).toList()) {
				Matcher matcher = NAMED.matcher(Files.readString(template));
				while (matcher.find()) {
					named.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
				}
			}
		}
		assertThat(named).hasSizeGreaterThan(50);
		assertThat(english.stringPropertyNames()).containsAll(named);
	}

	@Test
	void everyRoomHasAName() throws IOException {
		Properties english = bundle("messages.properties");
		for (RoomKind kind : RoomKind.values()) {
			assertThat(english.getProperty("room." + kind.name())).as(kind.name()).isEqualTo(kind.label());
		}
	}

	private static Set<String> arguments(String text) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = ARGUMENT.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	private static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
