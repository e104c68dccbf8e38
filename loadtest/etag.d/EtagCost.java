import java.security.MessageDigest;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * What a kept page's ETag costs: MD5 (before 2026-12-07) against the length and two checksums
 * (web.RenderedPage#etag), over a page of printable bytes, six rounds of 20,000 each.
 * Run: java loadtest/etag.d/EtagCost.java [bytes, default 40000]
 */
public class EtagCost {

	public static void main(String[] args) throws Exception {
		byte[] page = new byte[(args.length > 0) ? Integer.parseInt(args[0]) : 40_000];
		new Random(1).nextBytes(page);
		for (int i = 0; i < page.length; i++) {
			page[i] = (byte) (32 + (page[i] & 63));
		}
		long sink = 0;
		for (int round = 0; round < 6; round++) {
			long start = System.nanoTime();
			for (int i = 0; i < 20_000; i++) {
				sink += MessageDigest.getInstance("MD5").digest(page)[0];
			}
			long md5 = System.nanoTime() - start;
			start = System.nanoTime();
			for (int i = 0; i < 20_000; i++) {
				CRC32C castagnoli = new CRC32C();
				castagnoli.update(page);
				CRC32 ieee = new CRC32();
				ieee.update(page);
				sink += castagnoli.getValue() + ieee.getValue();
			}
			long checksums = System.nanoTime() - start;
			System.out.printf("MD5 %.1f µs, CRC32C + CRC32 %.1f µs a page%n", md5 / 20_000 / 1e3, checksums / 20_000 / 1e3);
		}
		System.out.println("(" + sink + ")");
	}

}
