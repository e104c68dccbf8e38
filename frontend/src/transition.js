// The lightbox opens out of the photo clicked and closes back into a photo of the page: htmx runs
// the swap inside a view transition (document.startViewTransition), and the two photos carry one
// name (data-lightbox-morph, site.css), one before the swap and the other after it, so the browser
// morphs the first into the second. Under prefers-reduced-motion, or in a browser without the API,
// the lightbox just swaps.

import { isZoomed } from './zoom.js';

const MORPH = 'lightboxMorph';
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

// The photo to morph from, and a function finding the one to morph to once htmx has swapped.
let planned = null;
// Counts the morphs, so that one that ends after the next has begun leaves the next's names alone.
let morphs = 0;

/**
 * For htmx:beforeSwap of the lightbox (#modal): opening it, closing it and choosing a thumbnail
 * morph from one photo to another; moving on by Next, Previous or a swipe does not.
 * {@code opener} is the control that opened the lightbox, when it is on the page.
 */
export function planMorph(event, opener) {
  const { target, shouldSwap, requestConfig } = event.detail;
  // The control that asked (event.detail.elt is the target here).
  const control = requestConfig?.elt;
  planned = null;
  if (!shouldSwap || !(target instanceof Element) || target.id !== 'modal' || !(control instanceof Element)) return;
  if (!document.startViewTransition || reducedMotion.matches) return;
  const morph = morphFor(control, opener);
  if (!morph) return;
  planned = morph;
  const swap = event.detail.swapOverride || control.getAttribute('hx-swap') || 'outerHTML';
  event.detail.swapOverride = `${swap} transition:true`;
}

/** For htmx:beforeTransition: the old view is taken next, with this photo named. */
export function startMorph() {
  if (!planned) return;
  unname();
  name(planned.from);
}

/** For htmx:afterSwap, inside the transition: the new view names the photo arrived at. */
export function finishMorph() {
  if (!planned) return;
  const to = planned.to();
  planned = null;
  unname();
  name(to);
  const generation = ++morphs;
  // Where the browser says which transition runs, the name goes once it has ended.
  document.activeViewTransition?.finished.finally(() => {
    if (generation === morphs) unname();
  });
}

function morphFor(control, opener) {
  const box = document.getElementById('lightbox-container');
  const display = () => document.getElementById('display-image');
  if (!box) {
    // A control without a photo of its own (View photos) opens from the page's photo at its index.
    return { from: photoIn(control) ?? shown(photoAt(control.getAttribute('href'))), to: display };
  }
  if (control.closest('#close-lightbox')) {
    // A zoomed photo has no whole view to shrink from: the photo of the page only fades in.
    const from = isZoomed() ? null : display();
    const current = box.querySelector('#slider-container [aria-current="true"]')?.getAttribute('href');
    const to = shown(photoAt(current)) ?? photoIn(opener);
    return { from, to: () => to };
  }
  if (control.closest('#slider-container')) return { from: photoIn(control), to: display };
  return null;
}

// The photo a link shows (not its placeholder).
function photoIn(control) {
  return control?.closest('a, button')?.querySelector('img:not(.placeholder)') ?? null;
}

// The photo of the page (the hero grid's or the tour's) that opens the lightbox at this address.
function photoAt(href) {
  if (!href) return null;
  const link = [...document.querySelectorAll('.hero a[href], a[data-tour-photo]')]
    .find((candidate) => candidate.getAttribute('href') === href);
  return photoIn(link);
}

// The photo if any of it is in the window: one scrolled away would fly in from off the screen.
function shown(photo) {
  if (!photo) return null;
  const box = photo.getBoundingClientRect();
  const visible = box.width > 0 && box.bottom > 0 && box.right > 0
    && box.top < window.innerHeight && box.left < window.innerWidth;
  return visible ? photo : null;
}

function name(photo) {
  if (photo) photo.dataset[MORPH] = '';
}

function unname() {
  for (const photo of document.querySelectorAll('[data-lightbox-morph]')) delete photo.dataset[MORPH];
}
