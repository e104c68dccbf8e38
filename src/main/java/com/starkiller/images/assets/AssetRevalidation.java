package com.starkiller.images.assets;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An asset is named by its content's hash, which is also the entity tag it is sent with
 * ({@code W/"hash"}): a client revalidating one it holds (as some browsers do on reload) gets 304
 * without the file being read. Spring's resource handler sends that tag but compares only the
 * modification date, and not at all once {@code If-None-Match} is present, so every such
 * revalidation got the whole file again.
 * <p>
 * It also gives a range only unconditionally: a weak tag or a date never validates a range
 * (RFC 9110, 13.1.5), so with {@code If-Range} the whole asset is sent, never a part of another;
 * and only in bytes: a range of another unit is ignored, where Spring answered 416.
 */
class AssetRevalidation extends OncePerRequestFilter {

	/** The content hash that frontend/build.mjs and the resource chain put before the extension. */
	private static final Pattern HASHED = Pattern.compile("-([0-9a-f]{32})\\.[a-z0-9]+$");

	private final String cacheControl;

	AssetRevalidation(String cacheControl) {
		this.cacheControl = cacheControl;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher hashed = HASHED.matcher(request.getRequestURI());
		String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
		if (read && hashed.find() && ifNoneMatch != null && names(ifNoneMatch, hashed.group(1))) {
			response.setHeader(HttpHeaders.ETAG, "W/\"" + hashed.group(1) + "\"");
			if (this.cacheControl != null) {
				response.setHeader(HttpHeaders.CACHE_CONTROL, this.cacheControl);
			}
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		String range = request.getHeader(HttpHeaders.RANGE);
		// A range of a unit other than bytes is ignored (RFC 9110, 14.2), as is one on a condition.
		boolean ignored = range != null && (request.getHeader(HttpHeaders.IF_RANGE) != null
				|| !range.regionMatches(true, 0, "bytes=", 0, "bytes=".length()));
		chain.doFilter(ignored ? new WithoutRange(request) : request, response);
	}

	/** Whether the header names this hash, weakly or strongly (If-None-Match compares weakly), or is {@code *}. */
	private static boolean names(String ifNoneMatch, String hash) {
		for (String tag : ifNoneMatch.split(",")) {
			String candidate = tag.strip();
			if (candidate.startsWith("W/")) {
				candidate = candidate.substring(2);
			}
			if (candidate.equals("*") || candidate.equals("\"" + hash + "\"")) {
				return true;
			}
		}
		return false;
	}

	private static final class WithoutRange extends HttpServletRequestWrapper {

		WithoutRange(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getHeader(String name) {
			return HttpHeaders.RANGE.equalsIgnoreCase(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return HttpHeaders.RANGE.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

	}

}
