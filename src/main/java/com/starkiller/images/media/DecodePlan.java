package com.starkiller.images.media;

import java.awt.image.DataBuffer;
import java.awt.image.MultiPixelPackedSampleModel;
import java.awt.image.SampleModel;

import javax.imageio.ImageTypeSpecifier;

/**
 * How an upload is decoded, from its header alone: every {@code subsampling}-th pixel in both
 * directions when the largest variant needs no more (the decoded image stays at least
 * {@value Variants#LARGE} px wide), and the most heap that decode and the variants take, in bytes.
 */
record DecodePlan(int subsampling, long bytes) {

	/**
	 * Plans the decode of an image of {@code width}×{@code height} that the reader decodes into
	 * {@code decoded}: every byte a decoded pixel takes is counted (8 for 16-bit RGBA), then the copy
	 * {@link Variants} makes of a type Java2D does not scale directly, the variants' own memory, and
	 * what the reader needs beside the image.
	 */
	static DecodePlan of(ImageType type, byte[] file, int width, int height, ImageTypeSpecifier decoded) {
		int subsampling = Math.max(1, width / Variants.LARGE);
		long pixels = (long) ceilDiv(width, subsampling) * ceilDiv(height, subsampling);
		long bytes = (pixels * bitsPerPixel(decoded.getSampleModel()) + 7) / 8;
		if (!Variants.scalesDirectly(decoded.getBufferedImageType())) {
			bytes += pixels * 4;
		}
		bytes += Variants.encodingBytes(width, height);
		bytes += readerBytes(type, file, (long) width * height);
		return new DecodePlan(subsampling, bytes);
	}

	private static long bitsPerPixel(SampleModel pixels) {
		if (pixels instanceof MultiPixelPackedSampleModel packed) {
			return packed.getPixelBitStride();
		}
		return (long) pixels.getNumDataElements() * DataBuffer.getDataTypeSize(pixels.getTransferType());
	}

	/**
	 * The reader's own memory beyond a few rows. TwelveMonkeys' WebP reader (3.15) decodes a lossless
	 * image, or an alpha channel, whole before subsampling it: up to 4 bytes a pixel of the original;
	 * a lossy one keeps about half a byte a pixel of macroblock state. A progressive JPEG's decoder
	 * holds the whole original's coefficients, in native memory ({@link JpegFrame}): counted here
	 * too, since it is the instance's memory all the same. PNG and baseline JPEG go row by row.
	 */
	private static long readerBytes(ImageType type, byte[] file, long originalPixels) {
		return switch (type) {
			case WEBP -> ImageType.lossyWebpWithoutAlpha(file) ? originalPixels / 2 : originalPixels * 4;
			case JPEG -> JpegFrame.coefficientBytes(file);
			default -> 0;
		};
	}

	private static int ceilDiv(int value, int divisor) {
		return (value + divisor - 1) / divisor;
	}

}
