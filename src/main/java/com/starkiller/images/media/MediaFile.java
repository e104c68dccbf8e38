package com.starkiller.images.media;

/**
 * The bytes of one image variant, with what the response needs to describe them; or, for a
 * deleted image, a tombstone kept in the cache so that a read that loaded the bytes before the
 * delete cannot put them back.
 */
public record MediaFile(byte[] bytes, String contentType, String etag, boolean gone) {

	static final MediaFile GONE = new MediaFile(new byte[0], "", "", true);

	MediaFile(byte[] bytes, String contentType, String etag) {
		this(bytes, contentType, etag, false);
	}

}
