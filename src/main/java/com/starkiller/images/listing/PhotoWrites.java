package com.starkiller.images.listing;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import com.starkiller.images.media.ImageRefs;
import com.starkiller.images.web.BadRequest;

/**
 * A listing's photos, addressed by position. Adding is one atomic {@code $push}; replacing,
 * removing and reordering rewrite the list only if the version did not move meanwhile (retried,
 * then 409), so two writes never overwrite each other. With {@link IfMatch} the client says which
 * version its positions refer to, and gets 412 if the listing has changed since.
 */
@Service
public class PhotoWrites {

	private static final int ATTEMPTS = 8;

	private final ListingUpdates updates;

	private final ImageRefs images;

	PhotoWrites(ListingUpdates updates, ImageRefs images) {
		this.updates = updates;
		this.images = images;
	}

	/**
	 * Adds a photo. Its image carries a use counted already (see {@code ImageUploads}), so no
	 * delete can take it meanwhile; that use is released if the photo is refused.
	 */
	public Listing add(long id, IfMatch ifMatch, Photo photo) {
		Listing written = releasedIfRefused(photo,
				() -> this.updates.apply(id, ifMatch, new Update().push("photos", photo).inc("version", 1)));
		return this.updates.refreshed(written);
	}

	/** Replaces the photo at a position; the new photo's image carries a use counted already, as for {@link #add}. */
	public Listing replace(long id, IfMatch ifMatch, int index, Photo photo) {
		Photo[] old = new Photo[1];
		Listing written = releasedIfRefused(photo, () -> change(id, ifMatch, (photos) -> {
			old[0] = photos.set(position(photos, index), photo);
			return photos;
		}));
		return this.updates.refreshed(written, release(old[0]));
	}

	public Listing remove(long id, IfMatch ifMatch, int index) {
		Photo[] old = new Photo[1];
		Listing written = change(id, ifMatch, (photos) -> {
			old[0] = photos.remove(position(photos, index));
			return photos;
		});
		return this.updates.refreshed(written, release(old[0]));
	}

	/** {@code order} lists every current photo index (1-based) once, in the new order. */
	public Listing reorder(long id, IfMatch ifMatch, List<Integer> order) {
		return this.updates.refreshed(change(id, ifMatch, (photos) -> {
			List<Integer> every = IntStream.rangeClosed(1, photos.size()).boxed().toList();
			if (!order.stream().sorted().toList().equals(every)) {
				throw new BadRequest("order must name each of the " + photos.size() + " photos (1.." + photos.size()
						+ ") exactly once; it names " + order + ".");
			}
			return new ArrayList<>(order.stream().map((index) -> photos.get(index - 1)).toList());
		}));
	}

	/**
	 * The listing as written, not yet refreshed in the caches. Each photo the change keeps is written
	 * back as it was stored, so a field that a newer release added (during a rolling deploy) is not
	 * dropped by an instance of this one that does not know it.
	 */
	private Listing change(long id, IfMatch ifMatch, UnaryOperator<List<Photo>> change) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			ListingUpdates.Stored stored = this.updates.stored(id);
			Listing current = stored.listing();
			if (!ifMatch.matches(current.version())) {
				throw ifMatch.failed(current);
			}
			Map<Photo, Object> asStored = new IdentityHashMap<>();
			List<Object> storedPhotos = stored.document().getList("photos", Object.class, List.of());
			for (int i = 0; i < current.photos().size() && i < storedPhotos.size(); i++) {
				asStored.put(current.photos().get(i), storedPhotos.get(i));
			}
			List<Object> photos = change.apply(new ArrayList<>(current.photos()))
				.stream()
				.map((photo) -> asStored.getOrDefault(photo, photo))
				.toList();
			// If-Match was checked against this version just above.
			Listing updated = this.updates.apply(id, ifMatch, "version", current.version(),
					new Update().set("photos", photos).inc("version", 1));
			if (updated != null) {
				return updated;
			}
		}
		throw ListingUpdates.keptChanging(id);
	}

	/**
	 * Writes a photo whose image carries a use counted already, and gives that use back only when
	 * the write was refused (a 4xx: If-Match, no such listing or position, a listing that kept
	 * changing), which proves nothing was stored. Any other failure, such as a timeout, may come
	 * after MongoDB stored the photo, so the use stays: at worst an image kept too long, never a
	 * stored photo whose image is gone.
	 */
	private Listing releasedIfRefused(Photo photo, Supplier<Listing> write) {
		try {
			return write.get();
		}
		catch (ResponseStatusException refused) {
			if (refused.getStatusCode().is4xxClientError()) {
				this.images.release(photo.image());
			}
			throw refused;
		}
	}

	private ListingUpdates.Step release(Photo removed) {
		return new ListingUpdates.Step("release image " + removed.image(), () -> this.images.release(removed.image()));
	}

	private static int position(List<Photo> photos, int index) {
		if (index < 1 || index > photos.size()) {
			throw Position.pastTheEnd(index, photos.size(), "photos");
		}
		return index - 1;
	}

}
