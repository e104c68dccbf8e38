package com.starkiller.images.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
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
 * entry in Redis, then publishes its key, and every instance drops its copy.
 * <p>
 * The copy is only trusted while the instance can prove it hears that channel: subscribed, and
 * the echo it publishes every second comes back within three seconds. Otherwise it is emptied
 * and bypassed, and reads go to Redis as before. A read only keeps what it fetched when
 * no invalidation arrived while it was fetching, so a late fill cannot bring back an old value.
 */
public class NearCache {

	static final String CHANNEL = "starkiller:evictions";

	private static final long ECHO_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(3);

	private static final Logger log = LoggerFactory.getLogger(NearCache.class);

	private final Map<String, Cache<String, Object>> caches = new ConcurrentHashMap<>();

	private final AtomicLong generation = new AtomicLong();

	private final LettuceConnectionFactory redis;

	private final StringRedisTemplate publisher;

	private final RedisOutage outage;

	private final String instance = UUID.randomUUID().toString();

	private volatile StatefulRedisPubSubConnection<String, String> subscription;

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

	boolean holds(String cache) {
		return this.caches.containsKey(cache);
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

	/** Tells every instance (this one included) to drop its copy; throws if Redis cannot. */
	void publish(String cache, Object key) {
		invalidate(cache, key);
		if (this.caches.containsKey(cache)) {
			this.publisher.convertAndSend(CHANNEL, "evict " + cache + " " + key);
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
		connection.sync().subscribe(CHANNEL);
		this.subscription = connection;
	}

	private void receive(String message) {
		String[] parts = message.split(" ", 3);
		if (parts.length == 3 && parts[0].equals("evict")) {
			invalidate(parts[1], parts[2]);
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
	}

}
