// Lazy content: a large page ships only its start; the rest of its content waits in pieces
// ("chunks", stored a few to a pack file: src/output/pack.ts), each held in the page by a
// placeholder of about its height (the contract is in src/output/chunks.ts). This module,
// imported by main.ts only on such a page, loads a chunk when the reader nears it or asks for
// something inside it (a hash, a link, a search result), and inserts it as the page would have
// had it: enhanced first, then put in place in slices so no frame is long, keeping the reader's
// place, and announced with `shale:content`.

import { hashId, idOfHash, landOn } from './anchors';
import { addCopyButtons } from './copy';
import { fetchPack } from './pack-decode.js';
import { addPermalinks } from './permalinks';
import { keepingPlace } from './place';
import { fixSemantics } from './semantics';

interface ChunkMap {
  version: number;
  /** Every element id inside a chunk → the chunk's index (its placeholder's, in page order). */
  ids: Record<string, number>;
}

// Near = within one viewport above or below. A chunk is loaded once it has been near for
// SETTLE_MS while the page moved less than a viewport: a fling (GitHub's reference in the bench:
// 13,000 px a frame past placeholders of ~30,000 px) fetches nothing, even when its frames are
// slow; reading (a wheel's 100 px a frame) loads what is ahead. Time alone was not enough: one
// chunk inserted during a fling slowed its frames, so more placeholders stayed near for 100 ms.
const NEAR = '100% 0px';
const SETTLE_MS = 100;

// Measured on GitHub's reference (chunks of 200-500 KB, ~1000 top-level nodes, 2 slow cores):
// parsing 256 KB at once takes ~26 ms and laying out its nodes ~190 ms, plus ~4 ms per forced
// layout of the page whatever was inserted. So both are spread over frames: the parser is fed
// PARSE_BYTES at a time (~2 ms each) until PARSE_MS is used, then the nodes go in by slices
// aiming at SLICE_MS each (insertion and forced layout). Bench (page-scale.mjs, reading p95):
// 16 ms slices gave frames of 33-50 ms; 10 and 6 ms both give p95 33.4 ms (one missed vsync)
// and p50 16.7 ms; 6 ms is kept, the chunk then takes ~0.5 s to fill in.
const PARSE_BYTES = 32_768;
const PARSE_MS = 6;
const SLICE_MS = 6;

let placeholders: HTMLElement[] = [];
/** What inserting one element costs (ms, layout included): a guess, then learnt from each slice. */
let msPerElement = 0.05;
const loads = new Map<HTMLElement, Promise<void>>();
/** Pack URL → its decoded bytes, kept while a placeholder of one of its chunks is in the page. */
const packs = new Map<string, Promise<Uint8Array>>();
let mapUrl = '';
let inserting: Promise<void> = Promise.resolve();
let map: Promise<ChunkMap | undefined> | undefined;
let lowerIds: Map<string, string> | undefined;

const frame = (): Promise<unknown> => new Promise((r) => requestAnimationFrame(r));

/** The HTML of `placeholder`'s chunk: its range of its pack's bytes. */
async function chunkHtml(placeholder: HTMLElement): Promise<string> {
  const url = placeholder.dataset.pack ?? '';
  let pack = packs.get(url);
  if (!pack) {
    packs.set(url, (pack = fetchPack(url)));
    pack.catch(() => packs.delete(url));
  }
  const [start, end] = (placeholder.dataset.range ?? '').split('-').map(Number);
  return new TextDecoder().decode((await pack).subarray(start, end));
}

/** Lets a pack go once every chunk of it is in the page. */
function release(url: string): void {
  if (!placeholders.some((p) => p.isConnected && p.dataset.pack === url)) packs.delete(url);
}

/**
 * The chunk's nodes, ready to insert: parsed a few pieces per frame (an inert document's
 * parser takes its input in parts), the page's enhancements applied.
 */
async function prepare(html: string, placeholder: HTMLElement): Promise<Node[]> {
  const doc = document.implementation.createHTMLDocument('');
  doc.open();
  // Standards mode, as the page: without a doctype the parser would go by quirks (tables in p...).
  doc.write('<!doctype html><body>');
  let start = performance.now();
  for (let at = 0; at < html.length; at += PARSE_BYTES) {
    if (performance.now() - start > PARSE_MS) {
      await frame();
      start = performance.now();
    }
    doc.write(html.slice(at, at + PARSE_BYTES));
  }
  doc.close();
  const body = doc.body;
  fixSemantics(body, Number(placeholder.dataset.previousLevel) || 0);
  addPermalinks(body);
  addCopyButtons(body);
  return [...body.childNodes];
}

/** Moves `nodes` in before `placeholder`, slice by slice, then removes it. */
async function insert(placeholder: HTMLElement, nodes: Node[]): Promise<void> {
  // Work is counted in elements (a top-level node may be one paragraph or a table of 2,000
  // cells), and its cost per element is learnt from each slice.
  const weights = nodes.map((n) => (n instanceof Element ? 1 + n.getElementsByTagName('*').length : 0));
  for (let i = 0; i < nodes.length;) {
    const from = i;
    let units = 0;
    while (i < nodes.length && (i === from || units + weights[i] <= SLICE_MS / msPerElement)) units += weights[i++];
    const slice = nodes.slice(from, i);
    const start = performance.now();
    // The placeholder keeps its whole height until the end: what the reader looks at is kept in
    // place either way (keepingPlace), and one layout per slice is saved.
    keepingPlace(() => {
      placeholder.before(...slice);
      if (i >= nodes.length) placeholder.remove();
    });
    // Laid out now, not in the frame's rendering: then the time measured is the slice's cost.
    void document.documentElement.offsetHeight;
    // A slice that took longer than expected counts at once (it showed); a quicker one by half.
    const cost = (performance.now() - start) / Math.max(units, 1);
    msPerElement = cost > msPerElement ? cost : (msPerElement + cost) / 2;
    document.dispatchEvent(new CustomEvent('shale:content', { detail: slice.filter((n) => n instanceof Element) }));
    if (i < nodes.length) await frame();
  }
}

/** Loads `placeholder`'s chunk once; resolves when it is in the page (or the load failed). */
function load(placeholder: HTMLElement): Promise<void> {
  let loading = loads.get(placeholder);
  if (!loading && placeholder.isConnected) {
    placeholder.setAttribute('aria-busy', 'true');
    loading = chunkHtml(placeholder)
      .then((html) => prepare(html, placeholder))
      // One chunk goes in at a time: slices of two in one frame would make it long.
      .then((nodes) => {
        const done = inserting.then(() => insert(placeholder, nodes));
        inserting = done.catch(() => undefined);
        return done.then(() => release(placeholder.dataset.pack ?? ''));
      })
      .catch(() => {
        // Quietly: the placeholder stays, and the next approach (or a click on its title) tries
        // again. The browser already reports the failed request in its console.
        placeholder.removeAttribute('aria-busy');
        loads.delete(placeholder);
      });
    loads.set(placeholder, loading);
  }
  return loading ?? Promise.resolve();
}

/** The chunk map, fetched once (again after a failure). */
function chunkMap(): Promise<ChunkMap | undefined> {
  map ??= fetch(mapUrl)
    .then((response) => (response.ok ? (response.json() as Promise<ChunkMap>) : undefined))
    .catch(() => undefined)
    .then((value) => {
      if (!value) map = undefined;
      return value;
    });
  return map;
}

/**
 * The element with id `id` (or, failing that, with an id equal to it ignoring case, as
 * anchors.ts lands), its chunk loaded first when it is not in the page; null when there is none
 * or its chunk could not be loaded. For search.ts and for links.
 */
export async function reveal(id: string): Promise<Element | null> {
  const found = document.getElementById(id);
  if (found || !id) return found;
  const value = await chunkMap();
  if (!value) return null;
  let exact: string | undefined = id;
  if (value.ids[id] === undefined) {
    lowerIds ??= new Map(Object.keys(value.ids).map((key) => [key.toLowerCase(), key]));
    exact = lowerIds.get(id.toLowerCase());
  }
  if (exact === undefined) return null;
  const placeholder = placeholders[value.ids[exact]];
  if (placeholder) await load(placeholder);
  return document.getElementById(exact);
}

/** Goes to `id` when it is not in the page yet (the browser and anchors.ts handle those that are). */
let going: string | undefined;
function go(id: string): void {
  if (!id || document.getElementById(id) || going === id) return;
  going = id;
  void reveal(id).then((el) => {
    // Only the newest request lands: a reader who clicked elsewhere meanwhile goes there.
    if (going !== id) return;
    going = undefined;
    if (el) landOn(el);
  });
}

export function initChunks(): void {
  mapUrl = document.body.dataset.chunkMap ?? '';
  placeholders = [...document.querySelectorAll<HTMLElement>('.content > .shale-chunk')];
  const timers = new Map<Element, ReturnType<typeof setTimeout>>();
  const settle = (target: Element, from: number): void => {
    timers.set(target, setTimeout(() => {
      if (Math.abs(scrollY - from) > innerHeight) return settle(target, scrollY);
      timers.delete(target);
      void load(target as HTMLElement).then(() => { if (!target.isConnected) near.unobserve(target); });
    }, SETTLE_MS));
  };
  const near = new IntersectionObserver((entries) => {
    for (const { target, isIntersecting } of entries) {
      clearTimeout(timers.get(target));
      timers.delete(target);
      if (isIntersecting) settle(target, scrollY);
    }
  }, { rootMargin: NEAR });
  for (const placeholder of placeholders) near.observe(placeholder);

  // Same-page links (TOC, content, search results) to an id not loaded yet: the browser
  // changes the hash but finds nothing to scroll to, so the chunk is loaded and then landed on.
  // Also on a click whose hash is already the URL's, where no hashchange follows.
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    go(idOfHash(link.getAttribute('href') ?? ''));
  });
  window.addEventListener('hashchange', () => go(hashId()));
  go(hashId());
}
