package com.starkiller.images.language;

import java.text.MessageFormat;
import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The interface text of {@code messages*.properties}, each message formatted on its own copy of
 * the parsed {@link MessageFormat}. Spring formats under the monitor of the one copy it keeps per
 * message and language, and every page formats the same thirty or so: on two busy cores a thread
 * preempted while holding one stalled every other render (docs/benchmarks.md, "Ninth pass").
 */
class InterfaceMessages extends ResourceBundleMessageSource {

	@Override
	protected MessageFormat resolveCode(String code, Locale locale) {
		MessageFormat shared = super.resolveCode(code, locale);
		return (shared != null) ? (MessageFormat) shared.clone() : null;
	}

}
