package com.starkiller.images.seed;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar starkiller-images.jar seed --listings 10000000 [--seed 2018]}: seeds the
 * configured MongoDB (or the embedded one, while the app is not running) and exits.
 */
@Component
@Profile(SeedCommand.PROFILE)
public class SeedCommand implements ApplicationRunner, ExitCodeGenerator {

	public static final String NAME = "seed";

	public static final String PROFILE = "seed-command";

	private static final Set<String> OPTIONS = Set.of("listings", "seed");

	static final String USAGE = "Usage: java -jar starkiller-images.jar seed --listings N [--seed S]";

	private final Seeder seeder;

	private int exitCode;

	SeedCommand(Seeder seeder) {
		this.seeder = seeder;
	}

	@Override
	public void run(ApplicationArguments args) {
		Map<String, Long> options = options(args.getSourceArgs());
		long listings = options.getOrDefault("listings", 0L);
		long seed = options.getOrDefault("seed", Seeder.DEFAULT_SEED);
		if (options.isEmpty() || listings < 1) {
			System.err.println(USAGE);
			this.exitCode = 2;
			return;
		}
		long present = this.seeder.seed(listings, seed, (total) -> Progress.onTerminal(total, System.out));
		System.out.printf("Seeded listings 0..%d (seed %d); %,d were already there.%n", listings - 1, seed, present);
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	/**
	 * Reads "--listings N" / "--listings=N" and the same for --seed; other "--name=value" are
	 * Spring properties (such as --starkiller.data-dir=...) and are left to Spring. Anything
	 * else empties the result.
	 */
	static Map<String, Long> options(String[] args) {
		Map<String, Long> options = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				return Map.of();
			}
			String[] nameValue = arg.substring(2).split("=", 2);
			if (!OPTIONS.contains(nameValue[0])) {
				if (nameValue.length == 2) {
					continue;
				}
				return Map.of();
			}
			String value = (nameValue.length == 2) ? nameValue[1] : (i + 1 < args.length) ? args[++i] : "";
			try {
				options.put(nameValue[0], Long.parseLong(value.replace("_", "")));
			}
			catch (NumberFormatException ex) {
				return Map.of();
			}
		}
		return options;
	}

}
