package com.starkiller.images.warmup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import com.starkiller.images.web.KeptPages;

/**
 * Tells the warm-up's requests from visitors': while a warm-up runs, its requests carry a random
 * token made for it, which no visitor can send. They are rendered like any miss but not kept as
 * pages, and the HTTP metrics leave them out ({@link WarmupConfiguration}). No token, no warm-up.
 */
class WarmupTraffic extends OncePerRequestFilter {

	static final String HEADER = "X-Starkiller-Warmup";

	private static final SecureRandom RANDOM = new SecureRandom();

	private volatile byte[] token;

	/** A new token, valid until {@link #close()}. */
	String open() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		String token = HexFormat.of().formatHex(bytes);
		this.token = token.getBytes(StandardCharsets.US_ASCII);
		return token;
	}

	void close() {
		this.token = null;
	}

	boolean sentBy(HttpServletRequest request) {
		byte[] expected = this.token;
		String given = (expected != null) ? request.getHeader(HEADER) : null;
		return given != null && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII));
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.token == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (sentBy(request)) {
			KeptPages.passThrough(request);
		}
		chain.doFilter(request, response);
	}

}
