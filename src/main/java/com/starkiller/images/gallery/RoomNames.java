package com.starkiller.images.gallery;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.starkiller.images.listing.RoomKind;

/**
 * A photo's room as the page names it in the visitor's language: rooms are stored as the API takes
 * them ("Bedroom 2"), and shown from the messages {@code room.BEDROOM} and {@code room.numbered}.
 */
@Component
public class RoomNames {

	private final MessageSource messages;

	RoomNames(MessageSource messages) {
		this.messages = messages;
	}

	/** "Dormitorio 2" for "Bedroom 2" in Spanish; "Other photos" for the photos without a room. */
	public String of(String room, Locale locale) {
		if (room == null || room.equals(PhotoTour.OTHER_PHOTOS)) {
			return this.messages.getMessage("room.OTHER", null, locale);
		}
		for (RoomKind kind : RoomKind.values()) {
			if (room.equals(kind.label())) {
				return name(kind, locale);
			}
			if (room.startsWith(kind.label() + " ")) {
				String number = room.substring(kind.label().length() + 1);
				return this.messages.getMessage("room.numbered", new Object[] { name(kind, locale), number }, locale);
			}
		}
		// Only stored before rooms were checked: shown as written.
		return room;
	}

	private String name(RoomKind kind, Locale locale) {
		return this.messages.getMessage("room." + kind.name(), null, locale);
	}

}
