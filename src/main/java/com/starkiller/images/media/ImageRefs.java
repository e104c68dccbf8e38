package com.starkiller.images.media;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * How many photos use each uploaded image, so deleting a listing can delete the images no other
 * listing uses: one counter per image, O(1) on any MongoDB (a query over every listing's photos
 * would need a multikey index the embedded server does not use). The demo pool is kept always.
 */
@Service
public class ImageRefs {

	static final String COLLECTION = "image_refs";

	private static final String DEMO_PREFIX = "demo-";

	private final MongoTemplate mongo;

	private final MediaStore media;

	ImageRefs(MongoTemplate mongo, MediaStore media) {
		this.mongo = mongo;
		this.media = media;
	}

	public void add(String image) {
		change(image, 1);
	}

	/** One photo less uses the image; the last one deletes it. */
	public void release(String image) {
		if (image.startsWith(DEMO_PREFIX)) {
			return;
		}
		Document after = change(image, -1);
		if (after != null && after.get("count", Number.class).longValue() <= 0) {
			this.mongo.getCollection(COLLECTION).deleteOne(Filters.eq("_id", image));
			this.media.delete(image);
		}
	}

	private Document change(String image, int by) {
		return this.mongo.getCollection(COLLECTION)
			.findOneAndUpdate(Filters.eq("_id", image), Updates.inc("count", by),
					new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
	}

}
