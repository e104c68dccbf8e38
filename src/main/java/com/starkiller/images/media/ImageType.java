package com.starkiller.images.media;

/** The accepted types, recognised by their magic bytes. */
enum ImageType {

	JPEG("jpeg", "image/jpeg"), PNG("png", "image/png"), WEBP("webp", "image/webp");

	private final String format;

	private final String mediaType;

	ImageType(String format, String mediaType) {
		this.format = format;
		this.mediaType = mediaType;
	}

	String format() {
		return this.format;
	}

	String mediaType() {
		return this.mediaType;
	}

	static ImageType sniff(byte[] b) {
		if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
			return JPEG;
		}
		if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
				&& b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
			return PNG;
		}
		if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
				&& b[10] == 'B' && b[11] == 'P') {
			return WEBP;
		}
		return null;
	}

	/** A WebP whose first chunk is {@code VP8 }: lossy, without alpha. */
	static boolean lossyWebpWithoutAlpha(byte[] b) {
		return b.length >= 16 && b[12] == 'V' && b[13] == 'P' && b[14] == '8' && b[15] == ' ';
	}

}
