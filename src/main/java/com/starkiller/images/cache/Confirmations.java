package com.starkiller.images.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The confirmations a write waits for: each eviction it publishes gets an id, every instance that
 * dropped its copy answers with that id, and the write counts the answers.
 */
class Confirmations {

	private final String instance;

	private final Map<String, Semaphore> awaited = new ConcurrentHashMap<>();

	private final AtomicLong sequence = new AtomicLong();

	Confirmations(String instance) {
		this.instance = instance;
	}

	/** A new id under which confirmations are counted until {@link #forget} is called. */
	String expect() {
		String id = this.instance + ":" + this.sequence.incrementAndGet();
		this.awaited.put(id, new Semaphore(0));
		return id;
	}

	void confirm(String id) {
		Semaphore confirmed = this.awaited.get(id);
		if (confirmed != null) {
			confirmed.release();
		}
	}

	/** Whether {@code count} confirmations arrived for the id within the wait. */
	boolean await(String id, int count, long millis) throws InterruptedException {
		Semaphore confirmed = this.awaited.get(id);
		return confirmed != null && confirmed.tryAcquire(count, millis, TimeUnit.MILLISECONDS);
	}

	void forget(String id) {
		this.awaited.remove(id);
	}

}
