// What splitContent (chunks.ts) needs to know of each piece of a large page's HTML (the stretch
// from one possible cut to the next): the raw HTML containers it leaves open, its headings' levels,
// its ids, and what its placeholder's height is guessed from (chunk-height.ts). One pass per piece,
// which steps over highlighted code blocks with indexOf: they are most of a reference's bytes, hold
// only escaped text and spans, and would otherwise be scanned by four regular expressions.

/** A highlighted block as src/markdown/highlight.ts writes it; its class names its tab, if any. */
const CODE_OPEN = /<div class="highlight(?: tab-([^"\s]*))?"><pre/y;
const CODE_CLOSE = '</pre></div>';
const CONTAINER = /<(\/?)(?:div|section|details|aside|article|blockquote|ul|ol|dl|table|figure|main|nav|header|footer)\b/gi;
const HEADING = /<h([1-6])[\s>]/g;
const ID = /\s(?:id|name)="([^"]*)"/g;

export interface PieceFacts {
  /** Raw HTML containers opened minus closed (code is escaped, so only real tags count). */
  balance: number;
  /** The levels of its headings, in order. */
  levels: number[];
  /** Its id and name attributes, as written (still escaped). */
  ids: string[];
  /** Its length outside highlighted code blocks (in characters, as chunk-height.ts's weights were fitted). */
  textBytes: number;
  /** Lines of code in the blocks that show under the page's first language. */
  codeLines: number;
}

/** `visible(tab)` says whether a code block of class `tab-{tab}` shows under the first language. */
export function pieceFacts(html: string, visible: (tab: string) => boolean): PieceFacts {
  const facts: PieceFacts = { balance: 0, levels: [], ids: [], textBytes: html.length, codeLines: 0 };
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
      facts.textBytes -= end - open;
      if (m[1] === undefined || visible(m[1])) {
        for (let i = html.indexOf('\n', open); i !== -1 && i < end; i = html.indexOf('\n', i + 1)) facts.codeLines++;
      }
      at = end;
    }
    open = html.indexOf('<div class="highlight', m ? at : open + 1);
  }
  scanText(html, at, html.length, facts);
  return facts;
}

/** The containers, headings and ids of html[from, to). */
function scanText(html: string, from: number, to: number, facts: PieceFacts): void {
  if (from >= to) return;
  const text = from === 0 && to === html.length ? html : html.slice(from, to);
  for (const m of text.matchAll(CONTAINER)) facts.balance += m[1] ? -1 : 1;
  for (const m of text.matchAll(HEADING)) facts.levels.push(Number(m[1]));
  for (const m of text.matchAll(ID)) facts.ids.push(m[1]);
}
