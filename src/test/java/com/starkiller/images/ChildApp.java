package com.starkiller.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.util.FileSystemUtils;

import com.starkiller.images.embedded.FreePorts;

import static org.assertj.core.api.Assertions.fail;

/**
 * A whole app instance in a JVM of its own, for tests that need its own heap, JVM flags or
 * environment variables ({@link AppInstance} shares this JVM). Its output goes to a file that
 * {@link #tail} reads; {@link #close} stops it and deletes its files.
 */
public final class ChildApp implements AutoCloseable {

	private static final Duration START = Duration.ofSeconds(180);

	private final Process process;

	private final Path output;

	private final Path dataDir;

	/** Whether {@link #close} deletes the data folder: not one the test gave (see {@link #startOn}). */
	private final boolean ownDataDir;

	private final Http http;

	private final Http management;

	private ChildApp(Process process, Path output, Path dataDir, boolean ownDataDir, Http http, Http management) {
		this.process = process;
		this.output = output;
		this.dataDir = dataDir;
		this.ownDataDir = ownDataDir;
		this.http = http;
		this.management = management;
	}

	/**
	 * Starts the app with these JVM options, environment variables and settings
	 * ({@code --name=value}; the port and data folder are chosen here) and waits until it is ready.
	 */
	public static ChildApp start(String name, List<String> jvmOptions, Map<String, String> environment,
			String... settings) throws IOException {
		ChildApp app = launch(name, jvmOptions, environment, settings);
		app.awaitReady();
		return app;
	}

	/** Starts the app as {@link #start} does, without waiting for anything. */
	public static ChildApp launch(String name, List<String> jvmOptions, Map<String, String> environment,
			String... settings) throws IOException {
		return launch(name, Files.createTempDirectory(name + "-data"), true, jvmOptions, environment, settings);
	}

	/**
	 * Starts the app as {@link #start} does on this data folder, which the test owns: {@link #close}
	 * leaves it, so another app can start on it.
	 */
	public static ChildApp startOn(Path dataDir, String name, List<String> jvmOptions, Map<String, String> environment,
			String... settings) throws IOException {
		ChildApp app = launch(name, dataDir, false, jvmOptions, environment, settings);
		app.awaitReady();
		return app;
	}

	private static ChildApp launch(String name, Path dataDir, boolean ownDataDir, List<String> jvmOptions,
			Map<String, String> environment, String... settings) throws IOException {
		int port = FreePorts.next();
		int managementPort = FreePorts.next();
		while (managementPort == port) {
			managementPort = FreePorts.next();
		}
		Path output = Files.createTempFile(name + "-app", ".log");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), StarkillerImagesApplication.class.getName(),
				"--server.port=" + port, "--management.server.port=" + managementPort, "--starkiller.data-dir=" + dataDir));
		command.addAll(List.of(settings));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
		builder.environment().putAll(environment);
		return new ChildApp(builder.start(), output, dataDir, ownDataDir, new Http(port), new Http(managementPort));
	}

	public Http http() {
		return this.http;
	}

	/** The management port: actuator endpoints and health details. */
	public Http management() {
		return this.management;
	}

	/**
	 * Sends this signal ({@code STOP}, {@code CONT}) to the app's process, by its id: stopped, the
	 * whole JVM stands still as in a stop-the-world collection, while its sockets stay open.
	 */
	public void signal(String name) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(this.process.pid())).inheritIO().start();
			if (kill.waitFor() != 0) {
				fail("kill -" + name + " " + this.process.pid() + " failed");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			fail("Interrupted while signalling the app");
		}
	}

	/** The app's process, to find the processes it started. */
	public ProcessHandle process() {
		return this.process.toHandle();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** Its exit code, once it has exited by itself within {@code limit}; fails otherwise. */
	public int awaitExit(Duration limit) {
		try {
			if (!this.process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
				fail("The app did not exit within " + limit + ":\n" + tail(200));
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return fail("Interrupted while waiting for the app to exit");
		}
	}

	/** Every line the app has written so far. */
	public List<String> lines() {
		try {
			return Files.readAllLines(this.output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The last lines of its output, for a failure message. */
	public String tail(int count) {
		try {
			List<String> lines = lines();
			return "---- the app's output (" + this.output + ") ----\n"
					+ String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
		}
		catch (UncheckedIOException ex) {
			return "(its output is unreadable: " + ex + ")";
		}
	}

	private void awaitReady() {
		long deadline = System.nanoTime() + START.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				fail("The app exited while starting (" + this.process.exitValue() + "):\n" + tail(200));
			}
			try {
				if (this.http.get("/readyz").statusCode() == 200) {
					return;
				}
			}
			catch (UncheckedIOException ex) {
				// Not listening yet.
			}
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				fail("Interrupted while the app was starting");
			}
		}
		fail("The app was not ready within " + START + ":\n" + tail(200));
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
			if (this.ownDataDir) {
				FileSystemUtils.deleteRecursively(this.dataDir);
			}
			Files.deleteIfExists(this.output);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
