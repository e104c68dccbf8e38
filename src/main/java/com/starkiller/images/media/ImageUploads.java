package com.starkiller.images.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.function.Supplier;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import com.starkiller.images.web.BadRequest;

/**
 * Turns uploaded bytes into a stored image: the type from the bytes themselves (JPEG, PNG, WebP),
 * the pixel count checked from the header before anything is decoded, the original kept with its
 * size and content hash (identical uploads are stored once), and the variants made at once.
 */
@Service
public class ImageUploads {

	private final MediaStore media;

	private final ImageRefs refs;

	private final ImageLocks locks;

	private final long maxPixels;

	ImageUploads(MediaStore media, ImageRefs refs, ImageLocks locks, MediaProperties properties) {
		this.media = media;
		this.refs = refs;
		this.locks = locks;
		this.maxPixels = properties.maxPixels();
	}

	/** A stored image as photos refer to it. */
	public record StoredImage(String id, int width, int height) {
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
				BufferedImage image = decode(bytes, type);
				this.media.storeOriginal(id, bytes, type.mediaType(), image.getWidth(), image.getHeight());
				Variants.storeAll(this.media, id, image);
			}
			this.refs.useLocked(id);
			int[] size = this.media.size(id);
			return new StoredImage(id, size[0], size[1]);
		});
	}

	/**
	 * Stores an image made here (the demo pool) under a fixed id, unless it is stored already: under
	 * its lock, so instances starting together paint it once, and completing what a start that
	 * died half way left.
	 */
	public void ensure(String id, Supplier<BufferedImage> paint) {
		this.locks.withLock(id, () -> {
			if (this.media.size(id) == null) {
				Variants.storeAll(this.media, id, paint.get());
			}
			return null;
		});
	}

	/** An image already stored, for a photo that points at it: one more use of it is counted. */
	public StoredImage existing(String id) {
		if (id == null || !id.matches("[A-Za-z0-9_-]{1,80}") || !this.refs.use(id)) {
			throw new BadRequest("There is no stored image " + id + ".");
		}
		int[] size = this.media.size(id);
		return new StoredImage(id, size[0], size[1]);
	}

	private BufferedImage decode(byte[] bytes, ImageType type) {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.format());
			if (!readers.hasNext()) {
				throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "No decoder for " + type + ".");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels > this.maxPixels) {
					throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
							"The image declares " + reader.getWidth(0) + "×" + reader.getHeight(0) + " pixels; at most "
									+ this.maxPixels + " pixels are accepted.");
				}
				// A truncated or corrupt file is refused, not stored half grey.
				reader.addIIOReadWarningListener((source, warning) -> {
					throw new Damaged();
				});
				BufferedImage image = reader.read(0);
				if (image == null || image.getWidth() < 1 || image.getWidth() > 1 << 16) {
					throw new Damaged();
				}
				return image;
			}
			finally {
				reader.dispose();
			}
		}
		catch (ResponseStatusException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw new BadRequest("The image is damaged or incomplete and cannot be read.");
		}
	}

	private static final class Damaged extends RuntimeException {

		Damaged() {
			super(null, null, false, false);
		}

	}

	/** The accepted types, recognised by their magic bytes. */
	enum ImageType {

		JPEG("jpeg", "image/jpeg"), PNG("png", "image/png"), WEBP("webp", "image/webp");

		private final String format;

		private final String mediaType;

		ImageType(String format, String mediaType) {
			this.format = format;
			this.mediaType = mediaType;
		}

		String format() {
			return this.format;
		}

		String mediaType() {
			return this.mediaType;
		}

		static ImageType sniff(byte[] b) {
			if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
				return JPEG;
			}
			if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
					&& b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
				return PNG;
			}
			if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
					&& b[10] == 'B' && b[11] == 'P') {
				return WEBP;
			}
			return null;
		}

	}

}
