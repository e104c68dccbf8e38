package com.starkiller.images.language;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The languages the site speaks, and the one a request is answered in: the {@code ?lang=} it names,
 * else (for htmx's requests) the language of the page asking, else the one the visitor chose before (a cookie, so no session is needed and a kept page has one
 * form per language), else the first of theirs in {@code Accept-Language} that we have, else English.
 */
public final class Languages {

	/** In the switcher's order. */
	public static final List<String> TAGS = List.of("en", "es", "fr", "de", "ar");

	public static final String DEFAULT = "en";

	/** The query parameter that switches: {@code ?lang=es}. */
	public static final String PARAMETER = "lang";

	static final String COOKIE = "STARKILLER_LANG";

	/**
	 * The page's language, which listing.js sends with each htmx request: a fragment comes in the
	 * language of the page it goes into, even after another tab has switched the cookie.
	 */
	public static final String HEADER = "Starkiller-Language";

	/** An {@code Accept-Language} is read up to its last whole range within this many characters. */
	private static final int MAX_ACCEPT_LANGUAGE = 256;

	private static final String RESOLVED = Languages.class.getName() + ".resolved";

	private static final int MAX_ACCEPTED = 4096;

	/** The longest language tag read (BCP 47 allows long ones; ours are two letters and a region). */
	private static final int MAX_TAG = 35;

	private static final Map<String, String> ACCEPTED = new ConcurrentHashMap<>();

	private Languages() {
	}

	/** The language {@code request} is answered in, one of {@link #TAGS}. */
	public static String of(HttpServletRequest request) {
		Object resolved = request.getAttribute(RESOLVED);
		if (resolved instanceof String tag) {
			return tag;
		}
		String tag = asked(request);
		if (tag == null) {
			tag = supported(request.getHeader(HEADER));
		}
		if (tag == null) {
			tag = supported(cookie(request));
		}
		if (tag == null) {
			tag = accepted(request.getHeader("Accept-Language"));
		}
		request.setAttribute(RESOLVED, tag);
		return tag;
	}

	/** The locale texts, numbers and dates are written in for a tag of {@link #TAGS}. */
	public static Locale locale(String tag) {
		// Arabic with the digits CLDR now gives it by default (JDK 17 still gives Arabic-Indic ones):
		// the same page on every JDK.
		return "ar".equals(tag) ? Locale.forLanguageTag("ar-u-nu-latn") : Locale.forLanguageTag(tag);
	}

	/** The {@code ?lang=} of the query when it names a language we have, else null. */
	static String asked(HttpServletRequest request) {
		String query = request.getQueryString();
		if (query == null || !query.contains(PARAMETER + "=")) {
			return null;
		}
		for (String pair : query.split("&")) {
			if (pair.startsWith(PARAMETER + "=")) {
				return supported(pair.substring(PARAMETER.length() + 1));
			}
		}
		return null;
	}

	static String cookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName())) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

	/** The best language of ours that the header names, weights considered; the default if none. */
	static String accepted(String header) {
		if (header == null || header.isBlank()) {
			return DEFAULT;
		}
		// Browsers send a few headers over and over: each is parsed once (and the first few
		// thousand kept), not on every request for a kept page.
		String known = ACCEPTED.get(header);
		if (known != null) {
			return known;
		}
		String tag = lookup(header);
		if (ACCEPTED.size() < MAX_ACCEPTED && header.length() <= MAX_ACCEPT_LANGUAGE) {
			ACCEPTED.put(header, tag);
		}
		return tag;
	}

	private static String lookup(String header) {
		// A long list is read up to its last whole range within the limit (browsers put the
		// languages a visitor prefers first).
		String ranges = header.replace('_', '-');
		if (ranges.length() > MAX_ACCEPT_LANGUAGE) {
			int end = ranges.lastIndexOf(',', MAX_ACCEPT_LANGUAGE);
			ranges = (end > 0) ? ranges.substring(0, end) : "";
		}
		List<Locale.LanguageRange> parsed = new ArrayList<>();
		try {
			parsed.addAll(Locale.LanguageRange.parse(ranges));
		}
		catch (IllegalArgumentException malformed) {
			// One range that does not parse (a weight of "abc" or 1.5) costs only itself.
			for (String range : ranges.split(",")) {
				try {
					parsed.addAll(Locale.LanguageRange.parse(range));
				}
				catch (IllegalArgumentException skipped) {
					// the next one
				}
			}
			parsed.sort(Comparator.comparingDouble(Locale.LanguageRange::getWeight).reversed());
		}
		String best = Locale.lookupTag(parsed, TAGS);
		return (best != null) ? best : DEFAULT;
	}

	/**
	 * One of {@link #TAGS} for a tag as a visitor or a partner may write it: in any case, with a
	 * region or script ({@code fr-CA}, {@code ES}); null where we do not have its language.
	 */
	private static String supported(String tag) {
		if (tag == null || tag.isEmpty() || tag.length() > MAX_TAG) {
			return null;
		}
		int end = 0;
		while (end < tag.length() && tag.charAt(end) != '-' && tag.charAt(end) != '_') {
			end++;
		}
		String language = tag.substring(0, end).toLowerCase(Locale.ROOT);
		return TAGS.contains(language) ? language : null;
	}

}
