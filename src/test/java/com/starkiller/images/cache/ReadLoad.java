package com.starkiller.images.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.starkiller.images.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readers on two instances, each reading until stopped and noting every read not answered 200:
 * the load under which a test takes Redis away or fails it over.
 */
final class ReadLoad {

	private final AtomicBoolean loading = new AtomicBoolean(true);

	private final AtomicInteger reads = new AtomicInteger();

	private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

	private final List<Future<?>> readers = new ArrayList<>();

	private final ExecutorService pool;

	private ReadLoad(int readers) {
		this.pool = Executors.newFixedThreadPool(readers);
	}

	/** Starts this many readers, the even ones on {@code a}, the odd ones on {@code b}. */
	static ReadLoad start(int readers, Http a, Http b, Requests requests) {
		ReadLoad load = new ReadLoad(readers);
		for (int reader = 0; reader < readers; reader++) {
			load.read((reader % 2 == 0) ? a : b, reader, requests);
		}
		return load;
	}

	/** A listing and its first review in turn, among the twenty listings from {@code first}. */
	static Requests listingsAndReviewsFrom(long first) {
		return (reader, n) -> {
			long id = first + (n + reader) % 20;
			return new Request((n % 2 == 0) ? "/api/listings/" + id : "/reviews/" + id + "?index=1");
		};
	}

	int reads() {
		return this.reads.get();
	}

	/** Waits for more than {@code count} reads beyond those made so far. */
	void awaitMoreReads(int count, Duration within) {
		int before = reads();
		await().atMost(within).until(() -> reads() > before + count);
	}

	/** Stops the readers, waiting this long at most for each one's last read. */
	void stop(Duration each) throws Exception {
		this.loading.set(false);
		for (Future<?> reader : this.readers) {
			reader.get(each.toMillis(), TimeUnit.MILLISECONDS);
		}
		this.pool.shutdown();
	}

	void assertNoReadFailed() {
		assertThat(this.failures).as("reads that failed out of " + reads()).isEmpty();
	}

	private void read(Http http, int reader, Requests requests) {
		this.readers.add(this.pool.submit(() -> {
			for (int n = 0; this.loading.get(); n++) {
				Request request = requests.request(reader, n);
				try {
					int status = http.get(request.path(), request.headers()).statusCode();
					if (status != 200) {
						this.failures.add(request.path() + " -> " + status);
					}
				}
				catch (RuntimeException ex) {
					this.failures.add(request.path() + " -> " + ex);
				}
				this.reads.incrementAndGet();
			}
		}));
	}

	/** A GET, with headers given as name, value... */
	record Request(String path, String... headers) {
	}

	@FunctionalInterface
	interface Requests {

		/** What reader {@code reader} asks for in its read {@code n} (from 0). */
		Request request(int reader, int n);

	}

}
