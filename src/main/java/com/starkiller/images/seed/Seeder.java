package com.starkiller.images.seed;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.ListingRepository;
import com.starkiller.images.listing.ListingWrites;
import com.starkiller.images.review.ReviewPage;

/**
 * Writes listings 0..N-1 and their reviews in bulk batches, in constant memory. Idempotent: it
 * resumes after the last listing present, and a document already there is left as it is.
 */
@Component
class Seeder {

	static final long DEFAULT_SEED = 2018;

	private static final int DUPLICATE_KEY = 11000;

	private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(2);

	/** Batches submitted and not yet collected, per writer. */
	private static final int IN_FLIGHT_PER_WRITER = 2;

	private final MongoTemplate mongo;

	private final ListingRepository listings;

	private final ImagePool pool;

	private final ListingWrites writes;

	private final SeedProperties properties;

	Seeder(MongoTemplate mongo, ListingRepository listings, ImagePool pool, ListingWrites writes,
			SeedProperties properties) {
		this.mongo = mongo;
		this.listings = listings;
		this.pool = pool;
		this.writes = writes;
		this.properties = properties;
	}

	/** Seeds listings 0..count-1; returns how many listings were already there. */
	long seed(long count, long seed, LongFunction<Progress> progressFor) {
		return seed(count, seed, progressFor, reserve(count));
	}

	/**
	 * Before anything is written: listings created from now on take ids after the seeded ones.
	 * Returns the highest id handed out before, which {@link #seed(long, long, LongFunction, long)} takes.
	 */
	long reserve(long count) {
		return this.writes.reserveIdsBelow(count);
	}

	/** Seeds listings 0..count-1, whose ids were reserved when ids up to {@code taken} had been handed out. */
	long seed(long count, long seed, LongFunction<Progress> progressFor, long taken) {
		DemoData data = new DemoData(seed, this.pool.ensure(this.properties.imagePool()));
		int batch = this.properties.batchSize();
		int writers = this.properties.writers();
		long from = resumePoint(count, batch, writers);
		Progress progress = progressFor.apply(count);
		progress.advance(from, 0);
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		try {
			// At most two batches per writer in memory, whatever the count, collected in the order
			// they were submitted: a slow batch holds the others back, so whatever an interrupted
			// run leaves lies within that many batches after the last complete prefix.
			Deque<Future<Integer>> pending = new ArrayDeque<>();
			long done = from;
			for (long first = from; first < count || !pending.isEmpty();) {
				if (first < count && pending.size() < IN_FLIGHT_PER_WRITER * writers) {
					long batchStart = first;
					long batchEnd = Math.min(count, first + batch);
					pending.add(pool.submit(() -> writeBatch(data, batchStart, batchEnd, taken)));
					first = batchEnd;
					continue;
				}
				int documents = pending.remove().get();
				done = Math.min(count, done + batch);
				progress.advance(done, documents);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Seeding interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Seeding failed: " + ex.getCause().getMessage(), ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
		return from;
	}

	/** Ids up to {@code taken} may belong to listings created through the API: those are left alone. */
	private int writeBatch(DemoData data, long first, long last, long taken) {
		List<Document> reviews = new ArrayList<>();
		List<Document> listingDocuments = new ArrayList<>((int) (last - first));
		for (long id = first; id < last; id++) {
			if (id <= taken && this.listings.stored(id)) {
				continue;
			}
			data.reviewPages(id).forEach((page) -> reviews.add(toDocument(page)));
			listingDocuments.add(toDocument(data.listing(id)));
		}
		// Reviews first: a listing that can be read always has its reviews.
		insertNew(ReviewPage.COLLECTION, reviews);
		insertNew(Listing.COLLECTION, listingDocuments);
		this.writes.seeded(listingDocuments.stream().map((listing) -> listing.get("_id", Number.class).longValue()).toList());
		return reviews.size() + listingDocuments.size();
	}

	/**
	 * Listings are written in id order, so those present form a prefix 0..k-1 but for the batches
	 * an interrupted run had submitted after it (at most {@link #IN_FLIGHT_PER_WRITER} per writer,
	 * some written, some not): a binary search of point lookups finds an absent id among or after
	 * them, and the seed resumes that many batches before it, so no gap is left behind.
	 */
	private long resumePoint(long count, int batch, int writers) {
		long absent = Math.min(count, this.listings.firstAbsentId());
		return Math.max(0, (absent / batch - (long) IN_FLIGHT_PER_WRITER * writers) * batch);
	}

	private void insertNew(String collection, List<Document> documents) {
		if (documents.isEmpty()) {
			return;
		}
		try {
			// A bulk batch may take longer than a request's MongoDB timeout, on the embedded server most.
			this.mongo.getCollection(collection)
				.withTimeout(BATCH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
				.insertMany(documents, new InsertManyOptions().ordered(false));
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
