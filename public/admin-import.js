// A running import, followed live. Without this script the page reloads itself every few seconds
// (its refresh sits in <noscript>); with it, the page fetches itself every second and moves the
// count and the bar, then swaps in the outcome once the import has finished or failed.
(() => {
  const region = document.querySelector('[data-import-job]');
  if (!region || region.dataset.state !== 'running' || !window.fetch || !window.DOMParser) return;
  const everyMs = 1000;
  const fallbackReloadMs = 3000;

  const show = (page) => {
    const next = page.querySelector('[data-import-job]');
    if (!next) throw new Error('The page no longer shows the import.');
    if (next.dataset.state === 'running') {
      // Only the text changes, so the live region is spoken when the phase changes and not every second.
      for (const name of ['phase', 'count']) {
        const here = region.querySelector(`[data-import-${name}]`);
        const there = next.querySelector(`[data-import-${name}]`);
        if (here && there && here.textContent !== there.textContent) here.textContent = there.textContent;
      }
      const bar = region.querySelector('[data-import-bar]');
      const nextBar = next.querySelector('[data-import-bar]');
      if (bar && nextBar) {
        for (const attribute of ['max', 'value']) {
          if (nextBar.hasAttribute(attribute)) bar.setAttribute(attribute, nextBar.getAttribute(attribute));
          else bar.removeAttribute(attribute);
        }
        bar.textContent = nextBar.textContent;
      }
      return true;
    }
    region.replaceChildren(...next.childNodes);
    region.dataset.state = next.dataset.state;
    document.title = page.title;
    // The outcome replaces the progress: take the reader (and a screen reader) to it.
    const outcome = region.querySelector('.form-message') || document.querySelector('h1');
    if (outcome) {
      outcome.tabIndex = -1;
      outcome.focus();
    }
    return false;
  };

  const follow = async () => {
    try {
      const response = await fetch(window.location.href, { credentials: 'same-origin', headers: { accept: 'text/html' } });
      if (!response.ok) throw new Error(`The page answered ${response.status}.`);
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      if (show(page)) window.setTimeout(follow, everyMs);
    } catch {
      // Offline for a moment, or signed out: a reload says what the page says.
      window.setTimeout(() => window.location.reload(), fallbackReloadMs);
    }
  };
  window.setTimeout(follow, everyMs);
})();
