package com.starkiller.images;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import static org.awaitility.Awaitility.await;

/**
 * The Redis processes one test fixture starts from Debian's binaries, each on its own loopback
 * port with its own folder (config, log, data) in one temporary directory. They are killed through
 * their own process handles (SIGKILL to that PID), never by name, so other Redis processes on the
 * machine are left alone.
 */
final class RedisProcesses implements AutoCloseable {

	static final Path REDIS_SERVER = Path.of("/usr/bin/redis-server");

	static final Path REDIS_SENTINEL = Path.of("/usr/bin/redis-sentinel");

	private final Path dir;

	private final Map<Integer, Process> byPort = new LinkedHashMap<>();

	RedisProcesses(String name) throws IOException {
		this.dir = Files.createTempDirectory(name);
	}

	/** Fails at once, with the package to install, when Debian's binary is missing. */
	static void require(Path binary, String debianPackage) {
		if (!Files.isExecutable(binary)) {
			throw new IllegalStateException(binary + " is missing: apt-get install -y " + debianPackage);
		}
	}

	/** The folder of the process on this port (created on first use). */
	Path folder(int port) throws IOException {
		return Files.createDirectories(this.dir.resolve(Integer.toString(port)));
	}

	/** Starts {@code binary} with these arguments, its output in its folder's log, and waits until it answers PING. */
	void start(int port, Path binary, String... arguments) throws IOException {
		List<String> command = new ArrayList<>(List.of(binary.toString()));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(folder(port).resolve("log").toFile())
			.start();
		this.byPort.put(port, process);
		await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
			.until(() -> "PONG".equals(call(port, RedisCommands::ping)));
	}

	/** Kills (SIGKILL) the process on this port and waits until it is gone. */
	void kill(int port) {
		Process process = this.byPort.get(port);
		process.destroyForcibly();
		awaitExit(process);
	}

	boolean isAlive(int port) {
		return this.byPort.get(port).isAlive();
	}

	/** The ports of the processes started, in the order they were started. */
	List<Integer> ports() {
		return List.copyOf(this.byPort.keySet());
	}

	/** Of these ports, the ones whose process still runs. */
	List<Integer> live(List<Integer> ports) {
		return ports.stream().filter(this::isAlive).toList();
	}

	/** How many times these nodes together have run {@code command} (INFO commandstats), such as "get". */
	static long calls(List<Integer> ports, String command) {
		long calls = 0;
		for (int port : ports) {
			String stats = call(port, (redis) -> redis.info("commandstats"));
			for (String line : stats.lines().toList()) {
				// cmdstat_get:calls=12,usec=…,rejected_calls=0,failed_calls=0: the first count, not the last.
				if (line.startsWith("cmdstat_" + command + ":calls=")) {
					calls += Long.parseLong(line.replaceFirst("^[^:]*:calls=(\\d+),.*", "$1").strip());
				}
			}
		}
		return calls;
	}

	/** Runs one command on the node on this port, over a connection of its own. */
	static <T> T call(int port, Function<RedisCommands<String, String>, T> command) {
		RedisClient client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(port)
			.withTimeout(Duration.ofSeconds(2)).build());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return command.apply(connection.sync());
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
		}
	}

	/** Kills every process this fixture started and deletes their folders. */
	@Override
	public void close() {
		this.byPort.values().forEach(Process::destroyForcibly);
		this.byPort.values().forEach(RedisProcesses::awaitExit);
		try (Stream<Path> files = Files.walk(this.dir)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException ex) {
			// A temporary folder left behind is not worth failing a test for.
		}
	}

	private static void awaitExit(Process process) {
		try {
			process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
