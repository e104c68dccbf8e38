/**
 * The guest's language: which of the site's languages a request is answered in ({@link Languages}:
 * {@code ?lang=}, then the cookie a switch leaves, then {@code Accept-Language}), and the switcher's
 * links. Interface text is in {@code messages*.properties}; reviews and captions stay as written.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Language")
package com.starkiller.images.language;
