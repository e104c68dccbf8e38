package com.starkiller.images.seed.painting;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;

import static com.starkiller.images.seed.painting.Colours.alpha;
import static com.starkiller.images.seed.painting.Colours.mix;
import static com.starkiller.images.seed.painting.Colours.shade;

/** Sea meeting sand, with a towel, an umbrella and sometimes a sailboat and a palm. */
class Beach extends Outdoors {

	Beach(Graphics2D g, int width, int height, int number) {
		super(g, width, height, number);
	}

	@Override
	void paint() {
		double horizon = rnd(0.42, 0.52), shore = horizon + rnd(0.2, 0.26);
		paintSky(horizon);
		fill(box(0, horizon, 1, shore - horizon + 0.05),
				vertical(horizon, shore, mix(lit(0x1F6FA8), skyTop, 0.3), mix(lit(0x3FC1C9), skyBottom, 0.2)));
		drawWaterShimmer(horizon, shore);
		if (rng.nextBoolean()) {
			drawSailboat(rnd(0.55, 0.85), horizon + 0.03, rnd(0.05, 0.08));
		}
		Path2D sand = new Path2D.Double();
		sand.moveTo(0, py(1));
		double phase = rnd(0, Math.PI * 2);
		for (int i = 0; i <= 24; i++) {
			sand.lineTo(px(i / 24.0), py(shore + 0.012 * Math.sin(i * 0.7 + phase)));
		}
		sand.lineTo(w, h);
		sand.closePath();
		g.setStroke(stroke(0.012));
		g.setColor(alpha(Color.WHITE, 0.6));
		g.draw(sand);
		fill(sand, vertical(shore, 1, lit(0xEBD3A3), lit(0xD9B47E)));
		drawBeachTowel(rnd(0.45, 0.6), rnd(0.82, 0.88), 0.14);
		if (rng.nextDouble() < 0.6) {
			drawPalm(rnd(0.08, 0.22), rnd(0.9, 0.96), rnd(0.5, 0.62));
		}
		drawUmbrella(rnd(0.7, 0.85), rnd(0.86, 0.92), rnd(0.26, 0.32));
	}

	private void drawSailboat(double x, double y, double size) {
		fill(poly(x - size * 0.5, y, x + size * 0.5, y, x + size * 0.35, y + 0.012, x - size * 0.35, y + 0.012),
				shade(wood, 0.7));
		fill(poly(x, y - 0.003, x, y - size * 1.4, x + size * 0.4, y - 0.003), lit(0xFAFAF5));
		fill(poly(x - 0.004, y - 0.003, x - 0.004, y - size * 1.1, x - size * 0.3, y - 0.003), mix(accent, Color.WHITE, 0.3));
	}

	private void drawPalm(double x, double base, double height) {
		double lean = 0.09, topX = x + lean, topY = base - height;
		Path2D trunk = new Path2D.Double();
		trunk.moveTo(px(x), py(base));
		trunk.quadTo(px(x), py(base - height * 0.6), px(topX), py(topY));
		g.setStroke(new BasicStroke((float) px(0.016), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.setColor(lit(0x8B6B47));
		g.draw(trunk);
		double length = px(height * 0.35);
		for (int i = 0; i < 7; i++) {
			double angle = Math.PI + i * Math.PI / 6 + rnd(-0.15, 0.15);
			double ex = px(topX) + Math.cos(angle) * length, ey = py(topY) + Math.sin(angle) * length * 0.6 + length * 0.35;
			double mx = (px(topX) + ex) / 2, my = (py(topY) + ey) / 2 - length * 0.25;
			Path2D frond = new Path2D.Double();
			frond.moveTo(px(topX), py(topY));
			frond.quadTo(mx, my - length * 0.12, ex, ey);
			frond.quadTo(mx, my + length * 0.12, px(topX), py(topY));
			fill(frond, shade(leaf, rnd(0.7, 1.0)));
		}
		fill(circle(topX - 0.008, topY + 0.02, 0.008), lit(0x6B4A2B));
		fill(circle(topX + 0.008, topY + 0.024, 0.008), lit(0x6B4A2B));
	}

	private void drawBeachTowel(double x, double y, double size) {
		fill(poly(x, y, x + size, y - 0.02, x + size + 0.04, y + 0.06, x + 0.04, y + 0.08), accent);
		double s0 = x + size * 0.4, s1 = x + size * 0.55;
		fill(poly(s0, y - 0.008, s1, y - 0.011, s1 + 0.04, y + 0.069, s0 + 0.04, y + 0.072),
				mix(accent, Color.WHITE, 0.6));
	}
}
