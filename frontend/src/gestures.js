// The lightbox photo's pointer gestures, on top of its plain link to the next photo. Zoom: pinch,
// double-tap, double-click, the wheel (over the photo, nothing else scrolls: PhotoSwipe's
// wheelToZoom; a trackpad's pinch arrives as the wheel with Ctrl). A zoomed photo pans under one
// finger or a mouse drag; at scale 1 a swipe sideways changes photo and a swipe down closes.

import { isRightToLeft } from './language.js';
import { inFrame, isZoomed, panBy, toggleZoomAt, transformTo, zoomAt, zoomScale } from './zoom.js';

// About a browser's double-click time. A click on the photo waits this long before it moves on,
// so that the first click of a double-click does not take the photo away.
const DOUBLE_MS = 300;
// How far a finger may move and still tap, and how far apart two taps may be to make a double.
const TAP_SLOP = 10;
const DOUBLE_TAP_SLOP = 40;
const SWIPE = 50;
const SWIPE_DOWN = 80;

// htmx replaces the figure with every photo; each new one is wired once.
const wired = new WeakSet();

let waitingClick = null;
let touch = null;
let lastTap = null;
let drag = null;

/** Wires the gestures to the lightbox's photo; {@code actions} are next, previous and close. */
export function enableGestures(box, actions) {
  const frame = box.querySelector('.slide');
  const image = box.querySelector('#display-image');
  if (!frame || !image || wired.has(frame)) return;
  wired.add(frame);
  frame.classList.add('zoomable');
  image.draggable = false;
  frame.addEventListener('touchstart', onTouchStart, { passive: true });
  // Not passive: a finger that pinches or pans must not also move the page.
  frame.addEventListener('touchmove', onTouchMove, { passive: false });
  frame.addEventListener('touchend', (event) => onTouchEnd(event, actions), { passive: false });
  frame.addEventListener('touchcancel', () => { touch = null; }, { passive: true });
  frame.addEventListener('wheel', onWheel, { passive: false });
  frame.addEventListener('dblclick', onDoubleClick);
  frame.addEventListener('pointerdown', onPointerDown);
  frame.addEventListener('pointermove', onPointerMove);
  frame.addEventListener('pointerup', onPointerUp);
  frame.addEventListener('pointercancel', onPointerUp);
}

/**
 * For the document, in the capture phase, so it runs before htmx's own listener on the link: a
 * click on the photo moves on after {@link DOUBLE_MS} unless a second click makes it a
 * double-click; on a zoomed photo it does nothing. Keyboard and scripted clicks (detail 0) pass.
 */
export function holdPhotoClick(event) {
  const link = event.target instanceof Element ? event.target.closest('.slide .advance') : null;
  if (!link || event.detail === 0) return;
  event.preventDefault();
  event.stopPropagation();
  forgetWaitingClick();
  if (event.detail === 1 && !isZoomed()) {
    waitingClick = setTimeout(() => {
      waitingClick = null;
      if (link.isConnected) link.click();
    }, DOUBLE_MS);
  }
}

function forgetWaitingClick() {
  clearTimeout(waitingClick);
  waitingClick = null;
}

// ---- Touch ----------------------------------------------------------------------------

function point(touchPoint) {
  return { x: touchPoint.clientX, y: touchPoint.clientY };
}

function pinchOf(touches) {
  const [a, b] = touches;
  return {
    distance: Math.hypot(a.clientX - b.clientX, a.clientY - b.clientY) || 1,
    centre: inFrame((a.clientX + b.clientX) / 2, (a.clientY + b.clientY) / 2),
  };
}

function onTouchStart(event) {
  if (event.touches.length === 1 || !touch) {
    const at = point(event.touches[0]);
    // Whether the photo was zoomed when the finger came down decides: pan, or swipe.
    touch = { start: at, last: at, zoomed: isZoomed(), pinch: null, pinched: false };
  }
  if (event.touches.length === 2) {
    touch.pinch = pinchOf(event.touches);
    touch.pinched = true;
  }
}

function onTouchMove(event) {
  if (!touch) return;
  if (touch.pinch && event.touches.length >= 2) {
    // Step by step: the photo's point between the fingers stays between them as they move.
    const now = pinchOf(event.touches);
    transformTo(zoomScale() * now.distance / touch.pinch.distance, touch.pinch.centre, now.centre,
      { animate: false });
    touch.pinch = now;
    event.preventDefault();
  } else if (touch.zoomed && event.touches.length === 1) {
    const at = point(event.touches[0]);
    panBy(at.x - touch.last.x, at.y - touch.last.y, { animate: false });
    touch.last = at;
    event.preventDefault();
  }
}

function onTouchEnd(event, actions) {
  if (!touch) return;
  if (event.touches.length > 0) {
    // One finger of a pinch lifted: the other pans on from where it is.
    if (touch.pinch && event.touches.length === 1) {
      Object.assign(touch, { pinch: null, zoomed: isZoomed(), last: point(event.touches[0]) });
    }
    return;
  }
  const gesture = touch;
  touch = null;
  if (gesture.pinched) return;
  const end = point(event.changedTouches[0]);
  const dx = end.x - gesture.start.x;
  const dy = end.y - gesture.start.y;
  if (Math.hypot(dx, dy) < TAP_SLOP) {
    onTap(event, end);
  } else if (gesture.zoomed) {
    // The finger panned the photo.
  } else if (Math.abs(dx) > SWIPE && Math.abs(dx) > 1.5 * Math.abs(dy)) {
    // Right to left (Arabic), the next photo comes in from the left: a swipe to the right.
    (dx < 0 !== isRightToLeft() ? actions.next : actions.previous)();
  } else if (dy > SWIPE_DOWN && dy > 1.5 * Math.abs(dx)) {
    actions.close();
  }
}

function onTap(event, at) {
  const double = lastTap && event.timeStamp - lastTap.time < DOUBLE_MS
    && Math.hypot(at.x - lastTap.x, at.y - lastTap.y) < DOUBLE_TAP_SLOP;
  if (!double) {
    lastTap = { ...at, time: event.timeStamp };
    return;
  }
  lastTap = null;
  // No click for the second tap, and none still waiting from the first.
  event.preventDefault();
  forgetWaitingClick();
  toggleZoomAt(inFrame(at.x, at.y));
}

// ---- Mouse ----------------------------------------------------------------------------

function onDoubleClick(event) {
  // Zoomed, the photo covers the frame: a drag between the clicks captures the pointer, and the
  // double-click then lands on the frame rather than the photo.
  if (!event.target.closest('#display-image') && !isZoomed()) return;
  event.preventDefault();
  forgetWaitingClick();
  toggleZoomAt(inFrame(event.clientX, event.clientY));
}

function onPointerDown(event) {
  if (event.pointerType !== 'mouse' || event.button !== 0 || !isZoomed()) return;
  drag = { id: event.pointerId, last: point(event) };
}

function onPointerMove(event) {
  if (!drag || event.pointerId !== drag.id) return;
  // Captured only once it moves: a captured pointer's clicks land on the frame, not the photo,
  // and a double-click must still find the photo.
  if (!event.currentTarget.hasPointerCapture(event.pointerId)) {
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.classList.add('panning');
  }
  panBy(event.clientX - drag.last.x, event.clientY - drag.last.y, { animate: false });
  drag.last = point(event);
}

function onPointerUp(event) {
  if (!drag || event.pointerId !== drag.id) return;
  drag = null;
  event.currentTarget.classList.remove('panning');
}

function onWheel(event) {
  event.preventDefault();
  const unit = [1, 16, 400][event.deltaMode] ?? 1;
  // A mouse's notch is about 100 px: a fifth more or less. A trackpad pinch sends small steps.
  const speed = event.ctrlKey ? 0.01 : 0.002;
  zoomAt(zoomScale() * Math.exp(-event.deltaY * unit * speed), inFrame(event.clientX, event.clientY),
    { animate: false });
}
