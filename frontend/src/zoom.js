// Zoom and pan of the lightbox's photo: the scale and the offset, kept inside the photo's edges,
// applied as a CSS transform; the sharper variant once the photo shows larger than it was loaded
// for; and the zoom level told to screen readers. gestures.js and the keyboard drive it.

import { formatNumber } from './language.js';

const MAX_SCALE = 4;
// The keyboard's steps: + and - go to the next one, 0 back to the first.
const STEPS = [1, 1.5, 2, 3, MAX_SCALE];
const DOUBLE_TAP_SCALE = 2;
// Announcements and the sharper variant wait until a gesture pauses, not every frame of it.
const SETTLE_MS = 250;

let view = null;
let settling = null;

function clamp(value, low, high) {
  return Math.min(Math.max(value, low), high);
}

// The photo shown now and its zoom; a new photo (htmx swapped the lightbox) starts at scale 1.
function current() {
  const image = document.getElementById('display-image');
  const frame = image?.closest('.slide');
  if (!image || !frame) return null;
  if (view?.image !== image) {
    // Positioned, so the photo's offsets are measured from it; see site.css.
    frame.classList.add('zoomable');
    // sizes="100vw" in the template: the variant loaded is the one for the window's width.
    view = { image, frame, scale: 1, x: 0, y: 0, sizedFor: window.innerWidth };
  }
  return view;
}

export function zoomScale() {
  return current()?.scale ?? 1;
}

export function isZoomed() {
  return zoomScale() > 1;
}

/** A point of the window, as the photo's frame (the figure, which clips the photo) measures it. */
export function inFrame(clientX, clientY) {
  const frame = current()?.frame;
  if (!frame) return { x: clientX, y: clientY };
  const box = frame.getBoundingClientRect();
  return { x: clientX - box.left - frame.clientLeft, y: clientY - box.top - frame.clientTop };
}

function frameCentre(v) {
  return { x: v.frame.clientWidth / 2, y: v.frame.clientHeight / 2 };
}

/**
 * Scales the photo to {@code scale} and moves it so that the point of the photo under {@code from}
 * ends under {@code to} (frame coordinates), then keeps it inside its edges. The one move every
 * gesture and key makes.
 */
export function transformTo(scale, from, to, { animate = true } = {}) {
  const v = current();
  if (!v) return;
  const next = clamp(scale, 1, MAX_SCALE);
  // Layout sizes ignore the transform: the photo as it sits at scale 1. The sizes are the exact
  // ones (offset* round to whole pixels, an error the scale would multiply past the frame's edge).
  const style = getComputedStyle(v.image);
  const base = { x: v.image.offsetLeft, y: v.image.offsetTop, width: parseFloat(style.width), height: parseFloat(style.height) };
  const room = v.frame.getBoundingClientRect();
  const left = to.x - (from.x - (base.x + v.x)) * next / v.scale;
  const top = to.y - (from.y - (base.y + v.y)) * next / v.scale;
  v.scale = next;
  v.x = bounded(left, base.x, base.width, next, room.width) - base.x;
  v.y = bounded(top, base.y, base.height, next, room.height) - base.y;
  apply(v, animate);
}

// Along one axis: a photo larger than its frame covers it (no edge comes inside); a smaller one
// stays centred where it sits at scale 1 (within the frame), so it cannot be pushed about.
function bounded(start, baseStart, baseSize, scale, room) {
  const size = baseSize * scale;
  if (size > room) return clamp(start, room - size, 0);
  return clamp(baseStart + (baseSize - size) / 2, 0, room - size);
}

export function zoomAt(scale, point, options) {
  transformTo(scale, point, point, options);
}

/** Pans by (dx, dy) pixels; false when the photo is not zoomed, so there is nothing to pan. */
export function panBy(dx, dy, options) {
  const v = current();
  if (!v || v.scale <= 1) return false;
  transformTo(v.scale, { x: 0, y: 0 }, { x: dx, y: dy }, options);
  return true;
}

/** Double-tap and double-click: zoomed in at the point, or back to the whole photo. */
export function toggleZoomAt(point) {
  zoomAt(isZoomed() ? 1 : DOUBLE_TAP_SCALE, point);
}

export function zoomIn() {
  const v = current();
  if (v) zoomAt(STEPS.find((step) => step > v.scale + 0.01) ?? MAX_SCALE, frameCentre(v));
}

export function zoomOut() {
  const v = current();
  if (v) zoomAt([...STEPS].reverse().find((step) => step < v.scale - 0.01) ?? 1, frameCentre(v));
}

export function resetZoom() {
  const v = current();
  if (v) zoomAt(1, frameCentre(v));
}

/** Keeps the zoomed photo inside its frame when the window changes size. */
export function refitZoom() {
  if (isZoomed()) panBy(0, 0, { animate: false });
}

/**
 * Takes the zoom off the page before htmx keeps a copy of it for the back button: restored from
 * that copy, an inline style attribute would break the Content-Security-Policy (style-src 'self').
 */
export function forgetZoom() {
  if (!view) return;
  view.image.removeAttribute('style');
  view.frame.classList.remove('zoomed', 'zoom-moving', 'panning');
  const status = view.frame.closest('#lightbox-container')?.querySelector('[data-zoom-status]');
  if (status) status.textContent = '';
  view = null;
}

function apply(v, animate) {
  v.frame.classList.toggle('zoomed', v.scale > 1);
  // Fingers and the wheel move the photo every frame: a transition would make it lag behind.
  v.frame.classList.toggle('zoom-moving', !animate);
  if (v.scale > 1) {
    v.image.style.transform = `translate(${v.x}px, ${v.y}px) scale(${v.scale})`;
  } else {
    // No style attribute left behind, not even an empty one (see forgetZoom).
    v.image.removeAttribute('style');
  }
  clearTimeout(settling);
  settling = setTimeout(() => settle(v), SETTLE_MS);
}

function settle(v) {
  if (v !== view) return;
  sharpen(v);
  const status = v.frame.closest('#lightbox-container')?.querySelector('[data-zoom-status]');
  // "Zoomed to {0} %" in the page's language (gallery/lightbox.html), its number written as there.
  const text = (status?.dataset.zoomText ?? 'Zoomed to {0} %').replace('{0}', formatNumber(Math.round(v.scale * 100)));
  // Only a new level is announced: a pan at the same scale says nothing, nor does a zoom out of a
  // photo never zoomed (nothing was said yet, and it shows whole as before).
  if (!status || status.textContent === text || (!status.textContent && v.scale === 1)) return;
  status.textContent = text;
}

// The browser picks from the srcset for the width sizes names: naming the zoomed width loads the
// 1600 px variant once the photo shows larger than the one loaded. Never smaller, so zooming out
// does not load a blurrier one.
function sharpen(v) {
  const shown = Math.ceil(v.image.offsetWidth * v.scale);
  if (shown > v.sizedFor) {
    v.sizedFor = shown;
    v.image.sizes = `${shown}px`;
  }
}
