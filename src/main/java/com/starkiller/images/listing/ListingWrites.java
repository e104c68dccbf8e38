package com.starkiller.images.listing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import com.starkiller.images.cache.CacheWrites;
import com.starkiller.images.media.ImageRefs;
import com.starkiller.images.web.BadRequest;
import com.starkiller.images.web.NotFound;

/**
 * Every write to a listing: atomic where MongoDB can do it in one update ({@code $push},
 * {@code $inc}), optimistic on the version otherwise (retried, then 409). Each write bumps the
 * version and replaces the cached listing, which makes every entry derived from the old version
 * unreachable on every instance.
 */
@Service
public class ListingWrites {

	private static final int ATTEMPTS = 8;

	private final MongoTemplate mongo;

	private final CacheWrites caches;

	private final ImageRefs images;

	private final ListingRepository listings;

	private final ListingIds ids;

	private final ApplicationEventPublisher events;

	ListingWrites(MongoTemplate mongo, CacheWrites caches, ImageRefs images, ListingRepository listings, ListingIds ids,
			ApplicationEventPublisher events) {
		this.mongo = mongo;
		this.caches = caches;
		this.images = images;
		this.listings = listings;
		this.ids = ids;
		this.events = events;
	}

	/** Stores a new listing under the next free id; {@code draft}'s id is ignored. */
	public Listing create(Listing draft) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Listing listing = new Listing(this.ids.next(), draft.name(), draft.location(), draft.photos(), 0, 0, 1);
			try {
				this.mongo.insert(listing);
				listing.photos().forEach((photo) -> this.images.add(photo.image()));
				return refreshed(listing);
			}
			catch (DuplicateKeyException taken) {
				// A seeder wrote that id after the counter was set: take the next one.
			}
		}
		throw new ResponseStatusException(HttpStatus.CONFLICT, "No free listing id was found; try again.");
	}

	public Listing rename(long id, String name, Location location) {
		Update update = new Update().inc("version", 1);
		if (name != null) {
			update.set("name", name);
		}
		if (location != null) {
			update.set("location", location);
		}
		return refreshed(modify(id, update));
	}

	public Listing addPhoto(long id, Photo photo) {
		Listing listing = modify(id, new Update().push("photos", photo).inc("version", 1));
		this.images.add(photo.image());
		return refreshed(listing);
	}

	public Listing replacePhoto(long id, int index, Photo photo) {
		Photo[] old = new Photo[1];
		Listing listing = changePhotos(id, (photos) -> {
			old[0] = photos.set(position(photos, index), photo);
			return photos;
		});
		this.images.add(photo.image());
		this.images.release(old[0].image());
		return listing;
	}

	public Listing removePhoto(long id, int index) {
		Photo[] old = new Photo[1];
		Listing listing = changePhotos(id, (photos) -> {
			old[0] = photos.remove(position(photos, index));
			return photos;
		});
		this.images.release(old[0].image());
		return listing;
	}

	/** {@code order} lists every current photo index (1-based) once, in the new order. */
	public Listing reorderPhotos(long id, List<Integer> order) {
		return changePhotos(id, (photos) -> {
			List<Integer> every = IntStream.rangeClosed(1, photos.size()).boxed().toList();
			if (!order.stream().sorted().toList().equals(every)) {
				throw new BadRequest("order must name each of the " + photos.size() + " photos (1.." + photos.size()
						+ ") exactly once; it names " + order + ".");
			}
			return new ArrayList<>(order.stream().map((index) -> photos.get(index - 1)).toList());
		});
	}

	/** Reserves the next review position and counts its rating, in one atomic update. */
	public Listing reserveReview(long id, int rating) {
		return modify(id, new Update().inc("reviewCount", 1).inc("ratingTotal", rating).inc("version", 1));
	}

	/** After a write elsewhere (a review page): a new version, so nothing cached before is served. */
	public Listing bumpVersion(long id) {
		return refreshed(modify(id, new Update().inc("version", 1)));
	}

	/** Deletes the listing, what other modules keep of it, and its uploaded images no other listing uses. */
	public Listing delete(long id) {
		Listing listing = this.listings.findById(id).orElseThrow(() -> notFound(id));
		this.mongo.remove(byId(id), Listing.class);
		this.caches.remove(ListingService.CACHE, id);
		this.events.publishEvent(new ListingDeleted(listing));
		listing.photos().forEach((photo) -> this.images.release(photo.image()));
		return listing;
	}

	private Listing changePhotos(long id, UnaryOperator<List<Photo>> change) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Listing current = this.listings.findById(id).orElseThrow(() -> notFound(id));
			List<Photo> photos = change.apply(new ArrayList<>(current.photos()));
			Listing updated = this.mongo.findAndModify(
					Query.query(Criteria.where("_id").is(id).and("version").is(current.version())),
					new Update().set("photos", photos).inc("version", 1), FindAndModifyOptions.options().returnNew(true),
					Listing.class);
			if (updated != null) {
				return refreshed(updated);
			}
		}
		throw new ResponseStatusException(HttpStatus.CONFLICT, "Listing " + id + " kept changing; try again.");
	}

	private Listing modify(long id, Update update) {
		Listing listing = this.mongo.findAndModify(byId(id), update, FindAndModifyOptions.options().returnNew(true),
				Listing.class);
		if (listing == null) {
			throw notFound(id);
		}
		return listing;
	}

	private Listing refreshed(Listing listing) {
		this.caches.replace(ListingService.CACHE, listing.id(), listing);
		return listing;
	}

	private static Query byId(long id) {
		return Query.query(Criteria.where("_id").is(id));
	}

	private static int position(List<Photo> photos, int index) {
		if (index < 1 || index > photos.size()) {
			throw new NotFound("There are " + photos.size() + " photos here, not " + index + ".");
		}
		return index - 1;
	}

	private static NotFound notFound(long id) {
		return new NotFound("There is no listing " + id + ".");
	}

}
