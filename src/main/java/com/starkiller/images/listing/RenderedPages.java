package com.starkiller.images.listing;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.starkiller.images.system.NotFound;
import com.starkiller.images.system.StarkillerProperties;

/**
 * Rendered pages, fragments and JSON answers of a listing, kept in memory (bounded in bytes) and
 * served without templating. The key carries the listing's current version (one lookup, answered
 * by the near cache when hot), so a write anywhere makes every instance render afresh: nothing
 * here needs invalidating. Visitors with a session (their Save state is on the page) are always
 * rendered. Each answer has a strong ETag; a match gets 304. It runs first among the filters, so
 * a page served from memory costs no session, security or observation work; the headers that the
 * rest of the chain gave the first answer are replayed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RenderedPages extends OncePerRequestFilter {

	/** Headers of the first answer that are not replayed: set per answer, or by this filter. */
	private static final Set<String> NOT_REPLAYED = Set.of("content-length", "content-type", "date", "etag",
			"cache-control", "x-response-time", "transfer-encoding", "connection", "keep-alive", "set-cookie");

	private static final Pattern ROUTE = Pattern
		.compile("/(listings|images|reviews|embed/listings)/(\\d{1,18})");

	private static final Pattern QUERY = Pattern.compile("(index=[1-9]\\d{0,8}|reviews=[01])?");

	private final ListingService listings;

	private final String sessionCookie;

	private final Cache<String, Rendered> rendered;

	private final Counter hits;

	private final Counter misses;

	RenderedPages(ListingService listings, StarkillerProperties properties, MeterRegistry meters,
			@Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie) {
		this.listings = listings;
		this.sessionCookie = sessionCookie;
		this.hits = meters.counter("starkiller.rendered.requests", "result", "hit");
		this.misses = meters.counter("starkiller.rendered.requests", "result", "miss");
		this.rendered = Caffeine.newBuilder()
			.maximumWeight(properties.cache().renderedBytes().toBytes())
			.<String, Rendered>weigher((key, page) -> key.length() + page.body().length + 128)
			.build();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) || !ROUTE.matcher(request.getRequestURI()).matches()
				|| hasSession(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = key(request);
		if (key == null) {
			chain.doFilter(request, response);
			return;
		}
		Rendered page = this.rendered.getIfPresent(key);
		if (page == null) {
			this.misses.increment();
			render(key, request, response, chain);
			return;
		}
		this.hits.increment();
		page.headers().forEach((header) -> response.addHeader(header[0], header[1]));
		response.setHeader("ETag", page.etag());
		response.setHeader("Cache-Control", "no-cache");
		String ifNoneMatch = request.getHeader("If-None-Match");
		if (ifNoneMatch != null && ifNoneMatch.contains(page.etag())) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setContentType(page.contentType());
		response.setContentLength(page.body().length);
		response.getOutputStream().write(page.body());
	}

	/** Renders through the whole chain, and keeps the answer when nothing in it is the visitor's. */
	private void render(String key, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, capture);
		if (capture.getStatus() == 200 && !capture.containsHeader("Set-Cookie")) {
			List<String[]> headers = new ArrayList<>();
			// Tomcat names a header once per value; each name is taken once, with all its values.
			for (String name : new LinkedHashSet<>(capture.getHeaderNames())) {
				if (!NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT))) {
					capture.getHeaders(name).forEach((value) -> headers.add(new String[] { name, value }));
				}
			}
			Rendered page = new Rendered(capture.getContentAsByteArray(), capture.getContentType(), headers);
			this.rendered.put(key, page);
			response.setHeader("ETag", page.etag());
			response.setHeader("Cache-Control", "no-cache");
		}
		capture.copyBodyToResponse();
	}

	/** What the answer depends on, or null when this request is not one we keep. */
	private String key(HttpServletRequest request) {
		String query = (request.getQueryString() != null) ? request.getQueryString() : "";
		Matcher route = ROUTE.matcher(request.getRequestURI());
		if (!QUERY.matcher(query).matches() || !route.matches()) {
			return null;
		}
		long version;
		try {
			version = this.listings.get(Long.parseLong(route.group(2))).version();
		}
		catch (NotFound missing) {
			return null;
		}
		boolean fragment = "true".equals(request.getHeader("HX-Request"))
				&& request.getHeader("HX-History-Restore-Request") == null;
		// Everything the answer varies on: the Host (absolute links), HX-Request and Accept.
		return (fragment ? "fragment " : "page ") + request.getHeader("Host") + request.getRequestURI() + "?" + query
				+ " v" + version + " " + request.getHeader("Accept");
	}

	private boolean hasSession(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (cookie.getName().equals(this.sessionCookie)) {
					return true;
				}
			}
		}
		return false;
	}

	private record Rendered(byte[] body, String contentType, List<String[]> headers, String etag) {

		Rendered(byte[] body, String contentType, List<String[]> headers) {
			this(body, contentType, List.copyOf(headers), "\"" + sha256(body).substring(0, 32) + "\"");
		}

		private static String sha256(byte[] body) {
			try {
				return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
