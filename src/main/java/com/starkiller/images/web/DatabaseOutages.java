package com.starkiller.images.web;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * MongoDB out of reach, wherever below this filter a request met it (a controller, or a filter
 * that looks up a listing's version), is answered 503 through the error page here, and logged
 * as one line at most every ten seconds. Left to the container, every such request logged a
 * stack trace of some 150 lines: thousands a second under load, when an operator most needs to
 * read the log.
 */
// Inside the request observation (+ 2), so the metrics count these answers as the 503s they are,
// not as the 500 the observation records for an exception; outside the kept pages (+ 4).
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class DatabaseOutages extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutages.class);

	private static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

	private final AtomicLong unanswered = new AtomicLong();

	private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException ex) {
			if (!Unavailable.databaseOutOfReach(ex) || response.isCommitted()) {
				throw ex;
			}
			report(ex);
			FilterErrors.send(request, response, Unavailable.database());
		}
	}

	private void report(Exception ex) {
		long count = this.unanswered.incrementAndGet();
		long now = System.nanoTime();
		long last = this.lastLogged.get();
		if (now - last >= LOG_INTERVAL_NANOS && this.lastLogged.compareAndSet(last, now)) {
			this.unanswered.addAndGet(-count);
			log.warn("MongoDB is not answering: {} request(s) answered 503 since the last such line ({})", count,
					rootCause(ex));
		}
	}

	private static String rootCause(Throwable error) {
		Throwable cause = error;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

}
