package com.starkiller.images.media;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.imageio.ImageTypeSpecifier;

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
