package com.starkiller.images.gallery;

import java.util.ArrayList;
import java.util.List;

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

	/**
	 * For each photo of the thumbnail strip, in order, the room whose photos start there, or null
	 * where the photo shows the same room as the one before it. A listing whose photos have no
	 * rooms has no marks; in one that has some, photos without a room start an "Other photos" run.
	 */
	public List<String> roomStarts() {
		List<Photo> photos = this.listing.photos();
		List<String> starts = new ArrayList<>(photos.size());
		boolean rooms = photos.stream().anyMatch((photo) -> photo.room() != null);
		String previous = null;
		for (Photo photo : photos) {
			String room = (photo.room() != null) ? photo.room() : PhotoTour.OTHER_PHOTOS;
			starts.add((rooms && !room.equals(previous)) ? room : null);
			previous = room;
		}
		return starts;
	}

}
