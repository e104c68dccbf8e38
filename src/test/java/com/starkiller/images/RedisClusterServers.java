package com.starkiller.images;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import com.starkiller.images.embedded.FreePorts;

import static org.awaitility.Awaitility.await;

/**
 * A Redis Cluster of three primaries and three replicas, each a real {@code redis-server} process
 * (Debian's) on a free loopback port, formed with the cluster commands themselves: every node meets
 * the first, the primaries take a third of the slots each, each replica follows its primary.
 */
public final class RedisClusterServers implements AutoCloseable {

	private static final Path REDIS_SERVER = Path.of("/usr/bin/redis-server");

	private static final int PRIMARIES = 3;

	private final Path dir;

	private final List<Integer> ports = new ArrayList<>();

	private final List<Process> processes = new ArrayList<>();

	private RedisClusterServers(Path dir) {
		this.dir = dir;
	}

	/** Starts six nodes and waits until the cluster says it is ok on every one of them. */
	public static RedisClusterServers start() {
		if (!Files.isExecutable(REDIS_SERVER)) {
			throw new IllegalStateException(REDIS_SERVER + " is missing: apt-get install -y redis-server");
		}
		try {
			RedisClusterServers cluster = new RedisClusterServers(Files.createTempDirectory("redis-cluster"));
			for (int i = 0; i < 2 * PRIMARIES; i++) {
				cluster.startNode(FreePorts.next());
			}
			cluster.form();
			return cluster;
		}
		catch (IOException ex) {
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
		this.processes.get(this.ports.indexOf(port)).destroyForcibly();
		return port;
	}

	/** The port of the node that serves the slot of {@code key} now. */
	public int primaryOf(String key) {
		for (int port : this.ports) {
			if (!this.processes.get(this.ports.indexOf(port)).isAlive()) {
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
		long calls = 0;
		for (int port : liveNodes()) {
			String stats = call(port, (redis) -> redis.info("commandstats"));
			for (String line : stats.lines().toList()) {
				if (line.startsWith("cmdstat_" + command + ":")) {
					calls += Long.parseLong(line.replaceAll(".*calls=(\\d+).*", "$1"));
				}
			}
		}
		return calls;
	}

	/** Waits until every live node says the cluster is ok (a failover has completed). */
	public void awaitHealthy() {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> liveNodes().stream()
			.allMatch((port) -> call(port, (redis) -> redis.clusterInfo()).contains("cluster_state:ok")));
	}

	@Override
	public void close() {
		this.processes.forEach(Process::destroyForcibly);
		for (Process process : this.processes) {
			try {
				process.waitFor();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		try (Stream<Path> files = Files.walk(this.dir)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException ex) {
			// A temporary folder left behind is not worth failing a test for.
		}
	}

	private void startNode(int port) throws IOException {
		Path nodeDir = Files.createDirectories(this.dir.resolve(Integer.toString(port)));
		Process process = new ProcessBuilder(REDIS_SERVER.toString(), "--port", Integer.toString(port), "--bind",
				"127.0.0.1", "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
				"--cluster-node-timeout", "1000", "--save", "", "--appendonly", "no", "--dir", nodeDir.toString(),
				"--daemonize", "no")
			.redirectErrorStream(true)
			.redirectOutput(nodeDir.resolve("log").toFile())
			.start();
		this.ports.add(port);
		this.processes.add(process);
		await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
			.until(() -> "PONG".equals(call(port, (redis) -> redis.ping())));
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
		List<Integer> live = new ArrayList<>();
		for (int i = 0; i < this.ports.size(); i++) {
			if (this.processes.get(i).isAlive()) {
				live.add(this.ports.get(i));
			}
		}
		return live;
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

	private static <T> T call(int port, java.util.function.Function<RedisCommands<String, String>, T> command) {
		RedisClient client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(port)
			.withTimeout(Duration.ofSeconds(2)).build());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return command.apply(connection.sync());
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
		}
	}

}
