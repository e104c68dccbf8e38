package com.starkiller.images.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request whose bearer token matches. Their SHA-256 digests are compared, in
 * constant time, so neither the time taken nor an early exit tells anything of the token's length
 * or content.
 */
final class BearerToken extends OncePerRequestFilter {

	static final String WRITER = "WRITER";

	/** Set on a request whose token matched: its body may be read to the end ({@link RefusedBodies}). */
	static final String AUTHENTICATED = BearerToken.class.getName() + ".authenticated";

	private static final String PREFIX = "Bearer ";

	private final byte[] token;

	BearerToken(String token) {
		this.token = sha256(token);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		// The scheme's name is case-insensitive (RFC 9110, 11.1): "bearer" is Bearer too.
		if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) && MessageDigest
			.isEqual(sha256(header.substring(PREFIX.length()).strip()), this.token)) {
			request.setAttribute(AUTHENTICATED, Boolean.TRUE);
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("api", null,
						List.of(new SimpleGrantedAuthority("ROLE_" + WRITER))));
		}
		chain.doFilter(request, response);
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
