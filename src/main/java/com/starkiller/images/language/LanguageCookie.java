package com.starkiller.images.language;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Remembers a switch ({@code ?lang=}) in a cookie, so the next pages come in that language without a
 * session. It runs before the kept pages: an answer that sets the cookie is rendered, never kept,
 * and a kept answer to {@code ?lang=} still remembers the switch. A partner's frame
 * ({@code /embed/}) takes {@code ?lang=} for itself and remembers nothing, and so do the htmx
 * requests its script sends with the frame's language (a fragment is no switch), and every answer
 * that is not a page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class LanguageCookie extends OncePerRequestFilter {

	private static final Duration KEPT_FOR = Duration.ofDays(365);

	/** The pages a switch is made on: the listing's routes, the photo tour and Save's list (not {@code /embed/}). */
	private static final List<String> PAGES = List.of("/listings/", "/images/", "/reviews/", "/saved");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// Not on images, assets, icons or the loader, which caches keep a year (a kept Set-Cookie
		// would switch every later visitor), nor on JSON, which has no language.
		String path = request.getRequestURI();
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
				|| request.getHeader("HX-Request") != null
				|| !(path.equals("/") || PAGES.stream().anyMatch(path::startsWith))
				|| (accept != null && accept.contains("json") && !accept.contains("html"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String asked = Languages.asked(request);
		if (asked != null && !asked.equals(Languages.cookie(request))) {
			ResponseCookie cookie = ResponseCookie.from(Languages.COOKIE, asked)
				.path("/")
				.sameSite("Lax")
				.httpOnly(true)
				.secure(request.isSecure())
				.maxAge(KEPT_FOR)
				.build();
			response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
		}
		chain.doFilter(request, response);
	}

}
