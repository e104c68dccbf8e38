package com.starkiller.images.media;

/** The bytes of one image variant, with what the response needs to describe them. */
public record MediaFile(byte[] bytes, String contentType, String etag) {
}
