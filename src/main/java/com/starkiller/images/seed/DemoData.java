package com.starkiller.images.seed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.Location;
import com.starkiller.images.listing.Photo;
import com.starkiller.images.listing.Review;
import com.starkiller.images.listing.RoomKind;
import com.starkiller.images.review.ReviewPage;

/**
 * Deterministic demo data: the same seed and id always give the same listing and reviews, so a
 * re-run writes identical documents and an interrupted seed can resume anywhere.
 */
final class DemoData {

	private static final String[] ADJECTIVES = { "Sunny", "Cozy", "Quiet", "Bright", "Rustic", "Modern", "Charming",
			"Spacious", "Secluded", "Elegant", "Airy", "Historic", "Stylish", "Peaceful", "Colourful" };

	private static final String[] HOMES = { "loft", "cabin", "cottage", "apartment", "villa", "studio", "bungalow",
			"farmhouse", "chalet", "townhouse", "beach house", "penthouse" };

	private static final String[] VIEWS = { "with a view", "near the old town", "by the sea", "with a garden",
			"close to the lake", "with a terrace", "in the hills", "with a pool", "downtown", "by the river" };

	private static final Location[] PLACES = { new Location("Lisbon", "Portugal"), new Location("Kyoto", "Japan"),
			new Location("Cape Town", "South Africa"), new Location("Reykjavík", "Iceland"),
			new Location("Oaxaca", "Mexico"), new Location("Bergen", "Norway"), new Location("Hobart", "Australia"),
			new Location("Valparaíso", "Chile"), new Location("Split", "Croatia"), new Location("Asheville", "USA"),
			new Location("Hội An", "Vietnam"), new Location("Essaouira", "Morocco"), new Location("Annecy", "France"),
			new Location("Cusco", "Peru"), new Location("Galway", "Ireland"), new Location("Tbilisi", "Georgia") };

	private static final String[] AUTHORS = { "Ana", "Ben", "Chloé", "Dmitri", "Emeka", "Fatima", "Gustav", "Hana",
			"Ibrahim", "Julia", "Kenji", "Lena", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tariq",
			"Uma", "Victor", "Wen", "Ximena", "Yusuf", "Zoë" };

	private static final String[] OPENINGS = { "Lovely stay.", "Exactly as pictured.", "We had a wonderful week.",
			"Great value for the location.", "A perfect base for exploring.", "Clean, calm and comfortable.",
			"Better than we expected.", "The host was very responsive." };

	private static final String[] DETAILS = { "The bed was comfortable and the kitchen had everything we needed.",
			"Check-in was easy and the instructions were clear.", "It can get a bit noisy in the evening.",
			"The view from the window is even better in person.", "Shops and cafés are a short walk away.",
			"The shower pressure could be better.", "Parking was simple to find.",
			"We loved the morning light in the living room.", "Wi-Fi was fast enough for video calls." };

	private static final String[] CLOSINGS = { "Would stay again.", "Highly recommended.", "Thanks for having us!",
			"We will be back next year.", "Recommended for families.", "" };

	private static final LocalDate FIRST_REVIEW = LocalDate.of(2015, 1, 1);

	private final long seed;

	private final List<PoolImage> pool;

	DemoData(long seed, List<PoolImage> pool) {
		if (pool.isEmpty()) {
			throw new IllegalArgumentException("The image pool is empty");
		}
		this.seed = seed;
		this.pool = List.copyOf(pool);
	}

	Listing listing(long id) {
		SplittableRandom random = random(id, 1);
		String name = pick(random, ADJECTIVES) + " " + pick(random, HOMES) + " " + pick(random, VIEWS);
		Location location = pick(random, PLACES);
		List<Photo> photos = photos(random, 2 + random.nextInt(11));
		List<Review> reviews = reviews(id);
		long ratingTotal = reviews.stream().mapToLong(Review::rating).sum();
		return new Listing(id, name, location, photos, reviews.size(), ratingTotal, 1);
	}

	List<ReviewPage> reviewPages(long id) {
		List<Review> reviews = reviews(id);
		List<ReviewPage> pages = new ArrayList<>();
		for (int from = 0; from < reviews.size(); from += ReviewPage.SIZE) {
			List<Review> page = reviews.subList(from, Math.min(reviews.size(), from + ReviewPage.SIZE));
			pages.add(ReviewPage.of(id, from / ReviewPage.SIZE, page));
		}
		return pages;
	}

	private List<Photo> photos(SplittableRandom random, int count) {
		List<PoolImage> drawn = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			drawn.add(this.pool.get(random.nextInt(this.pool.size())));
		}
		return DemoRooms.photos(drawn);
	}

	private List<Review> reviews(long id) {
		SplittableRandom random = random(id, 2);
		int count = random.nextInt(41);
		List<Review> reviews = new ArrayList<>(count);
		LocalDate date = FIRST_REVIEW.plusDays(random.nextInt(900));
		for (int position = 1; position <= count; position++) {
			date = date.plusDays(1 + random.nextInt(60));
			int rating = Math.max(1, 5 - random.nextInt(random.nextInt(5) + 1));
			String text = String.join(" ", pick(random, OPENINGS), pick(random, DETAILS), pick(random, CLOSINGS))
				.strip();
			reviews.add(new Review(position, pick(random, AUTHORS), date, rating, text));
		}
		return reviews;
	}

	// Each id and aspect gets its own stream, so adding a field never shifts the others.
	private SplittableRandom random(long id, int aspect) {
		return new SplittableRandom(this.seed * 0x9E3779B97F4A7C15L + id * 31 + aspect);
	}

	private static <T> T pick(SplittableRandom random, T[] values) {
		return values[random.nextInt(values.length)];
	}

	/**
	 * One image of the demo pool, as listings refer to it: its caption, the kind of room it shows
	 * and its placeholder (null when unknown).
	 */
	record PoolImage(String id, String scene, RoomKind room, int width, int height, String placeholder) {

		PoolImage(String id, String scene, RoomKind room, int width, int height) {
			this(id, scene, room, width, height, null);
		}

	}

}
