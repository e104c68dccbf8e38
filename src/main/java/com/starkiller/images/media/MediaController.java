package com.starkiller.images.media;

import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

import com.starkiller.images.web.NotFound;

/**
 * Image bytes at {@code /media/{image}/{width}}: immutable, so browsers and CDNs keep them a year;
 * {@code If-None-Match} gets a 304 and {@code Range} a 206 (Spring MVC does ranges for resources).
 */
@Controller
class MediaController {

	private static final Pattern IMAGE_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

	private static final Set<String> WIDTHS = IntStream.of(Variants.WIDTHS)
		.mapToObj(String::valueOf)
		.collect(Collectors.toUnmodifiableSet());

	private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private final MediaStore media;

	MediaController(MediaStore media) {
		this.media = media;
	}

	@GetMapping("/media/{image}/{width}")
	ResponseEntity<Resource> image(@PathVariable String image, @PathVariable String width, WebRequest request) {
		if (!IMAGE_ID.matcher(image).matches() || !WIDTHS.contains(width)) {
			throw new NotFound("There is no such image.");
		}
		MediaFile file = this.media.find(image, Integer.parseInt(width));
		if (file.gone()) {
			throw new NotFound("There is no such image.");
		}
		if (request.checkNotModified(file.etag())) {
			return null;
		}
		return ResponseEntity.ok()
			.eTag(file.etag())
			.cacheControl(FOREVER)
			.contentType(MediaType.parseMediaType(file.contentType()))
			.body(new ByteArrayResource(file.bytes()));
	}

}
