// The widget inside a partner's iframe: tells the parent its height, and offers full screen.
//
// Message to the parent, on load and on every resize:
//   { type: 'starkiller:height', listing: <listing id, number>, height: <content height, px> }

const listing = Number(document.body.dataset.listing);

function reportHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  window.parent.postMessage({ type: 'starkiller:height', listing, height }, '*');
}

function offerFullscreen() {
  const inFrame = window.self !== window.top;
  for (const button of document.querySelectorAll('[data-fullscreen]')) {
    button.hidden = !(inFrame && document.fullscreenEnabled);
  }
}

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('[data-fullscreen]') : null;
  if (!button) return;
  if (document.fullscreenElement) {
    document.exitFullscreen();
  } else {
    // The page, not the lightbox: each photo step replaces the lightbox's element, and removing
    // the element shown full screen would end full screen.
    document.documentElement.requestFullscreen();
  }
});

document.addEventListener('htmx:afterSettle', () => {
  offerFullscreen();
  reportHeight();
});

new ResizeObserver(reportHeight).observe(document.documentElement);
window.addEventListener('load', reportHeight);
offerFullscreen();
reportHeight();
