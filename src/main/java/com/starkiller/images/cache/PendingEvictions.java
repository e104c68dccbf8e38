package com.starkiller.images.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keys whose write could not be told to Redis, or to every instance's near cache, kept in the
 * MongoDB collection {@value #COLLECTION} before the write answers. Every instance sweeps them every
 * {@code pending-sweep}, and once more before its first Redis read after an outage: each is dropped
 * from the near cache, then Redis gets what the database holds now (from the cache's
 * {@link CacheSource}; without one the key is evicted), then every instance is told on the channel to
 * drop its copy (without waiting for answers): that is what reaches an instance that trusts its
 * copies, whenever its own sweep runs. A record is forgotten only once Redis has taken that, and no
 * sooner than {@link #convergence} after this instance first did so, so that, with the same
 * {@code pending-sweep} everywhere, every instance's own sweep sees it too. So no cache entry
 * outlives the data it came from, and a read that loaded the old value cannot put it back
 * afterwards. A key MongoDB does not take at once (it stalls just after
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

	private final long convergenceNanos;

	/** Each record this instance refreshed and announced (its id and time of record): since when. */
	private final Map<List<Object>, Long> announced = new ConcurrentHashMap<>();

	// Looked up when sweeping: the sources' own beans write through this module.
	private final ObjectProvider<CacheSource> sources;

	// Counted by the sweep, which reads them all anyway: a scrape never waits for MongoDB.
	private final AtomicInteger backlog = new AtomicInteger();

	/** Records a sweep could not refresh, each warned about once. */
	private final Set<List<Object>> unrefreshable = ConcurrentHashMap.newKeySet();

	/** Keys MongoDB did not take when their write asked, until a sweep records them. */
	private final Set<Unrecorded> unrecorded = ConcurrentHashMap.newKeySet();

	PendingEvictions(MongoTemplate mongo, TwoLevelCacheManager caches, RedisCircuitBreaker breaker, NearCache near,
			InvalidationChannel channel, Duration pendingSweep, ObjectProvider<CacheSource> sources,
			MeterRegistry meters) {
		this.mongo = mongo;
		this.caches = caches;
		this.breaker = breaker;
		this.near = near;
		this.channel = channel;
		this.convergenceNanos = convergence(pendingSweep).toNanos();
		this.sources = sources;
		Gauge.builder(BACKLOG, this.backlog, AtomicInteger::get)
			.description("Keys whose write could not be told to Redis or every instance, still pending after the last sweep")
			.register(meters);
	}

	/**
	 * How long after a key is recorded no instance can still serve its old value: the longest an
	 * instance trusts its near copies without hearing the channel, or its next sweep, whichever is
	 * later, and some margin. A write that could not tell every instance answers after it; a record
	 * stays at least that long.
	 */
	static Duration convergence(Duration pendingSweep) {
		Duration longest = (pendingSweep.compareTo(ChannelLiveness.ECHO_LIMIT) > 0) ? pendingSweep
				: ChannelLiveness.ECHO_LIMIT;
		return longest.plusMillis(500);
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

	/**
	 * Keeps the key for the next sweep to record, without asking MongoDB now: it has just not
	 * answered a write of that key, which it may have stored all the same.
	 */
	void addWhenMongoAnswers(String cacheName, Object key) {
		this.unrecorded.add(new Unrecorded(cacheName, String.valueOf(key)));
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
		evictAll(true);
		if (!allRecorded) {
			throw new DataAccessResourceFailureException(
					"Keys written while Redis was away are not recorded as pending evictions yet");
		}
	}

	// At a fixed rate, not delay: a write waits out the convergence time counting on a sweep starting
	// every pending-sweep, and a delay would add each sweep's own length (never two at once either way).
	@Scheduled(fixedRateString = "${starkiller.cache.pending-sweep:2s}")
	void sweep() {
		try {
			recordUnrecorded();
			evictAll(false);
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
	 * missed a write another instance could not publish), then refreshes it in Redis and tells every
	 * instance; forgets each record once it has been so for long enough. A sweep goes on past a key
	 * it could not refresh (it stays pending), so one such record holds up no other, but stops when
	 * Redis or MongoDB does not answer (Redis's failure opens the breaker); a recovery stops at any,
	 * so Redis stays skipped until every key is refreshed.
	 */
	private void evictAll(boolean recovering) {
		List<Document> pending = this.mongo.getCollection(COLLECTION).find().into(new ArrayList<>());
		pending.forEach((entry) -> this.near.drop(entry.getString("cache"), entry.getString("key")));
		this.backlog.set(pending.size() + this.unrecorded.size());
		if (!this.breaker.allowsCalls()) {
			return;
		}
		Map<String, CacheSource> sources = this.sources.orderedStream()
			.collect(Collectors.toMap(CacheSource::cacheName, (source) -> source, (first, second) -> first));
		int left = pending.size();
		// A write recorded again later is a record of its own (its time differs).
		Set<List<Object>> seen = pending.stream()
			.map((entry) -> Arrays.asList(entry.get("_id"), entry.get("at")))
			.collect(Collectors.toCollection(HashSet::new));
		for (Document entry : pending) {
			List<Object> record = Arrays.asList(entry.get("_id"), entry.get("at"));
			TwoLevelCache cache = this.caches.getCache(entry.getString("cache"));
			boolean again = this.announced.containsKey(record);
			if (cache != null) {
				try {
					if (!refresh(cache, sources.get(cache.getName()), keyOf(entry), again, recovering)) {
						continue;
					}
				}
				catch (RuntimeException ex) {
					RuntimeException cause = (ex instanceof RedisFailed failed) ? failed.getCause() : ex;
					boolean unreadable = !(ex instanceof RedisFailed) && !outOfReach(cause);
					if (unreadable) {
						// A record no source can read (a key this release cannot parse, a value it cannot
						// map): Redis drops what it holds for the key, so the record holds up no recovery
						// and no reader gets the old value; the record stays for a later release.
						dropFromRedis(cache, entry.getString("key"), recovering);
						if (this.unrefreshable.add(record)) {
							log.warn("Pending eviction of {} not refreshed, its key dropped from Redis and kept for "
									+ "the next sweep: {}", entry.get("_id"), cause.toString());
						}
						continue;
					}
					if (recovering) {
						throw cause;
					}
					if (outOfReach(cause)) {
						// The rest waits for the next sweep; reads skip Redis until a recovery has refreshed them all.
						if (ex instanceof RedisFailed) {
							this.breaker.recordFailure(cause);
						}
						log.debug("Pending evictions sweep stopped at {}: {}", entry.get("_id"), cause.toString());
						break;
					}
					if (this.unrefreshable.add(record)) {
						log.warn("Pending eviction of {} not refreshed, kept for the next sweep: {}", entry.get("_id"),
								cause.toString());
					}
					continue;
				}
				// A read here since the drop above may have kept the old value: dropped again at once.
				this.near.drop(cache.getName(), entry.getString("key"));
				if (!announce(cache.getName(), entry.getString("key"))) {
					continue;
				}
			}
			long since = this.announced.computeIfAbsent(record, (first) -> System.nanoTime());
			if (System.nanoTime() - since < this.convergenceNanos) {
				continue;
			}
			// Only this record: a write that recorded the key again since the read above stays pending.
			this.mongo.getCollection(COLLECTION)
				.deleteOne(Filters.and(Filters.eq("_id", entry.get("_id")), Filters.eq("at", entry.get("at"))));
			this.announced.remove(record);
			left--;
		}
		this.announced.keySet().retainAll(seen);
		this.unrefreshable.retainAll(seen);
		this.backlog.set(left + this.unrecorded.size());
	}

	/** Deletes the key from Redis; a recovery stops at a failure, as at any other. */
	private void dropFromRedis(TwoLevelCache cache, String key, boolean recovering) {
		try {
			cache.evict(key);
		}
		catch (RuntimeException ex) {
			if (recovering) {
				throw ex;
			}
			this.breaker.recordFailure(ex);
		}
	}

	/**
	 * Once Redis holds the new value, every instance drops its near copy, as after a write: one that
	 * read the old value from Redis meanwhile keeps no copy of it. Whether the channel took it.
	 */
	private boolean announce(String cache, String key) {
		try {
			this.channel.announceEviction(cache, key);
			return true;
		}
		catch (RuntimeException ex) {
			log.debug("Eviction of {}::{} not announced: {}", cache, key, ex.toString());
			return false;
		}
	}

	/**
	 * Whether Redis now holds what the database holds for the key (or nothing, without a source);
	 * logged the first time for each record.
	 */
	private boolean refresh(TwoLevelCache cache, CacheSource source, Object key, boolean again, boolean recovering) {
		if (source == null) {
			return write(cache, key, null, again);
		}
		boolean[] done = new boolean[1];
		if (!source.refresh(key, (current) -> done[0] = write(cache, key, current, again))) {
			// A writer of the source is at work on the key and puts it in Redis itself; a recovery,
			// which must leave no old value behind, drops the key instead of waiting.
			if (recovering) {
				dropFromRedis(cache, String.valueOf(key), true);
			}
			return false;
		}
		return done[0];
	}

	private boolean write(TwoLevelCache cache, Object key, Object current, boolean again) {
		try {
			if (current != null) {
				cache.replace(key, current);
				if (!again) {
					log.info("Refreshed {}::{}, written while Redis was away", cache.getName(), key);
				}
				return true;
			}
			cache.evict(key);
			if (cache.isAbsent(key)) {
				if (!again) {
					log.info("Evicted {}::{}, written while Redis was away", cache.getName(), key);
				}
				return true;
			}
			return false;
		}
		catch (RuntimeException ex) {
			throw new RedisFailed(ex);
		}
	}

	/** Redis or MongoDB not answering, as opposed to one record that cannot be refreshed. */
	private static boolean outOfReach(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof QueryTimeoutException
					|| cause instanceof MongoTimeoutException || cause instanceof MongoSocketException
					|| cause instanceof MongoExecutionTimeoutException || cause instanceof MongoOperationTimeoutException
					|| cause instanceof RedisConnectionException || cause instanceof RedisCommandTimeoutException) {
				return true;
			}
		}
		return false;
	}

	/** A failure of one of Redis's commands while refreshing a key (not of reading it from MongoDB). */
	private static final class RedisFailed extends RuntimeException {

		RedisFailed(RuntimeException cause) {
			super(cause);
		}

		@Override
		public synchronized RuntimeException getCause() {
			return (RuntimeException) super.getCause();
		}

	}

	// Keys are stored as text; numeric keys (listing ids) are evicted as the numbers they were.
	private static Object keyOf(Document pending) {
		String key = pending.getString("key");
		return key.matches("\\d{1,18}") ? (Object) Long.valueOf(key) : key;
	}

	private record Unrecorded(String cache, String key) {
	}

}
