package com.starkiller.images.seed;

import java.net.URI;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.ListingWrites;

/**
 * The original's {@code POST /insert}: creates one random listing (demo name, place and photos
 * from the pool) under the next free id. Load tests of writes use it; it needs the API token, and
 * it exists only where {@code starkiller.insert.enabled} is true: a production site has no use for
 * random listings.
 */
@RestController
@ConditionalOnBooleanProperty("starkiller.insert.enabled")
class InsertController {

	private final ListingWrites writes;

	private final ImagePool pool;

	private final SeedProperties properties;

	InsertController(ListingWrites writes, ImagePool pool, SeedProperties properties) {
		this.writes = writes;
		this.pool = pool;
		this.properties = properties;
	}

	// produces: checked before the listing is created, so no write happens only to be refused 406.
	@PostMapping(path = "/insert", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Listing> insert() {
		DemoData data = new DemoData(ThreadLocalRandom.current().nextLong(),
				this.pool.ensure(this.properties.imagePool()));
		Listing drawn = data.listing(ThreadLocalRandom.current().nextLong(1_000_000_000));
		Listing created = this.writes.create(drawn.name(), drawn.location(), drawn.photos());
		return ResponseEntity.created(URI.create("/api/listings/" + created.id())).body(created);
	}

}
