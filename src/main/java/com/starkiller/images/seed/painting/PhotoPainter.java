package com.starkiller.images.seed.painting;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Paints deterministic demo photos for seeded rentals as flat Java2D illustrations.
 *
 * <p>Coordinates are fractions of the image (x of the width, y of the height), so a thumbnail and a full-size
 * picture show the same scene. Only BufferedImage graphics are used, no fonts or Toolkit, so it runs headless.
 */
public final class PhotoPainter {

	/** What a photo shows, each painted by its own class (LAKE by MountainLake, TOWN by TownView, POOL by PoolTerrace). */
	public enum Scene { BEDROOM, LIVING_ROOM, KITCHEN, BATHROOM, LAKE, BEACH, TOWN, POOL }

	private PhotoPainter() {
	}

	public static BufferedImage paint(int number, int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
			paintScene(canvasFor(g, width, height, number));
		} finally {
			g.dispose();
		}
		return image;
	}

	public static String describe(int number) {
		String noun = switch (sceneOf(number)) {
			case BEDROOM -> "bedroom";
			case LIVING_ROOM -> "living room";
			case KITCHEN -> "kitchen";
			case BATHROOM -> "bathroom";
			case LAKE -> "mountain lake";
			case BEACH -> "beach";
			case TOWN -> isVillage(number) ? "village view" : "city view";
			case POOL -> "pool terrace";
		};
		Mood mood = Mood.of(number);
		String capitalised = Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
		return switch (mood) {
			case DUSK -> capitalised + " at dusk";
			case NIGHT -> capitalised + " at night";
			default -> mood.adjective + " " + noun;
		};
	}

	/** The scene photo {@code number} shows, as {@link #paint} draws it. */
	public static Scene scene(int number) {
		return sceneOf(number);
	}

	private static Scene sceneOf(int number) {
		return Scene.values()[Math.floorMod(number, Scene.values().length)];
	}

	private static boolean isVillage(int number) {
		return Math.floorMod(number / 40, 2) == 1;
	}

	// The canvas draws its colours from the random sequence when built, so it must exist before the mirror draw.
	private static Canvas canvasFor(Graphics2D g, int width, int height, int number) {
		return switch (sceneOf(number)) {
			case BEDROOM -> new Bedroom(g, width, height, number);
			case LIVING_ROOM -> new LivingRoom(g, width, height, number);
			case KITCHEN -> new Kitchen(g, width, height, number);
			case BATHROOM -> new Bathroom(g, width, height, number);
			case LAKE -> new MountainLake(g, width, height, number);
			case BEACH -> new Beach(g, width, height, number);
			case TOWN -> new TownView(g, width, height, number, isVillage(number));
			case POOL -> new PoolTerrace(g, width, height, number);
		};
	}

	private static void paintScene(Canvas scene) {
		if (scene.rng.nextBoolean()) { // mirroring doubles the layouts for free
			scene.g.translate(scene.w, 0);
			scene.g.scale(-1, 1);
		}
		scene.paint();
	}
}
