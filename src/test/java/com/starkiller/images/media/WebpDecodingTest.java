package com.starkiller.images.media;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WebP uploads are read by TwelveMonkeys' reader whatever ImageIO's registry holds: in the packaged
 * jar the registry could be filled without any WebP reader (by a thread that cannot see the jar's
 * libraries), and libwebp's reader, when first, decodes in full what the decode budget counted as
 * subsampled.
 */
class WebpDecodingTest {

	private static final int WIDTH = 1600;

	private static final int HEIGHT = 1000;

	@Test
	void aWebpIsReadWhenImageIoKnowsNoWebpReader() throws IOException {
		byte[] webp = lossyWebp();
		List<ImageReaderSpi> removed = deregisterWebpReaders();
		try {
			assertThat(ImageIO.getImageReadersByFormatName("webp").hasNext()).isFalse();

			Variants.Encoded variants = decoder().variants(webp, ImageType.WEBP);

			assertThat(variants.imageWidth()).isEqualTo(WIDTH);
			assertThat(variants.imageHeight()).isEqualTo(HEIGHT);
		}
		finally {
			removed.forEach(IIORegistry.getDefaultInstance()::registerServiceProvider);
		}
	}

	@Test
	void theWebpReaderDecodesOnlyThePixelsThePlanCounts() throws IOException {
		ImageReader reader = ImageDecoder.reader(ImageType.WEBP);
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(lossyWebp()))) {
			reader.setInput(input);
			ImageReadParam param = reader.getDefaultReadParam();
			param.setSourceSubsampling(4, 4, 0, 0);

			BufferedImage image = reader.read(0, param);

			assertThat(image.getWidth()).isEqualTo(WIDTH / 4);
			assertThat(image.getHeight()).isEqualTo(HEIGHT / 4);
		}
		finally {
			reader.dispose();
		}
	}

	private static ImageDecoder decoder() {
		MediaProperties properties = new MediaProperties(40_000_000, DataSize.ofMegabytes(64), 2, Duration.ofSeconds(5));
		return new ImageDecoder(new DecodeBudget(properties, new SimpleMeterRegistry()), properties);
	}

	private static List<ImageReaderSpi> deregisterWebpReaders() {
		IIORegistry registry = IIORegistry.getDefaultInstance();
		List<ImageReaderSpi> removed = new ArrayList<>();
		Iterator<ImageReaderSpi> readers = registry.getServiceProviders(ImageReaderSpi.class, true);
		readers.forEachRemaining((reader) -> {
			if (List.of(reader.getFormatNames()).stream().anyMatch("webp"::equalsIgnoreCase)) {
				removed.add(reader);
			}
		});
		removed.forEach(registry::deregisterServiceProvider);
		return removed;
	}

	/** A lossy WebP, as a phone's camera app or an image editor exports one. */
	private static byte[] lossyWebp() throws IOException {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setPaint(new GradientPaint(0, 0, Color.ORANGE, WIDTH, HEIGHT, Color.BLUE));
		graphics.fillRect(0, 0, WIDTH, HEIGHT);
		graphics.dispose();
		ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
		ImageIO.write(image, "jpeg", jpeg);
		byte[] webp = Webp.fromJpeg(jpeg.toByteArray());
		assertThat(webp).isNotNull();
		assertThat(ImageType.lossyWebpWithoutAlpha(webp)).isTrue();
		return webp;
	}

}
