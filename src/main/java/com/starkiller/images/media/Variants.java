package com.starkiller.images.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.springframework.http.MediaType;

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

	private Variants() {
	}

	/** Stores every variant; the smallest last, so its presence says the image is complete. */
	public static void storeAll(MediaStore media, String id, BufferedImage image) {
		for (int width : WIDTHS) {
			BufferedImage variant = scale(image, Math.min(width, image.getWidth()));
			media.store(id, width, jpeg(variant), MediaType.IMAGE_JPEG_VALUE, image.getWidth(), image.getHeight());
		}
	}

	static BufferedImage scale(BufferedImage source, int width) {
		int height = Math.max(1, Math.round((float) source.getHeight() * width / source.getWidth()));
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
