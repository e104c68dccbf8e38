package com.starkiller.images.warmup;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.starkiller.images.listing.Listing;

/** One warm-up request: the route it exercises, the path and query it asks for, and in which form. */
record Visit(String route, String target, Form form) {

	/** Each route a listing answers on, in each form it answers in. */
	private static final List<Kind> KINDS = List.of(new Kind("/listings/{id}", Form.PAGE),
			new Kind("/listings/{id}", Form.FRAGMENT), new Kind("/images/{id}", Form.PAGE),
			new Kind("/images/{id}", Form.FRAGMENT), new Kind("/images/{id}", Form.JSON),
			new Kind("/reviews/{id}", Form.PAGE), new Kind("/reviews/{id}", Form.FRAGMENT),
			new Kind("/reviews/{id}", Form.JSON), new Kind("/listings/{id}/photos", Form.PAGE),
			new Kind("/listings/{id}/photos", Form.FRAGMENT), new Kind("/listings/{id}/photos", Form.JSON));

	/**
	 * The n-th request: the kinds in turn, for a random one of these listings, at a random index up
	 * to one past its last photo or review (so the 404 path is warmed too, as random ids find it).
	 */
	static Visit nth(long n, List<Listing> listings) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		Kind kind = KINDS.get((int) (n % KINDS.size()));
		Listing listing = listings.get(random.nextInt(listings.size()));
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

	/** How a visitor asks: a browser for the page, htmx for a fragment, or a client for JSON. */
	enum Form {

		PAGE("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),

		FRAGMENT("HX-Request", "true", "Accept", "*/*"),

		JSON("Accept", "application/json");

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
