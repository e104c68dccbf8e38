package com.starkiller.images.media;

/**
 * What a JPEG's frame header says about the memory its decoder needs beside the image. A
 * progressive JPEG is decoded scan by scan over the whole image, so the JDK's decoder (libjpeg,
 * in native memory, which the heap does not show) holds every DCT coefficient of the original at
 * once: two bytes for each of the 64 of a block, in each component at its own sampling. A
 * baseline JPEG goes a row of blocks at a time.
 */
final class JpegFrame {

	private JpegFrame() {
	}

	/**
	 * The bytes of coefficients a progressive JPEG's decoder holds, from its frame header; 0 for a
	 * sequential JPEG or a header this does not find.
	 */
	static long coefficientBytes(byte[] file) {
		int at = 2;
		while (at + 4 <= file.length) {
			if ((file[at] & 0xFF) != 0xFF) {
				return 0;
			}
			int marker = file[at + 1] & 0xFF;
			if (marker == 0xFF) {
				// Fill bytes before a marker.
				at++;
				continue;
			}
			int length = ((file[at + 2] & 0xFF) << 8) | (file[at + 3] & 0xFF);
			if (isFrame(marker)) {
				return isProgressive(marker) ? coefficients(file, at + 4, length - 2) : 0;
			}
			if (marker == 0xDA || marker == 0xD9 || length < 2) {
				// The first scan or the end came before any frame header.
				return 0;
			}
			at += 2 + length;
		}
		return 0;
	}

	// SOF0-SOF15, but for DHT (C4), JPG (C8) and DAC (CC).
	private static boolean isFrame(int marker) {
		return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
	}

	// SOF2, SOF6, SOF10, SOF14: progressive, Huffman or arithmetic, differential or not.
	private static boolean isProgressive(int marker) {
		return (marker & 0x03) == 0x02;
	}

	private static long coefficients(byte[] file, int at, int length) {
		if (length < 6 || at + length > file.length) {
			return 0;
		}
		int height = ((file[at + 1] & 0xFF) << 8) | (file[at + 2] & 0xFF);
		int width = ((file[at + 3] & 0xFF) << 8) | (file[at + 4] & 0xFF);
		int components = file[at + 5] & 0xFF;
		if (length < 6 + 3 * components || components == 0) {
			return 0;
		}
		int maxH = 1;
		int maxV = 1;
		for (int c = 0; c < components; c++) {
			int sampling = file[at + 6 + 3 * c + 1] & 0xFF;
			maxH = Math.max(maxH, sampling >> 4);
			maxV = Math.max(maxV, sampling & 0x0F);
		}
		long bytes = 0;
		for (int c = 0; c < components; c++) {
			int sampling = file[at + 6 + 3 * c + 1] & 0xFF;
			long blocksWide = ceilDiv(ceilDiv((long) width * Math.max(1, sampling >> 4), maxH), 8);
			long blocksHigh = ceilDiv(ceilDiv((long) height * Math.max(1, sampling & 0x0F), maxV), 8);
			bytes += blocksWide * blocksHigh * 64 * 2;
		}
		return bytes;
	}

	private static long ceilDiv(long value, long divisor) {
		return (value + divisor - 1) / divisor;
	}

}
