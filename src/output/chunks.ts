// Large pages in chunks: a page whose content HTML is over `lazyContent` bytes keeps only its
// first chunk in index.html; the later chunks go into a few pack files (src/output/pack.ts) the
// page fetches as the reader nears one of their chunks, and a placeholder of about its height
// holds each chunk's place. A chunk starts at a heading marked by src/markdown/chunk-cuts.ts and
// holds whole sections, at least CHUNK_BYTES of them (or `lazyContent`, when smaller). The DOM of
// a loaded chunk is the one the unsplit page has.

import { escapeHtml } from '../markdown/highlight.js';
import { utf8Bytes, type TextLike } from '../render/html-pieces.js';
import type { FileBytes, Segment } from '../types.js';
import { segmentsOf, visibleLines } from './chunk-facts.js';
import { chunkHeight } from './chunk-height.js';
import { encodePack, packGroups } from './pack.js';

/** Long enough that a reader rarely waits on a fetch, short enough to parse within a frame or two. */
export const CHUNK_BYTES = 200_000;

export interface Chunk {
  /** Its HTML (a slice of the page's, cut when first read: a pack found in the cache never asks). */
  readonly html: string;
  /** The same as strings and stretches of files' UTF-8 bytes one after the other, as a pack is made from (TextLike.utf8). */
  content(): Array<string | FileBytes>;
  /** Its HTML's length in UTF-8 bytes. */
  bytes: number;
  /** The digests of its segments: they name the pack it goes into. */
  digests: string[];
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
 * first language. `segments`: the page's (Page.segments), when its render kept them; else they
 * are made from the HTML here. `html` may be a page's pieces (src/render/html-pieces.ts): with
 * segments, only the first chunk is read now, and the others when their `html` is.
 */
export function splitContent(html: TextLike, cuts: readonly number[], limit: number | false, visible: (tab: string) => boolean,
  segments?: readonly Segment[]): SplitContent {
  if (limit === false || !willSplit(html, cuts, limit)) return { html: html.slice(0), chunks: [] };
  const size = Math.min(limit, CHUNK_BYTES);
  const covers = segments && segments.reduce((n, seg) => n + seg.length, 0) === html.length;
  const newGroup = (start: number, level: number, heading?: Segment['heading']) => ({ start, end: start, bytes: 0, level, heading, textLength: 0, codeLines: 0, ids: [] as string[], digests: [] as string[] });
  const groups: Array<ReturnType<typeof newGroup>> = [];
  let group = newGroup(0, 0);
  let length = 0;
  let depth = 0; // raw HTML containers open at this point: no cut inside one
  let level = 0; // the outline level reached so far (themes/default/client/semantics.ts)
  let at = 0;
  for (const seg of covers ? segments : segmentsOf(html.slice(0), cuts)) {
    if (seg.cut && depth === 0) {
      // A chunk ends at an h1 or h2 once it is long enough (its placeholder then names a TOC
      // entry), or at any heading once it is twice that.
      if (length >= size * ((seg.heading?.level ?? 3) <= 2 ? 1 : 2)) {
        groups.push(group);
        group = newGroup(at, level, seg.heading);
        length = 0;
      }
    }
    at += seg.length;
    group.end = at;
    group.bytes += seg.bytes;
    group.textLength += seg.textLength;
    group.codeLines += visibleLines(seg.codeLines, visible);
    for (const id of seg.ids) group.ids.push(id);
    group.digests.push(seg.digest);
    length += seg.length;
    depth += seg.balance;
    // One step deeper at most per heading, as semantics.ts carries it.
    for (const l of seg.levels) level = Math.min(l, level + 1 || l);
  }
  groups.push(group);
  const [head, ...rest] = groups;
  return {
    html: html.slice(0, head.end),
    chunks: rest.map((g) => {
      let text: string | undefined;
      return {
        get html() { return (text ??= html.slice(g.start, g.end)); },
        content() { return text === undefined && html.utf8 ? html.utf8(g.start, g.end) : [this.html]; },
        bytes: g.bytes,
        digests: g.digests,
        first: g.heading ? decodeAttribute(g.heading.id) : '',
        title: g.heading?.title ?? '',
        previousLevel: g.level,
        height: chunkHeight(g.textLength, g.codeLines),
        ids: g.ids.map(decodeAttribute),
      };
    }),
  };
}

/** Is content this large, with somewhere to cut, split under `lazyContent` = `limit`? */
export function willSplit(html: TextLike, cuts: readonly number[], limit: number | false): boolean {
  return limit !== false && html.length > limit && cuts.length > 0;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** An attribute value as the DOM reads it (markdown-it and shale escape only these). */
export function decodeAttribute(value: string): string {
  // Most ids have no entity: a page's 16,000 of them are not each run through the pattern.
  if (!value.includes('&')) return value;
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
 * HTML (called for when needed) and length in bytes; `key`, made from the chunks' segment digests,
 * names that HTML (a cache can stand in front of encodePack, and then reads and encodes only the
 * packs it misses). `chunkMap` likewise makes the map's bytes, named by the chunks' ids (the map is
 * made from them alone).
 */
export function chunkFiles(split: SplitContent, url: (file: string) => string, hash: (bytes: Buffer) => string,
  pack: (key: string, html: () => Array<string | FileBytes>, bytes: number) => Buffer = (_, html) => encodePack(utf8Bytes(html())),
  chunkMap: (key: string, make: () => Buffer) => Buffer = (_, make) => make()): ChunkFiles {
  const files = new Map<string, Buffer>();
  if (!split.chunks.length) return { html: split.html, files };
  const lengths = split.chunks.map((chunk) => chunk.bytes);
  let html = split.html;
  for (const group of packGroups(lengths)) {
    const key = group.map((i) => split.chunks[i].digests.join(' ')).join('\n');
    const bytes = pack(key, () => group.flatMap((i) => split.chunks[i].content()), group.reduce((n, i) => n + lengths[i], 0));
    const file = `assets/pack-${hash(bytes).slice(0, 8)}.bin`;
    files.set(file, bytes);
    const src = escapeHtml(url(file));
    let start = 0;
    for (const i of group) {
      const chunk = split.chunks[i];
      const range = `${start}-${(start += lengths[i])}`;
      // The title links to the chunk's first heading: a click there loads the chunk and lands on it.
      const title = chunk.first ? `<a href="#${escapeHtml(chunk.first)}">${chunk.title}</a>` : chunk.title;
      html += `<div class="shale-chunk" data-pack="${src}" data-range="${range}" data-first="${escapeHtml(chunk.first)}" data-previous-level="${chunk.previousLevel}" style="height:${chunk.height}px">${title}</div>\n`;
    }
  }
  // An id in two chunks maps to the first (the page's first element of that id).
  const map = chunkMap(JSON.stringify(split.chunks.map((chunk) => chunk.ids)), () => {
    const ids: Record<string, number> = {};
    split.chunks.forEach((chunk, i) => { for (const id of chunk.ids) ids[id] ??= i; });
    return Buffer.from(JSON.stringify({ version: CHUNK_MAP_VERSION, ids }));
  });
  const mapFile = `assets/chunk-map-${hash(map).slice(0, 8)}.json`;
  files.set(mapFile, map);
  return { html, mapFile, files };
}

/** Format of the chunk map and placeholders the page reads (themes/default/client/chunks.ts). */
export const CHUNK_MAP_VERSION = 2;
