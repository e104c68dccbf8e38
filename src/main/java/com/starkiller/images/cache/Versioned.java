package com.starkiller.images.cache;

/**
 * A cached value whose version grows with every write. Redis keeps the newest one: a write whose
 * version is not newer than what Redis holds changes nothing, so writes that reach Redis out of
 * order still leave the newest version there.
 */
public interface Versioned {

	long version();

}
