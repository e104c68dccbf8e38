package com.starkiller.images.web;

/**
 * The JSON API's paths: {@code /api/**} and the original's {@code POST /insert}. Their errors are
 * always problem details, writes there need the bearer token, and they are not a browser session.
 */
public final class ApiPaths {

	private static final String PREFIX = "/api/";

	private static final String INSERT = "/insert";

	/** For request matchers. */
	public static final String[] PATTERNS = { PREFIX + "**", INSERT };

	private ApiPaths() {
	}

	public static boolean matches(String path) {
		return path.startsWith(PREFIX) || path.equals(INSERT);
	}

}
