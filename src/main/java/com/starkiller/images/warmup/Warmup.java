package com.starkiller.images.warmup;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import com.starkiller.images.listing.ListingService;
import com.starkiller.images.web.SiteProperties;

/**
 * Sends this instance's own public port real requests before it reports ready: an application
 * runner, and Spring Boot turns readiness to accepting traffic only after the last one. Tomcat,
 * the filters, the controllers, Thymeleaf, Jackson, the caches and the MongoDB and Redis clients
 * then meet the first visitors compiled instead of interpreted. It only reads, without cookies, so
 * nothing is written and no session is made. It stops once the JIT has settled ({@link JitSettling})
 * but not before a floor of time, or at a number of requests or at a time limit, whichever comes
 * first, and whatever fails (no listings, MongoDB down) is logged and the start goes on. The floor
 * is there because slow requests (a slow store, an older JDK) cross few compile thresholds a
 * second, so the compilers can look idle while the code is still mostly interpreted.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
class Warmup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(Warmup.class);

	/** Enough to keep two cores busy while some requests wait for MongoDB or Redis. */
	private static final int THREADS = 4;

	/** A thread stops after this many requests in a row got no answer (the port does not take them). */
	private static final int FAILURES = 10;

	/** How often the JIT's activity is sampled while the warm-up runs. */
	private static final Duration CHECK = Duration.ofSeconds(1);

	/** How long past the time limit the last requests may take to end (each times out at the limit). */
	private static final Duration GRACE = Duration.ofSeconds(2);

	private final WarmupProperties properties;

	private final ListingService listings;

	private final WarmupTraffic traffic;

	private final SiteProperties site;

	private final Tally tally;

	private final ConfigurableApplicationContext context;

	Warmup(WarmupProperties properties, ListingService listings, WarmupTraffic traffic, SiteProperties site,
			MeterRegistry meters, ConfigurableApplicationContext context) {
		this.properties = properties;
		this.listings = listings;
		this.traffic = traffic;
		this.site = site;
		this.tally = new Tally(meters);
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			warmUp(System.nanoTime());
		}
		catch (RuntimeException ex) {
			log.warn("Warm-up stopped, the start goes on: {}", ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (this.properties.exit()) {
			// A training run: without one good answer the AOT cache would hold no request path.
			int code = (this.tally.successes() > 0) ? 0 : 1;
			log.info("Exiting ({}), as starkiller.warmup.exit asks", code);
			System.exit(SpringApplication.exit(this.context, () -> code));
		}
	}

	private void warmUp(long start) throws InterruptedException {
		long deadline = start + this.properties.maxTime().toNanos();
		long floor = start + this.properties.minTime().toNanos();
		// Read within the time limit too: against a slow MongoDB, its tens of queries could
		// otherwise hold readiness back long past it.
		List<Target> spread = this.listings.spread(this.properties.listings(),
				Duration.ofNanos(deadline - System.nanoTime()), Target::of);
		if (System.nanoTime() - deadline >= 0) {
			log.info("Warm-up skipped: reading the listings to ask for took its whole time limit ({} read)",
					spread.size());
			return;
		}
		if (spread.isEmpty() || this.properties.requests() == 0) {
			log.info("Warm-up skipped: no listing to ask for");
			return;
		}
		LoopbackClient client = LoopbackClient.to((WebServerApplicationContext) this.context, this.site);
		JitSettling jit = JitSettling.ofThisJvm(this.properties.settledBelow(), this.properties.settleWindow());
		AtomicBoolean settled = new AtomicBoolean();
		String token = this.traffic.open();
		ExecutorService threads = Executors.newFixedThreadPool(THREADS, daemons());
		try {
			AtomicLong next = new AtomicLong();
			for (int i = 0; i < THREADS; i++) {
				threads.execute(() -> visit(client, token, spread, next, deadline,
						() -> settled.get() || deadline - System.nanoTime() <= 0));
			}
			threads.shutdown();
			while (!threads.awaitTermination(CHECK.toNanos(), TimeUnit.NANOSECONDS)) {
				long now = System.nanoTime();
				if (now - deadline > GRACE.toNanos()) {
					log.warn("Warm-up threads still busy at the time limit; leaving them");
					break;
				}
				// Sampled from the start so the window is full at the floor; judged only past it.
				boolean quiet = jit != null && !settled.get() && jit.settled(now);
				if (quiet && now - floor >= 0) {
					settled.set(true);
				}
			}
		}
		finally {
			threads.shutdownNow();
			this.traffic.close();
		}
		log.info("Warm-up: {} requests over {} listings in {} ms ({}); it stopped {}", this.tally.total(), spread.size(),
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), this.tally, why(jit, settled.get(), deadline));
	}

	/** Why the warm-up stopped, for its log line. */
	private String why(JitSettling jit, boolean settled, long deadline) {
		if (settled) {
			return String.format("when the JIT had settled (compiling %.1f %% of the last %d ms)", 100 * jit.lastShare(),
					this.properties.settleWindow().toMillis());
		}
		if (System.nanoTime() - deadline >= 0) {
			return "at the time limit";
		}
		return (this.tally.total() >= this.properties.requests()) ? "at the request limit" : "as requests went unanswered";
	}

	private void visit(LoopbackClient client, String token, List<Target> spread, AtomicLong next, long deadline,
			BooleanSupplier stop) {
		int failures = 0;
		long n = next.getAndIncrement();
		while (n < this.properties.requests() && failures < FAILURES && !stop.getAsBoolean()) {
			Visit visit = Visit.nth(n, spread);
			Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000));
			try {
				this.tally.answered(visit, client.get(visit, "warmup-" + n, token, left));
				failures = 0;
			}
			catch (IOException ex) {
				this.tally.unanswered(visit);
				failures++;
				log.debug("Warm-up request {} got no answer: {}", visit.target(), ex.toString());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			n = next.getAndIncrement();
		}
	}

	private static CustomizableThreadFactory daemons() {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("warmup-");
		threads.setDaemon(true);
		return threads;
	}

}
