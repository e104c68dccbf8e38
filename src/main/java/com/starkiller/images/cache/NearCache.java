package com.starkiller.images.cache;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The in-process copies of the hottest entries of some caches, so a hot request makes no network
 * call. Only a store: {@link InvalidationChannel} says when the copies can be trusted. Every drop
 * moves a generation on, and a fill keeps its value only if the generation did not move while it
 * was reading, so a late fill cannot bring back an old value.
 */
class NearCache {

	private final Map<String, Cache<String, Object>> copies = new ConcurrentHashMap<>();

	private final AtomicLong generation = new AtomicLong();

	NearCache(List<String> cacheNames, int entries, Duration ttl) {
		for (String name : cacheNames) {
			this.copies.put(name, Caffeine.newBuilder().maximumSize(entries).expireAfterWrite(ttl).build());
		}
	}

	boolean isEmpty() {
		return this.copies.isEmpty();
	}

	boolean holds(String cache) {
		return this.copies.containsKey(cache);
	}

	Object get(String cache, Object key) {
		Cache<String, Object> local = this.copies.get(cache);
		return (local != null) ? local.getIfPresent(String.valueOf(key)) : null;
	}

	/** Taken before a Redis read; {@link #fill} keeps the value only if nothing was dropped since. */
	long generation() {
		return this.generation.get();
	}

	void fill(String cache, Object key, Object value, long generationAtRead) {
		Cache<String, Object> local = this.copies.get(cache);
		if (local == null || this.generation.get() != generationAtRead) {
			return;
		}
		String id = String.valueOf(key);
		// A slow read's older version never replaces a newer one a faster read kept meanwhile: a
		// page keyed by the newer version would otherwise be rendered from the older.
		local.asMap().merge(id, value, NearCache::newer);
		// A drop that raced with this put has either removed it already or is seen here.
		if (this.generation.get() != generationAtRead) {
			local.invalidate(id);
		}
	}

	private static Object newer(Object held, Object filled) {
		return (held instanceof Versioned kept && filled instanceof Versioned read && kept.version() > read.version())
				? held : filled;
	}

	void drop(String cache, Object key) {
		this.generation.incrementAndGet();
		Cache<String, Object> local = this.copies.get(cache);
		if (local != null) {
			local.invalidate(String.valueOf(key));
		}
	}

	void dropAll() {
		this.generation.incrementAndGet();
		this.copies.values().forEach(Cache::invalidateAll);
	}

	/** No near copies at all, for a Redis the channel cannot run on. */
	void switchOff() {
		dropAll();
		this.copies.clear();
	}

}
