package com.starkiller.images.seed;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.starkiller.images.listing.Photo;
import com.starkiller.images.listing.RoomKind;
import com.starkiller.images.seed.painting.PhotoPainter;
import com.starkiller.images.seed.painting.PhotoPainter.Scene;

import static org.assertj.core.api.Assertions.assertThat;

/** Demo photos get the rooms their paintings show, numbered and gathered as an owner would. */
class DemoRoomsTest {

	private static final DemoData.PoolImage BED_A = image("bed-a", RoomKind.BEDROOM);

	private static final DemoData.PoolImage BED_B = image("bed-b", RoomKind.BEDROOM);

	private static final DemoData.PoolImage BATH_A = image("bath-a", RoomKind.BATHROOM);

	private static final DemoData.PoolImage BATH_B = image("bath-b", RoomKind.BATHROOM);

	private static final DemoData.PoolImage BEACH = image("beach", RoomKind.BEACH);

	private static final DemoData.PoolImage LAKE = image("lake", RoomKind.VIEW);

	private static final DemoData.PoolImage TOWN = image("town", RoomKind.VIEW);

	private static final DemoData.PoolImage KITCHEN = image("kitchen", RoomKind.KITCHEN);

	@Test
	void eachPaintedSceneShowsTheRoomItsPaintingDraws() {
		assertThat(DemoRooms.of(Scene.LIVING_ROOM)).isEqualTo(RoomKind.LIVING_ROOM);
		assertThat(DemoRooms.of(Scene.KITCHEN)).isEqualTo(RoomKind.KITCHEN);
		assertThat(DemoRooms.of(Scene.BEDROOM)).isEqualTo(RoomKind.BEDROOM);
		assertThat(DemoRooms.of(Scene.BATHROOM)).isEqualTo(RoomKind.BATHROOM);
		assertThat(DemoRooms.of(Scene.POOL)).isEqualTo(RoomKind.POOL);
		assertThat(DemoRooms.of(Scene.BEACH)).isEqualTo(RoomKind.BEACH);
		assertThat(DemoRooms.of(Scene.LAKE)).isEqualTo(RoomKind.VIEW);
		assertThat(DemoRooms.of(Scene.TOWN)).isEqualTo(RoomKind.VIEW);
	}

	@Test
	void eachDemoPhotosRoomIsWhatItsCaptionSays() {
		Map<RoomKind, List<String>> said = Map.of(RoomKind.LIVING_ROOM, List.of("living room"), RoomKind.KITCHEN,
				List.of("kitchen"), RoomKind.BEDROOM, List.of("bedroom"), RoomKind.BATHROOM, List.of("bathroom"),
				RoomKind.POOL, List.of("pool terrace"), RoomKind.BEACH, List.of("beach"), RoomKind.VIEW,
				List.of("mountain lake", "city view", "village view"));

		for (int number = 0; number < 120; number++) {
			String caption = PhotoPainter.describe(number).toLowerCase(Locale.ROOT);
			RoomKind room = DemoRooms.of(PhotoPainter.scene(number));
			assertThat(said.get(room)).as("photo %d, '%s', shows a %s", number, caption, room.label())
				.anyMatch(caption::contains);
		}
	}

	@Test
	void eachBedroomImageIsABedroomOfItsOwnNumberedInOrderAndTheFirstPhotoStaysFirst() {
		List<Photo> photos = DemoRooms.photos(List.of(BEACH, BED_A, KITCHEN, BED_B, BED_A, BEACH));

		assertThat(photos).extracting(Photo::image).containsExactly("beach", "beach", "bed-a", "bed-a", "kitchen", "bed-b");
		assertThat(photos).extracting(Photo::room)
			.containsExactly("Beach", "Beach", "Bedroom 1", "Bedroom 1", "Kitchen", "Bedroom 2");
	}

	@Test
	void aSingleBedroomIsBedroomOneAndASingleBathroomIsNotNumbered() {
		assertThat(DemoRooms.photos(List.of(BED_A, BATH_A, BATH_A))).extracting(Photo::room)
			.containsExactly("Bedroom 1", "Bathroom", "Bathroom");
		assertThat(DemoRooms.photos(List.of(BATH_B, BATH_A, BATH_B))).extracting(Photo::room)
			.containsExactly("Bathroom 1", "Bathroom 1", "Bathroom 2");
	}

	@Test
	void differentViewsMakeOneRoom() {
		assertThat(DemoRooms.photos(List.of(LAKE, KITCHEN, TOWN))).extracting(Photo::room)
			.containsExactly("View", "View", "Kitchen");
	}

	@Test
	void everyDemoRoomIsOneTheWriteApiTakesAsItIs() {
		DemoData data = new DemoData(Seeder.DEFAULT_SEED, List.of(BED_A, BED_B, BATH_A, BATH_B, BEACH, LAKE, KITCHEN));

		for (long id = 0; id < 200; id++) {
			for (Photo photo : data.listing(id).photos()) {
				assertThat(RoomKind.canonical(photo.room())).isEqualTo(photo.room());
			}
		}
	}

	private static DemoData.PoolImage image(String id, RoomKind room) {
		return new DemoData.PoolImage(id, id, room, 1600, 1066);
	}

}
