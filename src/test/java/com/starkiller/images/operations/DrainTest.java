package com.starkiller.images.operations;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.starkiller.images.AppInstance;
import com.starkiller.images.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stopping instance says it is not ready and keeps serving while requests still come (the
 * balancer has not taken it out yet), then stops once they have stopped coming.
 */
class DrainTest {

	@Test
	void aStoppingInstanceServesWhileRequestsComeAndStopsWhenTheyStop() {
		AppInstance instance = AppInstance.start("starkiller.shutdown.drain=120s", "starkiller.shutdown.quiet=5s");
		Http http = instance.http();
		AtomicBoolean traffic = new AtomicBoolean(true);
		AtomicInteger servedWhileNotReady = new AtomicInteger();
		AtomicInteger failedWhileNotReady = new AtomicInteger();
		AtomicBoolean notReady = new AtomicBoolean();
		CompletableFuture<Void> balancer = CompletableFuture.runAsync(() -> {
			while (traffic.get()) {
				int status = statusOf(http, "/listings/7");
				if (notReady.get()) {
					(status == 200 ? servedWhileNotReady : failedWhileNotReady).incrementAndGet();
				}
				pause(100);
			}
		});
		await().atMost(Duration.ofMinutes(1)).until(() -> statusOf(http, "/listings/7") == 200);

		CompletableFuture<Void> stopping = CompletableFuture.runAsync(instance::close);
		await().atMost(Duration.ofMinutes(1)).until(() -> statusOf(http, "/readyz") == 503);
		notReady.set(true);
		await().atMost(Duration.ofMinutes(1)).until(() -> servedWhileNotReady.get() >= 10);
		assertThat(stopping).isNotDone();

		traffic.set(false);
		balancer.join();
		await().atMost(Duration.ofMinutes(1)).until(stopping::isDone);
		assertThat(failedWhileNotReady.get()).isZero();
		assertThat(statusOf(http, "/livez")).isEqualTo(-1);
	}

	/**
	 * Found by review: the quiet time counted from the last request before the stop, so an instance
	 * idle for that long closed its port at once, before its balancer could see readiness down.
	 */
	@Test
	void anInstanceIdleBeforeItsStopStillServesUntilItsBalancerCanHaveSeenReadinessDown() {
		AppInstance instance = AppInstance.start("starkiller.shutdown.drain=120s", "starkiller.shutdown.quiet=10s");
		Http http = instance.http();
		await().atMost(Duration.ofMinutes(1)).until(() -> statusOf(http, "/listings/7") == 200);
		// Idle for longer than the quiet time, so that the code before the fix had nothing to wait for.
		pause(11_000);

		CompletableFuture<Void> stopping = CompletableFuture.runAsync(instance::close);
		await().atMost(Duration.ofMinutes(1)).until(() -> statusOf(http, "/readyz") != 200);
		assertThat(statusOf(http, "/readyz")).isEqualTo(503);
		assertThat(statusOf(http, "/listings/7")).isEqualTo(200);
		assertThat(stopping).isNotDone();
		await().atMost(Duration.ofMinutes(1)).until(stopping::isDone);
		assertThat(statusOf(http, "/livez")).isEqualTo(-1);
	}

	/** The status, or -1 when the instance no longer takes connections. */
	private static int statusOf(Http http, String path) {
		try {
			return http.get(path).statusCode();
		}
		catch (RuntimeException ex) {
			return -1;
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
