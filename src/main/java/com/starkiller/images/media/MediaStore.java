package com.starkiller.images.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.cache.autoconfigure.RedisCacheManagerBuilderCustomizer;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.data.mongodb.gridfs.GridFsUpload;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;

import com.starkiller.images.cache.CacheProperties;
import com.starkiller.images.cache.CacheSource;
import com.starkiller.images.cache.CacheWrites;
import com.starkiller.images.cache.RedisCaches;
import com.starkiller.images.web.NotFound;

/**
 * Image variants in GridFS, one file per variant under the id {@code image/width}, and its WebP
 * form, once asked for, under {@code image/width.webp}. Their bytes never change, so they are
 * cached long and served with a strong ETag. Every write is idempotent, so a store that died half
 * way is completed by the next one.
 */
@Service
public class MediaStore implements CacheSource {

	static final String CACHE = "media";

	/** GridFS's files of the default bucket. */
	private static final String FILES = "fs.files";

	/** What a variant's id ends with in its WebP form. */
	static final String WEBP = ".webp";

	/** What an uploaded original's id ends with. */
	private static final String ORIGINAL = "/original";

	/** GridFS's chunks of the default bucket. */
	private static final String CHUNKS = "fs.chunks";

	private final GridFsTemplate gridFs;

	private final MongoTemplate mongo;

	private final CacheWrites caches;

	private final ImageLocks locks;

	MediaStore(GridFsTemplate gridFs, MongoTemplate mongo, CacheWrites caches, ImageLocks locks) {
		this.gridFs = gridFs;
		this.mongo = mongo;
		this.caches = caches;
		this.locks = locks;
	}

	/** Stores one variant unless it is stored already; {@code imageWidth} and {@code imageHeight} are the original's. */
	public void store(String image, int width, byte[] bytes, String contentType, int imageWidth, int imageHeight) {
		store(image, width, bytes, contentType, imageWidth, imageHeight, null);
	}

	/** As above, with the image's placeholder ({@link Variants#placeholder}) kept beside its size. */
	public void store(String image, int width, byte[] bytes, String contentType, int imageWidth, int imageHeight,
			@Nullable String placeholder) {
		this.caches.removeAll(CACHE, writeVariant(image, width, bytes, contentType, imageWidth, imageHeight, placeholder));
	}

	/**
	 * Stores every variant of an image ({@link Variants#WIDTHS}, the smallest last, so its presence
	 * says the image is complete), then frees their cache keys together: while Redis is out of reach
	 * an upload waits once, not once for each of them.
	 */
	void storeAll(String image, Variants.Encoded variants) {
		List<String> written = new ArrayList<>();
		for (int i = 0; i < Variants.WIDTHS.length; i++) {
			written.addAll(writeVariant(image, Variants.WIDTHS[i], variants.jpegs().get(i), MediaType.IMAGE_JPEG_VALUE,
					variants.imageWidth(), variants.imageHeight(), variants.placeholder()));
		}
		this.caches.removeAll(CACHE, written);
	}

	/** Writes one variant unless it is stored; the cache keys it frees (none if it was there). */
	private List<String> writeVariant(String image, int width, byte[] bytes, String contentType, int imageWidth,
			int imageHeight, @Nullable String placeholder) {
		Document metadata = new Document("image", image).append("width", width)
			.append("imageWidth", imageWidth)
			.append("imageHeight", imageHeight);
		if (placeholder != null) {
			metadata.append("placeholder", placeholder);
		}
		if (!write(fileId(image, width), bytes, contentType, metadata)) {
			return List.of();
		}
		// A tombstone left by an earlier delete of the same image must not hide it, in either form.
		return List.of(fileId(image, width), fileId(image, width) + WEBP);
	}

	/** Keeps an uploaded original, with its size and content hash, beside the variants. */
	void storeOriginal(String image, byte[] bytes, String contentType, int width, int height) {
		write(image + ORIGINAL, bytes, contentType,
				new Document("image", image).append("imageWidth", width).append("imageHeight", height));
	}

	@Cacheable(cacheNames = CACHE, key = "#image + '/' + #width")
	public MediaFile find(String image, int width) {
		MediaFile file = read(fileId(image, width));
		if (file == null) {
			throw new NotFound("There is no image " + image + " at width " + width + ".");
		}
		return file;
	}

	/**
	 * The WebP form of a variant ({@link Webp}), made from the variant and stored at the first ask,
	 * so each is encoded once for every instance. A variant too large to transcode here is its own
	 * answer, in its own type.
	 */
	@Cacheable(cacheNames = CACHE, key = "#image + '/' + #width + '" + WEBP + "'", sync = true)
	public MediaFile findWebp(String image, int width) {
		MediaFile stored = read(fileId(image, width) + WEBP);
		if (stored != null) {
			return stored;
		}
		// Under the image's lock: two first asks on any instances write it once (a write clears the
		// chunks it finds first), and none writes it after the image was deleted.
		return this.locks.withLock(image, () -> {
			MediaFile written = read(fileId(image, width) + WEBP);
			if (written != null) {
				return written;
			}
			MediaFile variant = read(fileId(image, width));
			if (variant == null) {
				throw new NotFound("There is no image " + image + " at width " + width + ".");
			}
			byte[] webp = Webp.fromJpeg(variant.bytes());
			if (webp == null) {
				return variant;
			}
			write(fileId(image, width) + WEBP, webp, Webp.TYPE, new Document("image", image).append("width", width));
			return new MediaFile(webp, Webp.TYPE, "\"" + sha256(webp) + "\"");
		});
	}

	/** The original's size and placeholder, or null when no such image is stored (the smallest variant is written last). */
	public @Nullable ImageSize size(String image) {
		GridFSFile file = this.gridFs.findOne(byId(fileId(image, Variants.SMALL)));
		if (file == null || file.getMetadata() == null) {
			return null;
		}
		Document metadata = file.getMetadata();
		return new ImageSize(metadata.getInteger("imageWidth", Variants.LARGE),
				metadata.getInteger("imageHeight", Variants.LARGE * 2 / 3), metadata.getString("placeholder"));
	}

	/**
	 * Makes and records the placeholder of an image stored before images had one, from its smallest
	 * variant; null if that variant is gone.
	 */
	@Nullable String addPlaceholder(String image) {
		MediaFile smallest = read(fileId(image, Variants.SMALL));
		if (smallest == null) {
			return null;
		}
		try {
			String placeholder = Variants.placeholder(ImageIO.read(new ByteArrayInputStream(smallest.bytes())));
			this.mongo.updateFirst(byId(fileId(image, Variants.SMALL)),
					Update.update("metadata.placeholder", placeholder), FILES);
			return placeholder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An image's size in pixels and its placeholder (null for one stored before placeholders). */
	public record ImageSize(int width, int height, @Nullable String placeholder) {
	}

	/**
	 * Removes every variant of an image (and its original, if kept); its cached bytes become
	 * tombstones, so no read that loaded them before can put them back.
	 */
	void delete(String image) {
		// Each file by its id, which every MongoDB finds by index. The smallest variant goes first: it
		// marks the image as stored ({@link #size}), so a delete cut short leaves an image that the
		// next upload of the same bytes completes, never one that looks whole with variants missing.
		for (int i = Variants.WIDTHS.length - 1; i >= 0; i--) {
			this.gridFs.delete(byId(fileId(image, Variants.WIDTHS[i])));
			this.gridFs.delete(byId(fileId(image, Variants.WIDTHS[i]) + WEBP));
		}
		this.gridFs.delete(byId(image + ORIGINAL));
		Map<String, MediaFile> gone = new LinkedHashMap<>();
		for (int width : Variants.WIDTHS) {
			gone.put(fileId(image, width), MediaFile.GONE);
			gone.put(fileId(image, width) + WEBP, MediaFile.GONE);
		}
		// Together: while Redis is out of reach the delete waits once, not once for each key.
		this.caches.replaceAll(CACHE, gone);
	}

	@Override
	public String cacheName() {
		return CACHE;
	}

	@Override
	public Object current(Object key) {
		MediaFile file = read(key.toString());
		return (file != null) ? file : MediaFile.GONE;
	}

	/**
	 * Under the image's lock: files are not versioned, so a refresh that read the bytes before a
	 * delete and wrote them after the delete's tombstone would serve a deleted image for a day. Not
	 * while another holds it: that writer puts the image's keys in Redis itself, and the sweep
	 * comes back to this one rather than wait.
	 */
	@Override
	public boolean refresh(Object key, Consumer<Object> write) {
		String id = key.toString();
		return this.locks.tryWithLock(id.substring(0, Math.max(0, id.indexOf('/'))), () -> write.accept(current(key)));
	}

	/**
	 * Writes one GridFS file under its id, unless it is there already; false if it was. Chunks
	 * left by a write that died before its file document are removed first.
	 */
	private boolean write(String id, byte[] bytes, String contentType, Document metadata) {
		if (this.gridFs.findOne(byId(id)) != null) {
			return false;
		}
		this.mongo.getCollection(CHUNKS).deleteMany(Filters.eq("files_id", id));
		this.gridFs.store(GridFsUpload.fromStream(new ByteArrayInputStream(bytes))
			.id(id)
			.filename(id)
			.contentType(contentType)
			.metadata(metadata.append("type", contentType).append("sha256", sha256(bytes)))
			.build());
		return true;
	}

	private MediaFile read(String id) {
		GridFSFile file = this.gridFs.findOne(byId(id));
		if (file == null || file.getMetadata() == null) {
			return null;
		}
		try {
			byte[] bytes = this.gridFs.getResource(file).getContentAsByteArray();
			Document metadata = file.getMetadata();
			return new MediaFile(bytes, metadata.getString("type"), "\"" + metadata.getString("sha256") + "\"");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Query byId(String id) {
		return Query.query(Criteria.where("_id").is(id));
	}

	private static String fileId(String image, int width) {
		return image + "/" + width;
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Bean
	static RedisCacheManagerBuilderCustomizer mediaCache(CacheProperties properties) {
		return (caches) -> caches.withCacheConfiguration(CACHE,
				RedisCaches.json(MediaFile.class, properties.mediaTtl()));
	}

}
