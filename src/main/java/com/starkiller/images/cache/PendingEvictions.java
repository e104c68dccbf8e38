package com.starkiller.images.cache;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keys whose write could not be told to Redis, or to every instance's near cache, kept in the
 * MongoDB collection {@value #COLLECTION} before the write answers. Every instance sweeps them every
 * {@code pending-sweep}, and once more before its first Redis read after an outage: each is dropped
 * from the near cache, then Redis gets what the database holds now (from the cache's
 * {@link CacheSource}; without one the key is evicted), then every instance is told to drop its near
 * copy, and the key is forgotten only once Redis has taken that and every instance has confirmed.
 * So no cache entry outlives the data it came from, a read that loaded the old value cannot put it
 * back afterwards, and an instance whose own sweep comes after another's still drops its copy. A key MongoDB does not take at once (it stalls just after
 * the write it follows) is kept here: its write tries again while it waits ({@link CacheWrites}),
 * and every sweep tries too, and this instance reads nothing from Redis after an outage until
 * MongoDB has taken it.
 */
class PendingEvictions {

	static final String COLLECTION = "pending_evictions";

	/** The keys still pending after the last sweep: above zero for long, Redis or an instance is not being told. */
	static final String BACKLOG = "starkiller.cache.evictions.pending";

	private static final Logger log = LoggerFactory.getLogger(PendingEvictions.class);

	private final MongoTemplate mongo;

	private final TwoLevelCacheManager caches;

	private final RedisCircuitBreaker breaker;

	private final NearCache near;

	private final InvalidationChannel channel;

	// Looked up when sweeping: the sources' own beans write through this module.
	private final ObjectProvider<CacheSource> sources;

	// Counted by the sweep, which reads them all anyway: a scrape never waits for MongoDB.
	private final AtomicInteger backlog = new AtomicInteger();

	/** Keys MongoDB did not take when their write asked, until a sweep records them. */
	private final Set<Unrecorded> unrecorded = ConcurrentHashMap.newKeySet();

	PendingEvictions(MongoTemplate mongo, TwoLevelCacheManager caches, RedisCircuitBreaker breaker, NearCache near,
			InvalidationChannel channel, ObjectProvider<CacheSource> sources, MeterRegistry meters) {
		this.mongo = mongo;
		this.caches = caches;
		this.breaker = breaker;
		this.near = near;
		this.channel = channel;
		this.sources = sources;
		Gauge.builder(BACKLOG, this.backlog, AtomicInteger::get)
			.description("Keys whose write could not be told to Redis or every instance, still pending after the last sweep")
			.register(meters);
	}

	/**
	 * Records the key, and says whether MongoDB took it; if not, it is kept here, and
	 * {@link #recorded} or the next sweep tries again.
	 */
	boolean add(String cacheName, Object key) {
		Unrecorded pending = new Unrecorded(cacheName, String.valueOf(key));
		try {
			record(pending);
			return true;
		}
		catch (RuntimeException ex) {
			this.unrecorded.add(pending);
			log.warn("Pending eviction of {}::{} not recorded in MongoDB ({}): trying again", cacheName, key,
					ex.toString());
			return false;
		}
	}

	/** Whether the key is recorded now: tries again if MongoDB did not take it yet. */
	boolean recorded(String cacheName, Object key) {
		Unrecorded pending = new Unrecorded(cacheName, String.valueOf(key));
		if (!this.unrecorded.contains(pending)) {
			return true;
		}
		try {
			record(pending);
			this.unrecorded.remove(pending);
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private void record(Unrecorded pending) {
		String id = pending.cache() + "::" + pending.key();
		this.mongo.getCollection(COLLECTION)
			.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("cache", pending.cache())
				.append("key", pending.key())
				.append("at", new Date()), new ReplaceOptions().upsert(true));
	}

	/**
	 * Runs before the first cache read after Redis comes back; throws, so Redis stays skipped, while
	 * a key this instance wrote during the outage is not recorded: Redis may hold its old value.
	 */
	@EventListener(RedisCircuitBreaker.Recovered.class)
	void onRecovery() {
		this.near.dropAll();
		boolean allRecorded = recordUnrecorded();
		evictAll();
		if (!allRecorded) {
			throw new DataAccessResourceFailureException(
					"Keys written while Redis was away are not recorded as pending evictions yet");
		}
	}

	@Scheduled(fixedDelayString = "${starkiller.cache.pending-sweep:2s}")
	void sweep() {
		try {
			recordUnrecorded();
			evictAll();
		}
		catch (RuntimeException ex) {
			log.debug("Pending evictions not swept: {}", ex.toString());
		}
	}

	/** Records what MongoDB did not take before, each on its own; whether all are recorded now. */
	private boolean recordUnrecorded() {
		boolean all = true;
		for (Unrecorded key : this.unrecorded) {
			try {
				record(key);
				this.unrecorded.remove(key);
			}
			catch (RuntimeException ex) {
				all = false;
			}
		}
		return all;
	}

	/**
	 * Drops each pending key from the near cache even when this instance saw no outage (it may have
	 * missed a write another instance could not publish), then evicts it from Redis.
	 */
	private void evictAll() {
		List<Document> pending = this.mongo.getCollection(COLLECTION).find().into(new ArrayList<>());
		pending.forEach((entry) -> this.near.drop(entry.getString("cache"), entry.getString("key")));
		this.backlog.set(pending.size() + this.unrecorded.size());
		if (!this.breaker.allowsCalls()) {
			return;
		}
		Map<String, CacheSource> sources = this.sources.orderedStream()
			.collect(Collectors.toMap(CacheSource::cacheName, (source) -> source, (first, second) -> first));
		int left = pending.size();
		for (Document entry : pending) {
			TwoLevelCache cache = this.caches.getCache(entry.getString("cache"));
			// Near copies are dropped once Redis holds the new value, as after a write: an instance
			// that reads Redis again meanwhile, or sweeps after the key is gone, keeps no old copy.
			if (cache != null && !(refresh(cache, sources.get(cache.getName()), keyOf(entry))
					&& this.channel.publishEviction(cache.getName(), entry.getString("key")))) {
				continue;
			}
			this.mongo.getCollection(COLLECTION).deleteOne(Filters.eq("_id", entry.get("_id")));
			left--;
		}
		this.backlog.set(left + this.unrecorded.size());
	}

	/** Whether Redis now holds what the database holds for the key (or nothing, without a source). */
	private boolean refresh(TwoLevelCache cache, CacheSource source, Object key) {
		Object current = (source != null) ? source.current(key) : null;
		if (current != null) {
			cache.replace(key, current);
			log.info("Refreshed {}::{}, written while Redis was away", cache.getName(), key);
			return true;
		}
		cache.evict(key);
		if (cache.isAbsent(key)) {
			log.info("Evicted {}::{}, written while Redis was away", cache.getName(), key);
			return true;
		}
		return false;
	}

	// Keys are stored as text; numeric keys (listing ids) are evicted as the numbers they were.
	private static Object keyOf(Document pending) {
		String key = pending.getString("key");
		return key.matches("\\d{1,18}") ? (Object) Long.valueOf(key) : key;
	}

	private record Unrecorded(String cache, String key) {
	}

}
