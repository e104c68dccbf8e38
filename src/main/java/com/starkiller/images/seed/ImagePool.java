package com.starkiller.images.seed;

import java.util.List;
import java.util.stream.IntStream;

import org.springframework.stereotype.Component;

import com.starkiller.images.media.ImageUploads;
import com.starkiller.images.media.Variants;
import com.starkiller.images.seed.painting.PhotoPainter;

/**
 * The demo photos: a pool of images painted with Java2D and stored in GridFS in every variant, so
 * seeded listings display offline. Painting happens once; later starts find the pool stored.
 */
@Component
class ImagePool {

	static final int WIDTH = Variants.LARGE;

	static final int HEIGHT = WIDTH * 2 / 3;

	private final ImageUploads images;

	ImagePool(ImageUploads images) {
		this.images = images;
	}

	private volatile List<DemoData.PoolImage> known = List.of();

	/** The pool's images, painting and storing those not stored yet (checked once per size). */
	List<DemoData.PoolImage> ensure(int size) {
		List<DemoData.PoolImage> images = this.known;
		if (images.size() != size) {
			images = IntStream.range(0, size).parallel().mapToObj(this::ensureImage).toList();
			this.known = images;
		}
		return images;
	}

	private DemoData.PoolImage ensureImage(int number) {
		String id = String.format("demo-%03d", number);
		String placeholder = this.images.ensure(id, () -> PhotoPainter.paint(number, WIDTH, HEIGHT)).placeholder();
		return new DemoData.PoolImage(id, PhotoPainter.describe(number), DemoRooms.of(PhotoPainter.scene(number)), WIDTH,
				HEIGHT, placeholder);
	}

}
