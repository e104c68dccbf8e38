package com.starkiller.images.listing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import com.starkiller.images.cache.CacheWrites;
import com.starkiller.images.web.NotFound;
import com.starkiller.images.web.Unavailable;

/**
 * The one way a stored listing changes: a single atomic update of the live document that moves
 * its version on, applied only while the request's {@link IfMatch} and the writer's own condition
 * hold; then the caches are told. Once MongoDB has the write it is acknowledged: what follows
 * (caches, images, other modules) is logged when it fails, never turned into an error.
 */
@Component
class ListingUpdates {

	private static final Logger log = LoggerFactory.getLogger(ListingUpdates.class);

	private static final int ATTEMPTS = 8;

	private final MongoTemplate mongo;

	private final CacheWrites caches;

	ListingUpdates(MongoTemplate mongo, CacheWrites caches) {
		this.mongo = mongo;
		this.caches = caches;
	}

	/** The listing as stored now; 404 when there is none or it was deleted. */
	Listing current(long id) {
		return stored(id).listing();
	}

	/**
	 * The listing as stored now, and its document as MongoDB holds it: with any field this release
	 * does not know, written by a newer one during a rolling deploy. 404 when there is none or it
	 * was deleted.
	 */
	Stored stored(long id) {
		Document document = this.mongo.findById(id, Document.class, Listing.COLLECTION);
		Listing listing = (document != null) ? this.mongo.getConverter().read(Listing.class, document) : null;
		if (listing == null || listing.tombstone()) {
			throw new NotFound("There is no listing " + id + ".");
		}
		return new Stored(listing, document);
	}

	/** A listing and the document it was read from. */
	record Stored(Listing listing, Document document) {
	}

	/**
	 * Applies the update (which must move the version on) and returns the listing after it; null
	 * when only the writer's condition ({@code field} still equal to {@code value}) failed, for the
	 * caller to read again and retry. 404 for a missing listing, 412 when If-Match no longer holds.
	 */
	Listing apply(long id, IfMatch ifMatch, String field, Object value, Update update) {
		return apply(id, ifMatch, field, value, update, true);
	}

	Listing apply(long id, IfMatch ifMatch, Update update) {
		return apply(id, ifMatch, null, null, update, true);
	}

	/** As {@link #apply}, returning the listing as it was just before the update. */
	Listing applyReturningOld(long id, IfMatch ifMatch, Update update) {
		return apply(id, ifMatch, null, null, update, false);
	}

	// One flat filter led by _id: every MongoDB answers it from the _id index.
	private Listing apply(long id, IfMatch ifMatch, String field, Object value, Update update, boolean returnNew) {
		Criteria filter = Criteria.where("_id").is(id).and("deleted").ne(true);
		if (field != null) {
			filter = filter.and(field).is(value);
		}
		if (!ifMatch.isAny() && !"version".equals(field)) {
			filter = filter.and("version").in(ifMatch.versions());
		}
		Query query = Query.query(filter);
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Listing updated = findAndModify(id, query, update, returnNew);
			if (updated != null) {
				return updated;
			}
			Listing now = current(id);
			if (!ifMatch.matches(now.version())) {
				throw ifMatch.failed(now);
			}
			if (field != null) {
				return null;
			}
			// The version moved meanwhile to another that If-Match names ("7", "9"): the update applies.
		}
		throw keptChanging(id);
	}

	private Listing findAndModify(long id, Query query, Update update, boolean returnNew) {
		try {
			return this.mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(returnNew),
					Listing.class);
		}
		catch (RuntimeException ex) {
			if (Unavailable.databaseOutOfReach(ex)) {
				// Answered 503, but MongoDB may apply it after this stopped waiting: the caches catch up.
				this.caches.mayHaveChanged(ListingService.CACHE, id);
			}
			throw ex;
		}
	}

	/** 409: every attempt met another write (the caller may try again). */
	static ResponseStatusException keptChanging(long id) {
		return new ResponseStatusException(HttpStatus.CONFLICT, "Listing " + id + " kept changing; try again.");
	}

	/** Listings written in bulk (a seed): what the cache remembered of their ids, that they were absent, ends. */
	void seeded(Collection<Long> ids) {
		this.caches.created(ListingService.CACHE, ids);
	}

	/**
	 * The written listing becomes what every instance reads; then the steps that follow the write
	 * (images it no longer uses, what other modules keep of it) run, each whatever became of those
	 * before it: the write is stored, so what follows it must happen even when it is not acknowledged.
	 */
	Listing refreshed(Listing listing, Step... then) {
		List<Step> steps = new ArrayList<>();
		steps.add(new Step("refresh the cached listing " + listing.id(),
				() -> this.caches.replace(ListingService.CACHE, listing.id(), listing)));
		steps.addAll(List.of(then));
		CacheWrites.NotVisibleEverywhere notVisible = null;
		for (Step step : steps) {
			try {
				afterCommit(step.what(), step.action());
			}
			catch (CacheWrites.NotVisibleEverywhere ex) {
				if (notVisible == null) {
					notVisible = ex;
				}
			}
		}
		if (notVisible != null) {
			throw notVisible;
		}
		return listing;
	}

	/** Something to do once a write is stored, and what it is, for the log if it fails. */
	record Step(String what, Runnable action) {
	}

	/**
	 * A step after the write is stored: its failure is logged, and the write still answers 2xx;
	 * but not when its new value might not be what every read gets ({@link CacheWrites.NotVisibleEverywhere}):
	 * then it is not acknowledged.
	 */
	private void afterCommit(String what, Runnable step) {
		try {
			step.run();
		}
		catch (CacheWrites.NotVisibleEverywhere ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			log.error("Write stored, but could not {}: {}", what, ex.toString());
		}
	}

}
