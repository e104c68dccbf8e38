package com.starkiller.images.cache;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps every instance's {@link NearCache} coherent through the Redis channel
 * {@value #CHANNEL}. A write publishes {@code evict <cache> <id> <key>}; every subscribed instance
 * drops its copy and answers {@code dropped <id>}; the write waits until as many answered as the
 * {@code PUBLISH} reached (a sweep's announcement, under an id nobody awaits, is not answered).
 * Each instance also publishes {@code echo <instance> <sent>} every second, and trusts its copies
 * only while its echoes come back within three seconds of being sent (see {@link ChannelLiveness}).
 */
class InvalidationChannel implements ChannelConnection.Listener {

	static final String CHANNEL = "starkiller:evictions";

	/** 1 while this instance trusts its near copies, 0 while every read goes to Redis. */
	static final String TRUSTED = "starkiller.cache.near.trusted";

	/** How long a write waits for every instance to confirm; as long as a Redis command may take. */
	private static final long CONFIRM_WAIT_MILLIS = 250;

	/** The confirmation id of an eviction nobody waits for ({@link #announceEviction}). */
	private static final String UNAWAITED = "unawaited";

	private static final long RESUBSCRIBE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(5);

	private static final Logger log = LoggerFactory.getLogger(InvalidationChannel.class);

	private final String instance = UUID.randomUUID().toString();

	private final NearCache near;

	private final StringRedisTemplate publisher;

	private final RedisCircuitBreaker breaker;

	private final ChannelConnection connection;

	private final ChannelLiveness liveness = new ChannelLiveness();

	private final Confirmations confirmations = new Confirmations(this.instance);

	/** When the connection was first seen open but unsubscribed; 0 while subscribed. */
	private long unsubscribedSince;

	InvalidationChannel(NearCache near, StringRedisTemplate publisher, RedisCircuitBreaker breaker,
			ChannelConnection connection, MeterRegistry meters) {
		this.near = near;
		this.publisher = publisher;
		this.breaker = breaker;
		this.connection = connection;
		Gauge.builder(TRUSTED, this, (channel) -> channel.trusted() ? 1 : 0)
			.description("Whether this instance serves from its near cache (it hears the invalidation channel)")
			.register(meters);
	}

	/** Whether the near copies can be trusted now. */
	boolean trusted() {
		return this.liveness.hearsChannel() && !this.breaker.isOpen();
	}

	/**
	 * Tells every instance to drop its copy, and waits until each subscribed instance (this one
	 * included) confirmed it did; false if one did not. Throws if Redis cannot be reached.
	 */
	boolean publishEviction(String cache, Object key) {
		if (!this.near.holds(cache)) {
			return true;
		}
		String id = this.confirmations.expect();
		try {
			Long receivers = publishEvict(cache, id, key);
			// Unsubscribed, this instance hears no confirmation at all. No count, or none, is no
			// confirmation either: this instance itself is a receiver (a PUBLISH on a connection being
			// closed answers null, and waiting for 0 confirmations would pass at once).
			boolean confirmed = receivers != null && receivers >= 1 && this.liveness.isSubscribed()
					&& this.confirmations.await(id, receivers.intValue(), CONFIRM_WAIT_MILLIS);
			if (!confirmed) {
				log.info("Eviction of {}::{} not confirmed: {} receivers, subscribed {}", cache, key, receivers,
						this.liveness.isSubscribed());
			}
			return confirmed;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		finally {
			this.confirmations.forget(id);
		}
	}

	/**
	 * Tells every instance to drop its copy, without waiting for confirmations: for a key that stays
	 * pending long enough for every instance's own sweep to drop it as well. In the format of
	 * {@link #publishEviction}, under an id nobody awaits. Throws if Redis cannot be reached.
	 */
	void announceEviction(String cache, Object key) {
		if (!this.near.holds(cache)) {
			return;
		}
		publishEvict(cache, UNAWAITED, key);
	}

	/** {@code evict <cache> <id> <key>}; how many subscribers it reached. */
	private Long publishEvict(String cache, String id, Object key) {
		String message = "evict " + cache + " " + id + " " + key;
		// On the channel's own node when it is open (on a cluster, where every instance subscribes).
		return this.connection.isOpen() ? this.connection.publish(CHANNEL, message)
				: this.publisher.convertAndSend(CHANNEL, message);
	}

	/**
	 * Subscribes when not subscribed yet, and opens the connections anew when the client's own
	 * reconnection has not brought the subscription back within {@link #RESUBSCRIBE_AFTER_NANOS};
	 * sends the echo that proves the channel works.
	 */
	@Scheduled(fixedDelay = 1, timeUnit = TimeUnit.SECONDS)
	void maintain() {
		try {
			long now = System.nanoTime();
			if (this.connection.isOpen() && !this.liveness.isSubscribed()) {
				if (this.unsubscribedSince == 0) {
					this.unsubscribedSince = now;
				}
				else if (now - this.unsubscribedSince > RESUBSCRIBE_AFTER_NANOS) {
					log.info("Invalidation channel still not subscribed: connecting anew");
					this.connection.close();
					this.unsubscribedSince = 0;
				}
			}
			else {
				this.unsubscribedSince = 0;
			}
			if (!this.connection.isOpen() && !this.near.isEmpty()) {
				open();
			}
			if (this.liveness.echoDue()) {
				this.publisher.convertAndSend(CHANNEL, "echo " + this.instance + " " + this.liveness.echoSent());
			}
		}
		catch (RuntimeException ex) {
			log.debug("Invalidation channel not confirmed: {}", ex.toString());
		}
		if (!trusted()) {
			this.near.dropAll();
		}
	}

	private void open() {
		if (!this.connection.supported()) {
			log.info("Near cache off: the invalidation channel runs on Lettuce only");
			this.near.switchOff();
			return;
		}
		this.connection.open(CHANNEL, this);
	}

	/** Also after Lettuce reconnects and subscribes again: what was missed meanwhile is dropped. */
	@Override
	public void subscribed() {
		this.near.dropAll();
		this.liveness.subscribed();
	}

	@Override
	public void disconnected() {
		this.liveness.lost();
		this.near.dropAll();
	}

	@Override
	public void message(String message) {
		String[] parts = message.split(" ", 4);
		if (parts.length == 4 && parts[0].equals("evict")) {
			this.near.drop(parts[1], parts[3]);
			// An announcement nobody waits for is not answered: N instances would each answer N.
			if (!parts[2].equals(UNAWAITED)) {
				this.connection.publishAsync(CHANNEL, "dropped " + parts[2]);
			}
		}
		else if (parts.length == 2 && parts[0].equals("dropped")) {
			this.confirmations.confirm(parts[1]);
		}
		else if (parts.length == 3 && parts[0].equals("echo") && parts[1].equals(this.instance)) {
			this.liveness.echoHeard(Long.parseLong(parts[2]));
		}
	}

	@PreDestroy
	void close() {
		this.connection.close();
	}

}
