// Redcarpet parses the inside of a list item as a new document made of the item's lines with
// their indentation stripped (and some blank lines left out). markdown-it works on one source
// with line offsets instead, which cannot leave lines out, so list items are parsed here as a
// separate source and the tokens are spliced in: levels shifted under the current container,
// line maps pointed back at the original lines, so file:line diagnostics stay right.

import type { StateBlock, Token } from 'markdown-it';

export interface SourceLine {
  text: string;
  /** Line number in the enclosing state (0-based), for token maps. */
  line: number;
}

/** Parses `lines` as blocks and appends the tokens to `state` at its current level. */
export function parseSubdocument(state: StateBlock, lines: SourceLine[]): void {
  if (!lines.length) return;
  const tokens: Token[] = [];
  // Parsed at the enclosing level (not from 0, as md.block.parse would), so that nesting limits
  // (depth.ts, markdown-it's maxNesting) count the whole depth, not just this item's.
  const sub = new state.md.block.State(lines.map((l) => l.text).join('\n') + '\n', state.md, state.env, tokens);
  sub.level = state.level;
  state.md.block.tokenize(sub, sub.line, sub.lineMax);
  const original = (n: number): number => lines[Math.min(n, lines.length - 1)].line;
  for (const token of tokens) {
    if (token.map) token.map = [original(token.map[0]), original(Math.max(token.map[1] - 1, token.map[0])) + 1];
    state.tokens.push(token);
  }
}
