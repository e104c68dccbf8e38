package com.starkiller.images.operations;

import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request's id, in the log lines written while it is handled and in its answer's
 * {@code X-Request-Id}: the load balancer's, when it sent a sane one (at most 64 letters, digits
 * and {@code . _ : -}), else one made up here, so a visitor's header cannot forge or break a log
 * line. Runs first (beside the response time and security headers, which log nothing), and again
 * for the error dispatch, which Tomcat makes after the request's filters have returned.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIds extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	/** The MDC key, ECS's name for it: Boot's {@code ecs} format nests it as {@code http.request.id}. */
	static final String MDC_KEY = "http.request.id";

	private static final String ATTRIBUTE = RequestIds.class.getName();

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private static final HexFormat HEX = HexFormat.of();

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = (String) request.getAttribute(ATTRIBUTE);
		if (id == null) {
			id = accepted(request.getHeader(HEADER));
			request.setAttribute(ATTRIBUTE, id);
			response.setHeader(HEADER, id);
		}
		MDC.put(MDC_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

	static String accepted(String given) {
		return (given != null && SANE.matcher(given).matches()) ? given : madeUp();
	}

	/** 128 random bits in hex; no secret, so no SecureRandom on every request. */
	private static String madeUp() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
	}

}
