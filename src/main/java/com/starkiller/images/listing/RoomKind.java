package com.starkiller.images.listing;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.starkiller.images.web.BadRequest;

/**
 * The rooms a photo can show. A photo's room is one of these kinds, numbered where a home has
 * several ("Bedroom 2"); writes take nothing else, so the photo tour's sections and their anchors
 * stay few, predictable and the same for every listing.
 */
public enum RoomKind {

	LIVING_ROOM("Living room"), KITCHEN("Kitchen"), DINING_ROOM("Dining room"), BEDROOM("Bedroom"),
	BATHROOM("Bathroom"), OFFICE("Office"), LAUNDRY("Laundry"), ENTRANCE("Entrance"), BALCONY("Balcony"),
	TERRACE("Terrace"), GARDEN("Garden"), POOL("Pool"), EXTERIOR("Exterior"), VIEW("View"), BEACH("Beach");

	/** The highest number a room takes: "Bedroom 99". */
	public static final int MAX_NUMBER = 99;

	// A kind's words, then optionally a space and 1..99 without a leading zero.
	private static final Pattern ROOM = Pattern.compile("([\\p{L} ]+?)(?: ([1-9][0-9]?))?");

	private static final int MAX_LENGTH = 30;

	private static final String RULE = "room must be one of "
			+ Arrays.stream(values()).map(RoomKind::label).collect(Collectors.joining(", "))
			+ ", optionally followed by a number from 1 to " + MAX_NUMBER + ", such as \"Bedroom 2\".";

	private final String label;

	RoomKind(String label) {
		this.label = label;
	}

	/** "Bedroom", as a photo's room and the tour's section read. */
	public String label() {
		return this.label;
	}

	/** "Bedroom 2". */
	public String numbered(int number) {
		if (number < 1 || number > MAX_NUMBER) {
			throw new IllegalArgumentException("A room's number is 1.." + MAX_NUMBER + ", not " + number);
		}
		return this.label + " " + number;
	}

	/**
	 * The room a writer sent, as it is stored: null when none was sent (or a blank one), the kind
	 * spelt as here whatever its case ({@code "bedroom 2"} is {@code "Bedroom 2"}); 400 for anything
	 * else.
	 */
	public static String canonical(String room) {
		if (room == null || room.isBlank()) {
			return null;
		}
		String text = room.strip();
		Matcher parts = ROOM.matcher(text);
		if (text.length() <= MAX_LENGTH && parts.matches()) {
			String words = parts.group(1).toLowerCase(Locale.ROOT);
			for (RoomKind kind : values()) {
				if (kind.label.toLowerCase(Locale.ROOT).equals(words)) {
					return (parts.group(2) != null) ? kind.numbered(Integer.parseInt(parts.group(2))) : kind.label;
				}
			}
		}
		throw new BadRequest(RULE);
	}

}
