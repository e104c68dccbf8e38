// /embed.js: turns <div data-starkiller-listing="15000"></div> into the listing's gallery.
// Optional: data-starkiller-reviews (show the review carousel too), data-starkiller-title,
// data-starkiller-lang (en, es, fr, de or ar, in any case and with a region such as fr-CA;
// otherwise the visitor's browser language).
(() => {
  const script = document.currentScript;
  const origin = new URL(script.src, window.location.href).origin;

  // The frame's title until a partner gives one (data-starkiller-title), as the widget's bundles say it.
  const TITLES = {
    en: (id) => `Photos of listing ${id} on Starkiller`,
    es: (id) => `Fotos del alojamiento ${id} en Starkiller`,
    fr: (id) => `Photos du logement ${id} sur Starkiller`,
    de: (id) => `Fotos der Unterkunft ${id} auf Starkiller`,
    ar: (id) => `صور الإعلان ${id} على Starkiller`,
  };

  // One of ours for a tag as written (DE, fr-CA, es_MX), else null.
  function language(tag) {
    const primary = String(tag ?? '').split(/[-_]/)[0].toLowerCase();
    return Object.hasOwn(TITLES, primary) ? primary : null;
  }

  function embed(host) {
    const id = host.dataset.starkillerListing;
    if (host.dataset.starkillerReady || !/^\d{1,18}$/.test(id ?? '')) return;
    host.dataset.starkillerReady = 'true';
    const frame = document.createElement('iframe');
    const query = new URLSearchParams();
    if (host.dataset.starkillerReviews !== undefined) query.set('reviews', '1');
    const asked = language(host.dataset.starkillerLang);
    if (asked) query.set('lang', asked);
    const search = query.toString();
    frame.src = `${origin}/embed/listings/${id}${search ? `?${search}` : ''}`;
    // In the frame's language: the one asked for, else the first of the visitor's we have (as the
    // widget chooses from Accept-Language).
    const shown = asked || (navigator.languages ?? [navigator.language]).map(language).find(Boolean) || 'en';
    frame.title = host.dataset.starkillerTitle || TITLES[shown](id);
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

  function scan(root) {
    if (root.matches?.('[data-starkiller-listing]')) embed(root);
    root.querySelectorAll?.('[data-starkiller-listing]').forEach(embed);
  }

  // Then every place a partner's page adds later (a single-page app's views, a lazy section).
  function start() {
    scan(document);
    new MutationObserver((changes) => {
      for (const change of changes) change.addedNodes.forEach(scan);
    }).observe(document.documentElement, { childList: true, subtree: true });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
