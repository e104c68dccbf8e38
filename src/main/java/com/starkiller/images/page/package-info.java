/**
 * The listing page, composed of the features below it: the gallery (hero and lightbox), the
 * review carousel, Save and Share. {@code /listings/{id}}, {@code /images/{id}} and
 * {@code /reviews/{id}} all render it in full; the features answer their own fragments and JSON
 * on the same URLs and know nothing of this page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Listing page")
package com.starkiller.images.page;
