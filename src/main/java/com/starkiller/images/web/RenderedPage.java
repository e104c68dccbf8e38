package com.starkiller.images.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.springframework.util.DigestUtils;

/**
 * One answer as {@link RenderedPages} keeps it: the body, its gzip form when that is smaller
 * (compressed once, when rendered, instead of on every request), the headers to replay, and a
 * strong ETag for each form.
 */
record RenderedPage(byte[] body, byte[] gzipped, String contentType, List<String[]> headers, String etag) {

	// MD5 tells representations apart; an ETag is no security boundary.
	static RenderedPage of(byte[] body, String contentType, List<String[]> headers) {
		byte[] gzipped = gzip(body);
		return new RenderedPage(body, (gzipped.length < body.length) ? gzipped : null, contentType,
				List.copyOf(headers), "\"" + DigestUtils.md5DigestAsHex(body) + "\"");
	}

	/** A different representation has a different strong ETag. */
	String gzipEtag() {
		return this.etag.substring(0, this.etag.length() - 1) + "-gzip\"";
	}

	int weight() {
		return this.body.length + ((this.gzipped != null) ? this.gzipped.length : 0) + 256;
	}

	private static byte[] gzip(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
