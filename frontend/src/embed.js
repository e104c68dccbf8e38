// /embed.js: turns <div data-starkiller-listing="15000"></div> into the listing's gallery.
// Optional: data-starkiller-reviews (show the review carousel too), data-starkiller-title,
// data-starkiller-lang (en, es, fr, de or ar; otherwise the visitor's browser language).
(() => {
  const script = document.currentScript;
  const origin = new URL(script.src, window.location.href).origin;

  function embed(host) {
    const id = host.dataset.starkillerListing;
    if (host.dataset.starkillerReady || !/^\d{1,18}$/.test(id ?? '')) return;
    host.dataset.starkillerReady = 'true';
    const frame = document.createElement('iframe');
    const query = new URLSearchParams();
    if (host.dataset.starkillerReviews !== undefined) query.set('reviews', '1');
    if (/^[a-z]{2}$/.test(host.dataset.starkillerLang ?? '')) query.set('lang', host.dataset.starkillerLang);
    const search = query.toString();
    frame.src = `${origin}/embed/listings/${id}${search ? `?${search}` : ''}`;
    frame.title = host.dataset.starkillerTitle || `Photos of listing ${id} on Starkiller`;
    frame.loading = 'lazy';
    frame.allow = 'fullscreen';
    frame.allowFullscreen = true;
    frame.dataset.starkillerFrame = id;
    frame.style.cssText = 'display:block;width:100%;height:480px;border:0;';
    host.appendChild(frame);
  }

  // Only our own origin may resize, and only the frame the message came from.
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (event.origin !== origin || !data || data.type !== 'starkiller:height') return;
    for (const frame of document.querySelectorAll('iframe[data-starkiller-frame]')) {
      if (frame.contentWindow === event.source) {
        const height = Math.max(120, Math.min(5000, Number(data.height) || 0));
        frame.style.height = `${height}px`;
      }
    }
  });

  function scan() {
    document.querySelectorAll('[data-starkiller-listing]').forEach(embed);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', scan);
  } else {
    scan();
  }
})();
