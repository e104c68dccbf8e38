package com.starkiller.images.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.ConcurrentLruCache;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.ResponseStatusException;

/**
 * A {@code Content-Type} that names no one type ({@code *}/{@code *}, {@code application/*}, or
 * no media type at all) is refused with 415 before anything reads it: Spring would fail on it
 * with a 500 where no handler matches the path. An {@code Accept} with an entry that is not a media
 * range is refused with 400 on every path: Spring answered it 406 where it negotiated, and a kept
 * page where it did not (a JSON client got HTML). The probes also refuse an empty entry, where the
 * actuator would throw on it (and log an error for each).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ContentTypeCheck extends OncePerRequestFilter {

	private static final Set<String> PROBES = Set.of("/livez", "/readyz");

	// Browsers send a handful of different headers; parsing one costs a media type per entry.
	private static final ConcurrentLruCache<String, Boolean> VERDICTS = new ConcurrentLruCache<>(256,
			ContentTypeCheck::parses);

	private static final ConcurrentLruCache<String, String> QUALITIES_APPLIED = new ConcurrentLruCache<>(256,
			ContentTypeCheck::applyQualities);

	/** Images, whose handler chooses WebP or JPEG from the header as sent. */
	private static final String MEDIA = "/media/";

	static final String NOT_MEDIA_RANGES = "An entry of the Accept header is not a media type such as text/html or "
			+ "application/json.";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		if (type != null && !isOneType(type)) {
			FilterErrors.send(request, response, new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"The Content-Type header must name one media type, such as application/json."));
			return;
		}
		for (Enumeration<String> lines = request.getHeaders("Accept"); lines.hasMoreElements();) {
			if (!isMediaRanges(lines.nextElement())) {
				FilterErrors.send(request, response, new BadRequest(NOT_MEDIA_RANGES));
				return;
			}
		}
		String accept = request.getHeader("Accept");
		if (accept != null && PROBES.contains(request.getRequestURI())
				&& Arrays.stream(accept.split(",", -1)).anyMatch(String::isBlank)) {
			FilterErrors.send(request, response, new BadRequest("An entry of the Accept header is not a media type: it is empty."));
			return;
		}
		HttpServletRequest negotiated = withQualitiesApplied(request, response);
		if (negotiated != null) {
			chain.doFilter(negotiated, response);
		}
	}

	/**
	 * The request with its {@code Accept} as Spring MVC should act on it: Spring 7 orders the
	 * ranges by specificity and takes one at quality 0 as acceptable, so
	 * {@code application/json;q=0} got JSON (and a write it should have refused). Here ranges at
	 * quality 0 are dropped and the rest ordered by quality, best first (in the client's order where equal; a type named
	 * at any quality above 0 still wins over a wildcard, as Spring MVC chooses). When the API's JSON
	 * is refused it answers 406 before any write; elsewhere, when nothing is left, the header is
	 * disregarded ({@code *}{@code /*}), except for images, whose handler reads WebP's refusal
	 * itself. Null when the answer is sent.
	 */
	private static HttpServletRequest withQualitiesApplied(HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Enumeration<String> lines = request.getHeaders("Accept");
		if (lines == null || !lines.hasMoreElements()) {
			return request;
		}
		String first = lines.nextElement();
		String accept = lines.hasMoreElements() ? first + ", " + String.join(", ", Collections.list(lines)) : first;
		if (!accept.contains("q=") && !accept.contains("Q=")) {
			return request;
		}
		if (ApiPaths.matches(request.getRequestURI()) && refusesJson(accept)) {
			FilterErrors.send(request, response, new ResponseStatusException(HttpStatus.NOT_ACCEPTABLE,
					"The Accept header refuses application/json (q=0), the one type the API answers in."));
			return null;
		}
		String kept = (accept.length() > 512) ? applyQualities(accept) : QUALITIES_APPLIED.get(accept);
		if (kept.equals(accept) || (kept.isEmpty() && request.getRequestURI().startsWith(MEDIA))) {
			return request;
		}
		// Every range refused: the header is disregarded (RFC 9110, 12.5.1), not handed on to
		// Spring MVC, which would take the refused type as the one asked for.
		String applied = kept.isEmpty() ? MediaType.ALL_VALUE : kept;
		return new HttpServletRequestWrapper(request) {
			@Override
			public String getHeader(String name) {
				return "Accept".equalsIgnoreCase(name) ? applied : super.getHeader(name);
			}

			@Override
			public Enumeration<String> getHeaders(String name) {
				return "Accept".equalsIgnoreCase(name) ? Collections.enumeration(List.of(applied))
						: super.getHeaders(name);
			}
		};
	}

	/**
	 * Whether the most specific range that matches JSON gives it quality 0 (RFC 9110, 12.5.1):
	 * {@code application/json;q=0, *}{@code /*} refuses JSON though {@code *}{@code /*} would take it.
	 */
	private static boolean refusesJson(String accept) {
		MediaType json = MediaType.APPLICATION_JSON;
		MediaType best = null;
		for (MediaType range : MediaType.parseMediaTypes(accept)) {
			if (range.includes(json) && (best == null || specificity(range) > specificity(best))) {
				best = range;
			}
		}
		return best != null && best.getQualityValue() <= 0;
	}

	private static int specificity(MediaType range) {
		return range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
	}

	/** The ranges above quality 0, best first; the header itself when nothing changes. */
	private static String applyQualities(String accept) {
		List<MediaType> ranges = MediaType.parseMediaTypes(accept);
		List<MediaType> kept = ranges.stream()
			.filter((range) -> range.getQualityValue() > 0)
			.sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
			.toList();
		return kept.equals(ranges) ? accept : MediaType.toString(kept);
	}

	/** Whether every entry of an {@code Accept} header parses; the verdict on the headers seen last is kept. */
	static boolean isMediaRanges(String accept) {
		return (accept.length() > 512) ? parses(accept) : VERDICTS.get(accept);
	}

	private static boolean parses(String accept) {
		try {
			MediaType.parseMediaTypes(accept);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static boolean isOneType(String type) {
		try {
			MediaType media = MediaType.parseMediaType(type);
			return !media.isWildcardType() && !media.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
