package com.starkiller.images.assets;

import org.jspecify.annotations.Nullable;

/**
 * An asset as its release serves it: the hashed path ({@code /assets/site-<md5>.css}), the bytes,
 * and the {@code Content-Type} and {@code ETag} it is served with (either may be absent).
 */
record Asset(String path, byte[] bytes, @Nullable String contentType, @Nullable String etag) {

	int weight() {
		return this.path.length() + this.bytes.length;
	}

}
