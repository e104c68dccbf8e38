package com.starkiller.images.seed;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.starkiller.images.listing.Photo;
import com.starkiller.images.listing.RoomKind;
import com.starkiller.images.seed.painting.PhotoPainter.Scene;

/**
 * The rooms of a demo listing's photos, as the painter drew them. Each different bedroom image is
 * a bedroom of its own, numbered in the order they first appear ("Bedroom 1", "Bedroom 2", also
 * when there is one, as listings name them); bathrooms likewise, numbered only when there are
 * several; the other kinds make one room each. Each room's photos are then gathered where the room
 * first appears, as an owner uploads room by room: the first photo stays first.
 */
final class DemoRooms {

	private DemoRooms() {
	}

	/** The room a painted scene shows. */
	static RoomKind of(Scene scene) {
		return switch (scene) {
			case LIVING_ROOM -> RoomKind.LIVING_ROOM;
			case KITCHEN -> RoomKind.KITCHEN;
			case BEDROOM -> RoomKind.BEDROOM;
			case BATHROOM -> RoomKind.BATHROOM;
			case POOL -> RoomKind.POOL;
			case BEACH -> RoomKind.BEACH;
			// A mountain lake, or a city or village seen from the balcony: what the windows look out on.
			case LAKE, TOWN -> RoomKind.VIEW;
		};
	}

	/** The drawn images as photos with their rooms, each room's photos together. */
	static List<Photo> photos(List<DemoData.PoolImage> drawn) {
		Map<String, String> roomOfImage = rooms(drawn);
		Map<String, List<Photo>> rooms = new LinkedHashMap<>();
		for (DemoData.PoolImage image : drawn) {
			String room = roomOfImage.get(image.id());
			rooms.computeIfAbsent(room, (name) -> new ArrayList<>())
				.add(new Photo(image.id(), image.scene(), image.width(), image.height(), room, image.placeholder()));
		}
		return rooms.values().stream().flatMap(List::stream).toList();
	}

	/** Each drawn image's room, the images of a kind numbered in the order they first appear. */
	private static Map<String, String> rooms(List<DemoData.PoolImage> drawn) {
		Map<RoomKind, List<String>> kinds = new EnumMap<>(RoomKind.class);
		for (DemoData.PoolImage image : drawn) {
			List<String> images = kinds.computeIfAbsent(image.room(), (kind) -> new ArrayList<>());
			if (!images.contains(image.id())) {
				images.add(image.id());
			}
		}
		Map<String, String> rooms = new HashMap<>();
		kinds.forEach((kind, images) -> {
			boolean numbered = kind == RoomKind.BEDROOM || (kind == RoomKind.BATHROOM && images.size() > 1);
			for (int i = 0; i < images.size(); i++) {
				rooms.put(images.get(i), numbered ? kind.numbered(i + 1) : kind.label());
			}
		});
		return rooms;
	}

}
