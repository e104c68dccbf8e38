package com.starkiller.images.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** PNG files written by hand, for the upload tests: any declared size and format, any IDAT. */
final class Png {

	private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	private Png() {
	}

	/**
	 * Signature, IHDR declaring the size, bit depth and colour type, a tEXt chunk when
	 * {@code comment} is not null, one IDAT and IEND, each with its CRC.
	 */
	static byte[] of(int width, int height, int bitDepth, int colourType, byte[] idat, String comment) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(SIGNATURE);
		chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
			.put(new byte[] { (byte) bitDepth, (byte) colourType, 0, 0, 0 }).array());
		if (comment != null) {
			chunk(out, "tEXt", ("Comment\0" + comment).getBytes(StandardCharsets.ISO_8859_1));
		}
		chunk(out, "IDAT", idat);
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		out.writeBytes(name);
		out.writeBytes(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

}
