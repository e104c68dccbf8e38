// The page's language as the server chose it (<html lang dir>, fragments/layout.html): the
// reading direction that arrow keys and swipes follow, numbers written the page's way, and the
// language switcher's links kept on the address the visitor is at.

/** Whether the page reads right to left (Arabic): the next photo is then to the left. */
export function isRightToLeft() {
  return document.documentElement.dir === 'rtl';
}

/** A number as the page's language writes it (the server's Arabic uses Latin digits too). */
export function formatNumber(value) {
  const lang = document.documentElement.lang || 'en';
  try {
    return new Intl.NumberFormat(lang === 'ar' ? 'ar-u-nu-latn' : lang).format(value);
  } catch {
    return String(value);
  }
}

/**
 * htmx moves between photos and reviews by pushing addresses without redrawing the footer, so a
 * switcher link may still name the address the page was loaded at. Before it is followed, it is
 * pointed at the address shown now, with only its language changed.
 */
export function followLanguageSwitch(event) {
  const link = event.target instanceof Element ? event.target.closest('a[data-language]') : null;
  if (!link) return;
  const url = new URL(window.location.href);
  url.searchParams.set('lang', link.dataset.language);
  // Absolute, so a path that starts with // (an error page's) stays on this site.
  link.href = url.href;
}

/**
 * For htmx:configRequest: a fragment comes in the language of the page it goes into, whatever
 * another tab has since remembered in the cookie (language.Languages reads this header).
 */
export function sendPageLanguage(event) {
  const lang = document.documentElement.lang;
  if (lang) event.detail.headers['Starkiller-Language'] = lang;
}

/**
 * For htmx:historyCacheMiss: the page Back fetches again when htmx has no copy of it is sent by
 * htmx itself, past htmx:configRequest; it too comes in the language of the page it goes into.
 */
export function sendPageLanguageOnHistoryMiss(event) {
  const lang = document.documentElement.lang;
  if (lang) event.detail.xhr.setRequestHeader('Starkiller-Language', lang);
}
