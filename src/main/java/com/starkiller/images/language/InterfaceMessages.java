package com.starkiller.images.language;

import java.text.MessageFormat;
import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The interface text of {@code messages*.properties}, formatted without a shared lock. Spring keeps
 * one {@link MessageFormat} per message and language and formats under that object's monitor; a
 * page formats about thirty such messages (each photo's "Open photo N of M", each thumbnail's
 * position), all requests the same few, and on two busy cores a thread preempted while holding one
 * stalls every other render: 966 waits of 10 ms or more, 21.7 s of waiting, in 40 s of random pages
 * (docs/benchmarks.md, "Ninth pass"). Here each format works on its own copy of the parsed message,
 * so the monitor it takes is never shared.
 */
class InterfaceMessages extends ResourceBundleMessageSource {

	@Override
	protected MessageFormat resolveCode(String code, Locale locale) {
		MessageFormat shared = super.resolveCode(code, locale);
		return (shared != null) ? (MessageFormat) shared.clone() : null;
	}

}
