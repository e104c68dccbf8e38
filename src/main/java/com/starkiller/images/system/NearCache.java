package com.starkiller.images.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * A small in-process copy of the hottest cache entries in front of Redis, so a hot request makes
 * no network call. It stays coherent across instances through Redis pub/sub: a write replaces the
 * entry in Redis, then publishes its key, every subscribed instance drops its copy and confirms,
 * and the write answers only once all have confirmed (else it is left to the sweep of pending
 * evictions, as when Redis is away).
 * <p>
 * The copy is only trusted while the instance can prove it hears that channel: subscribed, and
 * the echo it publishes every second comes back within three seconds. Otherwise it is emptied
 * and bypassed, and reads go to Redis as before. A read only keeps what it fetched when
 * no invalidation arrived while it was fetching, so a late fill cannot bring back an old value.
 */
public class NearCache {

	static final String CHANNEL = "starkiller:evictions";

	private static final long ECHO_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(3);

	/** How long a write waits for every instance to confirm; as long as a Redis command may take. */
	private static final long CONFIRM_WAIT_MILLIS = 250;

	private static final Logger log = LoggerFactory.getLogger(NearCache.class);

	private final Map<String, Cache<String, Object>> caches = new ConcurrentHashMap<>();

	private final AtomicLong generation = new AtomicLong();

	private final LettuceConnectionFactory redis;

	private final StringRedisTemplate publisher;

	private final RedisOutage outage;

	private final String instance = UUID.randomUUID().toString();

	private volatile StatefulRedisPubSubConnection<String, String> subscription;

	/** Confirmations are sent on a connection of their own, without blocking the subscriber. */
	private volatile StatefulRedisConnection<String, String> confirmations;

	private final Map<String, Semaphore> awaited = new ConcurrentHashMap<>();

	private final AtomicLong sequence = new AtomicLong();

	private volatile boolean subscribed;

	private volatile boolean echoHeard;

	/** When the echo not heard yet was sent; 0 when none is outstanding. */
	private volatile long echoSent;

	NearCache(List<String> names, int entries, Duration ttl, LettuceConnectionFactory redis,
			StringRedisTemplate publisher, RedisOutage outage) {
		for (String name : names) {
			this.caches.put(name, Caffeine.newBuilder().maximumSize(entries).expireAfterWrite(ttl).build());
		}
		this.redis = redis;
		this.publisher = publisher;
		this.outage = outage;
	}

	/** The local copy, or null when there is none or it cannot be trusted now. */
	Object get(String cache, Object key) {
		Cache<String, Object> local = this.caches.get(cache);
		if (local == null || !trusted()) {
			return null;
		}
		return local.getIfPresent(String.valueOf(key));
	}

	/** Taken before a Redis read; {@link #fill} keeps the value only if nothing moved since. */
	long generation() {
		return this.generation.get();
	}

	void fill(String cache, Object key, Object value, long generationAtRead) {
		Cache<String, Object> local = this.caches.get(cache);
		if (local == null || !trusted() || this.generation.get() != generationAtRead) {
			return;
		}
		String id = String.valueOf(key);
		local.put(id, value);
		// An invalidation that raced with this put has either removed it already or is seen here.
		if (this.generation.get() != generationAtRead) {
			local.invalidate(id);
		}
	}

	/** Drops this instance's copy of one entry. */
	void invalidate(String cache, Object key) {
		this.generation.incrementAndGet();
		Cache<String, Object> local = this.caches.get(cache);
		if (local != null) {
			local.invalidate(String.valueOf(key));
		}
	}

	/**
	 * Tells every instance to drop its copy, and waits until each subscribed instance (this one
	 * included) confirmed it did; false if one did not. Throws if Redis cannot be reached.
	 */
	boolean publish(String cache, Object key) {
		if (!this.caches.containsKey(cache)) {
			return true;
		}
		String id = this.instance + ":" + this.sequence.incrementAndGet();
		Semaphore confirmed = new Semaphore(0);
		this.awaited.put(id, confirmed);
		try {
			Long receivers = this.publisher.convertAndSend(CHANNEL, "evict " + cache + " " + id + " " + key);
			// Unsubscribed, this instance hears no confirmation at all.
			return this.subscribed && confirmed.tryAcquire((receivers != null) ? receivers.intValue() : 0,
					CONFIRM_WAIT_MILLIS, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		finally {
			this.awaited.remove(id);
		}
	}

	void clear() {
		this.generation.incrementAndGet();
		this.caches.values().forEach(Cache::invalidateAll);
	}

	// An echo overdue means the channel is lost; one merely not sent yet (a busy instance) does not.
	private boolean trusted() {
		long sent = this.echoSent;
		return this.subscribed && this.echoHeard && (sent == 0 || System.nanoTime() - sent < ECHO_LIMIT_NANOS)
				&& !this.outage.isDown();
	}

	/** Subscribes when not subscribed yet, and sends the echo that proves the channel works. */
	@Scheduled(fixedDelay = 1, timeUnit = TimeUnit.SECONDS)
	void maintain() {
		long sent = this.echoSent;
		if (sent != 0 && System.nanoTime() - sent >= ECHO_LIMIT_NANOS) {
			// Lost: distrust until a new echo comes back.
			this.echoHeard = false;
			this.echoSent = 0;
		}
		try {
			if (this.subscription == null && !this.caches.isEmpty()) {
				subscribe();
			}
			if (this.subscribed && this.echoSent == 0) {
				this.echoSent = System.nanoTime();
				this.publisher.convertAndSend(CHANNEL, "echo " + this.instance);
			}
		}
		catch (RuntimeException ex) {
			log.debug("Near cache channel not confirmed: {}", ex.toString());
		}
		if (!trusted()) {
			clear();
		}
	}

	private void subscribe() {
		if (!(this.redis.getRequiredNativeClient() instanceof RedisClient client)) {
			if (!this.caches.isEmpty()) {
				log.info("Near cache off: it needs a standalone Redis client");
				this.caches.clear();
			}
			return;
		}
		StatefulRedisPubSubConnection<String, String> connection = client.connectPubSub();
		((RedisChannelHandler<?, ?>) connection).addListener(new RedisConnectionStateListener() {
			@Override
			public void onRedisDisconnected(RedisChannelHandler<?, ?> channel) {
				// Messages published from now on are lost to this instance: stop trusting the copy.
				NearCache.this.subscribed = false;
				NearCache.this.echoHeard = false;
				NearCache.this.echoSent = 0;
				clear();
			}
		});
		connection.addListener(new RedisPubSubAdapter<>() {
			@Override
			public void subscribed(String channel, long count) {
				// Also after Lettuce reconnects and subscribes again: what was missed is dropped.
				clear();
				NearCache.this.subscribed = true;
			}

			@Override
			public void message(String channel, String message) {
				receive(message);
			}
		});
		try {
			this.confirmations = client.connect();
			connection.sync().subscribe(CHANNEL);
		}
		catch (RuntimeException ex) {
			connection.closeAsync();
			if (this.confirmations != null) {
				this.confirmations.closeAsync();
				this.confirmations = null;
			}
			throw ex;
		}
		this.subscription = connection;
	}

	private void receive(String message) {
		String[] parts = message.split(" ", 4);
		if (parts.length == 4 && parts[0].equals("evict")) {
			invalidate(parts[1], parts[3]);
			StatefulRedisConnection<String, String> confirm = this.confirmations;
			if (confirm != null) {
				confirm.async().publish(CHANNEL, "dropped " + parts[2]);
			}
		}
		else if (parts.length == 2 && parts[0].equals("dropped")) {
			Semaphore confirmed = this.awaited.get(parts[1]);
			if (confirmed != null) {
				confirmed.release();
			}
		}
		else if (parts.length == 2 && parts[0].equals("echo") && parts[1].equals(this.instance)) {
			this.echoHeard = true;
			this.echoSent = 0;
		}
	}

	@PreDestroy
	void close() {
		StatefulRedisPubSubConnection<String, String> connection = this.subscription;
		if (connection != null) {
			connection.closeAsync();
		}
		StatefulRedisConnection<String, String> confirm = this.confirmations;
		if (confirm != null) {
			confirm.closeAsync();
		}
	}

}
