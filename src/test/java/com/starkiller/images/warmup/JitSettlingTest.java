package com.starkiller.images.warmup;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The JIT counts as settled once a whole window passed with its compilers mostly idle. */
class JitSettlingTest {

	private static final long SECOND = Duration.ofSeconds(1).toNanos();

	private final AtomicLong compiledMillis = new AtomicLong();

	private final JitSettling jit = new JitSettling(this.compiledMillis::get, 0.1, Duration.ofSeconds(5));

	@Test
	void notBeforeAWholeWindowHasPassed() {
		for (int second = 0; second < 5; second++) {
			assertThat(this.jit.settled(second * SECOND)).isFalse();
		}
		assertThat(this.jit.lastShare()).isNaN();
		assertThat(this.jit.settled(5 * SECOND)).isTrue();
		assertThat(this.jit.lastShare()).isZero();
	}

	@Test
	void busyCompilersAreNotSettledAndQuietOnesAreOnceTheBusySecondsLeaveTheWindow() {
		long second = 0;
		// Two compiler threads, each busy half the time: a share of 1.0.
		for (; second <= 10; second++) {
			assertThat(this.jit.settled(second * SECOND)).isFalse();
			this.compiledMillis.addAndGet(1000);
		}
		assertThat(this.jit.lastShare()).isCloseTo(1.0, within(0.01));
		// Quiet from here on: the busy seconds still in the window keep it unsettled, then it settles.
		int unsettled = 0;
		while (!this.jit.settled(second * SECOND)) {
			unsettled++;
			second++;
		}
		assertThat(unsettled).isEqualTo(5);
		assertThat(this.jit.lastShare()).isCloseTo(0.0, within(0.01));
	}

	@Test
	void aShareJustUnderTheThresholdSettlesAndOneAtItDoesNot() {
		for (int second = 0; second <= 5; second++) {
			this.jit.settled(second * SECOND);
			this.compiledMillis.addAndGet(99);
		}
		assertThat(this.jit.settled(6 * SECOND)).isTrue();
		assertThat(this.jit.lastShare()).isCloseTo(0.099, within(0.001));
		// The window now runs from second 2 to 7: exactly half a second compiled in five.
		this.compiledMillis.addAndGet(698 - this.compiledMillis.get());
		assertThat(this.jit.settled(7 * SECOND)).isFalse();
		assertThat(this.jit.lastShare()).isEqualTo(0.1);
	}

	@Test
	void offWhenTheThresholdIsZero() {
		assertThat(JitSettling.ofThisJvm(0, Duration.ofSeconds(5))).isNull();
		assertThat(JitSettling.ofThisJvm(0.1, Duration.ofSeconds(5))).isNotNull();
	}

}
