package com.starkiller.images.language;

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

	/** Longer headers are no browser's: they get the default rather than cost a parse. */
	private static final int MAX_ACCEPT_LANGUAGE = 256;

	private static final String RESOLVED = Languages.class.getName() + ".resolved";

	private static final int MAX_ACCEPTED = 4096;

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
		if (header == null || header.isBlank() || header.length() > MAX_ACCEPT_LANGUAGE) {
			return DEFAULT;
		}
		// Browsers send a few headers over and over: each is parsed once (and the first few
		// thousand kept), not on every request for a kept page.
		String known = ACCEPTED.get(header);
		if (known != null) {
			return known;
		}
		String tag = lookup(header);
		if (ACCEPTED.size() < MAX_ACCEPTED) {
			ACCEPTED.put(header, tag);
		}
		return tag;
	}

	private static String lookup(String header) {
		try {
			String best = Locale.lookupTag(Locale.LanguageRange.parse(header), TAGS);
			return (best != null) ? best : DEFAULT;
		}
		catch (IllegalArgumentException ex) {
			return DEFAULT;
		}
	}

	private static String supported(String tag) {
		return (tag != null && TAGS.contains(tag)) ? tag : null;
	}

}
