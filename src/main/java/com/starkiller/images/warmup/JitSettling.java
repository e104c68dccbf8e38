package com.starkiller.images.warmup;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * Whether the JIT has done its work for the traffic so far: over the last window, its compilers
 * spent less than a share of that window compiling. Under a steady warm-up the share starts near
 * one per compiler thread and falls to a few percent once the paths in use are compiled; until
 * then, a visitor's request costs several times what it costs later (docs/benchmarks.md).
 */
final class JitSettling {

	private final LongSupplier compilingMillis;

	private final double below;

	private final long windowNanos;

	/** (nanoTime, milliseconds compiled so far) pairs, oldest first, spanning at least the window. */
	private final Deque<long[]> samples = new ArrayDeque<>();

	private double lastShare = Double.NaN;

	JitSettling(LongSupplier compilingMillis, double below, Duration window) {
		this.compilingMillis = compilingMillis;
		this.below = below;
		this.windowNanos = window.toNanos();
	}

	/**
	 * The JVM's own compilers, or null where it does not time them (no JIT, or a VM without the
	 * counter), or where {@code below} is 0 (the check is off).
	 */
	static JitSettling ofThisJvm(double below, Duration window) {
		CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
		if (below <= 0 || jit == null || !jit.isCompilationTimeMonitoringSupported()) {
			return null;
		}
		return new JitSettling(jit::getTotalCompilationTime, below, window);
	}

	/** Takes a sample at {@code now} (System.nanoTime) and tells whether the last window was quiet. */
	boolean settled(long now) {
		this.samples.addLast(new long[] { now, this.compilingMillis.getAsLong() });
		// Keep the newest sample that is at least a window old, and everything after it.
		while (this.samples.size() > 2 && now - secondOldest() >= this.windowNanos) {
			this.samples.removeFirst();
		}
		long[] oldest = this.samples.peekFirst();
		long span = now - oldest[0];
		if (span < this.windowNanos) {
			return false;
		}
		long compiled = this.samples.peekLast()[1] - oldest[1];
		this.lastShare = compiled / (span / 1e6);
		return this.lastShare < this.below;
	}

	/** The share of the last window spent compiling, as of the last full window (NaN before one). */
	double lastShare() {
		return this.lastShare;
	}

	private long secondOldest() {
		var samples = this.samples.iterator();
		samples.next();
		return samples.next()[0];
	}

}
