package com.starkiller.images.media;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import com.starkiller.images.web.Unavailable;

/**
 * The heap this instance lets decoding take, and how many images it decodes at once. A decode takes
 * its share before it starts and gives it back once its variants are encoded: one that would need
 * more than the whole budget is refused (413); one that finds the budget taken waits a moment, then
 * is answered 503 with {@code Retry-After}. Uploads at once queue or are turned away; the heap does
 * not run out.
 */
@Component
class DecodeBudget {

	private static final long KIB = 1024;

	private static final long MB = 1024 * 1024;

	private final long bytes;

	// Fair, so a large decode waiting first is not overtaken for ever by small ones.
	private final Semaphore kibibytes;

	private final Semaphore decodes;

	private final Duration wait;

	DecodeBudget(MediaProperties properties, MeterRegistry meters) {
		this.bytes = properties.decodeBytes();
		int budget = Math.toIntExact(Math.min(this.bytes / KIB, Integer.MAX_VALUE));
		this.kibibytes = new Semaphore(budget, true);
		int concurrent = properties.concurrentDecodes();
		this.decodes = new Semaphore(concurrent, true);
		this.wait = properties.decodeWait();
		Gauge.builder("starkiller.media.decodes.active", this.decodes, (slots) -> concurrent - slots.availablePermits())
			.description("Uploaded images being decoded now (at most starkiller.upload.concurrent-decodes)")
			.register(meters);
		Gauge.builder("starkiller.media.decode.memory", this.kibibytes, (free) -> (budget - free.availablePermits()) * KIB)
			.description("Heap taken by the decodes under way (at most starkiller.upload.decode-memory)")
			.baseUnit("bytes")
			.register(meters);
	}

	/** A share of {@code bytes}, to be closed when the decoded image is no longer needed. */
	Share take(long bytes) {
		if (bytes > this.bytes) {
			throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
					"Decoding this image would take about " + megabytes(bytes) + " MB of memory; this instance decodes "
							+ "images of at most " + megabytes(this.bytes) + " MB.");
		}
		int kibibytes = Math.toIntExact((bytes + KIB - 1) / KIB);
		long deadline = System.nanoTime() + this.wait.toNanos();
		boolean counted = false;
		try {
			counted = this.decodes.tryAcquire(this.wait.toNanos(), TimeUnit.NANOSECONDS);
			if (counted && this.kibibytes.tryAcquire(kibibytes, deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
				return new Share(kibibytes);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (counted) {
			this.decodes.release();
		}
		throw new Unavailable("Other images are being decoded; there is no memory to decode this one now.");
	}

	private static long megabytes(long bytes) {
		return (bytes + MB - 1) / MB;
	}

	/** A decode's share of the budget; closing it gives it back. */
	final class Share implements AutoCloseable {

		private final int kibibytes;

		private Share(int kibibytes) {
			this.kibibytes = kibibytes;
		}

		@Override
		public void close() {
			DecodeBudget.this.kibibytes.release(this.kibibytes);
			DecodeBudget.this.decodes.release();
		}

	}

}
