package com.starkiller.images.security;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.starkiller.images.web.ApiPaths;

/**
 * CSRF protection for the visitor's writes (Save) without a token, so that pages stay free of
 * sessions and cookies: a browser write must come from our own pages, as the Fetch Metadata
 * header {@code Sec-Fetch-Site} or else {@code Origin}/{@code Referer} tells (OWASP's
 * "verifying origin with standard headers"). The session cookie is also {@code SameSite=Lax}.
 * The bearer-token JSON API ({@link ApiPaths}) is not a browser session and is not checked here.
 */
@Component
class SameOriginWrites extends OncePerRequestFilter {

	private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return SAFE.contains(request.getMethod()) || ApiPaths.matches(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (fromOurPages(request)) {
			chain.doFilter(request, response);
		}
		else {
			response.sendError(HttpStatus.FORBIDDEN.value());
		}
	}

	static boolean fromOurPages(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null) {
			return site.equals("same-origin") || site.equals("none");
		}
		String source = (request.getHeader("Origin") != null) ? request.getHeader("Origin") : request.getHeader("Referer");
		if (source == null || source.equals("null")) {
			return false;
		}
		try {
			URI uri = URI.create(source);
			String host = request.getHeader("Host");
			String authority = (uri.getPort() == -1) ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
			return host != null && host.equalsIgnoreCase(authority);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
