package com.starkiller.images.language;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.LocaleResolver;

/** Spring MVC's locale is {@link Languages#of}: messages, numbers and dates follow it. */
class LanguageResolver implements LocaleResolver {

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return Languages.locale(Languages.of(request));
	}

	/** A switch is remembered by {@link LanguageCookie} from {@code ?lang=}, not set from code. */
	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		throw new UnsupportedOperationException("The language is switched with ?lang=");
	}

}
