package com.starkiller.images.cache;

/**
 * Where a feature's cached values come from, for the sweep of pending evictions: instead of
 * deleting a key (after which a read that loaded the old value could put it back), the sweep
 * writes what the database holds now.
 */
public interface CacheSource {

	String cacheName();

	/** The value for the key as stored now (a tombstone for something deleted), or null to evict the key. */
	Object current(Object key);

}
