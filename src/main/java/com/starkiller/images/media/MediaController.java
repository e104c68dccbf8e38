package com.starkiller.images.media;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRange;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;

import com.starkiller.images.web.NotFound;

/**
 * Image bytes at {@code /media/{image}/{width}}: immutable, so browsers and CDNs keep them a year;
 * {@code If-None-Match} gets a 304 and {@code Range} a 206 (Spring MVC does ranges for resources).
 * A {@code Range} that does not parse is ignored (RFC 9110 §14.2), and one that lies past the end
 * is answered 416 with the size, without the image.
 */
@Controller
class MediaController {

	private static final Pattern IMAGE_ID = Pattern.compile(ImageUploads.ID);

	private static final Set<String> WIDTHS = IntStream.of(Variants.WIDTHS)
		.mapToObj(String::valueOf)
		.collect(Collectors.toUnmodifiableSet());

	private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private final MediaStore media;

	MediaController(MediaStore media) {
		this.media = media;
	}

	@GetMapping("/media/{image}/{width}")
	ResponseEntity<?> image(@PathVariable String image, @PathVariable String width,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			@RequestHeader(name = HttpHeaders.RANGE, required = false) String range, WebRequest request,
			HttpServletResponse response) {
		if (!IMAGE_ID.matcher(image).matches() || !WIDTHS.contains(width)) {
			throw new NotFound("There is no such image.");
		}
		// One URL, two forms: WebP to browsers that say they take it, JPEG to the rest.
		response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
		MediaFile file = acceptsWebp(accept) ? this.media.findWebp(image, Integer.parseInt(width))
				: this.media.find(image, Integer.parseInt(width));
		if (file.gone()) {
			throw new NotFound("There is no such image.");
		}
		// Before the check: a 304 carries the Cache-Control the 200 would (RFC 9110, 15.4.5).
		response.setHeader(HttpHeaders.CACHE_CONTROL, FOREVER.getHeaderValue());
		if (request.checkNotModified(file.etag())) {
			return null;
		}
		Resource bytes = new ByteArrayResource(file.bytes());
		ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
			.eTag(file.etag())
			.cacheControl(FOREVER)
			.contentType(MediaType.parseMediaType(file.contentType()));
		// HEAD ignores Range (RFC 9110, 14.2): bytes, which Spring MVC sends whole, not a resource.
		if (range != null && request instanceof ServletWebRequest servlet && servlet.getHttpMethod() == HttpMethod.HEAD) {
			return ok.body(file.bytes());
		}
		if (range == null) {
			return ok.body(bytes);
		}
		// A range of the form the client holds only: one URL has two forms (and a date cannot match,
		// with no Last-Modified sent), so a resumed download is never spliced from both.
		String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
		if (ifRange != null && !ifRange.strip().equals(file.etag())) {
			return ok.body(file.bytes());
		}
		List<HttpRange> ranges;
		try {
			ranges = HttpRange.parseRanges(range);
		}
		catch (IllegalArgumentException unreadable) {
			// Given as bytes, not as a resource, Spring MVC does not look at the Range header.
			return ok.body(file.bytes());
		}
		try {
			HttpRange.toResourceRegions(ranges, bytes);
		}
		catch (IllegalArgumentException pastTheEnd) {
			throw new RangeNotSatisfiable(file.bytes().length);
		}
		return ok.body(bytes);
	}

	/** Whether {@code Accept} names WebP, and not at quality 0. */
	static boolean acceptsWebp(String accept) {
		if (accept == null) {
			return false;
		}
		for (String range : accept.split(",")) {
			String[] parts = range.split(";");
			if (parts[0].strip().equalsIgnoreCase(Webp.TYPE)) {
				for (int i = 1; i < parts.length; i++) {
					String parameter = parts[i].strip().replace(" ", "");
					if (parameter.matches("q=0(\\.0{0,3})?")) {
						return false;
					}
				}
				return true;
			}
		}
		return false;
	}

}
