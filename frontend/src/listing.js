// The listing page's behaviour on top of htmx: keyboard, focus, clipboard, preloading.
// Everything here enhances server-rendered links and forms that work without it. The lightbox
// photo's zoom and gestures are in zoom.js and gestures.js, its opening and closing animation in
// transition.js.

import { enableGestures, holdPhotoClick } from './gestures.js';
import { followLanguageSwitch, isRightToLeft, sendPageLanguage, sendPageLanguageOnHistoryMiss } from './language.js';
import { finishMorph, planMorph, startMorph } from './transition.js';
import { forgetZoom, panBy, refitZoom, resetZoom, zoomIn, zoomOut } from './zoom.js';

const announcer = () => document.getElementById('announcer');
// Where the lightbox was opened from, as a selector: back and forward restore the page from
// htmx's history, which replaces every element, so the element itself would be gone.
let opener = null;

function announce(text) {
  const region = announcer();
  if (region) region.textContent = text;
}

// ---- Lightbox -------------------------------------------------------------------------

function lightbox() {
  return document.getElementById('lightbox-container');
}

function focusables(root) {
  return [...root.querySelectorAll('a[href], button:not([disabled]), [tabindex]:not([tabindex="-1"])')]
    .filter((el) => !el.closest('[hidden]'));
}

function lightboxOpened(focus) {
  const box = lightbox();
  document.body.classList.toggle('lightbox-open', Boolean(box));
  if (!box) return;
  applyPhotoListPreference(box);
  closesToTour(box);
  // The lightbox as it is when the gesture ends: a step's answer may have replaced this one while
  // a finger was down, and a click on a replaced link would load the whole page instead.
  enableGestures(box, {
    next: () => clickIn(lightbox(), '#next'),
    previous: () => clickIn(lightbox(), '#prev'),
    close: () => clickIn(lightbox(), '#close-lightbox'),
  });
  showCurrentThumbnail(box);
  preload(box);
  const room = box.querySelector('[data-room]')?.textContent;
  const caption = box.querySelector('#caption')?.textContent ?? '';
  announce(room ? `${caption}. ${room}` : caption);
  // Without scrolling: in a partner's frame, scrolling would move the partner's page (the dialog
  // fills the frame, and the frame may be taller than the window).
  if (focus && !box.contains(document.activeElement)) box.focus({ preventScroll: true });
}

// The strip is scrolled, not the thumbnail into view: scrollIntoView scrolls every ancestor, the
// window of a partner's page holding the widget too. Smoothly or not as site.css says (not under
// prefers-reduced-motion).
function showCurrentThumbnail(box) {
  const strip = box.querySelector('#slider-container');
  const current = strip?.querySelector('[aria-current="true"]');
  if (!current || strip.hidden) return;
  const offset = current.getBoundingClientRect().left - strip.getBoundingClientRect().left;
  // Right to left, scrollLeft counts down from 0, and the same sum still centres the thumbnail.
  strip.scrollTo({ left: strip.scrollLeft + offset - (strip.clientWidth - current.offsetWidth) / 2 });
}

// Opened over the photo tour, the lightbox closes back to the tour's address: its close link
// still fetches the empty modal, but the address it pushes is the tour's.
function closesToTour(box) {
  const tour = document.querySelector('[data-photo-tour]');
  const close = box.querySelector('#close-lightbox');
  if (!tour || !close) return;
  close.setAttribute('href', tour.dataset.tourUrl);
  close.setAttribute('hx-push-url', tour.dataset.tourUrl);
}

// The opener is kept after closing: back then forward reopens the lightbox from htmx's history,
// and closing it again must still return to the same control.
function lightboxClosed() {
  document.body.classList.remove('lightbox-open');
  const fallback = document.getElementById('photos-button') ?? document.querySelector('[data-photo-tour] h1');
  const back = (opener && document.querySelector(opener)) ?? fallback;
  back?.focus();
  // The opener may be hidden by now (a hero photo that a narrower window does not show).
  if (document.activeElement !== back) fallback?.focus();
}

function preload(box) {
  for (const link of box.querySelectorAll('[data-preload]')) {
    const image = new Image();
    image.decoding = 'async';
    image.srcset = link.dataset.preloadSrcset ?? '';
    image.sizes = '100vw';
    image.src = link.dataset.preload;
  }
}

const PHOTO_LIST = 'starkiller.photo-list';

// A browser that blocks storage for the site throws on any use of it: the list is then shown.
function storedPhotoList() {
  try {
    return sessionStorage.getItem(PHOTO_LIST);
  } catch {
    return null;
  }
}

function storePhotoList(value) {
  try {
    sessionStorage.setItem(PHOTO_LIST, value);
  } catch {
    // Not remembered: the list follows the default on the next page.
  }
}

function applyPhotoListPreference(box) {
  setPhotoList(box, storedPhotoList() !== 'hidden');
}

function setPhotoList(box, shown) {
  const strip = box.querySelector('#slider-container');
  const button = box.querySelector('#photo-list-button');
  if (!strip || !button) return;
  strip.hidden = !shown;
  button.setAttribute('aria-expanded', String(shown));
  // The texts come in the page's language from the server (gallery/lightbox.html).
  button.textContent = (shown ? button.dataset.hideText : button.dataset.showText) ?? button.textContent;
  // The photo's frame changed height: a zoomed photo's pan is bounded anew.
  refitZoom();
}

function clickIn(box, selector) {
  box?.querySelector(selector)?.click();
}

// How far an arrow key pans a zoomed photo, in pixels.
const KEY_PAN = 80;

function onLightboxKey(event) {
  const box = lightbox();
  if (!box || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
  const thumbs = box.querySelectorAll('#slider-container a');
  // Right to left (Arabic), the next photo is the one to the left.
  const [left, right] = isRightToLeft() ? ['#next', '#prev'] : ['#prev', '#next'];
  switch (event.key) {
    // A zoomed photo pans under the arrows (as it does under a finger); at scale 1 they step.
    case 'ArrowLeft': if (!panBy(KEY_PAN, 0)) clickIn(box, left); break;
    case 'ArrowRight': if (!panBy(-KEY_PAN, 0)) clickIn(box, right); break;
    case 'ArrowUp': if (!panBy(0, KEY_PAN)) return; break;
    case 'ArrowDown': if (!panBy(0, -KEY_PAN)) return; break;
    case '+': case '=': zoomIn(); break;
    case '-': zoomOut(); break;
    case '0': resetZoom(); break;
    case 'Home': thumbs[0]?.click(); break;
    case 'End': thumbs[thumbs.length - 1]?.click(); break;
    case 'Escape': clickIn(box, '#close-lightbox'); break;
    case 'Tab': trapFocus(box, event); return;
    default: return;
  }
  event.preventDefault();
}

function trapFocus(box, event) {
  const items = focusables(box);
  if (items.length === 0) return;
  const first = items[0];
  const last = items[items.length - 1];
  const active = document.activeElement;
  // The dialog itself holds focus right after opening: Shift+Tab from there wraps to the end.
  const inside = box.contains(active) && active !== box;
  if (event.shiftKey && (active === first || !inside)) {
    last.focus();
    event.preventDefault();
  } else if (!event.shiftKey && (active === last || !inside)) {
    first.focus();
    event.preventDefault();
  }
}

// ---- Share ----------------------------------------------------------------------------

function openShare() {
  const dialog = document.getElementById('share-container');
  if (!dialog) return;
  dialog.querySelector('.copied').textContent = '';
  dialog.showModal();
}

// A click on the backdrop lands on the dialog element itself, outside its box.
function onShareClick(dialog, event) {
  const box = dialog.getBoundingClientRect();
  const inside = event.clientX >= box.left && event.clientX <= box.right
    && event.clientY >= box.top && event.clientY <= box.bottom;
  if (!inside) dialog.close();
}

async function copyLink(button) {
  const field = document.getElementById(button.dataset.copyFrom);
  const text = field.value;
  const status = button.closest('dialog').querySelector('.copied');
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // No Clipboard API (older browser, insecure origin, denied): select and copy the old way.
    const wasHidden = field.hidden;
    field.hidden = false;
    field.select();
    const copied = document.execCommand('copy');
    if (!copied) {
      status.textContent = status.dataset.copyFallback ?? 'Press Ctrl+C to copy';
      return;
    }
    field.hidden = wasHidden;
    // Selecting the field took the focus; it goes back to the button that was pressed.
    button.focus();
  }
  status.textContent = button.dataset.copiedText ?? '';
}

// ---- Reviews --------------------------------------------------------------------------

function clampReviews(root) {
  // The texts come in the page's language from the server (review/carousel.html).
  const reviews = document.getElementById('reviews');
  const moreText = reviews?.dataset.moreText ?? 'Read more';
  for (const text of root.querySelectorAll('.review .text:not([data-clamp])')) {
    text.dataset.clamp = 'done';
    text.classList.add('clamped');
    if (text.scrollHeight <= text.clientHeight + 1) {
      text.classList.remove('clamped');
      continue;
    }
    const more = document.createElement('button');
    more.type = 'button';
    more.className = 'read-more';
    more.textContent = moreText;
    more.setAttribute('aria-expanded', 'false');
    text.after(more);
  }
}

// Document-wide, not on each button: htmx's history restore brings the buttons back without
// their listeners.
function toggleReview(more) {
  const text = more.previousElementSibling;
  if (!text?.matches('.text')) return;
  const reviews = document.getElementById('reviews');
  const expanded = text.classList.toggle('clamped') === false;
  more.textContent = (expanded ? reviews?.dataset.lessText : reviews?.dataset.moreText)
    ?? (expanded ? 'Read less' : 'Read more');
  more.setAttribute('aria-expanded', String(expanded));
}

// ---- Save -----------------------------------------------------------------------------

// Pages are the same for every visitor, with Save unpressed. A visitor who has saved something
// carries a cookie saying so; only then is their own button asked for, once per page.
function showOwnSaveState(root) {
  const form = root.querySelector('#save-form[data-state-url]:not([data-state-asked])');
  if (!form || !document.cookie.split(/;\s*/).includes('STARKILLER_SAVED=1')) return;
  form.dataset.stateAsked = 'true';
  window.htmx?.ajax('GET', form.dataset.stateUrl, { target: form, swap: 'outerHTML' });
}

// htmx's copy of the page for Back keeps Save as it is now, and by the time Back shows it the
// visitor may have changed it. The copy gets the form as every visitor is served it, unpressed and
// to be asked for again (at the form's own address); the page itself is put back at once.
function keepNeutralSave() {
  const form = document.querySelector('form#save-form');
  if (!form) return;
  const restore = neutraliseSave(form);
  // After htmx has taken its copy, which it does in the same task as this event.
  queueMicrotask(restore);
}

// Returns what puts the form back as it was.
function neutraliseSave(form) {
  const button = form.querySelector('#save-button');
  const label = button?.querySelector('span');
  const input = form.querySelector('input[name="saved"]');
  const kept = [
    [form, 'data-state-url', form.dataset.stateUrl ? form.getAttribute('data-state-url') : null],
    [form, 'data-state-asked', form.getAttribute('data-state-asked')],
    [button, 'aria-pressed', button?.getAttribute('aria-pressed')],
    [input, 'value', input?.getAttribute('value')],
  ];
  const text = label?.textContent;
  form.setAttribute('data-state-url', form.getAttribute('action'));
  form.removeAttribute('data-state-asked');
  button?.setAttribute('aria-pressed', 'false');
  input?.setAttribute('value', 'true');
  // "Save" in the page's language (saved/button.html).
  if (label && form.dataset.saveText) label.textContent = form.dataset.saveText;
  return () => {
    for (const [element, name, value] of kept) {
      if (!element) continue;
      if (value === null || value === undefined) element.removeAttribute(name);
      else element.setAttribute(name, value);
    }
    if (label) label.textContent = text;
  };
}

// ---- Failed requests ------------------------------------------------------------------

// htmx leaves the page as it is when a request fails (an error status, no network, too slow). A
// link is then followed as a plain link, so the visitor gets the page or the server's error page;
// in a partner's frame, where only the widget may be shown, the widget is loaded again. Save says
// that it failed.
function onRequestFailed(event) {
  const { elt, requestConfig } = event.detail;
  if (!(elt instanceof Element)) return;
  const form = elt.closest('form#save-form');
  if (form && requestConfig?.verb === 'post') {
    saveFailed(form);
    return;
  }
  const link = elt.closest('a[href]');
  if (!link || requestConfig?.verb !== 'get') return;
  if (document.body.classList.contains('embedded')) {
    window.location.reload();
  } else {
    window.location.assign(link.href);
  }
}

function saveFailed(form) {
  // In the page's language (saved/button.html).
  const text = form.dataset.failedText;
  if (!text) return;
  let status = form.querySelector('[role="status"]');
  if (!status) {
    status = document.createElement('p');
    status.className = 'save-full';
    status.setAttribute('role', 'status');
    form.append(status);
  }
  status.textContent = text;
  announce(text);
}

// ---- Wiring ---------------------------------------------------------------------------

function enhance(root) {
  clampReviews(root);
  showOwnSaveState(root);
}

document.addEventListener('keydown', onLightboxKey);
document.addEventListener('click', followLanguageSwitch, true);
document.addEventListener('htmx:configRequest', sendPageLanguage);
document.addEventListener('htmx:historyCacheMiss', sendPageLanguageOnHistoryMiss);
for (const failure of ['htmx:responseError', 'htmx:sendError', 'htmx:timeout']) {
  document.addEventListener(failure, onRequestFailed);
}
// Back to a page htmx had no copy of, and the server refused it: the page, or its error page.
document.addEventListener('htmx:historyCacheMissLoadError', () => window.location.reload());
document.addEventListener('htmx:beforeHistorySave', keepNeutralSave);
document.addEventListener('click', holdPhotoClick, true);
window.addEventListener('resize', refitZoom);
// htmx keeps a copy of the page for the back button: without the zoom's inline style (see zoom.js).
document.addEventListener('htmx:beforeHistorySave', forgetZoom);
// Restored from that copy, an open dialog would show without its backdrop and focus trap.
document.addEventListener('htmx:beforeHistorySave', () => document.getElementById('share-container')?.close());

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) return;
  if (target.closest('#share-button')) {
    event.preventDefault();
    openShare();
  } else if (target.id === 'share-container') {
    // Document-wide, not on the dialog: htmx's history restore replaces the dialog element.
    onShareClick(target, event);
  } else if (target.closest('[data-copy-from]')) {
    copyLink(target.closest('[data-copy-from]'));
  } else if (target.closest('#photo-list-button')) {
    const box = lightbox();
    const shown = box.querySelector('#slider-container').hidden;
    storePhotoList(shown ? 'shown' : 'hidden');
    setPhotoList(box, shown);
  } else if (target.closest('.review .read-more')) {
    toggleReview(target.closest('.read-more'));
  }
});

// A link to the address already shown (the photo's own thumbnail; Prev and Next of a listing's
// only photo or review) changes nothing: no request, and no second history entry for one page.
document.addEventListener('htmx:beforeRequest', (event) => {
  const { elt, requestConfig } = event.detail;
  const link = elt instanceof Element ? elt.closest('a[href]') : null;
  if (link && requestConfig?.verb === 'get' && link.href === window.location.href
    && link.closest('#modal, #reviews')) {
    event.preventDefault();
  }
});

document.addEventListener('htmx:beforeRequest', (event) => {
  const source = event.detail.elt;
  if (source instanceof Element && !source.closest('#modal, #save-form')
    && source.closest('#image-service, [data-photo-tour]')) {
    opener = selectorOf(source);
  }
});

// The control by its id; without one (the grid's and the tour's photos), by the address it opens.
function selectorOf(control) {
  const link = control.closest('a[href], button');
  if (!link) return null;
  if (link.id) return `#${CSS.escape(link.id)}`;
  const area = link.closest('#image-service') ? '#image-service' : '[data-photo-tour]';
  const href = link.getAttribute('href');
  return href ? `${area} a[href="${CSS.escape(href)}"]:not([id])` : null;
}

// htmx replaces whole controls, so the focused element is replaced too: put focus back on the
// control with the same id, so keyboard users stay where they were.
let focusedId = null;
let focusedThumbnail = false;
let wasOpen = false;

document.addEventListener('htmx:beforeSwap', (event) => {
  focusedId = document.activeElement?.id || null;
  // Thumbnails have no id: a keyboard user who chose one stays on the strip, at the new photo.
  focusedThumbnail = Boolean(document.activeElement?.closest('#slider-container a'));
  planMorph(event, opener && document.querySelector(opener));
});
document.addEventListener('htmx:beforeTransition', startMorph);
document.addEventListener('htmx:afterSwap', finishMorph);

document.addEventListener('htmx:afterSettle', (event) => {
  // "Show all photos" replaced the page's <main>: the tour's heading takes the focus.
  if (event.target instanceof Element && event.target.matches('[data-photo-tour]')) {
    event.target.querySelector('h1')?.focus();
  }
  const box = lightbox();
  if (box) {
    lightboxOpened(false);
    const again = (focusedId && document.getElementById(focusedId))
      || (focusedThumbnail && box.querySelector('#slider-container [aria-current="true"]'));
    (again && box.contains(again) ? again : box).focus({ preventScroll: true });
  } else if (wasOpen) {
    lightboxClosed();
  }
  wasOpen = Boolean(box);
  if (focusedId?.startsWith('review-')) {
    document.getElementById(focusedId)?.focus();
    // "Review {0}" in the page's language (review/carousel.html).
    const text = document.getElementById('reviews')?.dataset.announceText ?? 'Review {0}';
    announce(text.replace('{0}', document.getElementById('review-counter')?.textContent ?? ''));
  }
  focusedId = null;
  focusedThumbnail = false;
  enhance(document);
});

document.addEventListener('htmx:historyRestore', () => {
  wasOpen = Boolean(lightbox());
  lightboxOpened(false);
  enhance(document);
});

// Back from another page, out of the browser's own cache: Save as the visitor left it, since changed perhaps.
window.addEventListener('pageshow', (event) => {
  const form = document.querySelector('form#save-form');
  if (!event.persisted || !form) return;
  neutraliseSave(form);
  showOwnSaveState(document);
});

function start() {
  wasOpen = Boolean(lightbox());
  lightboxOpened(true);
  enhance(document);
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start);
} else {
  start();
}
