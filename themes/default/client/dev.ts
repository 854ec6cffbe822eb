// Dev only (the dev server injects it; builds never include it): swaps in new content when a
// source file is saved, keeping the reader on the same section, and shows shale's errors in
// Vite's overlay. A full reload (template or frontmatter change) keeps the position too.
// The content comes with a comment before each part (`<!--shale-part 3-->`, src/vite/dev.ts):
// an update replaces only the changed parts' nodes, so a save in one include of a huge page
// costs the browser that include. When the marks are not where they should be (raw HTML that
// leaves a tag open across files) or the page missed an update, it fetches the page's content.

/** See DevUpdateEvent in src/vite/dev.ts. */
interface UpdateEvent { outPath: string; from: number; to: number; count: number; parts?: Array<[number, string]>; content?: string; toc?: string }
interface Anchor { id: string; offset: number; y: number; el?: Element }

const SCROLL_KEY = 'shale:dev-scroll';
const thisPage = document.querySelector<HTMLMetaElement>('meta[name="shale-dev-page"]')?.content;
/** The version of the content on screen (the site counts its renders). */
let version = Number(document.querySelector<HTMLMetaElement>('meta[name="shale-dev-version"]')?.content ?? 0);
const MARK = /^shale-part (\d+|end)$/;

const HEADING = /^H[1-6]$/;

/**
 * The last heading at or above the top of the viewport, and how far above it sits. Found by a
 * binary search over the content's own headings: a selector query over a page of 100 000 nodes
 * costs more than the whole rest of an update.
 */
function anchor(): Anchor {
  const y = window.scrollY;
  const main = document.querySelector('main.content');
  const headings = main ? Array.prototype.filter.call(main.children, (el: Element) => el.id && HEADING.test(el.tagName)) as Element[] : [];
  let lo = 0, hi = headings.length - 1, at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (headings[mid].getBoundingClientRect().top <= 1) { at = mid; lo = mid + 1; } else hi = mid - 1;
  }
  const el = headings[at];
  return el ? { id: el.id, offset: el.getBoundingClientRect().top, y, el } : { id: '', offset: 0, y };
}

/** Content changed only below the reader's heading (or below the top of the page): nothing on screen moved. */
function unmoved(a: Anchor, firstChange: Node | undefined): boolean {
  if (!firstChange) return false;
  if (!a.el) return a.y === 0;
  return a.el.isConnected && (a.el.compareDocumentPosition(firstChange) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

function restore(a: Anchor): void {
  const el = a.id ? document.getElementById(a.id) : null;
  if (el) window.scrollBy(0, el.getBoundingClientRect().top - a.offset);
  else window.scrollTo(0, a.y);
}

/**
 * Measuring the page lays all of it out, which for a page of tens of MB costs as much as the rest
 * of an update: the restore waits for the next frame, where the browser lays out anyway before it
 * paints, so the reader never sees the unrestored position. An update that comes first (or a
 * reload) restores at once, so each one measures a page whose scroll position is settled.
 */
let settle: (() => void) | undefined;
function restoreOnNextFrame(a: Anchor): void {
  const frame = requestAnimationFrame(() => { settle = undefined; restore(a); });
  settle = () => { cancelAnimationFrame(frame); settle = undefined; restore(a); };
}

function closeOverlay(): void {
  // Vite puts its overlay in <body>: looking there only spares a query over the whole page.
  for (const o of [...document.body.children] as Array<HTMLElement & { close?: () => void }>) {
    if (o.localName === 'vite-error-overlay') (o.close ? o.close() : o.remove());
  }
}

function showOverlay(err: unknown): void {
  const Overlay = customElements.get('vite-error-overlay');
  if (!Overlay) return;
  closeOverlay();
  document.body.appendChild(new Overlay(err));
}

/**
 * Replaces only the run of top-level nodes that differ between `from` and `to` (exclusive; null:
 * the ends of `main`): a one-line edit then costs the browser a few nodes of layout. Returns the
 * first node after the unchanged ones (null when nothing changed).
 */
function patch(main: Element, html: string, from: Node | null = null, to: Node | null = null): Node | null {
  const tpl = document.createElement('template');
  tpl.innerHTML = html;
  const was: ChildNode[] = [];
  for (let n = from ? from.nextSibling : main.firstChild; n && n !== to; n = n.nextSibling) was.push(n);
  const now = [...tpl.content.childNodes];
  let start = 0;
  while (start < was.length && start < now.length && was[start].isEqualNode(now[start])) start++;
  let endWas = was.length, endNow = now.length;
  while (endWas > start && endNow > start && was[endWas - 1].isEqualNode(now[endNow - 1])) { endWas--; endNow--; }
  if (start === endWas && start === endNow) return null;
  const after = was[endWas] ?? to;
  for (let i = start; i < endWas; i++) was[i].remove();
  const fresh = document.createDocumentFragment();
  for (let i = start; i < endNow; i++) fresh.appendChild(now[i]);
  main.insertBefore(fresh, after);
  return now[start] ?? after ?? main.lastChild;
}

/** The part marks among main's children, by index ('end' last), if every one is there. */
function marks(main: Element, count: number): Comment[] | undefined {
  const found: Comment[] = [];
  for (let n = main.firstChild; n; n = n.nextSibling) {
    const m = n.nodeType === Node.COMMENT_NODE ? MARK.exec((n as Comment).data) : null;
    if (!m) continue;
    if (m[1] !== (found.length === count ? 'end' : String(found.length))) return undefined;
    found.push(n as Comment);
  }
  return found.length === count + 1 ? found : undefined;
}

/** Patches the changed parts; returns the first node that changed, or undefined when the marks are not usable. */
function patchParts(main: Element, data: UpdateEvent): Node | undefined {
  const at = data.from === version ? marks(main, data.count) : undefined;
  if (!at || !data.parts) return undefined;
  let first: Node | undefined;
  for (const [i, html] of [...data.parts].sort((a, b) => a[0] - b[0])) first ??= patch(main, html, at[i], at[i + 1]) ?? undefined;
  return first ?? at[data.count];
}

/** The whole content and TOC as the server has them now. */
async function fetchPage(): Promise<UpdateEvent> {
  const text = await (await fetch(window.location.href, { cache: 'no-store' })).text();
  const doc = new DOMParser().parseFromString(text, 'text/html');
  const to = Number(doc.querySelector<HTMLMetaElement>('meta[name="shale-dev-version"]')?.content ?? 0);
  return { outPath: thisPage ?? '', from: version, to, count: 0, content: doc.querySelector('main.content')?.innerHTML ?? '', toc: doc.getElementById('toc')?.outerHTML };
}

async function applyUpdate(data: UpdateEvent): Promise<void> {
  if (data.outPath !== thisPage || data.to <= version) return;
  const main = document.querySelector('main.content');
  if (!main) { window.location.reload(); return; }
  if (data.content === undefined && data.from !== version) data = await fetchPage();
  settle?.();
  const at = anchor();
  let firstChange: Node | undefined;
  if (data.content !== undefined) patch(main, data.content);
  else if (!(firstChange = patchParts(main, data))) {
    data = await fetchPage();
    patch(main, data.content!);
  }
  const toc = document.getElementById('toc');
  if (toc && data.toc !== undefined) toc.outerHTML = data.toc;
  version = data.to;
  // Skipped when nothing above the reader's heading changed: then nothing on screen moved.
  if (!unmoved(at, firstChange)) restoreOnNextFrame(at);
  closeOverlay();
  // Theme modules that keep element references can listen and bind again.
  document.dispatchEvent(new CustomEvent('shale:content-updated'));
  document.documentElement.dataset.shaleUpdated = String(Date.now());
}

if (import.meta.hot) {
  // One at a time, in order: an update that has to fetch the page finishes before the next starts.
  let updates = Promise.resolve();
  import.meta.hot.on('shale:update', (data: UpdateEvent) => {
    updates = updates.then(() => applyUpdate(data)).catch((err: unknown) => console.error('shale: update failed', err));
  });
  import.meta.hot.on('shale:ok', (data: { outPath: string }) => { if (data.outPath === thisPage) closeOverlay(); });
  import.meta.hot.on('vite:beforeFullReload', () => {
    settle?.();
    const { id, offset, y } = anchor();
    sessionStorage.setItem(SCROLL_KEY, JSON.stringify({ page: thisPage, at: { id, offset, y } }));
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
