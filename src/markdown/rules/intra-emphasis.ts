// SLATE-DIALECT §2, row "`foo*bar*baz`, `snake_case`" (copy): Slate turns on Redcarpet's
// no_intra_emphasis, so emphasis never starts inside a word.
//
// Redcarpet's checks, for `*`, `_` and `~~` alike:
// - an opening run right after an ASCII letter or digit opens nothing (`foo*bar*`, `a~~b~~`);
// - a single `*`/`_` right before an ASCII letter or digit closes nothing (`*a*b`, `_a_b`);
//   double runs may close there (`**Note**s` is bold).
// Otherwise Redcarpet treats `_` exactly like `*`, so `é_x_é` is emphasis although CommonMark
// would refuse an underscore between letters. Non-ASCII letters do not count as word characters.
//
// markdown-it's own tokenizers stay in charge of scanning and pushing the delimiters; this file
// only corrects the open/close flags of the delimiters they push, before the pairing pass reads them.

import type { MarkdownIt, StateInline } from 'markdown-it';

type InlineRule = (state: StateInline, silent: boolean) => boolean;

const UNDERSCORE = 0x5f;
const TILDE = 0x7e;

function isAsciiAlnum(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function inlineRule(md: MarkdownIt, name: string): InlineRule {
  const rules = (md.inline.ruler as unknown as { __rules__: Array<{ name: string; fn: InlineRule }> }).__rules__;
  const found = rules.find((r) => r.name === name);
  if (!found) throw new Error(`no inline rule named ${name}`);
  return found.fn;
}

function withRedcarpetFlanking(original: InlineRule): InlineRule {
  return (state, silent) => {
    const start = state.pos;
    const first = state.delimiters.length;
    if (!original(state, silent)) return false;
    const marker = state.src.charCodeAt(start);
    const runLength = state.pos - start;
    const before = start > 0 ? state.src.charCodeAt(start - 1) : 0x20;
    const after = state.pos < state.posMax ? state.src.charCodeAt(state.pos) : 0x20;
    // `_` gets the flanking rules of `*` (CommonMark's intraword refusal is not Redcarpet's).
    const run = marker === UNDERSCORE ? state.scanDelims(start, true) : undefined;
    for (let i = first; i < state.delimiters.length; i++) {
      const d = state.delimiters[i];
      if (run) {
        d.open = run.can_open;
        d.close = run.can_close;
      }
      if (isAsciiAlnum(before)) d.open = false;
      if (marker !== TILDE && runLength === 1 && isAsciiAlnum(after)) d.close = false;
    }
    return true;
  };
}

export function intraEmphasisRule(md: MarkdownIt): void {
  for (const name of ['emphasis', 'strikethrough']) md.inline.ruler.at(name, withRedcarpetFlanking(inlineRule(md, name)));
}
