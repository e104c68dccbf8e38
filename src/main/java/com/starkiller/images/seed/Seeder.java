package com.starkiller.images.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.ListingRepository;
import com.starkiller.images.review.ReviewPage;
import com.starkiller.images.system.StarkillerProperties;

/**
 * Writes listings 0..N-1 and their reviews in bulk batches, in constant memory. Idempotent: it
 * resumes after the last listing present, and a document already there is left as it is.
 */
@Component
class Seeder {

	static final long DEFAULT_SEED = 2018;

	private static final int DUPLICATE_KEY = 11000;

	private final MongoTemplate mongo;

	private final ListingRepository listings;

	private final ImagePool pool;

	private final StarkillerProperties properties;

	Seeder(MongoTemplate mongo, ListingRepository listings, ImagePool pool, StarkillerProperties properties) {
		this.mongo = mongo;
		this.listings = listings;
		this.pool = pool;
		this.properties = properties;
	}

	/** Seeds listings 0..count-1; returns how many listings were already there. */
	long seed(long count, long seed, LongFunction<Progress> progressFor) {
		DemoData data = new DemoData(seed, this.pool.ensure(this.properties.seed().imagePool()));
		int batch = this.properties.seed().batchSize();
		long from = resumePoint(count, batch);
		Progress progress = progressFor.apply(count);
		progress.advance(from, 0);
		for (long first = from; first < count; first += batch) {
			long last = Math.min(count, first + batch);
			List<Document> reviews = new ArrayList<>();
			List<Document> listingDocuments = new ArrayList<>(batch);
			for (long id = first; id < last; id++) {
				data.reviewPages(id).forEach((page) -> reviews.add(toDocument(page)));
				listingDocuments.add(toDocument(data.listing(id)));
			}
			// Reviews first: a listing that can be read always has its reviews.
			insertNew(ReviewPage.COLLECTION, reviews);
			insertNew(Listing.COLLECTION, listingDocuments);
			progress.advance(last, reviews.size() + listingDocuments.size());
		}
		return from;
	}

	/**
	 * Listings are written in id order, so those present form a prefix 0..k-1 but for the batch an
	 * interrupted run was writing: a binary search of point lookups finds k, and the seed resumes
	 * one batch before it.
	 */
	private long resumePoint(long count, int batch) {
		long present = 0;
		long absent = count;
		if (!this.listings.existsById(0L)) {
			return 0;
		}
		while (absent - present > 1) {
			long middle = (present + absent) >>> 1;
			if (this.listings.existsById(middle)) {
				present = middle;
			}
			else {
				absent = middle;
			}
		}
		return Math.max(0, (absent / batch - 1) * batch);
	}

	private void insertNew(String collection, List<Document> documents) {
		if (documents.isEmpty()) {
			return;
		}
		try {
			this.mongo.getCollection(collection).insertMany(documents, new InsertManyOptions().ordered(false));
		}
		catch (MongoBulkWriteException ex) {
			for (BulkWriteError error : ex.getWriteErrors()) {
				if (error.getCode() != DUPLICATE_KEY) {
					throw ex;
				}
			}
		}
	}

	private Document toDocument(Object entity) {
		Document document = new Document();
		this.mongo.getConverter().write(entity, document);
		document.remove("_class");
		return document;
	}

}
