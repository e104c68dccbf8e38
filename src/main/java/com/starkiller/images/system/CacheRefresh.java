package com.starkiller.images.system;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How a write reaches every instance's reads: it replaces the written entry in the shared Redis
 * (readers only ever add absent entries, so an older read cannot overwrite it). When Redis cannot
 * be reached, the key goes to a {@code pending_evictions} collection in MongoDB, written before
 * the write answers; it is evicted before any cache read once Redis answers again, and by a
 * sweep every few seconds on every instance. So no cache entry outlives the data it came from.
 */
@Component
public class CacheRefresh {

	static final String PENDING = "pending_evictions";

	private static final Logger log = LoggerFactory.getLogger(CacheRefresh.class);

	private final CacheManager caches;

	private final RedisOutage outage;

	private final MongoTemplate mongo;

	private final NearCache near;

	CacheRefresh(CacheManager caches, RedisOutage outage, MongoTemplate mongo, NearCache near) {
		this.caches = caches;
		this.outage = outage;
		this.mongo = mongo;
		this.near = near;
	}

	/** Puts the new value of a written entry, or records it for eviction when Redis is away. */
	public void replace(String cacheName, Object key, Object value) {
		write(cacheName, key, (cache) -> cache.replace(key, value));
	}

	/** Removes a deleted entry, or records it for eviction when Redis is away. */
	public void evict(String cacheName, Object key) {
		write(cacheName, key, (cache) -> cache.evictNow(key));
	}

	private void write(String cacheName, Object key, Consumer<OutageTolerantCache> change) {
		try {
			if (!this.outage.cacheUsable()) {
				throw new IllegalStateException("Redis is marked down");
			}
			change.accept((OutageTolerantCache) this.caches.getCache(cacheName));
			// Only once Redis holds the new value: an instance that drops its copy reads that.
			if (!this.near.publish(cacheName, key)) {
				// An instance did not confirm in time: the sweep reaches it within seconds.
				remember(cacheName, key);
			}
		}
		catch (RuntimeException ex) {
			this.outage.failed(ex);
			remember(cacheName, key);
		}
		finally {
			// After the Redis write: a read of the old value that raced with it is dropped too.
			this.near.invalidate(cacheName, key);
		}
	}

	private void remember(String cacheName, Object key) {
		String id = cacheName + "::" + key;
		this.mongo.getCollection(PENDING)
			.replaceOne(new Document("_id", id), new Document("_id", id).append("cache", cacheName)
				.append("key", String.valueOf(key))
				.append("at", new Date()), new ReplaceOptions().upsert(true));
	}

	/** Runs before the first cache read after Redis comes back (see {@link RedisOutage}). */
	@EventListener(RedisOutage.Recovered.class)
	public void onRecovery() {
		this.near.clear();
		evictPending();
	}

	@Scheduled(fixedDelayString = "${starkiller.cache.pending-sweep:2s}")
	void sweep() {
		try {
			evictPending();
		}
		catch (RuntimeException ex) {
			log.debug("Pending evictions not swept: {}", ex.toString());
		}
	}

	/**
	 * Drops each pending key from the near cache, even when this instance sees no outage (it may
	 * have missed a write another instance could not publish); then evicts it from Redis, and
	 * forgets it only once Redis confirms it gone.
	 */
	void evictPending() {
		List<Document> pending = this.mongo.getCollection(PENDING).find().into(new ArrayList<>());
		pending.forEach((entry) -> this.near.invalidate(entry.getString("cache"), entry.getString("key")));
		if (!this.outage.cacheUsable()) {
			return;
		}
		for (Document entry : pending) {
			Cache cache = this.caches.getCache(entry.getString("cache"));
			if (cache != null) {
				OutageTolerantCache redis = (OutageTolerantCache) cache;
				redis.evictNow(keyOf(entry));
				if (!redis.isGone(keyOf(entry))) {
					continue;
				}
				log.info("Evicted {}, written while Redis was away", entry.get("_id"));
			}
			this.mongo.remove(Query.query(Criteria.where("_id").is(entry.get("_id"))), PENDING);
		}
	}

	// Keys are stored as text; numeric keys (listing ids) are evicted as the numbers they were.
	private static Object keyOf(Document pending) {
		String key = pending.getString("key");
		return key.matches("\\d{1,18}") ? (Object) Long.valueOf(key) : key;
	}

}
