package com.starkiller.images.gallery;

import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.Photo;
import com.starkiller.images.listing.Position;

/** The lightbox in one state: a listing's photo at a position, with its neighbours. */
public record Gallery(Listing listing, Position position) {

	public static Gallery open(Listing listing, int index) {
		return new Gallery(listing, Position.of(index, listing.photoCount(), "photos"));
	}

	public Photo photo() {
		return this.listing.photo(this.position.index());
	}

	/** "3/12: Sunny bedroom", the text of {@code #caption}. */
	public String caption() {
		return this.position.index() + "/" + this.position.count() + ": " + photo().caption();
	}

}
