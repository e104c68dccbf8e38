package com.starkiller.images.warmup;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.starkiller.images.listing.Photo;

/** One warm-up request: the route it exercises, the path and query it asks for, and in which form. */
record Visit(String route, String target, Form form) {

	private static final String MEDIA = "/media/{image}/{width}";

	private static final int[] WIDTHS = { Photo.SMALL, Photo.MEDIUM, Photo.LARGE };

	/** Whose photos the warm-up asks for: the first few of its listings. */
	static final int MEDIA_LISTINGS = 4;

	/**
	 * Each route a listing answers on, in each form it answers in, and its photos as a browser asks
	 * for them (the first visitor of a page reads its photos from GridFS too).
	 */
	private static final List<Kind> KINDS = List.of(new Kind("/listings/{id}", Form.PAGE),
			new Kind("/listings/{id}", Form.FRAGMENT), new Kind("/images/{id}", Form.PAGE),
			new Kind("/images/{id}", Form.FRAGMENT), new Kind("/images/{id}", Form.JSON),
			new Kind("/reviews/{id}", Form.PAGE), new Kind("/reviews/{id}", Form.FRAGMENT),
			new Kind("/reviews/{id}", Form.JSON), new Kind("/listings/{id}/photos", Form.PAGE),
			new Kind("/listings/{id}/photos", Form.FRAGMENT), new Kind("/listings/{id}/photos", Form.JSON),
			new Kind(MEDIA, Form.IMAGE));

	/**
	 * The n-th request: the kinds in turn, for a random one of these listings, at a random index up
	 * to one past its last photo or review (so the 404 path is warmed too, as random ids find it); for
	 * a photo, one of the listing's in a random width (for a listing without photos, its page).
	 */
	static Visit nth(long n, List<Target> listings) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		Kind kind = KINDS.get((int) (n % KINDS.size()));
		Target listing = listings.get(random.nextInt(listings.size()));
		if (kind.route().equals(MEDIA)) {
			// The photos of a few listings only: the image path warms as well on a few as on all,
			// and every one asked for goes through the shared Redis (each start of each instance
			// would otherwise push thousands of real photos there, evicting what visitors use).
			listing = listings.get(random.nextInt(Math.min(MEDIA_LISTINGS, listings.size())));
			if (listing.photoCount() > 0) {
				String image = listing.images().get(random.nextInt(listing.photoCount()));
				return new Visit(MEDIA, Photo.src(image, WIDTHS[random.nextInt(WIDTHS.length)]), Form.IMAGE);
			}
			kind = KINDS.get(0);
		}
		String target = kind.route().replace("{id}", Long.toString(listing.id()));
		if (kind.route().startsWith("/images")) {
			target += "?index=" + (1 + random.nextInt(listing.photoCount() + 1));
		}
		else if (kind.route().startsWith("/reviews")) {
			target += "?index=" + (1 + random.nextInt(listing.reviewCount() + 1));
		}
		return new Visit(kind.route(), target, kind.form());
	}

	private record Kind(String route, Form form) {
	}

	/** How a visitor asks: a browser for the page or an image, htmx for a fragment, or a client for JSON. */
	enum Form {

		PAGE("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),

		FRAGMENT("HX-Request", "true", "Accept", "*/*"),

		JSON("Accept", "application/json"),

		/**
		 * An image, as the stored JPEG: an image's WebP form is made and stored at its first ask
		 * that accepts WebP, a write that the warm-up leaves to visitors.
		 */
		IMAGE("Accept", "image/jpeg,image/*;q=0.8");

		private final String[] headers;

		Form(String... headers) {
			this.headers = headers;
		}

		/** Header names and values, alternating. */
		String[] headers() {
			return this.headers.clone();
		}

	}

}
