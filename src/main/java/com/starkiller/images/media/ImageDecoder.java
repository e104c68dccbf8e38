package com.starkiller.images.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import com.starkiller.images.web.BadRequest;

/**
 * Decodes an upload into its encoded variants within the instance's {@link DecodeBudget}: the size
 * and pixel format read from the header first and the pixel limit checked before anything is
 * decoded, then as few pixels decoded as the largest variant needs ({@link DecodePlan}), under a
 * share of the budget held until the variants are encoded.
 */
@Component
class ImageDecoder {

	private static final String DAMAGED = "The image is damaged or incomplete and cannot be read.";

	private static final WebPImageReaderSpi WEBP_READERS = new WebPImageReaderSpi();

	private final DecodeBudget budget;

	private final long maxPixels;

	ImageDecoder(DecodeBudget budget, MediaProperties properties) {
		this.budget = budget;
		this.maxPixels = properties.maxPixels();
	}

	/** The variants of the image, with the original's size. */
	Variants.Encoded variants(byte[] bytes, ImageType type) {
		ImageReader reader = reader(type);
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			reader.setInput(input, true, true);
			int width = readable(() -> reader.getWidth(0));
			int height = readable(() -> reader.getHeight(0));
			if ((long) width * height > this.maxPixels) {
				throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "The image declares " + width + "×"
						+ height + " pixels; at most " + this.maxPixels + " pixels are accepted.");
			}
			if (Variants.tallestVariant(width, height) > Variants.JPEG_MAX_SIDE) {
				throw new BadRequest("The image is " + width + "×" + height + " pixels: its variants would be taller than "
						+ Variants.JPEG_MAX_SIDE + " pixels, the most a JPEG holds.");
			}
			DecodePlan plan = DecodePlan.of(type, bytes, width, height, readable(() -> decodedType(reader)));
			ImageReadParam param = reader.getDefaultReadParam();
			param.setSourceSubsampling(plan.subsampling(), plan.subsampling(), 0, 0);
			// A truncated or corrupt file is refused, not stored half grey.
			reader.addIIOReadWarningListener((source, warning) -> {
				throw new Damaged();
			});
			try (DecodeBudget.Share share = this.budget.take(plan.bytes())) {
				BufferedImage image = readable(() -> reader.read(0, param));
				if (image.getWidth() < 1 || image.getWidth() > 1 << 16) {
					throw new BadRequest(DAMAGED);
				}
				return Variants.encode(image, width, height);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			reader.dispose();
		}
	}

	/**
	 * WebP's reader named, not looked up: ImageIO's registry is filled once, by the first thread to use
	 * it, and a thread that cannot see the jar's libraries (the common fork-join pool's) leaves WebP
	 * out of it for good; and libwebp's reader, registered by the encoder's library, ignores
	 * subsampling and would decode in full what {@link DecodePlan} counts for TwelveMonkeys'.
	 */
	static ImageReader reader(ImageType type) {
		if (type == ImageType.WEBP) {
			return WEBP_READERS.createReaderInstance(null);
		}
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.format());
		if (!readers.hasNext()) {
			throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "No decoder for " + type + ".");
		}
		return readers.next();
	}

	/** The type {@code read} decodes into when asked for none: the first the reader offers. */
	private static ImageTypeSpecifier decodedType(ImageReader reader) throws IOException {
		Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
		return types.hasNext() ? types.next() : null;
	}

	/** What the reader answers; whatever it throws, or no answer, is a file it cannot read. */
	private static <T> T readable(ReaderCall<T> call) {
		try {
			T value = call.get();
			if (value == null) {
				throw new BadRequest(DAMAGED);
			}
			return value;
		}
		catch (IOException | RuntimeException ex) {
			throw (ex instanceof BadRequest bad) ? bad : new BadRequest(DAMAGED);
		}
	}

	@FunctionalInterface
	private interface ReaderCall<T> {

		T get() throws IOException;

	}

	private static final class Damaged extends RuntimeException {

		Damaged() {
			super(null, null, false, false);
		}

	}

}
