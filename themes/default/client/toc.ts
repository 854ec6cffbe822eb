// Table of contents: links are plain anchors, so the browser scrolls. This module only marks
// the link of the section the reader jumped to (class .active and aria-current), on click,
// on load and on back/forward. Following the scroll position is a later feature.

const LINK = '.toc-wrapper a.toc-link';

function decode(hash: string): string {
  try {
    return decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return hash.replace(/^#/, '');
  }
}

export function markActive(id: string): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>(LINK)) {
    const active = id !== '' && decode(link.hash) === id;
    link.classList.toggle('active', active);
    if (active) link.setAttribute('aria-current', 'true');
    else link.removeAttribute('aria-current');
  }
}

export function initToc(): void {
  const fromLocation = (): void => markActive(decode(window.location.hash));
  fromLocation();
  window.addEventListener('hashchange', fromLocation);
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>(LINK) : null;
    if (link) markActive(decode(link.hash));
  });
}
