// SLATE-DIALECT §2, row "`~~x~~`" (copy): Slate renders strikethrough as `<del>`, markdown-it as
// `<s>`. Stylesheets written for Slate target `del`. The tokens are retagged at the end of inline
// parsing (after markdown-it's own strikethrough pass), so every core rule that runs later, such
// as heading ids hashing a heading's inner HTML, already sees `<del>`.

import type { MarkdownIt, StateInline } from 'markdown-it';

function retag(state: StateInline): boolean {
  for (const token of state.tokens) {
    if (token.type === 's_open' || token.type === 's_close') token.tag = 'del';
  }
  return false;
}

export function strikethroughRule(md: MarkdownIt): void {
  md.inline.ruler2.push('slate_del', retag);
}
