// Dev only (the dev server injects it; builds never include it): swaps in new content when a
// source file is saved, keeping the reader on the same section, and shows shale's errors in
// Vite's overlay. A full reload (template or frontmatter change) keeps the position too.

interface UpdateEvent { outPath: string; content: string; toc: string }
interface Anchor { id: string; offset: number; y: number }

const SCROLL_KEY = 'shale:dev-scroll';
const thisPage = document.querySelector<HTMLMetaElement>('meta[name="shale-dev-page"]')?.content;

/** The last heading at or above the top of the viewport, and how far above it sits. */
function anchor(): Anchor {
  let best: Anchor = { id: '', offset: 0, y: window.scrollY };
  for (const h of document.querySelectorAll<HTMLElement>('main.content :is(h1,h2,h3,h4,h5,h6)[id]')) {
    const top = h.getBoundingClientRect().top;
    if (top > 1) break;
    best = { id: h.id, offset: top, y: window.scrollY };
  }
  return best;
}

function restore(a: Anchor): void {
  const el = a.id ? document.getElementById(a.id) : null;
  if (el) window.scrollBy(0, el.getBoundingClientRect().top - a.offset);
  else window.scrollTo(0, a.y);
}

function closeOverlay(): void {
  document.querySelectorAll<HTMLElement & { close?: () => void }>('vite-error-overlay').forEach((o) => (o.close ? o.close() : o.remove()));
}

function showOverlay(err: unknown): void {
  const Overlay = customElements.get('vite-error-overlay');
  if (!Overlay) return;
  closeOverlay();
  document.body.appendChild(new Overlay(err));
}

/**
 * Replaces only the run of top-level nodes that differ: a one-line edit in a large page then
 * costs the browser a few nodes of layout instead of the whole document.
 */
function patch(main: Element, html: string): void {
  const tpl = document.createElement('template');
  tpl.innerHTML = html;
  const was = [...main.childNodes];
  const now = [...tpl.content.childNodes];
  let start = 0;
  while (start < was.length && start < now.length && was[start].isEqualNode(now[start])) start++;
  let endWas = was.length, endNow = now.length;
  while (endWas > start && endNow > start && was[endWas - 1].isEqualNode(now[endNow - 1])) { endWas--; endNow--; }
  const after = was[endWas] ?? null;
  for (let i = start; i < endWas; i++) was[i].remove();
  const fresh = document.createDocumentFragment();
  for (let i = start; i < endNow; i++) fresh.appendChild(now[i]);
  main.insertBefore(fresh, after);
}

function applyUpdate(data: UpdateEvent): void {
  if (data.outPath !== thisPage) return;
  const main = document.querySelector('main.content');
  if (!main) { window.location.reload(); return; }
  const at = anchor();
  patch(main, data.content);
  const toc = document.getElementById('toc');
  if (toc) toc.outerHTML = data.toc;
  restore(at);
  closeOverlay();
  // Theme modules that keep element references can listen and bind again.
  document.dispatchEvent(new CustomEvent('shale:content-updated'));
  document.documentElement.dataset.shaleUpdated = String(Date.now());
}

if (import.meta.hot) {
  import.meta.hot.on('shale:update', applyUpdate);
  import.meta.hot.on('shale:ok', (data: { outPath: string }) => { if (data.outPath === thisPage) closeOverlay(); });
  import.meta.hot.on('vite:beforeFullReload', () => {
    sessionStorage.setItem(SCROLL_KEY, JSON.stringify({ page: thisPage, at: anchor() }));
  });
}

// After a reload: back to the same section.
const saved = sessionStorage.getItem(SCROLL_KEY);
if (saved) {
  sessionStorage.removeItem(SCROLL_KEY);
  const { page, at } = JSON.parse(saved) as { page?: string; at: Anchor };
  if (page === thisPage) requestAnimationFrame(() => restore(at));
}

// A page served while broken carries its error: show it once the overlay element exists.
const pending = document.getElementById('shale-dev-error')?.textContent;
if (pending) {
  customElements.whenDefined('vite-error-overlay').then(() => showOverlay(JSON.parse(pending)), () => {});
}
