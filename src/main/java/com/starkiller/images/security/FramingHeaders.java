package com.starkiller.images.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may frame what: only {@code /embed/**}, and only by the configured origins (CSP
 * {@code frame-ancestors}); every other page only by the site itself, so it cannot be clickjacked.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class FramingHeaders extends OncePerRequestFilter {

	private final String embedAncestors;

	FramingHeaders(SecurityProperties properties) {
		this.embedAncestors = "frame-ancestors " + properties.embed().frameAncestors();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getRequestURI().startsWith("/embed/")) {
			response.setHeader("Content-Security-Policy", this.embedAncestors);
		}
		else {
			response.setHeader("Content-Security-Policy", "frame-ancestors 'self'");
			response.setHeader("X-Frame-Options", "SAMEORIGIN");
		}
		chain.doFilter(request, response);
	}

}
