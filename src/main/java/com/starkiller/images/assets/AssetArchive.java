package com.starkiller.images.assets;

import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.types.Binary;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every release's assets in the MongoDB collection {@value #COLLECTION}, one document per hashed
 * path ({@code _id}): the bytes, their {@code Content-Type} and {@code ETag}, and when the first
 * instance of a release stored them. A hashed path names one content, so a document is written
 * once and never changed. What this instance fetched is kept in memory, up to {@value #MEMORY_BYTES}
 * bytes.
 */
class AssetArchive {

	static final String COLLECTION = "assets";

	// A release's assets are about 300 KB (htmx, the bundle and its source maps): a few releases fit.
	private static final long MEMORY_BYTES = 8L * 1024 * 1024;

	/** How long a path MongoDB did not hold is answered 404 without asking again. */
	static final Duration ABSENT_FOR = Duration.ofSeconds(30);

	static final int LOOKUPS = 4;

	private static final long LOOKUP_WAIT_MILLIS = 500;

	private final MongoTemplate mongo;

	private final Cache<String, Asset> fetched = Caffeine.newBuilder()
		.maximumWeight(MEMORY_BYTES)
		.<String, Asset>weigher((path, asset) -> asset.weight())
		.build();

	private final Cache<String, Boolean> absent = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(ABSENT_FOR)
		.build();

	private final Semaphore lookups = new Semaphore(LOOKUPS);

	AssetArchive(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Stores the assets the archive does not hold yet, and answers how many that was. */
	int storeMissing(List<Asset> assets) {
		List<String> paths = assets.stream().map(Asset::path).toList();
		Set<String> held = collection().find(Filters.in("_id", paths))
			.projection(Projections.include("_id"))
			.map((document) -> document.getString("_id"))
			.into(new HashSet<>());
		List<Document> missing = assets.stream()
			.filter((asset) -> !held.contains(asset.path()))
			.map(AssetArchive::document)
			.toList();
		if (missing.isEmpty()) {
			return 0;
		}
		try {
			collection().insertMany(missing, new InsertManyOptions().ordered(false));
			return missing.size();
		}
		catch (MongoBulkWriteException ex) {
			// Another instance of the release stored some at the same moment: the same bytes.
			if (ex.getWriteErrors().stream().allMatch((error) -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
				return missing.size() - ex.getWriteErrors().size();
			}
			throw ex;
		}
	}

	/**
	 * The asset stored under the hashed path, or null. MongoDB is asked once per path it holds, and
	 * once per {@link #ABSENT_FOR} for a path it does not (made-up hashed names cost one lookup, not
	 * one per request); at most {@link #LOOKUPS} lookups run at once, so a hung MongoDB holds few
	 * request threads.
	 */
	@Nullable Asset find(String path) {
		if (this.absent.getIfPresent(path) != null) {
			return null;
		}
		return this.fetched.get(path, this::load);
	}

	private @Nullable Asset load(String path) {
		try {
			if (!this.lookups.tryAcquire(LOOKUP_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
				return null;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		Document document;
		try {
			document = collection().find(Filters.eq("_id", path)).first();
		}
		finally {
			this.lookups.release();
		}
		if (document == null) {
			this.absent.put(path, Boolean.TRUE);
			return null;
		}
		return new Asset(path, document.get("bytes", Binary.class).getData(), document.getString("contentType"),
				document.getString("etag"));
	}

	private static Document document(Asset asset) {
		return new Document("_id", asset.path()).append("bytes", new Binary(asset.bytes()))
			.append("contentType", asset.contentType())
			.append("etag", asset.etag())
			.append("storedAt", new Date());
	}

	private MongoCollection<Document> collection() {
		return this.mongo.getCollection(COLLECTION);
	}

}
