package com.starkiller.images.seed.painting;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;

import static com.starkiller.images.seed.painting.Colours.alpha;
import static com.starkiller.images.seed.painting.Colours.mix;
import static com.starkiller.images.seed.painting.Colours.shade;

/** A vanity under a mirror on a tiled wall, and either a tub or a walk-in shower. */
class Bathroom extends Room {

	Bathroom(Graphics2D g, int width, int height, int number) {
		super(g, width, height, number);
	}

	@Override
	void paint() {
		double floorY = rnd(0.66, 0.74);
		double left = paintRoom(floorY, false);
		Color tile = mix(pick(skyTop, wall, leaf, accent), Color.WHITE, rnd(0.45, 0.65));
		drawTiles(left - 0.04, rnd(0.28, 0.42), 1, floorY - 0.015, rnd(0.045, 0.07), tile);
		double vanityX = left + rnd(0.02, 0.06), vanityW = rnd(0.22, 0.27), base = floorY + 0.04;
		drawMirror(vanityX + vanityW * 0.15, rnd(0.08, 0.13), vanityW * 0.7, base - 0.36, rng.nextBoolean());
		drawVanity(vanityX, vanityW, base);
		drawTowel(vanityX + vanityW + 0.05, base - 0.42);
		double tubX = vanityX + vanityW + rnd(0.14, 0.18);
		if (rng.nextBoolean()) {
			drawTub(tubX, 0.95, floorY);
		} else {
			drawShower(tubX, 0.94, floorY);
		}
	}

	private void drawMirror(double x, double y, double mw, double mh, boolean round) {
		Shape frame = round ? oval(x + mw / 2, y + mh / 2, mw / 2, mh / 2) : rounded(x, y, mw, mh, 0.04);
		double m = 0.008;
		Shape glass = round ? oval(x + mw / 2, y + mh / 2, mw / 2 - m, mh / 2 - m * ar)
				: rounded(x + m, y + m * ar, mw - 2 * m, mh - 2 * m * ar, 0.03);
		fill(AffineTransform.getTranslateInstance(px(0.006), py(0.012)).createTransformedShape(frame), alpha(Color.BLACK, 0.15));
		fill(frame, pick(shade(wood, 0.9), new Color(0xC9A55C), mix(wall, Color.WHITE, 0.8)));
		clipped(glass, () -> {
			fill(glass, vertical(y, y + mh, mix(wall, Color.WHITE, 0.5), mix(skyTop, wall, 0.6)));
			fill(poly(x + mw * 0.2, y, x + mw * 0.45, y, x + mw * 0.05, y + mh, x - mw * 0.2, y + mh), alpha(Color.WHITE, 0.3));
			fill(poly(x + mw * 0.55, y, x + mw * 0.62, y, x + mw * 0.22, y + mh, x + mw * 0.15, y + mh),
					alpha(Color.WHITE, 0.25));
		});
	}

	private void drawVanity(double x, double vw, double base) {
		softShadow(x + vw / 2, base, vw * 0.55, 0.015);
		fill(box(x, base - 0.2, vw, 0.2), vertical(base - 0.2, base, shade(wood, 1.1), shade(wood, 0.85)));
		fill(box(x + vw / 2 - 0.001, base - 0.18, 0.002, 0.16), shade(wood, 0.6));
		fill(box(x - 0.01, base - 0.22, vw + 0.02, 0.022), mix(Color.WHITE, wall, 0.25));
		fill(oval(x + vw / 2, base - 0.225, vw * 0.28, 0.028), new Color(0xF7F7F4));
		fill(oval(x + vw / 2, base - 0.222, vw * 0.2, 0.016), new Color(0xD9DDE0));
		fill(box(x + vw / 2 - 0.004, base - 0.29, 0.008, 0.065), new Color(0x9AA3AB));
		fill(rounded(x + vw / 2 - 0.004, base - 0.29, 0.035, 0.012, 0.01), new Color(0x9AA3AB));
	}

	private void drawTowel(double x, double y) {
		fill(box(x - 0.015, y, 0.09, 0.008), new Color(0x9AA3AB));
		fill(rounded(x, y, 0.06, 0.2, 0.01), horizontal(x, x + 0.06, shade(accent, 1.1), shade(accent, 0.85)));
		fill(box(x, y + 0.15, 0.06, 0.012), mix(accent, Color.WHITE, 0.5));
	}

	private void drawTub(double x0, double x1, double floorY) {
		double top = floorY - 0.12, bottom = floorY + 0.04;
		drawCurtainRail(x0, x1, top);
		softShadow((x0 + x1) / 2, bottom + 0.015, (x1 - x0) * 0.55, 0.02);
		for (double footX : new double[] {x0 + 0.03, x1 - 0.05}) {
			fill(rounded(footX, bottom - 0.01, 0.02, 0.028, 0.01), new Color(0xC9A55C));
		}
		fill(rounded(x0, top, x1 - x0, bottom - top, 0.08), vertical(top, bottom, new Color(0xFBFBF8), new Color(0xCDD2D6)));
		fill(rounded(x0 - 0.01, top - 0.012, x1 - x0 + 0.02, 0.03, 0.03), new Color(0xFDFDFB));
	}

	private void drawCurtainRail(double x0, double x1, double top) {
		fill(box(x0 - 0.02, 0.08, x1 - x0 + 0.04, 0.006), new Color(0x9AA3AB));
		drawCurtain(x1 - 0.05, 0.085, 0.07, top - 0.085);
	}

	private void drawShower(double x0, double x1, double floorY) {
		double top = rnd(0.08, 0.13), base = floorY + 0.04, headX = (x0 + x1) / 2 + 0.05;
		fill(box(headX - 0.003, top + 0.04, 0.006, 0.24), new Color(0x9AA3AB));
		fill(oval(headX - 0.02, top + 0.05, 0.025, 0.01), new Color(0x9AA3AB));
		g.setStroke(stroke(0.0012));
		g.setColor(alpha(Color.WHITE, 0.5));
		for (int i = 0; i < 7; i++) {
			g.draw(line(headX - 0.035 + i * 0.005, top + 0.07, headX - 0.06 + i * 0.01, base - 0.05));
		}
		fill(box(x0, base - 0.025, x1 - x0, 0.028), new Color(0xF4F4F1));
		Shape glass = box(x0, top, x1 - x0, base - 0.025 - top);
		fill(glass, alpha(mix(skyTop, Color.WHITE, 0.7), 0.3));
		fill(poly(x0 + 0.03, top, x0 + 0.08, top, x0 + 0.01, base - 0.1, x0, base - 0.1, x0, top + 0.1), alpha(Color.WHITE, 0.3));
		g.setStroke(stroke(0.004));
		g.setColor(new Color(0x8A939B));
		g.draw(glass);
		fill(rounded(x0 - 0.14, base + 0.03, 0.12, 0.05, 0.015), mix(accent, Color.WHITE, 0.3));
	}
}
