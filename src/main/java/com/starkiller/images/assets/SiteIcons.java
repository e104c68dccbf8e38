package com.starkiller.images.assets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The icons browsers fetch from the site's root whatever a page links: {@code /favicon.ico}
 * (every browser, and crawlers) and {@code /apple-touch-icon.png} (iOS). Pages link the same files
 * under {@code /assets/} by hashed names; these answer the fixed names instead of a 404 page.
 */
@RestController
class SiteIcons {

	// The IANA type; browsers read an ICO by its bytes whatever the type says.
	static final MediaType ICO = MediaType.parseMediaType("image/vnd.microsoft.icon");

	private static final Resource FAVICON = new ClassPathResource("static/favicon.ico");

	private static final Resource TOUCH_ICON = new ClassPathResource("static/apple-touch-icon.png");

	private final CacheControl cacheControl;

	SiteIcons(AssetProperties properties) {
		this.cacheControl = CacheControl.maxAge(properties.iconMaxAge()).cachePublic();
	}

	@GetMapping("/favicon.ico")
	ResponseEntity<Resource> favicon() {
		return ResponseEntity.ok().cacheControl(this.cacheControl).contentType(ICO).body(FAVICON);
	}

	@GetMapping("/apple-touch-icon.png")
	ResponseEntity<Resource> touchIcon() {
		return ResponseEntity.ok().cacheControl(this.cacheControl).contentType(MediaType.IMAGE_PNG).body(TOUCH_ICON);
	}

}
