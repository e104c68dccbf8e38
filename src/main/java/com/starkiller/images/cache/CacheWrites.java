package com.starkiller.images.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * What a write does to the caches, so every instance serves it at once: it replaces (or removes)
 * the entry in the shared Redis, then has every instance drop its near copy. When Redis or an
 * instance cannot be told, the key goes to {@link PendingEvictions}, and the write answers only
 * once no instance can still serve the old value: after the longest an instance may trust its
 * near copies without hearing the channel, and after every instance's next sweep. So even then no
 * read after the acknowledgement is stale; such writes are only slower (a few seconds).
 */
public class CacheWrites {

	private static final Logger log = LoggerFactory.getLogger(CacheWrites.class);

	/** How often a write tries again to record a key MongoDB did not take. */
	private static final Duration RETRY = Duration.ofMillis(250);

	private final TwoLevelCacheManager caches;

	private final RedisCircuitBreaker breaker;

	private final NearCache near;

	private final InvalidationChannel channel;

	private final PendingEvictions pending;

	private final Duration convergence;

	CacheWrites(TwoLevelCacheManager caches, RedisCircuitBreaker breaker, NearCache near, InvalidationChannel channel,
			PendingEvictions pending, Duration pendingSweep) {
		this.caches = caches;
		this.breaker = breaker;
		this.near = near;
		this.channel = channel;
		this.pending = pending;
		this.convergence = PendingEvictions.convergence(pendingSweep);
	}

	/** A written entry's new value, over whatever Redis holds. */
	public void replace(String cacheName, Object key, Object value) {
		replaceAll(cacheName, Map.of(key, value));
	}

	/** A deleted entry. */
	public void remove(String cacheName, Object key) {
		removeAll(cacheName, List.of(key));
	}

	/**
	 * Several written entries of one cache (an image's files): while Redis is out of reach the write
	 * waits once for all of them, not once for each.
	 */
	public void replaceAll(String cacheName, Map<?, ?> values) {
		Map<Object, Consumer<TwoLevelCache>> changes = new LinkedHashMap<>();
		values.forEach((key, value) -> changes.put(key, (cache) -> cache.replace(key, value)));
		write(cacheName, changes);
	}

	/** Several deleted entries of one cache, as {@link #replaceAll}. */
	public void removeAll(String cacheName, Collection<?> keys) {
		Map<Object, Consumer<TwoLevelCache>> changes = new LinkedHashMap<>();
		keys.forEach((key) -> changes.put(key, (cache) -> cache.evict(key)));
		write(cacheName, changes);
	}

	/**
	 * An entry whose write MongoDB did not answer, and may have stored all the same (it applied it
	 * after the writer stopped waiting): once MongoDB answers again, the sweep of pending evictions
	 * refreshes it from there on every instance. Without that, a write that got a 503 but was stored
	 * would stay unseen until the entry expired, and a client that read the listing again to retry
	 * with its ETag would get the old one, and 412, each time.
	 */
	public void mayHaveChanged(String cacheName, Object key) {
		this.pending.addWhenMongoAnswers(cacheName, key);
	}

	/**
	 * Entries written in bulk outside these writes (a seed): Redis forgets what it remembered of
	 * those keys (markers of absence) in one command. Nothing else held them, so no instance is told.
	 */
	public void created(String cacheName, Collection<?> keys) {
		if (keys.isEmpty() || !this.breaker.allowsCalls()) {
			return;
		}
		try {
			this.caches.getCache(cacheName).evictAll(keys);
		}
		catch (RuntimeException ex) {
			this.breaker.recordFailure(ex);
			log.debug("Bulk eviction of {} keys of {} did not reach Redis: {}", keys.size(), cacheName, ex.toString());
		}
	}

	private void write(String cacheName, Map<Object, Consumer<TwoLevelCache>> changes) {
		List<Object> unconfirmed = new ArrayList<>();
		changes.forEach((key, change) -> {
			if (!tell(cacheName, key, change)) {
				unconfirmed.add(key);
			}
		});
		if (unconfirmed.isEmpty()) {
			return;
		}
		log.info("Write of {}::{} not confirmed by every instance: answering once none can serve the old value",
				cacheName, (unconfirmed.size() == 1) ? unconfirmed.get(0) : unconfirmed);
		boolean recorded = true;
		for (Object key : unconfirmed) {
			recorded &= this.pending.add(cacheName, key);
		}
		if (!awaitConvergence(recorded,
				() -> unconfirmed.stream().allMatch((key) -> this.pending.recorded(cacheName, key)))) {
			throw new NotVisibleEverywhere(cacheName, unconfirmed);
		}
	}

	/** Writes one entry to Redis and tells every instance; false when Redis or an instance was not told. */
	private boolean tell(String cacheName, Object key, Consumer<TwoLevelCache> change) {
		try {
			if (!this.breaker.allowsCalls()) {
				// Not a failure of Redis: counting it would push the next try further off with every
				// write, so that steady writes kept Redis skipped for good.
				this.breaker.skipped();
				log.debug("Write of {}::{} skipped Redis, marked down", cacheName, key);
				return false;
			}
			change.accept(this.caches.getCache(cacheName));
			// Only once Redis holds the new value: an instance that drops its copy reads that.
			return this.channel.publishEviction(cacheName, key);
		}
		catch (RuntimeException ex) {
			this.breaker.recordFailure(ex);
			log.debug("Write of {}::{} did not reach Redis: {}", cacheName, key, ex.toString());
			return false;
		}
		finally {
			// After the Redis write: a read of the old value that raced with it is dropped too.
			this.near.drop(cacheName, key);
		}
	}

	/**
	 * Waits until no instance can serve the old value: the convergence time from when the key was
	 * recorded. If MongoDB did not take it, tries again meanwhile, for as long again at most; false
	 * if it never did.
	 */
	private boolean awaitConvergence(boolean recorded, BooleanSupplier record) {
		long start = System.nanoTime();
		long wait = this.convergence.toNanos();
		long until = recorded ? start + wait : start + 2 * wait;
		while (System.nanoTime() - until < 0) {
			try {
				Thread.sleep(Math.max(1, Math.min(RETRY.toMillis(), (until - System.nanoTime()) / 1_000_000)));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return recorded;
			}
			if (!recorded && record.getAsBoolean()) {
				recorded = true;
				until = System.nanoTime() + wait;
			}
		}
		return recorded;
	}

	/**
	 * A write that is stored, but whose key neither Redis, nor every instance, nor MongoDB's pending
	 * evictions took: it is not acknowledged (503 with Retry-After, as MongoDB out of reach), since a
	 * read might still serve the old value. This instance records the key when MongoDB takes it.
	 */
	public static final class NotVisibleEverywhere extends DataAccessResourceFailureException {

		NotVisibleEverywhere(String cacheName, List<Object> keys) {
			super("Stored, but " + cacheName + "::" + ((keys.size() == 1) ? keys.get(0) : keys)
					+ " could not be made visible everywhere yet: neither Redis nor MongoDB took its eviction");
		}

	}

}
