// Line scans of a Markdown text for its fences, before it is parsed. `fenceLexers` finds every
// language a fence names, in list items and quotes too: the page's grammars are loaded from it.
// `forecast` finds the fenced code blocks themselves, with the info string and the code markdown-it
// will give the fence rule, for fences at the top of the document: a highlighting worker
// (highlight-pool.ts) starts on them while the page is parsed, and a highlight cache in front of
// it tells which need highlighting at all. A fence inside a list or a quote is not seen there (its
// language is `unseen`: its grammar is needed whatever the cache holds), and a fence-like line
// inside raw HTML is taken for one. A block missed is highlighted when the renderer asks; one
// taken wrongly is never asked for.

import { fenceInfo, lexerOf } from './languages.js';

export interface ScannedFence {
  /** The text after the opening marker, as markdown-it keeps it in `token.info`. */
  info: string;
  /** The lines between the markers, each ending in a newline, as in `token.content`. */
  code: string;
}

const OPENING = /^( {0,3})(`{3,}|~{3,})(.*)$/;

export function scanFences(markdown: string): ScannedFence[] {
  // markdown-it's normalize rule, which runs before its block parser.
  const lines = markdown.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD').split('\n');
  const found: ScannedFence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPENING.exec(lines[i]);
    if (!open) continue;
    const [, indent, marker, info] = open;
    if (marker[0] === '`' && info.includes('`')) continue;
    const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
    let end = i + 1;
    while (end < lines.length && !closing.test(lines[end])) end++;
    // The last line of a text that ends in a newline is empty and not part of the document.
    const last = end === lines.length && lines[end - 1] === '' && end - 1 > i ? end - 1 : end;
    let code = '';
    // Each line keeps its newline; the text's last line has none when the text ends without one.
    for (let j = i + 1; j < last; j++) code += dedent(lines[j], indent.length) + (j === lines.length - 1 ? '' : '\n');
    found.push({ info, code });
    i = end;
  }
  return found;
}

/** Up to `n` leading spaces removed, as markdown-it does for the lines of an indented fence. */
function dedent(line: string, n: number): string {
  let k = 0;
  while (k < n && line[k] === ' ') k++;
  return line.slice(k);
}

/** What `forecast` finds in a text. */
export interface Forecast {
  /** The blocks the fence rule (fence.ts) will highlight, as `{ code, lexer }`; `knows(lexer)` false becomes plain text there too. */
  blocks: Array<{ code: string; lexer: string }>;
  /** Languages that fenceLexers finds more fences of than the blocks have: fences in list items, quotes, or hidden from the line scan. */
  unseen: Set<string>;
}

export function forecast(markdown: string, knows: (lexer: string) => boolean): Forecast {
  const left = fenceLexerCounts(markdown);
  const blocks = scanFences(markdown).map(({ info, code }) => {
    const name = fenceInfo(info);
    const lexer = name ? lexerOf(name) : 'plaintext';
    if (name) left.set(lexer, (left.get(lexer) ?? 0) - 1);
    return { code, lexer: knows(lexer) ? lexer : 'plaintext' };
  });
  return { blocks, unseen: new Set([...left].filter(([, n]) => n > 0).map(([lexer]) => lexer)) };
}

/**
 * Every lexer named by a fence in this Markdown (a cheap line scan, before rendering). Fences
 * inside list items and quotes count, whatever their indent: a grammar loaded for a line that is
 * no fence costs only its load, and a fence not seen here came out as plain text, unless another
 * block of its language had its grammar loaded.
 */
export function fenceLexers(markdown: string): Set<string> {
  return new Set(fenceLexerCounts(markdown).keys());
}

/** fenceLexers's languages, each with the number of fences that name it. */
function fenceLexerCounts(markdown: string): Map<string, number> {
  const found = new Map<string, number>();
  // Markers with a language first, then what is before them on their line: one pattern anchored
  // at every line start took 3× as long on GitHub's 21.7 MB.
  for (const m of markdown.matchAll(/(?:`{3,}|~{3,})[ \t]*([^\s`{]+)/g)) {
    const line = markdown.lastIndexOf('\n', m.index - 1) + 1;
    if (!CONTAINER_PREFIX.test(markdown.slice(line, m.index))) continue;
    const lexer = lexerOf(m[1]);
    found.set(lexer, (found.get(lexer) ?? 0) + 1);
  }
  return found;
}

/** Indent, quote markers and list markers: what may stand before a fence on its line. */
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*$/;
