package com.starkiller.images.cache;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stalls of this whole JVM (a stop-the-world collection, the process stopped, a host starved of
 * CPU), seen as jHiccup sees them: a thread sleeps {@value #TICK_MILLIS} ms at a time and measures
 * how late it wakes. Nothing runs during a stall, so a Redis command that waited across one can
 * time out though Redis answered in time: its answer sat unread in the socket.
 */
class JvmPauses implements AutoCloseable {

	/** Stalls at least the threshold long, with their length. */
	static final String PAUSES = "starkiller.jvm.pauses";

	private static final long TICK_MILLIS = 10;

	private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);

	private static final Logger log = LoggerFactory.getLogger(JvmPauses.class);

	private final long thresholdNanos;

	private final Timer pauses;

	private final Thread sleeper = new Thread(this::run, "jvm-pauses");

	private volatile boolean running;

	/** When the sleeping thread last woke (System.nanoTime). */
	private volatile long lastTick;

	/** When the last stall it saw ended; written before {@link #lastTick}, read after it. */
	private volatile long lastPauseEnd;

	private volatile boolean paused;

	JvmPauses(Duration threshold, MeterRegistry meters) {
		this.thresholdNanos = threshold.toNanos();
		this.pauses = Timer.builder(PAUSES)
			.description("Stalls of the whole JVM (a collection, the process stopped) long enough to time a Redis command out")
			.register(meters);
		this.sleeper.setDaemon(true);
	}

	void start() {
		watchFrom(System.nanoTime());
		this.sleeper.start();
	}

	/** Stalls count from {@code now} on (a test ticks by hand, with times of its own). */
	void watchFrom(long now) {
		this.lastTick = now;
		this.running = true;
	}

	boolean stalledWithin(Duration window) {
		return stalledWithin(window, System.nanoTime());
	}

	/**
	 * Whether the JVM stalled within the {@code window} before {@code now}, or is coming out of a
	 * stall the sleeping thread has not woken from yet (the caller may run first after one).
	 */
	boolean stalledWithin(Duration window, long now) {
		if (!this.running) {
			return false;
		}
		if (now - this.lastTick - TICK_NANOS >= this.thresholdNanos) {
			return true;
		}
		return this.paused && now - this.lastPauseEnd <= window.toNanos();
	}

	/** The sleeping thread woke at {@code now}. */
	void tick(long now) {
		long late = now - this.lastTick - TICK_NANOS;
		if (late >= this.thresholdNanos) {
			this.lastPauseEnd = now;
			this.paused = true;
			this.pauses.record(late, TimeUnit.NANOSECONDS);
			log.debug("This JVM stalled for {} ms", TimeUnit.NANOSECONDS.toMillis(late));
		}
		this.lastTick = now;
	}

	private void run() {
		while (this.running) {
			try {
				Thread.sleep(TICK_MILLIS);
			}
			catch (InterruptedException ex) {
				return;
			}
			tick(System.nanoTime());
		}
	}

	@Override
	public void close() {
		this.running = false;
		this.sleeper.interrupt();
	}

}
