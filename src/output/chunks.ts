// Large pages in chunks: a page whose content HTML is over `lazyContent` bytes keeps only its
// first chunk in index.html; the later chunks go into a few pack files (src/output/pack.ts) the
// page fetches as the reader nears one of their chunks, and a placeholder of about its height
// holds each chunk's place. A chunk starts at a heading marked by src/markdown/chunk-cuts.ts and
// holds whole sections, at least CHUNK_BYTES of them (or `lazyContent`, when smaller). The DOM of
// a loaded chunk is the one the unsplit page has.

import { escapeHtml } from '../markdown/highlight.js';
import { pieceFacts } from './chunk-facts.js';
import { chunkHeight } from './chunk-height.js';
import { encodePack, packGroups } from './pack.js';

/** Long enough that a reader rarely waits on a fetch, short enough to parse within a frame or two. */
export const CHUNK_BYTES = 200_000;

export interface Chunk {
  /** Its HTML, as the pieces between cuts it was made of (joined only for a pack that is encoded). */
  pieces: string[];
  /** Its HTML's length in UTF-8 bytes. */
  bytes: number;
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
  const newGroup = (level: number) => ({ pieces: [] as string[], bytes: 0, level, textBytes: 0, codeLines: 0, ids: [] as string[] });
  const groups: Array<ReturnType<typeof newGroup>> = [];
  let group = newGroup(0);
  let length = 0;
  let depth = 0; // raw HTML containers open at this point: no cut inside one
  let level = 0; // the outline level reached so far (themes/default/client/semantics.ts)
  for (const piece of pieces) {
    // A chunk ends at an h1 or h2 once it is long enough (its placeholder then names a TOC entry),
    // or at any heading once it is twice that.
    const cutHere = length >= size * (/^<h[12][\s>]/.test(piece) ? 1 : 2);
    if (cutHere && depth === 0 && piece) {
      groups.push(group);
      group = newGroup(level);
      length = 0;
    }
    const facts = pieceFacts(piece, visible);
    group.pieces.push(piece);
    group.bytes += Buffer.byteLength(piece);
    group.textBytes += facts.textBytes;
    group.codeLines += facts.codeLines;
    for (const id of facts.ids) group.ids.push(id);
    length += piece.length;
    depth += facts.balance;
    // One step deeper at most per heading, as semantics.ts carries it.
    for (const l of facts.levels) level = Math.min(l, level + 1 || l);
  }
  groups.push(group);
  const [head, ...rest] = groups;
  return {
    html: head.pieces.join(''),
    chunks: rest.map((g) => {
      // A chunk starts with a piece, and a piece with its heading.
      const heading = /^<h[1-6] id="([^"]*)"[^>]*>([\s\S]*?)<\/h[1-6]>/.exec(g.pieces[0]);
      return {
        pieces: g.pieces,
        bytes: g.bytes,
        first: heading ? decodeAttribute(heading[1]) : '',
        title: heading ? heading[2].replace(/<[^>]*>/g, '').trim() : '',
        previousLevel: g.level,
        height: chunkHeight(g.textBytes, g.codeLines),
        ids: g.ids.map(decodeAttribute),
      };
    }),
  };
}

/** Is content this large, with somewhere to cut, split under `lazyContent` = `limit`? */
export function willSplit(html: string, cuts: readonly number[], limit: number | false): boolean {
  return limit !== false && html.length > limit && cuts.length > 0;
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
 * the page uses for it (relative, or under the base). `pack` makes a pack's bytes from its chunks'
 * HTML, in pieces, and its length in bytes (a cache can stand in front of encodePack, and then
 * encodes only the packs it misses).
 */
export function chunkFiles(split: SplitContent, url: (file: string) => string, hash: (bytes: Buffer) => string,
  pack: (html: string[], bytes: number) => Buffer = (html) => encodePack(Buffer.from(html.join('')))): ChunkFiles {
  const files = new Map<string, Buffer>();
  if (!split.chunks.length) return { html: split.html, files };
  const lengths = split.chunks.map((chunk) => chunk.bytes);
  const ids: Record<string, number> = {};
  let html = split.html;
  for (const group of packGroups(lengths)) {
    const bytes = pack(group.flatMap((i) => split.chunks[i].pieces), group.reduce((n, i) => n + lengths[i], 0));
    const file = `assets/pack-${hash(bytes).slice(0, 8)}.bin`;
    files.set(file, bytes);
    const src = escapeHtml(url(file));
    let start = 0;
    for (const i of group) {
      const chunk = split.chunks[i];
      const range = `${start}-${(start += lengths[i])}`;
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
