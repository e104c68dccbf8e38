package com.starkiller.images.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.GZIPOutputStream;

/**
 * One answer as {@link RenderedPages} keeps it: the body, its gzip form, the headers to replay,
 * and a strong ETag for each form. The gzip form is made once, for the first visitor who accepts
 * it, not when the page is rendered: most pages a random miss renders are never asked for again,
 * and compressing every one of them cost a miss more than a fifth of its time.
 */
record RenderedPage(byte[] body, byte[] gzipped, String contentType, List<String[]> headers, String etag) {

	/** The gzip form of a page that gzip does not make smaller: the body is sent as it is. */
	private static final byte[] NOT_SMALLER = new byte[0];

	static RenderedPage of(byte[] body, String contentType, List<String[]> headers) {
		return new RenderedPage(body, null, contentType, List.copyOf(headers), etag(body));
	}

	/**
	 * The length and two checksums of different polynomials: enough to tell one version of a page
	 * from the next (an ETag is no security boundary), at a fraction of MD5's cost to a miss
	 * (docs/benchmarks.md, tenth pass).
	 */
	static String etag(byte[] body) {
		CRC32C castagnoli = new CRC32C();
		castagnoli.update(body);
		CRC32 ieee = new CRC32();
		ieee.update(body);
		HexFormat hex = HexFormat.of();
		return "\"" + Integer.toHexString(body.length) + "-" + hex.toHexDigits((int) castagnoli.getValue())
				+ hex.toHexDigits((int) ieee.getValue()) + "\"";
	}

	boolean compressed() {
		return this.gzipped != null;
	}

	/** This page with its gzip form made. */
	RenderedPage compress() {
		byte[] gzip = gzip(this.body);
		return new RenderedPage(this.body, (gzip.length < this.body.length) ? gzip : NOT_SMALLER, this.contentType,
				this.headers, this.etag);
	}

	/** Whether a visitor who accepts gzip gets the gzip form (once {@link #compress() made}). */
	boolean sentGzipped() {
		return this.gzipped != null && this.gzipped.length > 0;
	}

	/** A different representation has a different strong ETag. */
	String gzipEtag() {
		return this.etag.substring(0, this.etag.length() - 1) + "-gzip\"";
	}

	int weight() {
		return this.body.length + (compressed() ? this.gzipped.length : 0) + 256;
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
