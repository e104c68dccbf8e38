package com.starkiller.images.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
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
		chain.doFilter(request, response);
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
