// The fenced code blocks of a Markdown text, found by a line scan before it is parsed, with the
// info string and the code markdown-it will give the fence rule. A highlighting worker
// (highlight-pool.ts) starts on them while the page is parsed. It is a forecast, not a parse: a
// fence inside a list or a quote is not seen, a fence-like line inside raw HTML is taken for one.
// A block missed is highlighted when the renderer asks; one taken wrongly is never asked for.

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

/**
 * The blocks the fence rule (fence.ts) will highlight in `markdown`, as `{ code, lexer }`:
 * `knows(lexer)` false becomes plain text there too.
 */
export function forecastBlocks(markdown: string, knows: (lexer: string) => boolean): Array<{ code: string; lexer: string }> {
  return scanFences(markdown).map(({ info, code }) => {
    const name = fenceInfo(info);
    const lexer = name ? lexerOf(name) : 'plaintext';
    return { code, lexer: knows(lexer) ? lexer : 'plaintext' };
  });
}
