// Large pages in chunks: a page whose content HTML is over `lazyContent` bytes keeps only its
// first chunk in index.html; the later chunks go into a few pack files (src/output/pack.ts) the
// page fetches as the reader nears one of their chunks, and a placeholder of about its height
// holds each chunk's place. A chunk starts at a heading marked by src/markdown/chunk-cuts.ts and
// holds whole sections, at least CHUNK_BYTES of them (or `lazyContent`, when smaller). The DOM of
// a loaded chunk is the one the unsplit page has.

import { escapeHtml } from '../markdown/highlight.js';
import { estimateHeight } from './chunk-height.js';
import { encodePack, packGroups } from './pack.js';

/** Long enough that a reader rarely waits on a fetch, short enough to parse within a frame or two. */
export const CHUNK_BYTES = 200_000;

export interface Chunk {
  html: string;
  /** Id and text (HTML, already escaped) of the heading the chunk starts with. */
  first: string;
  title: string;
  /** The heading level the theme's outline fix-up reached just before this chunk. */
  previousLevel: number;
  /** Estimated height in px in the three-column layout. */
  height: number;
  /** Every id (and `name` anchor) inside the chunk, decoded. */
  ids: string[];
}

export interface SplitContent {
  /** What stays in the page: everything before the first chunk. */
  html: string;
  chunks: Chunk[];
}

/**
 * Splits content HTML at some of `cuts` (offsets where a chunk may start); `limit` is the
 * `lazyContent` option. `visible(tab)` tells which tab-specific code blocks show with the page's
 * first language.
 */
export function splitContent(html: string, cuts: readonly number[], limit: number | false, visible: (tab: string) => boolean): SplitContent {
  if (limit === false || !willSplit(html, cuts, limit)) return { html, chunks: [] };
  const size = Math.min(limit, CHUNK_BYTES);
  const pieces = [0, ...cuts].map((from, i) => html.slice(from, cuts[i] ?? html.length));
  const groups: string[][] = [[]];
  let length = 0;
  let depth = 0; // raw HTML containers open at this point: no cut inside one
  let level = 0; // the outline level reached so far (themes/default/client/semantics.ts)
  const levels: number[] = [];
  for (const piece of pieces) {
    // A chunk ends at an h1 or h2 once it is long enough (its placeholder then names a TOC entry),
    // or at any heading once it is twice that.
    const cutHere = length >= size * (/^<h[12][\s>]/.test(piece) ? 1 : 2);
    if (cutHere && depth === 0 && piece) {
      groups.push([]);
      levels.push(level);
      length = 0;
    }
    groups[groups.length - 1].push(piece);
    length += piece.length;
    depth += containerBalance(piece);
    level = outlineLevel(piece, level);
  }
  const [head, ...rest] = groups.map((g) => g.join(''));
  return {
    html: head,
    chunks: rest.map((chunk, i) => {
      const heading = /^<h[1-6] id="([^"]*)"[^>]*>([\s\S]*?)<\/h[1-6]>/.exec(chunk);
      return {
        html: chunk,
        first: heading ? decodeAttribute(heading[1]) : '',
        title: heading ? heading[2].replace(/<[^>]*>/g, '').trim() : '',
        previousLevel: levels[i],
        height: estimateHeight(chunk, visible),
        ids: idsIn(chunk),
      };
    }),
  };
}

/** Is content this large, with somewhere to cut, split under `lazyContent` = `limit`? */
export function willSplit(html: string, cuts: readonly number[], limit: number | false): boolean {
  return limit !== false && html.length > limit && cuts.length > 0;
}

const CONTAINER = /<(\/?)(?:div|section|details|aside|article|blockquote|ul|ol|dl|table|figure|main|nav|header|footer)\b/gi;

/** Opened minus closed raw HTML containers in `html` (code is escaped, so only real tags count). */
function containerBalance(html: string): number {
  let n = 0;
  for (const m of html.matchAll(CONTAINER)) n += m[1] ? -1 : 1;
  return n;
}

/** The level semantics.ts carries past `html`'s headings: one step deeper at most per heading. */
function outlineLevel(html: string, previous: number): number {
  for (const m of html.matchAll(/<h([1-6])[\s>]/g)) {
    const level = Number(m[1]);
    previous = Math.min(level, previous + 1 || level);
  }
  return previous;
}

function idsIn(html: string): string[] {
  return [...html.matchAll(/\s(?:id|name)="([^"]*)"/g)].map((m) => decodeAttribute(m[1]));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** An attribute value as the DOM reads it (markdown-it and shale escape only these). */
export function decodeAttribute(value: string): string {
  return value.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (all, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

export interface ChunkFiles {
  /** The page's content: its first chunk, then a placeholder per later chunk. */
  html: string;
  /** The map's file (`assets/chunk-map-<hash>.json`), undefined when the page is not split. */
  mapFile?: string;
  /** Site-relative file → its bytes, to write (encoded once, for its hash and for the file). */
  files: Map<string, Buffer>;
}

/**
 * Puts the chunks in content packs (src/output/pack.ts), each named by its bytes' hash, and makes
 * each chunk's placeholder and the page's id map; `url` turns a site-relative file into the URL
 * the page uses for it (relative, or under the base). `pack` makes a pack's bytes from its HTML
 * (a cache can stand in front of encodePack).
 */
export function chunkFiles(split: SplitContent, url: (file: string) => string, hash: (bytes: Buffer) => string,
  pack: (html: Buffer) => Buffer = encodePack): ChunkFiles {
  const files = new Map<string, Buffer>();
  if (!split.chunks.length) return { html: split.html, files };
  const texts = split.chunks.map((chunk) => Buffer.from(chunk.html));
  const ids: Record<string, number> = {};
  let html = split.html;
  for (const group of packGroups(texts.map((t) => t.length))) {
    const bytes = pack(Buffer.concat(group.map((i) => texts[i])));
    const file = `assets/pack-${hash(bytes).slice(0, 8)}.bin`;
    files.set(file, bytes);
    const src = escapeHtml(url(file));
    let start = 0;
    for (const i of group) {
      const chunk = split.chunks[i];
      const range = `${start}-${(start += texts[i].length)}`;
      for (const id of chunk.ids) ids[id] ??= i;
      // The title links to the chunk's first heading: a click there loads the chunk and lands on it.
      const title = chunk.first ? `<a href="#${escapeHtml(chunk.first)}">${chunk.title}</a>` : chunk.title;
      html += `<div class="shale-chunk" data-pack="${src}" data-range="${range}" data-first="${escapeHtml(chunk.first)}" data-previous-level="${chunk.previousLevel}" style="height:${chunk.height}px">${title}</div>\n`;
    }
  }
  const map = Buffer.from(JSON.stringify({ version: CHUNK_MAP_VERSION, ids }));
  const mapFile = `assets/chunk-map-${hash(map).slice(0, 8)}.json`;
  files.set(mapFile, map);
  return { html, mapFile, files };
}

/** Format of the chunk map and placeholders the page reads (themes/default/client/chunks.ts). */
export const CHUNK_MAP_VERSION = 2;
