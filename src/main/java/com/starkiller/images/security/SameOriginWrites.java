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
import org.springframework.web.server.ResponseStatusException;

import com.starkiller.images.web.ApiPaths;
import com.starkiller.images.web.FilterErrors;
import com.starkiller.images.web.PublicUrl;

/**
 * CSRF protection for the visitor's writes (Save) without a token, so that pages stay free of
 * sessions and cookies: a browser write must come from our own pages, as the Fetch Metadata
 * header {@code Sec-Fetch-Site} or else {@code Origin}/{@code Referer} tells (OWASP's
 * "verifying origin with standard headers"). The session cookie is also {@code SameSite=Lax}.
 * The origin compared is the whole of it, scheme, host and port: the configured public URL's, or
 * else the request's as Tomcat read it behind the trusted proxies (a proxy that rewrites {@code Host}
 * needs the public URL). The bearer-token JSON API ({@link ApiPaths}) is not a browser session and
 * is not checked here.
 */
@Component
class SameOriginWrites extends OncePerRequestFilter {

	private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final PublicUrl publicUrl;

	SameOriginWrites(PublicUrl publicUrl) {
		this.publicUrl = publicUrl;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return SAFE.contains(request.getMethod()) || ApiPaths.matches(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (fromOurPages(request, this.publicUrl.origin(request))) {
			chain.doFilter(request, response);
		}
		else {
			FilterErrors.send(request, response, new ResponseStatusException(HttpStatus.FORBIDDEN,
					"A change is taken only from this site's own pages, and this request came from elsewhere."));
		}
	}

	static boolean fromOurPages(HttpServletRequest request, String ourOrigin) {
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null) {
			// "none" (typed, a bookmark) came from no page at all, and same-site from a sibling: neither is ours.
			return site.equals("same-origin");
		}
		String source = (request.getHeader("Origin") != null) ? request.getHeader("Origin") : request.getHeader("Referer");
		if (source == null || source.equals("null")) {
			return false;
		}
		try {
			URI uri = URI.create(source);
			if (uri.getScheme() == null || uri.getHost() == null) {
				return false;
			}
			return PublicUrl.origin(uri.getScheme(), uri.getHost(), uri.getPort()).equals(ourOrigin);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
