package com.starkiller.images.operations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of {@code /actuator/prometheus} in the text format, read as Prometheus reads it. */
public record Scrape(String text, List<Sample> samples) {

	private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	public static Scrape of(String text) {
		List<Sample> samples = new ArrayList<>();
		for (String line : text.split("\n")) {
			Matcher sample = SAMPLE.matcher(line);
			if (line.startsWith("#") || !sample.matches()) {
				continue;
			}
			Map<String, String> labels = new LinkedHashMap<>();
			Matcher label = LABEL.matcher((sample.group(2) != null) ? sample.group(2) : "");
			while (label.find()) {
				labels.put(label.group(1), label.group(2));
			}
			samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
		}
		return new Scrape(text, samples);
	}

	/** The sum of the samples of that name whose labels include these, given as name, value, name, value... */
	public double sum(String name, String... labels) {
		return matching(name, labels).stream().mapToDouble(Sample::value).sum();
	}

	List<Sample> matching(String name, String... labels) {
		return this.samples.stream().filter((sample) -> sample.name().equals(name) && sample.has(labels)).toList();
	}

	record Sample(String name, Map<String, String> labels, double value) {

		boolean has(String... pairs) {
			for (int i = 0; i < pairs.length; i += 2) {
				if (!pairs[i + 1].equals(this.labels.get(pairs[i]))) {
					return false;
				}
			}
			return true;
		}

	}

}
