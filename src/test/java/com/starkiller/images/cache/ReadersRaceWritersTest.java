package com.starkiller.images.cache;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.starkiller.images.AppInstance;
import com.starkiller.images.Http;
import com.starkiller.images.TestServers;

import static com.starkiller.images.cache.Fleet.created;
import static com.starkiller.images.cache.Fleet.listing;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's promise that a write is visible on every instance once it is acknowledged, held
 * while it is put to work: writers rename one listing through two instances while readers on both
 * read it as JSON, as the kept page and as the photos' JSON, all at once. Before each read a
 * reader notes the newest version acknowledged so far; what it reads must be that version or a
 * later one. The order comes from that counter, not from a clock. Once with Redis answering
 * throughout, once with Redis paused while the writes go on.
 */
class ReadersRaceWritersTest extends TwoInstancesTest {

	private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");

	private static final Pattern NAME = Pattern.compile("\"location_name\":\"([^\"]*)\"");

	private static final int WRITES_PER_WRITER = 60;

	private static final int READERS_PER_INSTANCE = 3;

	@ParameterizedTest(name = "Redis paused while writing: {0}")
	@ValueSource(booleans = { false, true })
	void noReadAfterAnAcknowledgementIsOlderThanIt(boolean pauseRedis) throws Exception {
		HttpResponse<String> creation = a.json("POST", "/api/listings", listing("Race 0"), AppInstance.AUTH);
		long id = created(creation);

		// The newest version acknowledged to any writer, and the version each name was written at.
		AtomicLong acknowledged = new AtomicLong(number(VERSION, creation.body()));
		Map<String, Long> versionOfName = new ConcurrentHashMap<>(Map.of("Race 0", acknowledged.get()));
		Queue<String> stale = new ConcurrentLinkedQueue<>();
		// Pages and photo JSON name the listing, not its version: judged once every name's version is known.
		Queue<Reading> byName = new ConcurrentLinkedQueue<>();
		AtomicInteger reads = new AtomicInteger();
		AtomicInteger failedReads = new AtomicInteger();
		AtomicInteger failedWrites = new AtomicInteger();
		AtomicBoolean writing = new AtomicBoolean(true);
		CountDownLatch halfWay = new CountDownLatch(2);

		ExecutorService pool = Executors.newFixedThreadPool(2 + 2 * READERS_PER_INSTANCE + 1);
		try {
			List<Future<?>> writers = new ArrayList<>();
			for (Http through : List.of(a, b)) {
				String writer = (through == a) ? "A" : "B";
				writers.add(pool.submit(() -> {
					for (int i = 1; i <= WRITES_PER_WRITER; i++) {
						if (i == WRITES_PER_WRITER / 2) {
							halfWay.countDown();
						}
						String name = "Race " + writer + i;
						HttpResponse<String> answer = through.json("PATCH", "/api/listings/" + id,
								"{\"name\":\"" + name + "\"}", AppInstance.AUTH);
						if (answer.statusCode() == 200) {
							long version = number(VERSION, answer.body());
							versionOfName.put(name, version);
							acknowledged.accumulateAndGet(version, Math::max);
						}
						else {
							// Stored or not, a write not acknowledged promises nothing; a read of it is not judged.
							failedWrites.incrementAndGet();
						}
					}
					return null;
				}));
			}
			Future<?> pauser = pool.submit(() -> {
				halfWay.await();
				if (pauseRedis) {
					TestServers.pauseRedis(Duration.ofSeconds(2));
				}
				return null;
			});
			List<Future<?>> readers = new ArrayList<>();
			for (Http http : List.of(a, b)) {
				for (int r = 0; r < READERS_PER_INSTANCE; r++) {
					int kind = r;
					readers.add(pool.submit(() -> {
						while (writing.get()) {
							long floor = acknowledged.get();
							HttpResponse<String> answer = switch (kind) {
								case 0 -> http.get("/api/listings/" + id);
								case 1 -> http.get("/listings/" + id);
								default -> http.get("/images/" + id, "Accept", "application/json");
							};
							reads.incrementAndGet();
							if (answer.statusCode() != 200) {
								failedReads.incrementAndGet();
								continue;
							}
							if (kind == 0) {
								long version = number(VERSION, answer.body());
								if (version < floor) {
									stale.add("JSON v" + version + " after v" + floor + " was acknowledged");
								}
							}
							else {
								String name = (kind == 1) ? Http.html(answer).selectFirst("h1").text()
										: text(NAME, answer.body());
								byName.add(new Reading((kind == 1) ? "page" : "photos", name, floor));
							}
						}
						return null;
					}));
				}
			}
			for (Future<?> writer : writers) {
				writer.get(5, TimeUnit.MINUTES);
			}
			pauser.get(1, TimeUnit.MINUTES);
		}
		finally {
			writing.set(false);
			pool.shutdown();
			assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
		}

		for (Reading reading : byName) {
			Long version = versionOfName.get(reading.name());
			if (version != null && version < reading.floor()) {
				stale.add(reading.what() + " \"" + reading.name() + "\" (v" + version + ") after v" + reading.floor()
						+ " was acknowledged");
			}
		}
		assertThat(stale).as("reads older than a write acknowledged before they began").isEmpty();
		assertThat(failedReads).as("failed reads").hasValue(0);
		if (!pauseRedis) {
			assertThat(failedWrites).as("writes not acknowledged").hasValue(0);
		}
		// The race ran: readers read while most writes went on.
		assertThat(reads.get()).isGreaterThan(2 * READERS_PER_INSTANCE);
		assertThat(byName).isNotEmpty();
		assertThat(versionOfName).hasSizeGreaterThan(WRITES_PER_WRITER);
	}

	private record Reading(String what, String name, long floor) {
	}

	private static long number(Pattern pattern, String body) {
		return Long.parseLong(text(pattern, body));
	}

	private static String text(Pattern pattern, String body) {
		Matcher matcher = pattern.matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return matcher.group(1);
	}

}
