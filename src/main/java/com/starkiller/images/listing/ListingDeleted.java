package com.starkiller.images.listing;

/**
 * Published, synchronously, once a listing is deleted, so the modules that keep more of it (its
 * reviews) delete theirs before the delete answers.
 */
public record ListingDeleted(Listing listing) {
}
