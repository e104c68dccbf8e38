package com.starkiller.images.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.starkiller.images.AppInstance;
import com.starkiller.images.ChildApp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An app killed without a clean shutdown (kill -9) leaves its embedded redis-server running,
 * orphaned; the next start on the same data folder stops it and deletes its temporary files.
 */
class LeftoverRedisTest {

	// No demo seed: H2 commits once a second, so a kill just after the seed could lose the release
	// of an image's lock, and the next start would wait for its lease, which is not this test's matter.
	private static final String[] SETTINGS = { "--starkiller.seed.demo=false", "--starkiller.warmup.enabled=false",
			"--starkiller.assets.archive=false" };

	@TempDir
	Path dataDir;

	@Test
	void aStartStopsTheRedisServerThatAKilledAppLeftRunning() throws IOException {
		ChildApp killed = ChildApp.startOn(this.dataDir, "leftover-redis", List.of("-Xmx384m"), Map.of(), SETTINGS);
		ProcessHandle server = null;
		String commandLine = null;
		try {
			server = killed.process()
				.children()
				.filter((child) -> commandLine(child).contains("redis-server"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("the app runs no redis-server:\n" + killed.tail(60)));
			commandLine = commandLine(server);
			Path binaryFolder = Path.of(commandLine.split(" ")[0]).getParent();
			assertThat(binaryFolder).isDirectory();

			killed.signal("KILL");
			killed.awaitExit(Duration.ofSeconds(30));
			assertThat(commandLine(server)).as("the killed app's redis-server, orphaned").isEqualTo(commandLine);

			try (ChildApp next = ChildApp.startOn(this.dataDir, "leftover-redis", List.of("-Xmx384m"), Map.of(),
					SETTINGS)) {
				// A zombie waiting for its parent to reap it has no command line.
				assertThat(commandLine(server)).as("the killed app's redis-server, once the next app started")
					.isNotEqualTo(commandLine);
				assertThat(binaryFolder).doesNotExist();
				assertThat(next.management().get("/actuator/health/redis").body()).contains("\"status\":\"UP\"");
				String stopped = "Stopped the redis-server " + server.pid() + " ";
				assertThat(next.lines()).anyMatch((line) -> line.contains(stopped));
			}
		}
		finally {
			killed.close();
			// Only the server this test's app started, and only while it is still that server.
			if (server != null && commandLine.equals(commandLine(server))) {
				server.destroyForcibly();
			}
		}
	}

	/** {@code /proc/<pid>/cmdline}, its arguments joined by spaces; empty once the process is gone. */
	private static String commandLine(ProcessHandle process) {
		try {
			byte[] line = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
			return new String(line, StandardCharsets.UTF_8).replace('\0', ' ').strip();
		}
		catch (IOException ex) {
			return "";
		}
	}

	/**
	 * Found by review: the pid file made the data folder a must for the embedded Redis too, so an app
	 * with MongoDB elsewhere and no folder it could make (here a file in its place; a read-only file
	 * system in a container) no longer started.
	 */
	@Test
	void anAppWhoseDataFolderCannotBeMadeStillStartsItsEmbeddedRedis(@TempDir Path folder) throws IOException {
		Path notAFolder = Files.writeString(folder.resolve("data"), "a file where the data folder would go");

		try (AppInstance app = AppInstance.start("spring.data.redis.url=", "starkiller.data-dir=" + notAFolder)) {
			assertThat(app.http().get("/readyz").statusCode()).isEqualTo(200);
			assertThat(app.http().get("/listings/7").statusCode()).isEqualTo(200);
		}
	}

}
