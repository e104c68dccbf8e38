package com.starkiller.images.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The resized variants every image is served in: JPEG, about 200, 800 and 1600 px wide (never
 * wider than the original), freshly encoded so no metadata (EXIF, GPS, comments) survives.
 */
public final class Variants {

	public static final int SMALL = 200;

	public static final int MEDIUM = 800;

	public static final int LARGE = 1600;

	static final int[] WIDTHS = { LARGE, MEDIUM, SMALL };

	private static final float JPEG_QUALITY = 0.82f;

	/** The most pixels a JPEG holds on either side. */
	static final int JPEG_MAX_SIDE = 65_500;

	private Variants() {
	}

	/** Width of an image's placeholder: enough for its colours and light, a few hundred bytes inlined. */
	static final int PLACEHOLDER_WIDTH = 8;

	/**
	 * The variants of one image, encoded (widest first, as {@link #WIDTHS}) with the original's size
	 * and its placeholder ({@link #placeholder}).
	 */
	record Encoded(int imageWidth, int imageHeight, List<byte[]> jpegs, String placeholder) {
	}

	/** Stores every variant of an image made here, at its own size. */
	public static void storeAll(MediaStore media, String id, BufferedImage image) {
		media.storeAll(id, encode(image, image.getWidth(), image.getHeight()));
	}

	/**
	 * Encodes every variant of an image of {@code imageWidth}×{@code imageHeight}, which may have been
	 * decoded subsampled: never narrower than the largest variant, so each is still scaled down.
	 */
	static Encoded encode(BufferedImage image, int imageWidth, int imageHeight) {
		BufferedImage source = scalesDirectly(image.getType()) ? image : converted(image);
		List<byte[]> jpegs = new ArrayList<>();
		BufferedImage smallest = source;
		for (int width : WIDTHS) {
			smallest = scale(source, variantWidth(width, imageWidth), variantHeight(width, imageWidth, imageHeight));
			jpegs.add(jpeg(smallest));
		}
		return new Encoded(imageWidth, imageHeight, jpegs, placeholder(smallest));
	}

	/**
	 * A blurred preview pages inline so no photo shows an empty box while it loads: the image
	 * {@value #PLACEHOLDER_WIDTH} pixels wide, as a PNG data URI (the browser's smoothing blurs it).
	 */
	public static String placeholder(BufferedImage image) {
		int height = Math.max(1, Math.min(PLACEHOLDER_WIDTH * 2,
				Math.round((float) image.getHeight() * PLACEHOLDER_WIDTH / image.getWidth())));
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(scale(image, PLACEHOLDER_WIDTH, height), "png", png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
	}

	/**
	 * The heap encoding takes besides the decoded image: each variant's canvas (4 bytes a pixel) and
	 * its JPEG, counted at a byte a pixel, more than it takes at this quality.
	 */
	static long encodingBytes(int imageWidth, int imageHeight) {
		long bytes = 0;
		for (int width : WIDTHS) {
			bytes += 5L * variantWidth(width, imageWidth) * variantHeight(width, imageWidth, imageHeight);
		}
		return bytes;
	}

	/**
	 * Whether Java2D scales images of this type as they are; any other (16-bit PNGs, 1-bit and 16-bit
	 * grey among them) it converts anew for each variant, up to 8 bytes a pixel, so
	 * {@link #encode} converts those once, at 4.
	 */
	static boolean scalesDirectly(int type) {
		return switch (type) {
			case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_ARGB_PRE,
					BufferedImage.TYPE_INT_BGR, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR,
					BufferedImage.TYPE_4BYTE_ABGR_PRE, BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_BYTE_INDEXED ->
				true;
			default -> false;
		};
	}

	private static BufferedImage converted(BufferedImage image) {
		BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(),
				image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D g = copy.createGraphics();
		g.drawImage(image, 0, 0, null);
		g.dispose();
		return copy;
	}

	/** The height of the tallest variant of an image of this size: the widest one's. */
	static int tallestVariant(int imageWidth, int imageHeight) {
		return variantHeight(LARGE, imageWidth, imageHeight);
	}

	// Never wider than the original.
	private static int variantWidth(int width, int imageWidth) {
		return Math.min(width, imageWidth);
	}

	private static int variantHeight(int width, int imageWidth, int imageHeight) {
		return Math.max(1, Math.round((float) imageHeight * variantWidth(width, imageWidth) / imageWidth));
	}

	static BufferedImage scale(BufferedImage source, int width, int height) {
		BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = scaled.createGraphics();
		// Transparent pixels become white, not JPEG's black.
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, height);
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		g.drawImage(source, 0, 0, width, height, null);
		g.dispose();
		return scaled;
	}

	static byte[] jpeg(BufferedImage image) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(JPEG_QUALITY);
			writer.setOutput(out);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

}
