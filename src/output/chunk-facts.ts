// What splitContent (chunks.ts) needs to know of a large page's HTML, stretch by stretch
// (Segment, src/types.ts): the raw HTML containers it leaves open, its headings' levels, its ids,
// what its placeholder's height is guessed from (chunk-height.ts), and a digest that names the
// packs it goes into. One pass per stretch, which steps over highlighted code blocks with indexOf:
// they are most of a reference's bytes, hold only escaped text and spans, and would otherwise be
// scanned by four regular expressions. A page of several files gets its segments from each part's
// records (src/cache/part-cache.ts), so after an edit only the edited part is scanned and hashed.

import { createHash } from 'node:crypto';
import type { TextLike } from '../render/html-pieces.js';
import type { Segment } from '../types.js';

/** A highlighted block as src/markdown/highlight.ts writes it; its class names its tab, if any. */
const CODE_OPEN = /<div class="highlight(?: tab-([^"\s]*))?"><pre/y;
const CODE_CLOSE = '</pre></div>';
const CONTAINER = /<(\/?)(?:div|section|details|aside|article|blockquote|ul|ol|dl|table|figure|main|nav|header|footer)\b/gi;
const HEADING = /<h([1-6])[\s>]/g;
const ID = /\s(?:id|name)="([^"]*)"/g;

export type SegmentFacts = Omit<Segment, 'cut' | 'length' | 'bytes' | 'digest'>;

/** The facts of `html` (code is escaped, so only real tags count). */
export function segmentFacts(html: string): SegmentFacts {
  const facts: SegmentFacts = { balance: 0, levels: [], ids: [], textLength: html.length, codeLines: {} };
  let at = 0;
  let open = html.indexOf('<div class="highlight');
  while (open !== -1) {
    CODE_OPEN.lastIndex = open;
    const m = CODE_OPEN.exec(html);
    const close = m ? html.indexOf(CODE_CLOSE, CODE_OPEN.lastIndex) : -1;
    if (m && close === -1) break; // no later block closes either
    if (m) {
      const end = close + CODE_CLOSE.length;
      scanText(html, at, open, facts);
      facts.textLength -= end - open;
      let lines = 0;
      for (let i = html.indexOf('\n', open); i !== -1 && i < end; i = html.indexOf('\n', i + 1)) lines++;
      const tab = m[1] ?? '';
      facts.codeLines[tab] = (facts.codeLines[tab] ?? 0) + lines;
      at = end;
    }
    open = html.indexOf('<div class="highlight', m ? at : open + 1);
  }
  scanText(html, at, html.length, facts);
  return facts;
}

/** The lines of code that show: `visible(tab)` says whether a block of class `tab-{tab}` shows under the first language. */
export function visibleLines(codeLines: Record<string, number>, visible: (tab: string) => boolean): number {
  let n = 0;
  for (const [tab, lines] of Object.entries(codeLines)) if (tab === '' || visible(tab)) n += lines;
  return n;
}

/**
 * `html` cut at `cuts` (offsets into it, ascending), as segments: the first goes on the stretch
 * before `html` (a part continues the page), each later one starts where a cut is. Empty ones are
 * left out: they hold nothing, and the split never cuts before nothing. `html` may be pieces
 * (html-pieces.ts): each segment is then sliced from the piece that holds it, never the whole.
 */
export function segmentsOf(html: TextLike, cuts: readonly number[]): Segment[] {
  const out: Segment[] = [];
  const ends = [0, ...cuts, html.length];
  for (let i = 0; i + 1 < ends.length; i++) {
    if (ends[i] === ends[i + 1]) continue;
    const text = html.slice(ends[i], ends[i + 1]);
    const seg: Segment = {
      cut: i > 0, length: text.length, bytes: Buffer.byteLength(text),
      digest: createHash('sha1').update(text).digest('base64url'), ...segmentFacts(text),
    };
    if (seg.cut) seg.heading = openingHeading(text);
    out.push(seg);
  }
  return out;
}

/** The heading a cut starts with (chunk-cuts.ts cuts just before one): a chunk that starts there is named by it. */
function openingHeading(text: string): Segment['heading'] {
  const level = /^<h([1-6])[\s>]/.exec(text);
  if (!level) return undefined;
  const m = /^<h[1-6] id="([^"]*)"[^>]*>([\s\S]*?)<\/h[1-6]>/.exec(text);
  return { level: Number(level[1]), id: m ? m[1] : '', title: m ? m[2].replace(/<[^>]*>/g, '').trim() : '' };
}

/** The containers, headings and ids of html[from, to). */
function scanText(html: string, from: number, to: number, facts: SegmentFacts): void {
  if (from >= to) return;
  const text = from === 0 && to === html.length ? html : html.slice(from, to);
  for (const m of text.matchAll(CONTAINER)) facts.balance += m[1] ? -1 : 1;
  for (const m of text.matchAll(HEADING)) facts.levels.push(Number(m[1]));
  for (const m of text.matchAll(ID)) facts.ids.push(m[1]);
}
