package com.starkiller.images.cache;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The invalidation channel's own Redis connections: one subscribed to the channel, and one that
 * sends confirmations without blocking the subscriber. Lettuce reconnects and resubscribes both by
 * itself; the listener hears every disconnection and every (re)subscription.
 */
class ChannelConnection {

	/** What the channel hears from its connection. */
	interface Listener {

		void subscribed();

		void disconnected();

		void message(String message);

	}

	private final LettuceConnectionFactory redis;

	private volatile StatefulRedisPubSubConnection<String, String> subscription;

	private volatile StatefulRedisConnection<String, String> confirmations;

	ChannelConnection(LettuceConnectionFactory redis) {
		this.redis = redis;
	}

	boolean isOpen() {
		return this.subscription != null;
	}

	/** Whether Redis is one the channel can run on (a standalone client). */
	boolean supported() {
		return this.redis.getRequiredNativeClient() instanceof RedisClient;
	}

	/** Subscribes to the channel; throws, with nothing left open, when Redis cannot be reached. */
	void open(String channel, Listener listener) {
		RedisClient client = (RedisClient) this.redis.getRequiredNativeClient();
		StatefulRedisPubSubConnection<String, String> connection = client.connectPubSub();
		((RedisChannelHandler<?, ?>) connection).addListener(new RedisConnectionStateListener() {
			@Override
			public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
				listener.disconnected();
			}
		});
		connection.addListener(new RedisPubSubAdapter<>() {
			@Override
			public void subscribed(String name, long count) {
				listener.subscribed();
			}

			@Override
			public void message(String name, String message) {
				listener.message(message);
			}
		});
		try {
			this.confirmations = client.connect();
			connection.sync().subscribe(channel);
		}
		catch (RuntimeException ex) {
			close(connection);
			throw ex;
		}
		this.subscription = connection;
	}

	/** Publishes without waiting, on the confirmations connection (none while it is not open). */
	void publishAsync(String channel, String message) {
		StatefulRedisConnection<String, String> connection = this.confirmations;
		if (connection != null) {
			connection.async().publish(channel, message);
		}
	}

	/** Closes both connections; {@link #isOpen} is false afterwards, so the channel may open again. */
	void close() {
		StatefulRedisPubSubConnection<String, String> connection = this.subscription;
		this.subscription = null;
		close(connection);
	}

	private void close(StatefulRedisPubSubConnection<String, String> connection) {
		if (connection != null) {
			connection.closeAsync();
		}
		StatefulRedisConnection<String, String> confirm = this.confirmations;
		if (confirm != null) {
			confirm.closeAsync();
			this.confirmations = null;
		}
	}

}
