package com.starkiller.images;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.sentinel.api.StatefulRedisSentinelConnection;
import io.lettuce.core.sentinel.api.sync.RedisSentinelCommands;

import com.starkiller.images.embedded.FreePorts;

import static com.starkiller.images.RedisProcesses.call;
import static org.awaitility.Awaitility.await;

/**
 * A Sentinel-managed Redis: one primary and two replicas ({@code redis-server}) watched by three
 * {@code redis-sentinel} processes with a quorum of two, all Debian's, on free loopback ports. Each
 * has a config file of its own, which Sentinel rewrites as it learns the topology and fails over.
 * A primary is declared down after one second without an answer.
 */
public final class RedisSentinelServers implements AutoCloseable {

	private static final String MASTER = "starkiller";

	private static final int REPLICAS = 2;

	private static final int SENTINELS = 3;

	private static final int QUORUM = 2;

	private final RedisProcesses processes;

	private final List<Integer> servers = new ArrayList<>();

	private final List<Integer> sentinels = new ArrayList<>();

	private int killed;

	private RedisSentinelServers(RedisProcesses processes) {
		this.processes = processes;
	}

	/**
	 * Starts the primary and its replicas and waits until both are in sync, then the sentinels,
	 * and waits until each of them names that primary and knows both replicas and the other two
	 * sentinels (so any two can agree on a failover).
	 */
	public static RedisSentinelServers start() {
		RedisProcesses.require(RedisProcesses.REDIS_SERVER, "redis-server");
		RedisProcesses.require(RedisProcesses.REDIS_SENTINEL, "redis-sentinel");
		RedisSentinelServers servers = null;
		try {
			servers = new RedisSentinelServers(new RedisProcesses("redis-sentinel"));
			int primary = servers.startServer(null);
			for (int i = 0; i < REPLICAS; i++) {
				servers.startServer(primary);
			}
			servers.awaitReplicasOf(primary);
			for (int i = 0; i < SENTINELS; i++) {
				servers.startSentinel(primary);
			}
			servers.awaitSentinelsAgreeOn(primary);
			return servers;
		}
		catch (IOException | RuntimeException ex) {
			if (servers != null) {
				servers.close();
			}
			throw new IllegalStateException("The Sentinel-managed Redis did not start", ex);
		}
	}

	/** {@code spring.data.redis.sentinel.nodes}: every sentinel, as host:port. */
	public String nodes() {
		return this.sentinels.stream().map((port) -> "127.0.0.1:" + port).collect(Collectors.joining(","));
	}

	/** {@code spring.data.redis.sentinel.master}: the name the sentinels know the primary by. */
	public String master() {
		return MASTER;
	}

	/** The port of the primary, as the first sentinel that answers names it. */
	public int primary() {
		for (int port : this.sentinels) {
			try {
				return primaryNamedBy(port);
			}
			catch (RuntimeException unreachable) {
				// Ask the next sentinel.
			}
		}
		throw new IllegalStateException("No sentinel names the primary");
	}

	/** Kills (SIGKILL) the primary's process; answers its port. */
	public int killPrimary() {
		this.killed = primary();
		this.processes.kill(this.killed);
		return this.killed;
	}

	/**
	 * Waits until every sentinel names a new primary in place of the one killed, that server says it
	 * is a primary, and the other replica is in sync with it.
	 */
	public int awaitFailover() {
		if (this.killed == 0) {
			throw new IllegalStateException("No primary was killed");
		}
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
			.until(() -> {
				int primary = primaryNamedBy(this.sentinels.get(0));
				return primary != this.killed && this.sentinels.stream().allMatch((port) -> primaryNamedBy(port) == primary)
						&& call(primary, (redis) -> redis.info("replication")).contains("role:master");
			});
		int primary = primary();
		awaitReplicasOf(primary);
		return primary;
	}

	/** How many times the live servers together have run {@code command} (INFO commandstats), such as "get". */
	public long calls(String command) {
		return RedisProcesses.calls(this.processes.live(this.servers), command);
	}

	/** How many connections subscribe to {@code channel} on the primary now. */
	public long subscribers(String channel) {
		return call(primary(), (redis) -> redis.pubsubNumsub(channel)).getOrDefault(channel, 0L);
	}

	/** Kills every process this fixture started and deletes their folders. */
	@Override
	public void close() {
		this.processes.close();
	}

	/** Starts a server, a replica of {@code primary} unless that is null; answers its port. */
	private int startServer(Integer primary) throws IOException {
		int port = FreePorts.next();
		Path folder = this.processes.folder(port);
		List<String> config = new ArrayList<>(List.of("port " + port, "bind 127.0.0.1", "dir " + folder,
				"save \"\"", "appendonly no",
				// The replicas' first sync at once, not after waiting five seconds for more replicas.
				"repl-diskless-sync-delay 0"));
		if (primary != null) {
			config.add("replicaof 127.0.0.1 " + primary);
		}
		this.processes.start(port, RedisProcesses.REDIS_SERVER, write(folder, "redis.conf", config));
		this.servers.add(port);
		return port;
	}

	private void startSentinel(int primary) throws IOException {
		int port = FreePorts.next();
		Path folder = this.processes.folder(port);
		List<String> config = List.of("port " + port, "bind 127.0.0.1", "dir " + folder,
				"sentinel monitor " + MASTER + " 127.0.0.1 " + primary + " " + QUORUM,
				"sentinel down-after-milliseconds " + MASTER + " 1000",
				"sentinel failover-timeout " + MASTER + " 5000",
				"sentinel parallel-syncs " + MASTER + " 1");
		this.processes.start(port, RedisProcesses.REDIS_SENTINEL, write(folder, "sentinel.conf", config));
		this.sentinels.add(port);
	}

	private void awaitReplicasOf(int primary) {
		List<Integer> replicas = this.processes.live(this.servers).stream().filter((port) -> port != primary).toList();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
			.until(() -> replicas.stream().allMatch((port) -> {
				String replication = call(port, (redis) -> redis.info("replication"));
				return replication.contains("master_port:" + primary + "\r\n")
						&& replication.contains("master_link_status:up");
			}));
	}

	private void awaitSentinelsAgreeOn(int primary) {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
			.until(() -> this.sentinels.stream().allMatch((port) -> {
				Map<String, String> master = sentinel(port, (sentinel) -> sentinel.master(MASTER));
				return primaryNamedBy(port) == primary && "master".equals(master.get("flags"))
						&& Integer.parseInt(master.get("num-slaves")) == REPLICAS
						&& Integer.parseInt(master.get("num-other-sentinels")) == SENTINELS - 1;
			}));
	}

	private static int primaryNamedBy(int sentinelPort) {
		return ((InetSocketAddress) sentinel(sentinelPort, (sentinel) -> sentinel.getMasterAddrByName(MASTER))).getPort();
	}

	private static <T> T sentinel(int port, Function<RedisSentinelCommands<String, String>, T> command) {
		RedisClient client = RedisClient.create();
		try (StatefulRedisSentinelConnection<String, String> connection = client.connectSentinel(
				RedisURI.builder().withHost("127.0.0.1").withPort(port).withTimeout(Duration.ofSeconds(2)).build())) {
			return command.apply(connection.sync());
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
		}
	}

	private static String write(Path folder, String name, List<String> lines) throws IOException {
		return Files.write(folder.resolve(name), lines).toString();
	}

}
