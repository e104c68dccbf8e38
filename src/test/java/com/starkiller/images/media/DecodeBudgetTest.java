package com.starkiller.images.media;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The decode budget without the app: what a decode is planned to cost from the header alone, and
 * shares of the budget taken, refused and given back.
 */
class DecodeBudgetTest {

	/** What the PNG reader decodes a 16-bit RGBA PNG into: 8 bytes a pixel, a type Java2D converts. */
	private static final ImageTypeSpecifier RGBA16 = ImageTypeSpecifier.createInterleaved(
			ColorSpace.getInstance(ColorSpace.CS_sRGB), new int[] { 0, 1, 2, 3 }, DataBuffer.TYPE_USHORT, true, false);

	private static final ImageTypeSpecifier BGR8 = ImageTypeSpecifier
		.createFromBufferedImageType(BufferedImage.TYPE_3BYTE_BGR);

	@Test
	void aFortyMegapixelSixteenBitPngIsDecodedAtTheLargeVariantsWidth() {
		DecodePlan plan = DecodePlan.of(ImageType.PNG, new byte[0], 8000, 5000, RGBA16);

		assertThat(plan.subsampling()).isEqualTo(5);
		long decoded = 1600L * 1000 * 8;
		long copy = 1600L * 1000 * 4;
		long variants = 5L * (1600 * 1000 + 800 * 500 + 200 * 125);
		assertThat(plan.bytes()).isEqualTo(decoded + copy + variants);
		assertThat(plan.bytes()).isLessThan(8000L * 5000 * 8 / 10);
	}

	@Test
	void anImageNoWiderThanTwiceTheLargeVariantIsDecodedWhole() {
		DecodePlan plan = DecodePlan.of(ImageType.JPEG, new byte[0], 3199, 2000, BGR8);

		assertThat(plan.subsampling()).isEqualTo(1);
		assertThat(plan.bytes()).isEqualTo(3199L * 2000 * 3 + Variants.encodingBytes(3199, 2000));
	}

	@Test
	void aTallNarrowSixteenBitPngCountsEveryPixel() {
		DecodePlan plan = DecodePlan.of(ImageType.PNG, new byte[0], 1500, 26000, RGBA16);

		assertThat(plan.subsampling()).isEqualTo(1);
		assertThat(plan.bytes()).isGreaterThan(1500L * 26000 * (8 + 4));
	}

	@Test
	void aLosslessWebpCountsTheWholeImageItsReaderDecodesBeforeSubsampling() {
		byte[] lossless = riff("VP8L");
		byte[] lossy = riff("VP8 ");

		long losslessBytes = DecodePlan.of(ImageType.WEBP, lossless, 6400, 4000, BGR8).bytes();
		long lossyBytes = DecodePlan.of(ImageType.WEBP, lossy, 6400, 4000, BGR8).bytes();

		assertThat(losslessBytes - lossyBytes).isEqualTo(6400L * 4000 * 4 - 6400L * 4000 / 2);
		assertThat(lossyBytes).isEqualTo(1600L * 1000 * 3 + Variants.encodingBytes(6400, 4000) + 6400L * 4000 / 2);
	}

	/**
	 * Found by review: a progressive JPEG's decoder holds every coefficient of the original in native
	 * memory (46 MB for this one at 4:2:0; 51 MB more resident memory was measured for it than for the
	 * same image baseline), which the plan did not count.
	 */
	@Test
	void aProgressiveJpegCountsTheCoefficientsItsDecoderHoldsForTheWholeImage() {
		byte[] progressive = frameHeader(0xC2, 4800, 3200, 0x22, 0x11, 0x11);
		byte[] baseline = frameHeader(0xC0, 4800, 3200, 0x22, 0x11, 0x11);

		long difference = DecodePlan.of(ImageType.JPEG, progressive, 4800, 3200, BGR8).bytes()
				- DecodePlan.of(ImageType.JPEG, baseline, 4800, 3200, BGR8).bytes();

		long luma = (4800 / 8) * (3200 / 8) * 128L;
		long chroma = (2400 / 8) * (1600 / 8) * 128L;
		assertThat(difference).isEqualTo(luma + 2 * chroma).isEqualTo(46_080_000);
		assertThat(JpegFrame.coefficientBytes(frameHeader(0xC2, 4800, 3200, 0x11, 0x11, 0x11)))
			.as("4:4:4, each component at full size")
			.isEqualTo(3 * luma);
	}

	@Test
	void theFrameHeaderIsFoundInAJpegAsImageIoWritesIt() throws IOException {
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);

		assertThat(JpegFrame.coefficientBytes(jpeg(image, true))).isEqualTo(8L * 6 * 128 + 2L * 4 * 3 * 128);
		assertThat(JpegFrame.coefficientBytes(jpeg(image, false))).isZero();
		assertThat(JpegFrame.coefficientBytes(new byte[] { (byte) 0xFF, (byte) 0xD8 })).isZero();
	}

	private static byte[] frameHeader(int marker, int width, int height, int... sampling) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) marker });
		int length = 8 + 3 * sampling.length;
		out.writeBytes(new byte[] { (byte) (length >> 8), (byte) length, 8, (byte) (height >> 8), (byte) height,
				(byte) (width >> 8), (byte) width, (byte) sampling.length });
		for (int c = 0; c < sampling.length; c++) {
			out.writeBytes(new byte[] { (byte) (c + 1), (byte) sampling[c], 0 });
		}
		out.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xD9 });
		return out.toByteArray();
	}

	private static byte[] jpeg(BufferedImage image, boolean progressive) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ImageWriteParam param = writer.getDefaultWriteParam();
		if (progressive) {
			param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	@Test
	void aDecodeNeedingMoreThanTheWholeBudgetIsRefusedAsTooLarge() {
		DecodeBudget budget = budget(DataSize.ofMegabytes(64), 2, Duration.ofSeconds(5));

		assertThatThrownBy(() -> budget.take(DataSize.ofMegabytes(65).toBytes()))
			.isInstanceOfSatisfying(ResponseStatusException.class, (ex) -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(413);
				assertThat(ex.getReason()).contains("65 MB").contains("64 MB");
			});
	}

	@Test
	void aDecodeFindingTheMemoryTakenWaitsThenIsUnavailableWithRetryAfter() {
		DecodeBudget budget = budget(DataSize.ofMegabytes(64), 2, Duration.ofMillis(200));

		try (DecodeBudget.Share first = budget.take(DataSize.ofMegabytes(40).toBytes())) {
			assertUnavailable(() -> budget.take(DataSize.ofMegabytes(40).toBytes()));
			budget.take(DataSize.ofMegabytes(24).toBytes()).close();
		}
		budget.take(DataSize.ofMegabytes(64).toBytes()).close();
	}

	@Test
	void aDecodeBeyondTheConcurrentDecodesWaitsThenIsUnavailable() {
		DecodeBudget budget = budget(DataSize.ofMegabytes(64), 1, Duration.ofMillis(200));

		try (DecodeBudget.Share first = budget.take(1)) {
			assertUnavailable(() -> budget.take(1));
		}
		budget.take(DataSize.ofMegabytes(64).toBytes()).close();
	}

	@Test
	void theDecodesUnderWayAndTheirMemoryAreGauged() {
		MeterRegistry meters = new SimpleMeterRegistry();
		DecodeBudget budget = new DecodeBudget(
				new MediaProperties(40_000_000, DataSize.ofMegabytes(64), 2, Duration.ofMillis(200)), meters);

		try (DecodeBudget.Share first = budget.take(DataSize.ofMegabytes(10).toBytes());
				DecodeBudget.Share second = budget.take(DataSize.ofMegabytes(3).toBytes() + 1)) {
			assertThat(meters.get("starkiller.media.decodes.active").gauge().value()).isEqualTo(2);
			// Taken in whole kibibytes.
			assertThat(meters.get("starkiller.media.decode.memory").gauge().value())
				.isEqualTo(DataSize.ofMegabytes(13).toBytes() + 1024);
		}
		assertThat(meters.get("starkiller.media.decodes.active").gauge().value()).isZero();
		assertThat(meters.get("starkiller.media.decode.memory").gauge().value()).isZero();
	}

	@Test
	void unsetTheBudgetIsAQuarterOfTheHeap() {
		MediaProperties properties = new MediaProperties(40_000_000, null, 2, Duration.ofSeconds(5));

		assertThat(properties.decodeBytes()).isEqualTo(Runtime.getRuntime().maxMemory() / 4);
	}

	private static void assertUnavailable(Runnable take) {
		assertThatThrownBy(take::run).isInstanceOfSatisfying(ResponseStatusException.class, (ex) -> {
			assertThat(ex.getStatusCode().value()).isEqualTo(503);
			assertThat(ex.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
		});
	}

	private static DecodeBudget budget(DataSize memory, int decodes, Duration wait) {
		return new DecodeBudget(new MediaProperties(40_000_000, memory, decodes, wait), new SimpleMeterRegistry());
	}

	private static byte[] riff(String chunk) {
		return ("RIFF\0\0\0\0WEBP" + chunk).getBytes(StandardCharsets.US_ASCII);
	}

}
