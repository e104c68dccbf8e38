package com.starkiller.images.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

/**
 * {@code <data-dir>/redis-server.pid}: which {@code redis-server} this app started (its pid, port,
 * binary and configuration file, and the app's own pid). A JVM killed without a clean shutdown
 * (kill -9, the OOM killer) leaves its server running, orphaned, with the binary's temporary
 * folder; the next start with the same data folder stops it and deletes those files. It stops only
 * a process that is still that server, whose command line names that binary and port, and not one
 * whose app is still running (another instance started on the same folder).
 */
final class RedisPidFile implements AutoCloseable {

	static final String NAME = "redis-server.pid";

	private static final Logger log = LoggerFactory.getLogger(RedisPidFile.class);

	/** How long a leftover server may take to stop on SIGTERM before it is killed. */
	private static final Duration STOPPING = Duration.ofSeconds(5);

	private final Path file;

	private volatile Properties written;

	RedisPidFile(Path dataDir) {
		this.file = dataDir.resolve(NAME);
	}

	/** Stops the server that an earlier start recorded here, if it is still running and orphaned. */
	void stopLeftover() {
		Properties recorded = read();
		if (recorded == null) {
			return;
		}
		try {
			long pid = Long.parseLong(recorded.getProperty("pid"));
			int port = Integer.parseInt(recorded.getProperty("port"));
			long owner = Long.parseLong(recorded.getProperty("owner"));
			Path executable = Path.of(recorded.getProperty("executable"));
			Path config = Path.of(recorded.getProperty("config"));
			Optional<ProcessHandle> server = ProcessHandle.of(pid).filter((handle) -> runs(handle, executable, port));
			if (server.isPresent() && isParent(owner, server.get())) {
				log.warn("The redis-server {} recorded in {} belongs to the running process {}: left alone", pid,
						this.file, owner);
				return;
			}
			server.ifPresent((handle) -> stop(handle, executable, port));
			deleteTemporary(executable, config);
			Files.deleteIfExists(this.file);
		}
		catch (RuntimeException | IOException ex) {
			log.warn("Could not clean up after the redis-server recorded in {}: {}", this.file, ex.toString());
		}
	}

	/**
	 * Records the server just started with this command ({@code [binary, config, "--port", port, …]});
	 * where its process cannot be told apart, nothing is recorded and the start goes on.
	 */
	void record(int port, List<String> command) {
		Path executable = Path.of(command.get(0));
		Optional<ProcessHandle> started = ProcessHandle.current()
			.children()
			.filter((child) -> runs(child, executable, port))
			.findFirst();
		if (started.isEmpty()) {
			log.warn("The redis-server just started is not found among this JVM's children: a kill of the app "
					+ "would leave it running");
			return;
		}
		ProcessHandle server = started.get();
		Properties properties = new Properties();
		properties.setProperty("pid", Long.toString(server.pid()));
		properties.setProperty("port", Integer.toString(port));
		properties.setProperty("owner", Long.toString(ProcessHandle.current().pid()));
		properties.setProperty("executable", executable.toString());
		properties.setProperty("config", command.get(1));
		try {
			write(properties);
			this.written = properties;
		}
		catch (IOException ex) {
			log.warn("Could not write {}: a kill of the app would leave its redis-server running: {}", this.file,
					ex.toString());
		}
	}

	private void write(Properties properties) throws IOException {
		Path next = this.file.resolveSibling(NAME + ".new");
		// Created anew: a link left in its place is removed, not written through.
		Files.deleteIfExists(next);
		try (Writer out = Files.newBufferedWriter(next, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW)) {
			properties.store(out, "The embedded redis-server; the next start stops it if the app died without stopping it");
		}
		try {
			Files.move(next, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(next, this.file, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/** Once the server has stopped with the app: nothing is left to clean up. */
	@Override
	public void close() {
		Properties recorded = read();
		if (recorded != null && recorded.equals(this.written)) {
			try {
				Files.deleteIfExists(this.file);
			}
			catch (IOException ex) {
				log.warn("Could not delete {}: {}", this.file, ex.toString());
			}
		}
	}

	private Properties read() {
		try (Reader in = Files.newBufferedReader(this.file, StandardCharsets.UTF_8)) {
			Properties properties = new Properties();
			properties.load(in);
			return properties;
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException | IllegalArgumentException ex) {
			log.warn("Unreadable {}: {}", this.file, ex.toString());
			return null;
		}
	}

	private void stop(ProcessHandle server, Path executable, int port) {
		server.destroy();
		long deadline = System.nanoTime() + STOPPING.toNanos();
		while (runs(server, executable, port) && System.nanoTime() - deadline < 0) {
			pause();
		}
		if (runs(server, executable, port)) {
			server.destroyForcibly();
		}
		log.warn("Stopped the redis-server {} on port {} that an earlier start, which did not shut down cleanly, "
				+ "left running", server.pid(), port);
	}

	private static boolean isParent(long owner, ProcessHandle server) {
		return server.parent().filter((parent) -> parent.pid() == owner && parent.isAlive()).isPresent();
	}

	/**
	 * Whether the process is that binary serving that port. Once ready, redis-server rewrites its
	 * command line as its title, {@code <binary> 127.0.0.1:<port>}; a zombie has none.
	 */
	static boolean runs(ProcessHandle process, Path executable, int port) {
		List<String> words = List.of(commandLine(process).split("\\s+"));
		String number = Integer.toString(port);
		return words.get(0).equals(executable.toString()) && (words.stream().anyMatch((word) -> word.endsWith(":" + number))
				|| Collections.indexOfSubList(words, List.of("--port", number)) > 0);
	}

	/** {@code /proc/<pid>/cmdline} with its arguments joined by spaces, or what the JDK says elsewhere. */
	private static String commandLine(ProcessHandle process) {
		Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
		try {
			return new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' ').strip();
		}
		catch (IOException ex) {
			return Files.isDirectory(Path.of("/proc", "self")) ? "" : process.info().commandLine().orElse("");
		}
	}

	/** The binary's folder and the configuration file, where embedded-redis writes them (the temporary folder). */
	private static void deleteTemporary(Path executable, Path config) throws IOException {
		Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
		Path folder = executable.toAbsolutePath().normalize().getParent();
		if (folder != null && temporary.equals(folder.getParent()) && folder.getFileName().toString().startsWith("redis-")) {
			FileSystemUtils.deleteRecursively(folder);
		}
		Path configFile = config.toAbsolutePath().normalize();
		String name = configFile.getFileName().toString();
		if (temporary.equals(configFile.getParent()) && name.startsWith("embedded-redis-server_") && name.endsWith(".conf")) {
			Files.deleteIfExists(configFile);
		}
	}

	private static void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
