package com.starkiller.images.listing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import com.starkiller.images.media.ImageRefs;

/**
 * Creating, renaming and deleting listings. Every write moves the version on and replaces the
 * cached listing, which makes every entry derived from the old version unreachable on every
 * instance. Photos are changed by {@link PhotoWrites}, reviews counted by {@link ReviewCounts}.
 */
@Service
public class ListingWrites {

	private static final int ATTEMPTS = 8;

	private final ListingUpdates updates;

	private final MongoTemplate mongo;

	private final ImageRefs images;

	private final ListingIds ids;

	private final ApplicationEventPublisher events;

	ListingWrites(ListingUpdates updates, MongoTemplate mongo, ImageRefs images, ListingIds ids,
			ApplicationEventPublisher events) {
		this.updates = updates;
		this.mongo = mongo;
		this.images = images;
		this.ids = ids;
		this.events = events;
	}

	/** Stores a new listing, without photos, under the next free id. */
	public Listing create(String name, Location location) {
		return create(name, location, List.of());
	}

	/** Stores a new listing under the next free id; its photos' images must be stored already. */
	public Listing create(String name, Location location, List<Photo> photos) {
		photos.forEach((photo) -> this.images.use(photo.image()));
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Listing listing = new Listing(this.ids.next(), name, location, photos, 0, 0, 1);
			try {
				this.mongo.insert(listing);
				return this.updates.refreshed(listing);
			}
			catch (DuplicateKeyException taken) {
				// A seeder wrote that id after the counter was set: take the next one.
			}
		}
		photos.forEach((photo) -> this.images.release(photo.image()));
		throw new ResponseStatusException(HttpStatus.CONFLICT, "No free listing id was found; try again.");
	}

	/** Listings written in bulk, outside these writes (the seed): they are seen at once. */
	public void seeded(Collection<Long> ids) {
		this.updates.seeded(ids);
	}

	/**
	 * Keeps every id below {@code end} for a seed about to write them; returns the highest id
	 * handed out to a created listing before (-1 if none), below which the seed must skip ids taken.
	 */
	public long reserveIdsBelow(long end) {
		return this.ids.reserveBelow(end);
	}

	public Listing rename(long id, IfMatch ifMatch, String name, Location location) {
		Update update = new Update().inc("version", 1);
		if (name != null) {
			update.set("name", name);
		}
		if (location != null) {
			update.set("location", location);
		}
		return this.updates.refreshed(this.updates.apply(id, ifMatch, update));
	}

	/** After a write elsewhere (a review page): a new version, so nothing cached before is served. */
	public Listing bumpVersion(long id) {
		return this.updates.refreshed(this.updates.apply(id, IfMatch.ANY, new Update().inc("version", 1)));
	}

	/**
	 * Deletes the listing: its document stays as a tombstone with a newer version (so no read that
	 * loaded it before can bring it back), other modules delete what they keep of it, and its
	 * uploaded images no other listing uses are deleted.
	 */
	public void delete(long id, IfMatch ifMatch) {
		Listing before = this.updates.applyReturningOld(id, ifMatch, new Update().set("deleted", true)
			.set("photos", List.of())
			.unset("pendingReviews")
			.inc("version", 1));
		List<ListingUpdates.Step> then = new ArrayList<>();
		then.add(new ListingUpdates.Step("delete what other modules keep of listing " + id,
				() -> this.events.publishEvent(new ListingDeleted(before))));
		for (Photo photo : before.photos()) {
			then.add(new ListingUpdates.Step("release image " + photo.image(), () -> this.images.release(photo.image())));
		}
		this.updates.refreshed(new Listing(id, before.name(), before.location(), List.of(), before.reviewCount(),
				before.ratingTotal(), before.version() + 1, null, true), then.toArray(ListingUpdates.Step[]::new));
	}

}
