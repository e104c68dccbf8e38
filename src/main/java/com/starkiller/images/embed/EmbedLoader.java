package com.starkiller.images.embed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;

import com.starkiller.images.page.EmbedScript;

/**
 * {@code /embed.js}, the loader partners paste. The snippet we hand out carries the loader's
 * content hash ({@code ?v=}), and that exact version is cached a year; the bare URL is cached a
 * day and revalidated by ETag, so a partner who typed it still gets updates.
 */
@Controller
class EmbedLoader implements EmbedScript {

	private final byte[] script;

	private final String version;

	EmbedLoader() {
		try {
			this.script = new ClassPathResource("static/embed.js").getContentAsByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The frontend bundle has no embed.js", ex);
		}
		this.version = DigestUtils.md5DigestAsHex(this.script).substring(0, 12);
	}

	@Override
	public String path() {
		return "/embed.js?v=" + this.version;
	}

	@GetMapping("/embed.js")
	ResponseEntity<byte[]> loader(@RequestParam(name = "v", required = false) String version, WebRequest request,
			HttpServletResponse response) {
		String etag = "\"" + this.version + "\"";
		CacheControl cache = this.version.equals(version)
				? CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable()
				: CacheControl.maxAge(Duration.ofDays(1)).cachePublic();
		// Before the check: a 304 carries the Cache-Control the 200 would (RFC 9110, 15.4.5).
		response.setHeader(HttpHeaders.CACHE_CONTROL, cache.getHeaderValue());
		if (request.checkNotModified(etag)) {
			return null;
		}
		return ResponseEntity.ok()
			.eTag(etag)
			.cacheControl(cache)
			.contentType(MediaType.valueOf("text/javascript"))
			.body(this.script);
	}

}
