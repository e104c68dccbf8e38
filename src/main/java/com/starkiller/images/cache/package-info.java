/**
 * The two-level cache every feature reads through: Redis shared by all instances, with an
 * in-process near copy of the hottest entries in front of it, kept coherent by a Redis pub/sub
 * channel, stepping aside while Redis fails, and {@code pending_evictions} in MongoDB for what a
 * write could not tell Redis. Features declare their caches with {@link RedisCaches} and report
 * their writes to {@link CacheWrites}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cache")
package com.starkiller.images.cache;
