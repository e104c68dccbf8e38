package com.starkiller.images.cache;

import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The invalidation channel's own Redis connections: one subscribed to the channel, and one that
 * publishes (evictions, and confirmations without blocking the subscriber). Lettuce reconnects and
 * resubscribes both by itself; the listener hears every disconnection and every (re)subscription.
 * Through Sentinel, every connection and reconnection first asks the sentinels for the primary, so
 * after a failover both connections follow the new one (RedisSentinelTest).
 * On a Redis Cluster both go to one node, the primary of the channel name's slot, chosen anew at
 * each open: PUBLISH counts only the subscribers of the node it reaches, so every instance
 * subscribes and publishes there, and a write knows how many confirmations to wait for.
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

	// On a cluster: the client of the one node the channel uses, sharing the cluster client's resources.
	private volatile RedisClient nodeClient;

	ChannelConnection(LettuceConnectionFactory redis) {
		this.redis = redis;
	}

	boolean isOpen() {
		return this.subscription != null;
	}

	/** Whether Redis is one the channel can run on (a standalone client, Sentinel's included, or a cluster). */
	boolean supported() {
		Object client = this.redis.getRequiredNativeClient();
		return client instanceof RedisClient || client instanceof RedisClusterClient;
	}

	/** Subscribes to the channel; throws, with nothing left open, when Redis cannot be reached. */
	void open(String channel, Listener listener) {
		RedisClient client = client(channel);
		StatefulRedisPubSubConnection<String, String> connection;
		try {
			connection = client.connectPubSub();
		}
		catch (RuntimeException ex) {
			// A cluster node's own client too, made for this try: one a second while the node is away.
			close(null);
			throw ex;
		}
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

	/** Publishes on the channel's node; answers how many subscribers heard it (null while not open). */
	Long publish(String channel, String message) {
		StatefulRedisConnection<String, String> connection = this.confirmations;
		return (connection != null) ? connection.sync().publish(channel, message) : null;
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
		RedisClient node = this.nodeClient;
		if (node != null) {
			this.nodeClient = null;
			node.shutdownAsync(0, 2, TimeUnit.SECONDS);
		}
	}

	/** The standalone client, or on a cluster a client of the primary that serves the channel's slot now. */
	private RedisClient client(String channel) {
		Object client = this.redis.getRequiredNativeClient();
		if (client instanceof RedisClient standalone) {
			return standalone;
		}
		RedisClusterClient cluster = (RedisClusterClient) client;
		cluster.refreshPartitions();
		RedisClusterNode owner = cluster.getPartitions().getMasterBySlot(SlotHash.getSlot(channel));
		if (owner == null) {
			throw new IllegalStateException("No Redis Cluster node serves the slot of " + channel + " now");
		}
		RedisURI.Builder uri = RedisURI.builder(owner.getUri());
		String password = this.redis.getPassword();
		if (password != null && !password.isEmpty()) {
			uri.withPassword(password.toCharArray());
		}
		RedisClient node = RedisClient.create(cluster.getResources(), uri.build());
		this.nodeClient = node;
		return node;
	}

}
