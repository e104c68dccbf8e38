package com.starkiller.images.cache;

import java.util.function.Consumer;

/**
 * Where a feature's cached values come from, for the sweep of pending evictions: instead of
 * deleting a key (after which a read that loaded the old value could put it back), the sweep
 * writes what the database holds now.
 */
public interface CacheSource {

	String cacheName();

	/** The value for the key as stored now (a tombstone for something deleted), or null to evict the key. */
	Object current(Object key);

	/**
	 * Reads {@link #current} and hands it to {@code write} (which puts it in Redis) together, so no
	 * write of the source's own can come between: a source whose values are not versioned (Redis
	 * cannot keep the newer of two) holds whatever its writers hold meanwhile. False, writing
	 * nothing, when one of them is at work on the key now: the record is tried again later.
	 */
	default boolean refresh(Object key, Consumer<Object> write) {
		write.accept(current(key));
		return true;
	}

}
