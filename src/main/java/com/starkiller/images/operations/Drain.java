package com.starkiller.images.operations;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a stopping instance open while the load balancer takes it out. As soon as the context
 * begins to close, Spring Boot turns readiness to refusing (the public {@code /readyz} answers 503)
 * and closes the management port (a balancer checking readiness there sees it refused): either
 * takes the instance out. This is the first lifecycle bean to stop, so the web server keeps
 * answering until no request (probes aside) has arrived for {@code quiet}, at most {@code drain}.
 * Then the server's graceful shutdown finishes what is in flight. Off when {@code drain} is zero
 * (a single instance has no balancer to wait for). Scheduled work has stopped by then: after
 * three seconds the near copies are no longer trusted and reads go to Redis, which is slower,
 * never stale.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class Drain extends OncePerRequestFilter implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(Drain.class);

	private final Settings settings;

	private volatile long lastRequest = System.nanoTime();

	private volatile boolean running;

	Drain(Settings settings) {
		this.settings = settings;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI();
		if (!path.equals("/readyz") && !path.equals("/livez")) {
			this.lastRequest = System.nanoTime();
		}
		chain.doFilter(request, response);
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		long drain = this.settings.drain().toNanos();
		if (drain <= 0) {
			return;
		}
		long quiet = this.settings.quiet().toNanos();
		long start = System.nanoTime();
		logger.info("Draining: readiness is down, serving until {} without requests (at most {})",
				this.settings.quiet(), this.settings.drain());
		try {
			// Quiet counts from the stop at the earliest: an instance idle before it still gives its
			// balancer the time to see readiness down.
			while (System.nanoTime() - latest(this.lastRequest, start) < quiet && System.nanoTime() - start < drain) {
				Thread.sleep(50);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		logger.info("Drained after {} ms", Duration.ofNanos(System.nanoTime() - start).toMillis());
	}

	private static long latest(long nanos, long otherNanos) {
		return (nanos - otherNanos > 0) ? nanos : otherNanos;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stopped first, before the web server's graceful shutdown. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

	/**
	 * {@code drain}: the longest a stopping instance waits for its balancer (zero: no wait);
	 * {@code quiet}: the time without requests that shows the balancer has taken it out, at least
	 * the balancer's time to see readiness down (checks every 0.5 s, two failures: 1 s).
	 */
	@Validated
	@ConfigurationProperties("starkiller.shutdown")
	record Settings(@DefaultValue("0s") @NotNull Duration drain, @DefaultValue("2s") @NotNull Duration quiet) {
	}

}
