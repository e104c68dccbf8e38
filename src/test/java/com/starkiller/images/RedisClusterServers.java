package com.starkiller.images;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.starkiller.images.embedded.FreePorts;

import static com.starkiller.images.RedisProcesses.call;
import static org.awaitility.Awaitility.await;

/**
 * A Redis Cluster of three primaries and three replicas, each a real {@code redis-server} process
 * (Debian's) on a free loopback port, formed with the cluster commands themselves: every node meets
 * the first, the primaries take a third of the slots each, each replica follows its primary.
 */
public final class RedisClusterServers implements AutoCloseable {

	private static final int PRIMARIES = 3;

	private final RedisProcesses processes;

	private final List<Integer> ports;

	private RedisClusterServers(RedisProcesses processes) {
		this.processes = processes;
		this.ports = processes.ports();
	}

	/** Starts six nodes and waits until the cluster says it is ok on every one of them. */
	public static RedisClusterServers start() {
		RedisProcesses.require(RedisProcesses.REDIS_SERVER, "redis-server");
		RedisProcesses processes = null;
		try {
			processes = new RedisProcesses("redis-cluster");
			for (int i = 0; i < 2 * PRIMARIES; i++) {
				startNode(processes, nodePort());
			}
			RedisClusterServers cluster = new RedisClusterServers(processes);
			cluster.form();
			return cluster;
		}
		catch (IOException | RuntimeException ex) {
			if (processes != null) {
				processes.close();
			}
			throw new IllegalStateException("The Redis Cluster did not start", ex);
		}
	}

	/** {@code spring.data.redis.cluster.nodes}: every node, as host:port. */
	public String nodes() {
		return this.ports.stream().map((port) -> "127.0.0.1:" + port).collect(Collectors.joining(","));
	}

	/** Kills (SIGKILL) the primary that holds the slot of {@code key}; answers its port. */
	public int killPrimaryOf(String key) {
		int port = primaryOf(key);
		this.processes.kill(port);
		return port;
	}

	/** The port of the node that serves the slot of {@code key} now. */
	public int primaryOf(String key) {
		for (int port : this.ports) {
			if (!this.processes.isAlive(port)) {
				continue;
			}
			try {
				Long slot = call(port, (redis) -> redis.clusterKeyslot(key));
				String owner = call(port, (redis) -> redis.clusterNodes()).lines()
					.filter((line) -> line.contains("master") && !line.contains("fail") && servesSlot(line, slot))
					.findFirst()
					.orElse(null);
				if (owner != null) {
					String address = owner.split(" ")[1];
					return Integer.parseInt(address.substring(address.indexOf(':') + 1, address.indexOf('@')));
				}
			}
			catch (RuntimeException unreachable) {
				// Ask the next node.
			}
		}
		throw new IllegalStateException("No live node knows who serves " + key);
	}

	/** How many times the live nodes together have run {@code command} (INFO commandstats), such as "get". */
	public long calls(String command) {
		return RedisProcesses.calls(liveNodes(), command);
	}

	/** Waits until every live node says the cluster is ok (a failover has completed). */
	public void awaitHealthy() {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> liveNodes().stream()
			.allMatch((port) -> call(port, (redis) -> redis.clusterInfo()).contains("cluster_state:ok")));
	}

	@Override
	public void close() {
		this.processes.close();
	}

	private static void startNode(RedisProcesses processes, int port) throws IOException {
		processes.start(port, RedisProcesses.REDIS_SERVER, "--port", Integer.toString(port), "--bind", "127.0.0.1",
				"--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "1000",
				"--save", "", "--appendonly", "no", "--dir", processes.folder(port).toString(), "--daemonize", "no");
	}

	private void form() {
		int first = this.ports.get(0);
		for (int port : this.ports.subList(1, this.ports.size())) {
			call(port, (redis) -> redis.clusterMeet("127.0.0.1", first));
		}
		int per = 16384 / PRIMARIES;
		for (int i = 0; i < PRIMARIES; i++) {
			int from = i * per;
			int to = (i == PRIMARIES - 1) ? 16383 : (i + 1) * per - 1;
			int[] slots = new int[to - from + 1];
			for (int slot = from; slot <= to; slot++) {
				slots[slot - from] = slot;
			}
			call(this.ports.get(i), (redis) -> redis.clusterAddSlots(slots));
		}
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
			.until(() -> this.ports.stream().allMatch((port) -> call(port, (redis) -> redis.clusterNodes()).lines()
				.count() == this.ports.size()));
		for (int i = 0; i < PRIMARIES; i++) {
			int primary = this.ports.get(i);
			String id = call(primary, (redis) -> redis.clusterMyId());
			call(this.ports.get(PRIMARIES + i), (redis) -> redis.clusterReplicate(id));
		}
		awaitHealthy();
		// Every replica has caught up with its primary, so a failover finds one to promote.
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
			.until(() -> this.ports.subList(PRIMARIES, this.ports.size()).stream()
				.allMatch((port) -> call(port, (redis) -> redis.info("replication")).contains("master_link_status:up")));
	}

	private List<Integer> liveNodes() {
		return this.processes.live(this.ports);
	}

	private static boolean servesSlot(String line, long slot) {
		String[] fields = line.split(" ");
		for (int i = 8; i < fields.length; i++) {
			String range = fields[i];
			if (range.startsWith("[")) {
				continue;
			}
			String[] bounds = range.split("-");
			long from = Long.parseLong(bounds[0]);
			long to = (bounds.length > 1) ? Long.parseLong(bounds[1]) : from;
			if (slot >= from && slot <= to) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A free port whose cluster bus port (the port + 10000, which CLUSTER MEET assumes) exists and
	 * is free too: redis-server refuses to start on a port above 55535.
	 */
	private static int nodePort() {
		for (int attempt = 0; attempt < 1000; attempt++) {
			int port = FreePorts.next();
			if (port <= 55535 && isFree(port + 10000)) {
				return port;
			}
		}
		throw new IllegalStateException("No free port with a free cluster bus port");
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(FreePorts.LOOPBACK, port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
