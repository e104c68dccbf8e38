package com.starkiller.images.seed.painting;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Path2D;

import static com.starkiller.images.seed.painting.Colours.alpha;
import static com.starkiller.images.seed.painting.Colours.mix;
import static com.starkiller.images.seed.painting.Colours.shade;

/** A pool set into a deck, with the sea or hills beyond and an umbrella, loungers and a plant around it. */
class PoolTerrace extends Outdoors {

	PoolTerrace(Graphics2D g, int width, int height, int number) {
		super(g, width, height, number);
	}

	@Override
	void paint() {
		double horizon = rnd(0.34, 0.42), deck = horizon + 0.08;
		paintSky(horizon);
		if (rng.nextBoolean()) {
			fill(box(0, horizon, 1, 0.1), vertical(horizon, deck, mix(skyTop, lit(0x1F6FA8), 0.5), lit(0x2A8DB8)));
		} else {
			fill(ridge(deck, 0.14, 2), mix(leaf, skyBottom, 0.45));
		}
		for (double x = 0; x < 1.04; x += 0.045) {
			fill(circle(x, deck - 0.005, rnd(0.022, 0.034)), shade(leaf, rnd(0.7, 1.0)));
		}
		fill(box(0, deck, 1, 1 - deck), vertical(deck, 1, shade(lit(0xE3D3BA), 0.9), lit(0xF0E6D6)));
		drawFloorLines(deck, false);
		double top = deck + rnd(0.08, 0.12), bottom = rnd(0.86, 0.92), spread = 0.1;
		double x0 = rnd(0.36, 0.44), x1 = x0 + rnd(0.36, 0.44);
		fill(poly(x0 - 0.015, top - 0.02, x1 + 0.015, top - 0.02, x1 + spread + 0.02, bottom + 0.025, x0 - spread - 0.02, bottom + 0.025),
				lit(0xFAF6EE));
		Shape water = poly(x0, top, x1, top, x1 + spread, bottom, x0 - spread, bottom);
		boolean lights = mood == Mood.NIGHT; // underwater lights keep the pool bright after dark
		Color shallow = lights ? new Color(0x47D6EC) : lit(0x6FDCE6), deep = lights ? new Color(0x136A9E) : lit(0x1C8FC0);
		fill(water, vertical(top, bottom, deep, shallow));
		clipped(water, () -> drawCaustics(top, bottom));
		drawUmbrella(rnd(0.14, 0.22), deck + rnd(0.2, 0.24), rnd(0.24, 0.3));
		drawLounger(rnd(0.04, 0.1), deck + rnd(0.28, 0.32), 0.2);
		drawLounger(rnd(0.0, 0.06), deck + rnd(0.44, 0.5), 0.22);
		drawPlant(rnd(0.9, 0.95), rnd(0.8, 0.9), rnd(0.3, 0.36));
	}

	private void drawCaustics(double top, double bottom) {
		g.setStroke(stroke(0.002));
		g.setColor(alpha(Color.WHITE, 0.35));
		for (int i = 0; i < 9; i++) {
			double y = top + 0.02 + i * (bottom - top) / 9, phase = rnd(0, Math.PI * 2);
			Path2D wave = new Path2D.Double();
			wave.moveTo(0, py(y));
			for (int k = 1; k <= 30; k++) {
				wave.lineTo(px(k / 30.0), py(y + 0.006 * Math.sin(k * 1.3 + phase)));
			}
			g.draw(wave);
		}
	}

	private void drawLounger(double x, double ground, double length) {
		Color pad = pick(lit(0xF6F3EC), mix(accent, Color.WHITE, 0.35), mix(skyTop, Color.WHITE, 0.3));
		softShadow(x + length / 2, ground, length * 0.55, 0.012);
		for (double legX : new double[] {x + length * 0.08, x + length * 0.6}) {
			fill(box(legX, ground - 0.04, 0.006, 0.04), shade(wood, 0.8));
		}
		fill(box(x, ground - 0.045, length * 0.75, 0.008), shade(wood, 0.9));
		fill(rounded(x, ground - 0.065, length * 0.72, 0.022, 0.01), pad);
		double seat = ground - 0.065;
		fill(poly(x + length * 0.68, seat, x + length * 0.76, seat, x + length, ground - 0.16, x + length * 0.94, ground - 0.17),
				shade(pad, 0.92));
	}
}
