package com.starkiller.images.operations;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;

import com.starkiller.images.web.Unavailable;

/**
 * Requests stop waiting on a MongoDB that does not answer. An operation that cannot reach it holds
 * its request thread for up to {@code starkiller.mongo.timeout}, and with a few request threads per
 * core ({@link RequestThreads}) a handful of such requests would leave none for the cached pages.
 * Once MongoDB has failed at least {@value #FAILURES_TO_OPEN} operations in a row over twice that
 * timeout, with no answer between them, the breaker opens: MongoDB work is refused at once (503
 * with Retry-After, as after a timeout), except one operation at a time, which tries MongoDB
 * again; as soon as it has failed, the next one tries. So while MongoDB is away one request thread
 * waits on it, and the moment it answers, that answer closes the breaker. A stall shorter than that
 * (a busy server, a pause of this JVM) opens nothing: its timeouts come together, and the next
 * answer starts the count anew.
 */
class MongoCircuitBreaker implements CommandListener {

	/** Operations refused without trying MongoDB while the breaker was open. */
	static final String REFUSED = "starkiller.mongo.refused";

	static final int FAILURES_TO_OPEN = 3;

	private static final Logger log = LoggerFactory.getLogger(MongoCircuitBreaker.class);

	private static final long NOT_FAILING = Long.MIN_VALUE;

	private final AtomicInteger failuresInARow = new AtomicInteger();

	/** When the failures in a row began, or {@link #NOT_FAILING}. */
	private final AtomicLong failingSince = new AtomicLong(NOT_FAILING);

	/**
	 * Twice the timeout: how long failures in a row must last to open the breaker, and the longest a
	 * try may take before another may start, should its end never be reported (an operation that
	 * fails for another reason, or sends no command).
	 */
	private final long twiceTheTimeout;

	/** When the next try may start: at once after a try has failed, or once {@link #twiceTheTimeout} has passed. */
	private final AtomicLong nextTry = new AtomicLong();

	private final LongSupplier nanoClock;

	private final Counter refused;

	private volatile boolean open;

	MongoCircuitBreaker(LongSupplier nanoClock, Duration timeout, MeterRegistry meters) {
		this.nanoClock = nanoClock;
		this.twiceTheTimeout = timeout.multipliedBy(2).toNanos();
		this.refused = meters.counter(REFUSED);
	}

	/** Refuses MongoDB work while the breaker is open, but lets one caller at a time through to try. */
	void check() {
		if (!this.open) {
			return;
		}
		long now = this.nanoClock.getAsLong();
		long next = this.nextTry.get();
		if (now - next >= 0 && this.nextTry.compareAndSet(next, now + this.twiceTheTimeout)) {
			return;
		}
		this.refused.increment();
		throw new Refused();
	}

	boolean isOpen() {
		return this.open;
	}

	/** An operation failed; it counts when it failed for want of MongoDB (a timeout, a lost connection). */
	void recordFailure(Throwable failure) {
		if (failure instanceof Refused || !Unavailable.databaseOutOfReach(failure)) {
			return;
		}
		if (this.open) {
			// Only a try reaches MongoDB while open (or work begun before): the next caller tries anew.
			tryFailed();
			return;
		}
		long now = this.nanoClock.getAsLong();
		this.failingSince.compareAndSet(NOT_FAILING, now);
		int failures = this.failuresInARow.incrementAndGet();
		long since = this.failingSince.get();
		if (failures >= FAILURES_TO_OPEN && since != NOT_FAILING && now - since >= this.twiceTheTimeout) {
			synchronized (this) {
				if (!this.open) {
					this.nextTry.set(now);
					this.open = true;
					log.warn("MongoDB failed {} operations in a row over {} ms: refusing MongoDB work at once, "
							+ "but for one operation at a time that tries it, until it answers ({})", failures,
							TimeUnit.NANOSECONDS.toMillis(now - since), failure.toString());
				}
			}
		}
	}

	/**
	 * A command MongoDB did not answer: while open, the next caller may try at once. (Failures that
	 * reach no exception translator, from work on the driver's own API, end a try here.)
	 */
	@Override
	public void commandFailed(CommandFailedEvent event) {
		if (this.open && Unavailable.databaseOutOfReach(event.getThrowable())) {
			tryFailed();
		}
	}

	private void tryFailed() {
		this.nextTry.set(this.nanoClock.getAsLong());
	}

	@Override
	public void commandSucceeded(CommandSucceededEvent event) {
		// Read before writing: every command passes here, and a write to a shared line on each would cost.
		if (this.failuresInARow.get() != 0) {
			this.failuresInARow.set(0);
			this.failingSince.set(NOT_FAILING);
		}
		if (this.open) {
			synchronized (this) {
				if (this.open) {
					this.open = false;
					log.info("MongoDB answers again: requests go to it as before");
				}
			}
		}
	}

	/** MongoDB work refused while the breaker is open: answered as MongoDB out of reach. */
	static final class Refused extends DataAccessResourceFailureException {

		Refused() {
			super("MongoDB is not answering: refused without waiting (circuit breaker open)");
		}

	}

}
