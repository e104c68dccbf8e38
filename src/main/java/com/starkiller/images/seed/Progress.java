package com.starkiller.images.seed;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

import org.slf4j.Logger;

/**
 * Seeding progress: a bar redrawn in place on a terminal (count, rate, ETA), or a log line every
 * tenth of the way when nobody watches a terminal.
 */
abstract class Progress {

	private final long total;

	private final long start = System.nanoTime();

	private long documents;

	private long first = -1;

	Progress(long total) {
		this.total = total;
	}

	static Progress onTerminal(long total, PrintStream out) {
		return new Progress(total) {
			@Override
			void show(long done, boolean finished) {
				int width = 30;
				int filled = (int) (width * done / Math.max(1, total()));
				out.print("\r[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + status(done)
						+ (finished ? System.lineSeparator() : ""));
				out.flush();
			}
		};
	}

	static Progress inLog(long total, Logger log) {
		return new Progress(total) {
			private long nextTenth = 1;

			@Override
			void show(long done, boolean finished) {
				if (finished || done * 10 >= nextTenth * total()) {
					this.nextTenth = done * 10 / Math.max(1, total()) + 1;
					log.info("Seeding: {}", status(done));
				}
			}
		};
	}

	abstract void show(long done, boolean finished);

	long total() {
		return this.total;
	}

	void advance(long listings, long documentsWritten) {
		if (this.first < 0) {
			this.first = listings;
		}
		this.documents += documentsWritten;
		show(listings, listings >= this.total);
	}

	Duration elapsed() {
		return Duration.ofNanos(System.nanoTime() - this.start);
	}

	String status(long done) {
		double seconds = Math.max(0.001, elapsed().toNanos() / 1e9);
		double rate = (done - Math.max(0, this.first)) / seconds;
		long eta = (rate > 0) ? (long) ((this.total - done) / rate) : 0;
		return String.format(Locale.ROOT, "%3d%% %,d/%,d listings · %,.0f listings/s · %,.0f docs/s · ETA %d:%02d",
				done * 100 / Math.max(1, this.total), done, this.total, rate, this.documents / seconds, eta / 60,
				eta % 60);
	}

}
