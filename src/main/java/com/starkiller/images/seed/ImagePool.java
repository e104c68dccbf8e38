package com.starkiller.images.seed;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.IntStream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import com.starkiller.images.listing.Photo;
import com.starkiller.images.media.MediaStore;

/**
 * The demo photos: a pool of images painted with Java2D and stored in GridFS in every variant, so
 * seeded listings display offline. Painting happens once; later starts find the pool stored.
 */
@Component
class ImagePool {

	static final int WIDTH = Photo.LARGE;

	static final int HEIGHT = WIDTH * 2 / 3;

	private static final int[] VARIANTS = { Photo.LARGE, Photo.MEDIUM, Photo.SMALL };

	private static final float JPEG_QUALITY = 0.82f;

	private final MediaStore media;

	ImagePool(MediaStore media) {
		this.media = media;
	}

	/** The pool's images, painting and storing those not stored yet. */
	List<DemoData.PoolImage> ensure(int size) {
		return IntStream.range(0, size).parallel().mapToObj(this::ensureImage).toList();
	}

	private DemoData.PoolImage ensureImage(int number) {
		String id = String.format("demo-%03d", number);
		if (!this.media.exists(id, Photo.SMALL)) {
			BufferedImage large = PhotoPainter.paint(number, WIDTH, HEIGHT);
			// Smallest last: its presence says the whole image was stored.
			for (int width : VARIANTS) {
				this.media.store(id, width, jpeg(scale(large, width)), MediaType.IMAGE_JPEG_VALUE);
			}
		}
		return new DemoData.PoolImage(id, PhotoPainter.describe(number), WIDTH, HEIGHT);
	}

	private static BufferedImage scale(BufferedImage source, int width) {
		if (source.getWidth() == width) {
			return source;
		}
		int height = Math.round((float) source.getHeight() * width / source.getWidth());
		BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = scaled.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		g.drawImage(source, 0, 0, width, height, null);
		g.dispose();
		return scaled;
	}

	private static byte[] jpeg(BufferedImage image) {
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
