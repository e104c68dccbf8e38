package com.starkiller.images.seed.painting;

import java.awt.Color;

import static com.starkiller.images.seed.painting.Colours.mix;
import static com.starkiller.images.seed.painting.Colours.shade;

/** The light a picture is painted in, with the base colours of its palette. */
enum Mood {
	WARM("Sunny", 0x7FB3E0, 0xF8D9A6, 0xF2E3CF, 0xC0905F, 0x8A5A3B, 0xE9C9A0, 0xD9643A, 0xFFD27A),
	COOL("Bright", 0x5E9BD6, 0xD3E9F6, 0xE3EBF0, 0xA3AEB6, 0x6F7E8A, 0xA9C6DA, 0x2F6F9F, 0xFFF6DA),
	PASTEL("Pastel", 0x9FD3E8, 0xFCE1EA, 0xFBEFF3, 0xE6D2C2, 0xC9A98F, 0xB8E0D2, 0xF09CB2, 0xFFF1BD),
	DUSK("", 0x3B3F7A, 0xF29E6D, 0xE6C3AF, 0x8C5E4A, 0x5E3B2E, 0xC97B6B, 0x7A4E9E, 0xFFB46B),
	NIGHT("", 0x0B1634, 0x2F4275, 0x434E6B, 0x2E3242, 0x4A3A36, 0x5C6B8C, 0xE0B04A, 0xFFD98A);

	final String adjective;
	final int[] colors; // sky top, sky bottom, wall, floor, wood, fabric, accent, glow

	Mood(String adjective, int... colors) {
		this.adjective = adjective;
		this.colors = colors;
	}

	// Shifting the mood by number / 8 makes every scene meet every mood within 40 consecutive numbers.
	static Mood of(int number) {
		return values()[Math.floorMod(number + number / 8, values().length)];
	}

	boolean isDark() {
		return this == DUSK || this == NIGHT;
	}

	/** Puts a daylight colour into this light: dusk warms it, night sinks it into the sky. */
	Color light(Color daylight, Color glow, Color skyTop) {
		return switch (this) {
			case DUSK -> shade(mix(daylight, glow, 0.18), 0.85);
			case NIGHT -> shade(mix(daylight, skyTop, 0.4), 0.68);
			default -> daylight;
		};
	}
}
