package com.starkiller.images.seed;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import com.starkiller.images.system.BadRequest;

/**
 * {@code java -jar starkiller-images.jar seed --listings 10000000 [--seed 2018]}: seeds the
 * configured MongoDB (or the embedded one, while the app is not running) and exits.
 */
@Component
@Profile(SeedCommand.PROFILE)
public class SeedCommand implements ApplicationRunner {

	public static final String NAME = "seed";

	public static final String PROFILE = "seed-command";

	private final Seeder seeder;

	SeedCommand(Seeder seeder) {
		this.seeder = seeder;
	}

	@Override
	public void run(ApplicationArguments args) {
		long listings = number(args, "listings", -1);
		long seed = number(args, "seed", Seeder.DEFAULT_SEED);
		if (listings < 1) {
			throw new BadRequest("Usage: seed --listings N [--seed S], with N of at least 1");
		}
		long present = this.seeder.seed(listings, seed, (total) -> Progress.onTerminal(total, System.out));
		System.out.printf("Seeded listings 0..%d (seed %d); resumed after %,d listings already present.%n",
				listings - 1, seed, present);
	}

	private static long number(ApplicationArguments args, String name, long fallback) {
		List<String> values = args.getOptionValues(name);
		if (values == null || values.isEmpty()) {
			return fallback;
		}
		try {
			return Long.parseLong(values.get(0).replace("_", ""));
		}
		catch (NumberFormatException ex) {
			throw new BadRequest("--" + name + " takes a whole number, not " + values.get(0));
		}
	}

}
