package com.starkiller.images.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.mongodb.client.gridfs.model.GridFSFile;
import org.bson.Document;

import org.springframework.boot.cache.autoconfigure.RedisCacheManagerBuilderCustomizer;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.data.mongodb.gridfs.GridFsUpload;
import org.springframework.stereotype.Service;

import com.starkiller.images.cache.CacheProperties;
import com.starkiller.images.cache.CacheWrites;
import com.starkiller.images.cache.RedisCaches;
import com.starkiller.images.web.NotFound;

/**
 * Image variants in GridFS, one file per variant under the id {@code image/width}. Their bytes
 * never change, so they are cached long and served with a strong ETag.
 */
@Service
public class MediaStore {

	static final String CACHE = "media";

	private final GridFsTemplate gridFs;

	private final CacheWrites caches;

	MediaStore(GridFsTemplate gridFs, CacheWrites caches) {
		this.gridFs = gridFs;
		this.caches = caches;
	}

	public boolean exists(String image, int width) {
		return this.gridFs.findOne(byId(image, width)) != null;
	}

	/** Stores one variant; {@code imageWidth} and {@code imageHeight} are the original's. */
	public void store(String image, int width, byte[] bytes, String contentType, int imageWidth, int imageHeight) {
		Document metadata = new Document("image", image).append("width", width)
			.append("type", contentType)
			.append("sha256", sha256(bytes))
			.append("imageWidth", imageWidth)
			.append("imageHeight", imageHeight);
		this.gridFs.store(GridFsUpload.fromStream(new ByteArrayInputStream(bytes))
			.id(fileId(image, width))
			.filename(fileId(image, width))
			.contentType(contentType)
			.metadata(metadata)
			.build());
	}

	@Cacheable(cacheNames = CACHE, key = "#image + '/' + #width")
	public MediaFile find(String image, int width) {
		GridFSFile file = this.gridFs.findOne(byId(image, width));
		if (file == null || file.getMetadata() == null) {
			throw new NotFound("There is no image " + image + " at width " + width + ".");
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

	/** The original's size, or null when no such image is stored. */
	public int[] size(String image) {
		GridFSFile file = this.gridFs.findOne(byId(image, Variants.SMALL));
		if (file == null || file.getMetadata() == null) {
			return null;
		}
		Document metadata = file.getMetadata();
		return new int[] { metadata.getInteger("imageWidth", Variants.LARGE),
				metadata.getInteger("imageHeight", Variants.LARGE * 2 / 3) };
	}

	/** Removes every variant of an image (and its original, if kept), cached bytes included. */
	public void delete(String image) {
		this.gridFs.delete(Query.query(Criteria.where("metadata.image").is(image)));
		for (int width : Variants.WIDTHS) {
			this.caches.remove(CACHE, image + "/" + width);
		}
	}

	/** Keeps an uploaded original, with its size and content hash, beside the variants. */
	public void storeOriginal(String image, byte[] bytes, String contentType, int width, int height) {
		this.gridFs.store(GridFsUpload.fromStream(new ByteArrayInputStream(bytes))
			.id(image + "/original")
			.filename(image + "/original")
			.contentType(contentType)
			.metadata(new Document("image", image).append("type", contentType)
				.append("sha256", sha256(bytes))
				.append("imageWidth", width)
				.append("imageHeight", height))
			.build());
	}

	private static Query byId(String image, int width) {
		return Query.query(Criteria.where("_id").is(fileId(image, width)));
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
