package com.starkiller.images.warmup;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import com.starkiller.images.AppInstance;
import com.starkiller.images.ChildApp;
import com.starkiller.images.FreezableProxy;
import com.starkiller.images.Http;
import com.starkiller.images.StarkillerImagesApplication;
import com.starkiller.images.TestServers;
import com.starkiller.images.embedded.FreePorts;
import com.starkiller.images.operations.Scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The warm-up, against real servers: it holds readiness down until it ends, asks for every miss
 * path without writing anything, stays out of the kept pages and the HTTP metrics, never holds a
 * start up when there is nothing to ask for, and ends a training run.
 */
class WarmupTest {

	private static final Duration LIMIT = Duration.ofMinutes(3);

	/** Where Spring Session keeps sessions (spring.session.data.redis.namespace). */
	private static final String SESSIONS = "spring:session:*";

	/** Each route in each form, as the warm-up's requests reached the app. */
	private static final Set<String> EVERY_MISS_PATH = Set.of("page /listings/{id}", "fragment /listings/{id}",
			"page /images/{id}?index", "fragment /images/{id}?index", "json /images/{id}?index",
			"page /reviews/{id}?index", "fragment /reviews/{id}?index", "json /reviews/{id}?index",
			"page /listings/{id}/photos", "fragment /listings/{id}/photos", "json /listings/{id}/photos",
			"image /media/{image}/{width}");

	@Test
	void readinessWaitsForTheWarmupWhichAsksForEveryMissPathAndWritesNothing() throws Exception {
		Gate gate = new Gate();
		Http http = new Http(FreePorts.next());
		Http management = new Http(FreePorts.next());
		String[] args = AppInstance.arguments("server.port=" + http.port(), "management.server.port=" + management.port(),
				"spring.mongodb.uri=" + TestServers.mongoUri("warmup"), "starkiller.seed.demo-listings=100",
				"starkiller.assets.archive=false", "starkiller.warmup.enabled=true", "starkiller.warmup.requests=400",
				"starkiller.warmup.max-time=2m");
		CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture
			.supplyAsync(() -> new SpringApplicationBuilder(StarkillerImagesApplication.class).initializers(gate).run(args));
		try {
			assertThat(gate.reached.await(LIMIT.toSeconds(), TimeUnit.SECONDS)).as("a warm-up request arrived").isTrue();
			assertThat(http.get("/readyz").statusCode()).isEqualTo(503);
			assertThat(management.get("/actuator/health/readiness").statusCode()).isEqualTo(503);
			assertThat(starting).isNotDone();
			Map<String, List<Document>> stored = contents("warmup");
			Set<String> sessions = sessions();

			gate.open.countDown();
			ConfigurableApplicationContext context = await().atMost(LIMIT).until(() -> starting.getNow(null), (done) -> done != null);
			assertThat(context.getBean(ApplicationAvailability.class).getReadinessState())
				.isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
			assertThat(http.get("/readyz").statusCode()).isEqualTo(200);

			assertThat(gate.seen).containsAll(EVERY_MISS_PATH);
			assertThat(gate.withCookies.get()).isZero();
			assertThat(gate.withSessions.get()).isZero();
			assertThat(contents("warmup")).isEqualTo(stored);
			// None added (another test's may have expired meanwhile).
			assertThat(sessions).containsAll(sessions());

			Scrape before = scrape(management);
			for (String route : List.of("/listings/{id}", "/images/{id}", "/reviews/{id}", "/listings/{id}/photos",
					"/media/{image}/{width}")) {
				assertThat(before.sum("starkiller_warmup_requests_total", "route", route, "outcome", "2xx")).isPositive();
				assertThat(before.sum("http_server_requests_seconds_count", "uri", route)).isZero();
			}
			assertThat(before.sum("starkiller_rendered_pages")).isZero();
			assertThat(before.sum("starkiller_cache_lookups_total", "layer", "kept")).isZero();

			// A visitor's request after the warm-up is counted and kept as usual.
			assertThat(http.get("/reviews/7?index=1").statusCode()).isEqualTo(200);
			// The server records its observation as the response completes, which the client can see first.
			await().atMost(LIMIT).untilAsserted(() -> {
				Scrape after = scrape(management);
				assertThat(after.sum("http_server_requests_seconds_count", "uri", "/reviews/{id}")).isEqualTo(1);
				assertThat(after.sum("starkiller_rendered_pages")).isEqualTo(1);
			});
		}
		finally {
			gate.open.countDown();
			ConfigurableApplicationContext context = starting.exceptionally((ex) -> null).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
			if (context != null) {
				context.close();
			}
		}
	}

	@Test
	void anEmptyDatabaseDoesNotHoldTheStartUp() {
		try (AppInstance app = startWithin(LIMIT, "spring.mongodb.uri=" + TestServers.mongoUri("warmup-empty"),
				"starkiller.seed.demo=false", "starkiller.warmup.enabled=true")) {
			assertThat(app.http().get("/readyz").statusCode()).isEqualTo(200);
			assertThat(scrape(app.management()).sum("starkiller_warmup_requests_total")).isZero();
		}
	}

	@Test
	void aMongoDbThatDoesNotAnswerDoesNotHoldTheStartUp() {
		try (AppInstance app = startWithin(LIMIT, "spring.mongodb.uri=mongodb://127.0.0.1:" + FreePorts.next() + "/down",
				"starkiller.seed.demo=false", "starkiller.warmup.enabled=true")) {
			assertThat(app.bean(ApplicationAvailability.class).getReadinessState())
				.isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
			assertThat(app.http().get("/livez").statusCode()).isEqualTo(200);
		}
	}

	/**
	 * Reading the listings to ask for keeps to the time limit. Here MongoDB takes 2 s over each
	 * query for listings: the reading's 31 queries for 1,000 listings (a binary search for the
	 * last id, then ten batches) took a minute past the first of them, all before readiness, with a
	 * limit of 2 s; now readiness comes once the limit and the query under way have passed.
	 */
	@Test
	void aSlowMongoDbDoesNotHoldReadinessPastTheTimeLimit() {
		String database = "warmup-slow";
		try (AppInstance seeding = startWithin(LIMIT, "spring.mongodb.uri=" + TestServers.mongoUri(database),
				"starkiller.seed.demo-listings=1000", "starkiller.warmup.enabled=false", "starkiller.assets.archive=false")) {
			assertThat(seeding.http().get("/listings/999").statusCode()).isEqualTo(200);
		}
		try (FreezableProxy mongo = new FreezableProxy(FreePorts.LOOPBACK, TestServers.mongoPort())) {
			// The find command on the listings collection as BSON writes it: {find: "listings", …}.
			mongo.slowWhenSent("find\0\t\0\0\0listings\0", Duration.ofSeconds(2));
			try (AppInstance app = startWithin(LIMIT,
					"spring.mongodb.uri=mongodb://" + FreePorts.LOOPBACK + ":" + mongo.port() + "/" + database,
					"starkiller.seed.demo=false", "starkiller.assets.archive=false", "starkiller.mongo.timeout=10s",
					"starkiller.warmup.enabled=true", "starkiller.warmup.max-time=2s")) {
				Duration held = Duration.ofNanos(System.nanoTime() - mongo.firstSlowed());
				assertThat(mongo.slowed()).as("slowed queries").isPositive();
				assertThat(app.bean(ApplicationAvailability.class).getReadinessState())
					.isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
				// The limit, the query under way and the rest of the start, with room to spare; not 62 s.
				assertThat(held).as("readiness after the first slowed query (%d slowed)", mongo.slowed())
					.isLessThan(Duration.ofSeconds(20));
			}
		}
	}

	/** A site that answers only to its own host names is asked as one of them. */
	@Test
	void itAsksAsAnAllowedHost() {
		try (AppInstance app = startWithin(LIMIT, "spring.mongodb.uri=" + TestServers.mongoUri("warmup-hosts"),
				"starkiller.seed.demo-listings=20", "starkiller.allowed-hosts=photos.example.com",
				"starkiller.warmup.enabled=true", "starkiller.warmup.requests=40")) {
			Scrape scrape = scrape(app.management());
			assertThat(scrape.sum("starkiller_warmup_requests_total", "outcome", "2xx")).isPositive();
		}
	}

	@Test
	void turnedOffThereIsNoWarmup() {
		try (AppInstance app = startWithin(LIMIT, "starkiller.warmup.enabled=false")) {
			assertThat(app.http().get("/readyz").statusCode()).isEqualTo(200);
			assertThat(scrape(app.management()).text()).doesNotContain("starkiller_warmup_requests");
		}
	}

	/** The training run of the production image's AOT cache: the demo seed, the warm-up, then exit 0. */
	@Test
	void aTrainingRunExitsAfterTheWarmup() throws IOException {
		ChildApp app = ChildApp.launch("warmup-exit", List.of("-Xmx512m"), Map.of(), "--starkiller.seed.demo=true",
				"--starkiller.seed.demo-listings=40", "--starkiller.seed.image-pool=4", "--starkiller.warmup.enabled=true",
				"--starkiller.warmup.requests=200", "--starkiller.warmup.exit=true");
		try {
			assertThat(app.awaitExit(LIMIT)).as(app.tail(60)).isZero();
			assertThat(app.lines()).anySatisfy((line) -> assertThat(line).contains("Warm-up: 200 requests").contains("2xx"));
		}
		finally {
			app.close();
		}
	}

	/**
	 * With a request budget and a time limit far beyond the test's, only the JIT's settling can end
	 * the warm-up: here a threshold no compiler reaches, judged over one second, so it counts as
	 * settled at its second sample. It still lasts the floor ({@code min-time}) first.
	 */
	@Test
	void theWarmupEndsOnceTheJitHasSettledButNotBeforeItsFloor() throws IOException {
		ChildApp app = ChildApp.launch("warmup-settled", List.of("-Xmx512m"), Map.of(), "--starkiller.seed.demo=true",
				"--starkiller.seed.demo-listings=40", "--starkiller.seed.image-pool=4", "--starkiller.warmup.enabled=true",
				"--starkiller.warmup.requests=100000000", "--starkiller.warmup.max-time=1h",
				"--starkiller.warmup.settled-below=1000", "--starkiller.warmup.settle-window=1s",
				"--starkiller.warmup.min-time=8s", "--starkiller.warmup.exit=true");
		try {
			assertThat(app.awaitExit(LIMIT)).as(app.tail(60)).isZero();
			String line = app.lines()
				.stream()
				.filter((candidate) -> candidate.contains("Warm-up: "))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no warm-up line in\n" + app.tail(60)));
			assertThat(line).contains("it stopped when the JIT had settled (compiling");
			Matcher took = Pattern.compile(" in (\\d+) ms ").matcher(line);
			assertThat(took.find()).as(line).isTrue();
			assertThat(Long.parseLong(took.group(1))).as(line).isGreaterThanOrEqualTo(8000);
		}
		finally {
			app.close();
		}
	}

	private static AppInstance startWithin(Duration limit, String... settings) {
		CompletableFuture<AppInstance> starting = CompletableFuture.supplyAsync(() -> AppInstance.start(settings));
		return await().atMost(limit).until(() -> starting.getNow(null), (app) -> app != null);
	}

	private static Scrape scrape(Http management) {
		return Scrape.of(management.get("/actuator/prometheus").body());
	}

	/** Every document of every collection. */
	private static Map<String, List<Document>> contents(String database) {
		try (MongoClient client = MongoClients.create(TestServers.mongoUri())) {
			MongoDatabase db = client.getDatabase(database);
			Map<String, List<Document>> contents = new TreeMap<>();
			for (String name : db.listCollectionNames()) {
				contents.put(name, db.getCollection(name).find().into(new ArrayList<>()));
			}
			return contents;
		}
	}

	private static Set<String> sessions() {
		RedisClient redis = RedisClient.create(TestServers.redisUrl());
		try (StatefulRedisConnection<String, String> connection = redis.connect()) {
			return new HashSet<>(connection.sync().keys(SESSIONS));
		}
		finally {
			redis.shutdown();
		}
	}

	/**
	 * A filter in the app, after the session filter, that holds every warm-up request (they carry
	 * {@code X-Request-Id: warmup-…}) until the test opens it, and notes what each asked for.
	 */
	static final class Gate implements Filter, ApplicationContextInitializer<ConfigurableApplicationContext> {

		final CountDownLatch reached = new CountDownLatch(1);

		final CountDownLatch open = new CountDownLatch(1);

		final Set<String> seen = ConcurrentHashMap.newKeySet();

		final AtomicInteger withCookies = new AtomicInteger();

		final AtomicInteger withSessions = new AtomicInteger();

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getBeanFactory().registerSingleton("warmupGate", this);
		}

		@Override
		public void doFilter(ServletRequest servletRequest, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			HttpServletRequest request = (HttpServletRequest) servletRequest;
			String id = request.getHeader("X-Request-Id");
			if (id == null || !id.startsWith("warmup-")) {
				chain.doFilter(request, response);
				return;
			}
			this.seen.add(kind(request));
			if (request.getHeader("Cookie") != null) {
				this.withCookies.incrementAndGet();
			}
			this.reached.countDown();
			try {
				this.open.await(LIMIT.toSeconds(), TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			chain.doFilter(request, response);
			if (request.getSession(false) != null) {
				this.withSessions.incrementAndGet();
			}
		}

		/** Such as {@code json /images/{id}?index}, or {@code image /media/{image}/{width}} for a photo. */
		private static String kind(HttpServletRequest request) {
			String accept = request.getHeader("Accept");
			if (accept != null && accept.startsWith("image/") && request.getRequestURI().matches("/media/[^/]+/\\d+")) {
				return "image /media/{image}/{width}";
			}
			String form = "application/json".equals(request.getHeader("Accept")) ? "json"
					: (request.getHeader("HX-Request") != null) ? "fragment" : "page";
			String route = request.getRequestURI().replaceAll("/\\d+(?=/photos$|$)", "/{id}");
			String query = (request.getQueryString() != null && request.getQueryString().matches("index=\\d+")) ? "?index"
					: "";
			return form + " " + route + query;
		}

	}

}
