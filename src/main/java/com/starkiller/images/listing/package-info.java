/**
 * Listings: their documents in MongoDB (photos in order, review count and rating, a version moved
 * on by every write), read through the cache by id, and every write to them, JSON API included.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Listings")
package com.starkiller.images.listing;
