package com.starkiller.images.language;

import java.util.List;
import java.util.Map;

/**
 * The switcher at the foot of every page: each language by its own name, linking to the same
 * address with {@code ?lang=}. The page's script keeps the address it has moved to since (htmx
 * pushes new ones without redrawing the foot).
 */
public record LanguageSwitch(String current, List<Choice> choices) {

	private static final Map<String, String> NAMES = Map.of("en", "English", "es", "Español", "fr", "Français",
			"de", "Deutsch", "ar", "العربية");

	public record Choice(String tag, String name, String href, boolean current) {
	}

	/** The switch from {@code current}, for the page at {@code path} with {@code query} (raw, or null). */
	static LanguageSwitch of(String current, String path, String query) {
		// Only a path of this site: "//host" would be another site's address.
		String here = (path.startsWith("/") && !path.startsWith("//")) ? path : "/";
		StringBuilder kept = new StringBuilder();
		if (query != null) {
			for (String pair : query.split("&")) {
				if (!pair.isEmpty() && !pair.startsWith(Languages.PARAMETER + "=") && !pair.equals(Languages.PARAMETER)) {
					kept.append(pair).append('&');
				}
			}
		}
		String base = here + "?" + kept + Languages.PARAMETER + "=";
		List<Choice> choices = Languages.TAGS.stream()
			.map((tag) -> new Choice(tag, NAMES.get(tag), base + tag, tag.equals(current)))
			.toList();
		return new LanguageSwitch(current, choices);
	}

}
