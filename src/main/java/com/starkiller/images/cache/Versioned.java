package com.starkiller.images.cache;

/**
 * A cached value whose version grows with every write. Redis keeps the newest one: a write whose
 * version is not newer than what Redis holds changes nothing, so writes that reach Redis out of
 * order still leave the newest version there.
 */
public interface Versioned {

	/**
	 * The version of a marker that says "nothing here", kept briefly so a scan of unknown keys does
	 * not reach the database each time: below every real version, so the first write replaces it.
	 * It never goes into the near cache, and lives in Redis for {@code starkiller.cache.absent-ttl}.
	 */
	long ABSENT = 0;

	long version();

	default boolean absent() {
		return version() == ABSENT;
	}

}
