package com.starkiller.images.seed.painting;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.MultipleGradientPaint.CycleMethod;
import java.awt.Shape;

import static com.starkiller.images.seed.painting.Colours.alpha;
import static com.starkiller.images.seed.painting.Colours.mix;
import static com.starkiller.images.seed.painting.Colours.shade;

/** A room seen from the doorway: back wall, floor and side wall, with the windows and tiles rooms share. */
abstract class Room extends Canvas {

	Room(Graphics2D g, int width, int height, int number) {
		super(g, width, height, number);
	}

	/** Back wall, floor and a narrow side wall; returns where the usable back wall starts. */
	double paintRoom(double horizon, boolean boards) {
		fill(box(0, 0, 1, horizon), vertical(0, horizon, shade(wall, 1.06), shade(wall, 0.88)));
		fill(box(0, horizon, 1, 1 - horizon), vertical(horizon, 1, shade(floor, 0.8), shade(floor, 1.08)));
		drawFloorLines(horizon, boards);
		fill(box(0, horizon - 0.015, 1, 0.015), shade(wall, 0.8));
		double side = rnd(0.04, 0.09);
		fill(poly(0, 0, side, 0, side, horizon, 0, horizon + side * ar * 0.9),
				horizontal(0, side, shade(wall, 0.74), shade(wall, 0.86)));
		return side + 0.04;
	}

	void drawWindow(double x, double y, double ww, double wh, boolean curtains) {
		Color frame = mood == Mood.NIGHT ? shade(wall, 1.3) : mix(wall, Color.WHITE, 0.75);
		double f = 0.01;
		fill(box(x + 0.006, y + 0.012, ww + 2 * f, wh + 2 * f * ar), alpha(Color.BLACK, 0.12));
		fill(box(x - f, y - f * ar, ww + 2 * f, wh + 2 * f * ar), frame);
		Shape pane = box(x, y, ww, wh);
		clipped(pane, () -> {
			fill(pane, vertical(y, y + wh, skyTop, skyBottom));
			glowAt(x + ww * 0.7, y + wh * 0.3, ww * 0.5, glow, 0.6);
			fill(oval(x + ww * 0.25, y + wh, ww * 0.6, wh * 0.3), mix(leaf, skyBottom, 0.45));
			fill(oval(x + ww * 0.85, y + wh * 1.05, ww * 0.5, wh * 0.28), mix(leaf, skyBottom, 0.2));
		});
		fill(box(x + ww / 2 - f / 3, y, f * 2 / 3, wh), frame);
		fill(box(x, y + wh * 0.42, ww, f * ar * 2 / 3), frame);
		fill(box(x - 2 * f, y + wh + f * ar * 0.5, ww + 4 * f, f * ar * 1.2), shade(frame, 0.9));
		if (curtains) {
			fill(box(x - 0.05, y - 0.045, ww + 0.1, 0.008), shade(wood, 0.8));
			drawCurtain(x - 0.045, y - 0.04, 0.055, wh + 0.1);
			drawCurtain(x + ww - 0.01, y - 0.04, 0.055, wh + 0.1);
		}
	}

	void drawCurtain(double x, double y, double cw, double ch) {
		fill(box(x, y, cw, ch), new LinearGradientPaint((float) px(x), 0f, (float) px(x + cw / 3), 0f,
				new float[] {0f, 1f}, new Color[] {fabric, shade(fabric, 0.8)}, CycleMethod.REFLECT));
	}

	void drawLightPatch(double x, double ww, double horizon) {
		if (mood != Mood.NIGHT) {
			fill(poly(x, horizon + 0.03, x + ww, horizon + 0.03, x + ww + 0.22, 0.98, x + 0.1, 0.98), alpha(glow, 0.16));
		}
	}

	void drawTiles(double x0, double y0, double x1, double y1, double size, Color tile) {
		fill(box(x0, y0, x1 - x0, y1 - y0), vertical(y0, y1, shade(tile, 1.04), shade(tile, 0.94)));
		g.setStroke(stroke(0.0012));
		g.setColor(alpha(shade(tile, 0.7), 0.55));
		double tileH = size * ar * 0.5; // metro tiles: twice as wide as tall, staggered per row
		int row = 0;
		for (double y = y0; y < y1; y += tileH, row++) {
			g.draw(line(x0, y, x1, y));
			for (double x = x0 + (row % 2) * size / 2; x < x1; x += size) {
				g.draw(line(x, y, x, Math.min(y + tileH, y1)));
			}
		}
	}
}
