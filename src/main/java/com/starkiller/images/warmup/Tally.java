package com.starkiller.images.warmup;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The warm-up's requests by route and outcome ({@code 2xx}, {@code 4xx}, ... or {@code none} when
 * no answer came), as the counter {@value #NAME} and as totals for its log line.
 */
final class Tally {

	static final String NAME = "starkiller.warmup.requests";

	private final MeterRegistry meters;

	private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();

	Tally(MeterRegistry meters) {
		this.meters = meters;
	}

	void answered(Visit visit, int status) {
		count(visit, (status / 100) + "xx");
	}

	void unanswered(Visit visit) {
		count(visit, "none");
	}

	long successes() {
		LongAdder successes = this.outcomes.get("2xx");
		return (successes != null) ? successes.sum() : 0;
	}

	long total() {
		return this.outcomes.values().stream().mapToLong(LongAdder::sum).sum();
	}

	/** Such as {@code 2xx: 9,120, 4xx: 880}. */
	@Override
	public String toString() {
		return new TreeMap<>(this.outcomes).entrySet()
			.stream()
			.map((outcome) -> String.format("%s: %,d", outcome.getKey(), outcome.getValue().sum()))
			.collect(Collectors.joining(", "));
	}

	private void count(Visit visit, String outcome) {
		Counter.builder(NAME)
			.description("Requests the warm-up sent to this instance before it reported ready, by route and outcome")
			.tags("route", visit.route(), "outcome", outcome)
			.register(this.meters)
			.increment();
		this.outcomes.computeIfAbsent(outcome, (key) -> new LongAdder()).increment();
	}

}
