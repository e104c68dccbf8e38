package com.starkiller.images.listing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import com.starkiller.images.media.ImageRefs;
import com.starkiller.images.review.ReviewPage;
import com.starkiller.images.system.BadRequest;
import com.starkiller.images.system.CacheRefresh;
import com.starkiller.images.system.NotFound;

/**
 * Every write to a listing: atomic where MongoDB can do it in one update ({@code $push},
 * {@code $inc}), optimistic on the version otherwise (retried, then 409). Each write bumps the
 * version and replaces the cached listing, which makes every entry derived from the old version
 * unreachable on every instance.
 */
@Service
public class ListingWrites {

	private static final String COUNTERS = "counters";

	private static final int ATTEMPTS = 8;

	private final MongoTemplate mongo;

	private final CacheRefresh caches;

	private final ImageRefs images;

	private final ListingRepository listings;

	ListingWrites(MongoTemplate mongo, CacheRefresh caches, ImageRefs images, ListingRepository listings) {
		this.mongo = mongo;
		this.caches = caches;
		this.images = images;
		this.listings = listings;
	}

	/** Stores a new listing under the next free id; {@code draft}'s id is ignored. */
	public Listing create(Listing draft) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Listing listing = new Listing(nextId(), draft.name(), draft.location(), draft.photos(), 0, 0, 1);
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
		return refreshed(modify(Query.query(Criteria.where("_id").is(id)), update, id));
	}

	public Listing addPhoto(long id, Photo photo) {
		Listing listing = modify(Query.query(Criteria.where("_id").is(id)),
				new Update().push("photos", photo).inc("version", 1), id);
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
			List<Integer> sorted = order.stream().sorted().toList();
			for (int i = 0; i < sorted.size(); i++) {
				if (sorted.get(i) != i + 1) {
					throw new BadRequest("order must name each of the " + photos.size()
							+ " photos (1.." + photos.size() + ") exactly once; it names " + order + ".");
				}
			}
			if (sorted.size() != photos.size()) {
				throw new BadRequest("order must name each of the " + photos.size() + " photos (1.." + photos.size()
						+ ") exactly once; it names " + order + ".");
			}
			return new ArrayList<>(order.stream().map((index) -> photos.get(index - 1)).toList());
		});
	}

	/** Reserves the next review position and counts its rating, in one atomic update. */
	public Listing reserveReview(long id, int rating) {
		return modify(Query.query(Criteria.where("_id").is(id)),
				new Update().inc("reviewCount", 1).inc("ratingTotal", rating).inc("version", 1), id);
	}

	/** After a write elsewhere (a review page): a new version, so nothing cached before is served. */
	public Listing touch(long id) {
		return refreshed(modify(Query.query(Criteria.where("_id").is(id)), new Update().inc("version", 1), id));
	}

	/** Deletes the listing, its reviews, and its uploaded images no other listing uses. */
	public Listing delete(long id) {
		Listing listing = this.listings.findById(id).orElseThrow(() -> notFound(id));
		this.mongo.remove(Query.query(Criteria.where("_id").is(id)), Listing.class);
		this.caches.evict(ListingService.CACHE, id);
		// Review pages are addressed by id, so deleting them is point deletes on any server.
		List<String> pages = IntStream.rangeClosed(0, ReviewPage.pageOf(Math.max(1, listing.reviewCount() + 1)))
			.mapToObj((page) -> ReviewPage.id(id, page))
			.toList();
		this.mongo.getCollection(ReviewPage.COLLECTION).deleteMany(Filters.in("_id", pages));
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

	private Listing modify(Query query, Update update, long id) {
		Listing listing = this.mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
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

	private static int position(List<Photo> photos, int index) {
		if (index < 1 || index > photos.size()) {
			throw new NotFound("There are " + photos.size() + " photos here, not " + index + ".");
		}
		return index - 1;
	}

	private static NotFound notFound(long id) {
		return new NotFound("There is no listing " + id + ".");
	}

	/**
	 * The next listing id from a counter document. The first time, the counter starts after the
	 * seeded listings, which form a prefix 0..k-1 found by a binary search of point lookups.
	 */
	private long nextId() {
		var counters = this.mongo.getCollection(COUNTERS);
		if (counters.find(Filters.eq("_id", Listing.COLLECTION)).first() == null) {
			counters.updateOne(Filters.eq("_id", Listing.COLLECTION), Updates.max("next", this.listings.firstAbsentId() - 1),
					new UpdateOptions().upsert(true));
		}
		Document counter = counters.findOneAndUpdate(Filters.eq("_id", Listing.COLLECTION), Updates.inc("next", 1L),
				new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
		return counter.get("next", Number.class).longValue();
	}

}
