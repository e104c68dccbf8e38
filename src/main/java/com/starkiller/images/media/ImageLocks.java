package com.starkiller.images.media;

import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.starkiller.images.web.Unavailable;

/**
 * One writer at a time per image, across every instance: storing an image's files, counting a
 * new use of it and deleting it all hold its lock (a document in {@value #COLLECTION}). A holder
 * that died leaves a lease that runs out, after which the next writer takes over.
 */
@Component
class ImageLocks {

	static final String COLLECTION = "image_locks";

	private static final Duration LEASE = Duration.ofSeconds(30);

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final MongoTemplate mongo;

	ImageLocks(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	<T> T withLock(String image, Supplier<T> work) {
		String owner = UUID.randomUUID().toString();
		acquire(image, owner);
		try {
			return work.get();
		}
		finally {
			locks().deleteOne(Filters.and(Filters.eq("_id", image), Filters.eq("owner", owner)));
		}
	}

	/**
	 * Runs {@code work} under the image's lock if it is free now; false, running nothing, if another
	 * holds it. For work that can come back later (the sweep), which must not wait behind a writer.
	 */
	boolean tryWithLock(String image, Runnable work) {
		String owner = UUID.randomUUID().toString();
		if (!take(image, owner)) {
			return false;
		}
		try {
			work.run();
			return true;
		}
		finally {
			locks().deleteOne(Filters.and(Filters.eq("_id", image), Filters.eq("owner", owner)));
		}
	}

	/** One try: the lock is free (or its holder's lease has run out), and now this owner's. */
	private boolean take(String image, String owner) {
		Date now = new Date();
		Date until = new Date(now.getTime() + LEASE.toMillis());
		try {
			locks().insertOne(new Document("_id", image).append("owner", owner).append("until", until));
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
		}
		return locks().updateOne(Filters.and(Filters.eq("_id", image), Filters.lt("until", now)),
				Updates.combine(Updates.set("owner", owner), Updates.set("until", until)))
			.getModifiedCount() == 1;
	}

	private void acquire(String image, String owner) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (true) {
			if (take(image, owner)) {
				return;
			}
			if (System.nanoTime() - deadline > 0) {
				throw new Unavailable("Image " + image + " is being stored or deleted by another request.");
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
		}
	}

	private MongoCollection<Document> locks() {
		return this.mongo.getCollection(COLLECTION);
	}

}
