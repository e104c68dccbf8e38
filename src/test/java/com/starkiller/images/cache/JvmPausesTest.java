package com.starkiller.images.cache;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detector's arithmetic, on times of the test's own: the sleeping thread is not started, each
 * of its wake-ups is a {@code tick}. (JvmPauseTest stops a whole JVM for real.)
 */
class JvmPausesTest {

	private static final long MS = 1_000_000;

	private static final Duration WINDOW = Duration.ofMillis(500);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final JvmPauses pauses = new JvmPauses(Duration.ofMillis(125), this.meters);

	@Test
	void aStallIsSeenForTheWindowAfterItEnded() {
		long t = 1_000 * MS;
		this.pauses.watchFrom(t);
		this.pauses.tick(t + 10 * MS);
		assertThat(this.pauses.stalledWithin(WINDOW, t + 12 * MS)).isFalse();

		// Asleep for 10 ms, it wakes 300 ms late.
		this.pauses.tick(t + 320 * MS);

		assertThat(this.pauses.stalledWithin(WINDOW, t + 321 * MS)).isTrue();
		tickEvery10Ms(t + 330 * MS, t + 820 * MS);
		assertThat(this.pauses.stalledWithin(WINDOW, t + 820 * MS)).isTrue();
		this.pauses.tick(t + 830 * MS);
		assertThat(this.pauses.stalledWithin(WINDOW, t + 830 * MS)).isFalse();
		assertThat(this.meters.timer(JvmPauses.PAUSES).count()).isEqualTo(1);
		assertThat(this.meters.timer(JvmPauses.PAUSES).max(TimeUnit.MILLISECONDS)).isEqualTo(300);
	}

	@Test
	void aStallTheThreadHasNotWokenFromYetCountsAlready() {
		long t = 5_000 * MS;
		this.pauses.watchFrom(t);
		this.pauses.tick(t + 10 * MS);

		// All threads resume at once: a timed-out request may ask before the sleeper's next tick.
		assertThat(this.pauses.stalledWithin(WINDOW, t + 140 * MS)).isFalse();
		assertThat(this.pauses.stalledWithin(WINDOW, t + 145 * MS)).isTrue();
		assertThat(this.pauses.stalledWithin(WINDOW, t + 900 * MS)).isTrue();
	}

	@Test
	void aWakeUpLessLateThanTheThresholdIsNoStall() {
		long t = -7_000 * MS;
		this.pauses.watchFrom(t);
		for (int i = 1; i <= 20; i++) {
			this.pauses.tick(t + i * 130 * MS);
		}

		assertThat(this.pauses.stalledWithin(WINDOW, t + 20 * 130 * MS + MS)).isFalse();
		assertThat(this.meters.timer(JvmPauses.PAUSES).count()).isZero();
	}

	@Test
	void notWatchingNothingIsAStall() {
		long t = 9_000 * MS;
		assertThat(this.pauses.stalledWithin(WINDOW, t)).as("before it started").isFalse();

		this.pauses.watchFrom(t);
		this.pauses.close();

		// Its thread no longer wakes: that must not read as a stall that never ends.
		assertThat(this.pauses.stalledWithin(WINDOW, t + 60_000 * MS)).isFalse();
	}

	private void tickEvery10Ms(long from, long to) {
		for (long now = from; now <= to; now += 10 * MS) {
			this.pauses.tick(now);
		}
	}

}
