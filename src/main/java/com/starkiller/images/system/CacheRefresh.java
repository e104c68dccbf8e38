package com.starkiller.images.system;

import java.util.Date;
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

	CacheRefresh(CacheManager caches, RedisOutage outage, MongoTemplate mongo) {
		this.caches = caches;
		this.outage = outage;
		this.mongo = mongo;
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
		}
		catch (RuntimeException ex) {
			this.outage.failed(ex);
			remember(cacheName, key);
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
		evictPending();
	}

	@Scheduled(fixedDelayString = "${starkiller.cache.pending-sweep:2s}")
	void sweep() {
		if (this.outage.cacheUsable()) {
			try {
				evictPending();
			}
			catch (RuntimeException ex) {
				log.debug("Pending evictions not swept: {}", ex.toString());
			}
		}
	}

	/** Evicts each pending key, and forgets it only once Redis confirms it is gone. */
	void evictPending() {
		for (Document pending : this.mongo.getCollection(PENDING).find()) {
			Cache cache = this.caches.getCache(pending.getString("cache"));
			if (cache != null) {
				OutageTolerantCache redis = (OutageTolerantCache) cache;
				redis.evictNow(keyOf(pending));
				if (!redis.isGone(keyOf(pending))) {
					continue;
				}
				log.info("Evicted {}, written while Redis was away", pending.get("_id"));
			}
			this.mongo.remove(Query.query(Criteria.where("_id").is(pending.get("_id"))), PENDING);
		}
	}

	// Keys are stored as text; numeric keys (listing ids) are evicted as the numbers they were.
	private static Object keyOf(Document pending) {
		String key = pending.getString("key");
		return key.matches("\\d{1,18}") ? (Object) Long.valueOf(key) : key;
	}

}
