package com.starkiller.images.media;

import java.awt.image.BufferedImage;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import com.starkiller.images.web.BadRequest;

/**
 * Turns uploaded bytes into a stored image: the type from the bytes themselves (JPEG, PNG, WebP),
 * decoded within the instance's decode budget ({@link ImageDecoder}), the original kept with its
 * size and content hash (identical uploads are stored once), and the variants made at once.
 */
@Service
public class ImageUploads {

	/**
	 * What an image id looks like: an upload's is the first 32 hex digits of its SHA-256, the demo
	 * pool's {@code demo-001}; the bound leaves room for ids of other origins.
	 */
	public static final String ID = "[A-Za-z0-9_-]{1,80}";

	private final MediaStore media;

	private final ImageRefs refs;

	private final ImageLocks locks;

	private final ImageDecoder decoder;

	ImageUploads(MediaStore media, ImageRefs refs, ImageLocks locks, ImageDecoder decoder) {
		this.media = media;
		this.refs = refs;
		this.locks = locks;
		this.decoder = decoder;
	}

	/** A stored image as photos refer to it; {@code placeholder} is null for one stored before placeholders. */
	public record StoredImage(String id, int width, int height, @Nullable String placeholder) {

		StoredImage(String id, MediaStore.ImageSize size) {
			this(id, size.width(), size.height(), size.placeholder());
		}

	}

	/**
	 * Stores the image (whatever part of it is not stored yet) and counts one more use of it, under
	 * the image's lock: identical uploads at once store it once, and no delete can take it before
	 * the caller's photo refers to it. The caller releases that use if its photo is not written.
	 */
	public StoredImage store(byte[] bytes) {
		if (bytes.length == 0) {
			throw new BadRequest("The file is empty.");
		}
		ImageType type = ImageType.sniff(bytes);
		if (type == null) {
			throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"Only JPEG, PNG and WebP images are accepted; this file is none of them.");
		}
		String id = MediaStore.sha256(bytes).substring(0, 32);
		return this.locks.withLock(id, () -> {
			if (this.media.size(id) == null) {
				Variants.Encoded variants = this.decoder.variants(bytes, type);
				this.media.storeOriginal(id, bytes, type.mediaType(), variants.imageWidth(), variants.imageHeight());
				this.media.storeAll(id, variants);
			}
			this.refs.useLocked(id);
			return new StoredImage(id, this.media.size(id));
		});
	}

	/**
	 * Stores an image made here (the demo pool) under a fixed id, unless it is stored already: under
	 * its lock, so instances starting together paint it once, and completing what a start that
	 * died half way left.
	 */
	public StoredImage ensure(String id, Supplier<BufferedImage> paint) {
		return this.locks.withLock(id, () -> {
			MediaStore.ImageSize size = this.media.size(id);
			if (size == null) {
				Variants.storeAll(this.media, id, paint.get());
				size = this.media.size(id);
			}
			else if (size.placeholder() == null) {
				// Painted by a release before placeholders: made once from what is stored.
				size = new MediaStore.ImageSize(size.width(), size.height(), this.media.addPlaceholder(id));
			}
			return new StoredImage(id, size);
		});
	}

	/**
	 * An image already stored, for a photo that points at it: one more use of it is counted. A
	 * missing image is named in the 400; something that is no image id is not repeated.
	 */
	public StoredImage existing(String id) {
		if (id == null || !id.matches(ID)) {
			throw new BadRequest("That is not an image id: letters, digits, - and _, at most 80.");
		}
		if (!this.refs.use(id)) {
			throw new BadRequest("There is no stored image " + id + ".");
		}
		return new StoredImage(id, this.media.size(id));
	}

}
