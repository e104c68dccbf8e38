package com.starkiller.images.media;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * How many photos use each stored image, so the last photo to go deletes it: one counter per
 * image, O(1) on any MongoDB (a query over every listing's photos would need a multikey index the
 * embedded server does not use). A use is counted under the image's lock and only while the image
 * is stored; a delete re-checks the count under the same lock, so it never removes an image that
 * a photo has just started to use. The demo pool is kept always.
 */
@Service
public class ImageRefs {

	static final String COLLECTION = "image_refs";

	private static final String DEMO_PREFIX = "demo-";

	private final MongoTemplate mongo;

	private final MediaStore media;

	private final ImageLocks locks;

	ImageRefs(MongoTemplate mongo, MediaStore media, ImageLocks locks) {
		this.mongo = mongo;
		this.media = media;
		this.locks = locks;
	}

	/** One more photo uses the image; false, with nothing counted, when it is not stored. */
	public boolean use(String image) {
		return this.locks.withLock(image, () -> useLocked(image));
	}

	/** {@link #use}, for a caller that holds the image's lock already. */
	boolean useLocked(String image) {
		if (this.media.size(image) == null) {
			return false;
		}
		// The demo pool is kept always: its uses are not counted, as release does not count them down.
		if (!image.startsWith(DEMO_PREFIX)) {
			change(image, 1);
		}
		return true;
	}

	/** One photo less uses the image; the last one deletes it. */
	public void release(String image) {
		if (image.startsWith(DEMO_PREFIX)) {
			return;
		}
		Document after = change(image, -1);
		if (after != null && after.get("count", Number.class).longValue() <= 0) {
			this.locks.withLock(image, () -> {
				// Still unused once we hold the lock: no use was counted since the decrement.
				if (this.mongo.getCollection(COLLECTION)
					.deleteOne(Filters.and(Filters.eq("_id", image), Filters.lte("count", 0)))
					.getDeletedCount() == 1) {
					this.media.delete(image);
				}
				return null;
			});
		}
	}

	private Document change(String image, int by) {
		return this.mongo.getCollection(COLLECTION)
			.findOneAndUpdate(Filters.eq("_id", image), Updates.inc("count", by),
					new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
	}

}
