package com.starkiller.images.saved;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Whether sessions can be read and written now, as far as this instance knows: after a failure,
 * Redis is not asked again for a couple of seconds, and Save answers 503 meanwhile.
 */
@Component
class SessionAvailability {

	static final String UNAVAILABLE = "Saved listings can't be changed right now; please try again in a moment.";

	private static final Logger log = LoggerFactory.getLogger(SessionAvailability.class);

	private static final long RETRY_AFTER_NANOS = TimeUnit.SECONDS.toNanos(2);

	private volatile long retryAt;

	private volatile boolean failing;

	boolean available() {
		return !this.failing || System.nanoTime() - this.retryAt >= 0;
	}

	void succeeded() {
		this.failing = false;
	}

	void failed(RuntimeException ex) {
		if (!this.failing) {
			log.warn("Sessions out of reach, pages show Save unsaved until Redis answers: {}", ex.toString());
		}
		this.retryAt = System.nanoTime() + RETRY_AFTER_NANOS;
		this.failing = true;
	}

}
