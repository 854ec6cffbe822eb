// Renders a part section by section, so a 21.7 MB Markdown file never has its whole token stream
// alive at once (markdown-it holds 1.7 M tokens, ~550 MB, for GitHub's REST reference). The
// block parser runs over the whole part as usual; at each top-level heading, once the tokens
// gathered since the last one are many enough, a block rule hands them over: the core rules
// after 'block' (inline, ids, sections, links…) run on that range alone and it is rendered to
// HTML. The output is the same as md.render: every core rule of shale works block by block,
// and the page-wide state lives in env. The one thing a range cannot see is a later reference
// definition (`[x]: url` below its use), so a part that has any is rendered whole.

import type { MarkdownIt, StateBlock, StateCore, Token } from 'markdown-it';
import { takeChunkCuts } from './chunk-cuts.js';
import { renderEnv, type RenderEnv } from './env.js';

/** Tokens per range: small enough to keep memory flat, big enough that ranges cost nothing. */
const RANGE_TOKENS = 50_000;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m;
const HASH = 0x23;

type CoreRule = (state: StateCore) => void;

/** Registers the block rule that hands over finished ranges (no effect unless renderInRanges runs). */
export function rangeCuts(md: MarkdownIt): void {
  md.block.ruler.before('table', 'range_cut', (state: StateBlock, line: number, _end: number, silent: boolean) => {
    const flush = renderEnv(state.env).flushRange;
    if (!flush || silent || state.parentType !== 'root' || state.level !== 0) return false;
    if (state.src.charCodeAt(state.bMarks[line] + state.tShift[line]) === HASH && state.sCount[line] === state.blkIndent) flush(state.tokens);
    return false;
  }, { alt: [] });
}

/** md.render(src, env), range by range: a range ends at the first top-level heading after `rangeTokens` tokens. */
export function renderInRanges(md: MarkdownIt, src: string, env: RenderEnv, rangeTokens = RANGE_TOKENS): string {
  // Chunk marks come out of each range as it is rendered, so the page's HTML is never copied whole.
  const unmark = (out: string, offset: number): string => (env.chunkCuts ? takeChunkCuts(out, env.chunkCuts, offset) : out);
  if (REFERENCE_DEFINITION.test(src)) return unmark(md.render(src, env), 0);
  const [normalize, block, ...rest] = coreRules(md);
  const state = new md.core.State(src, md, env);
  let html = '';
  const renderRange = (tokens: Token[]): void => {
    const range = new md.core.State('', md, env);
    range.tokens = tokens;
    for (const rule of rest) rule(range);
    html += unmark(md.renderer.render(range.tokens, md.options, env), html.length);
  };
  normalize(state);
  // Emptied in place: the block state and the core state hold the same array.
  env.flushRange = (tokens) => { if (tokens.length >= rangeTokens) renderRange(tokens.splice(0)); };
  try {
    block(state);
  } finally {
    // Gone, not undefined: the dev part cache turns itself off for env keys it does not know.
    delete env.flushRange;
  }
  renderRange(state.tokens);
  return html;
}

/** The enabled core rules in order; the first two must be markdown-it's own 'normalize' and 'block'. */
function coreRules(md: MarkdownIt): CoreRule[] {
  // Ruler keeps names only in its internal list; the order is checked, not assumed.
  const all = (md.core.ruler as unknown as { __rules__: Array<{ name: string; enabled: boolean; fn: CoreRule }> }).__rules__;
  const enabled = all.filter((r) => r.enabled);
  if (enabled[0]?.name !== 'normalize' || enabled[1]?.name !== 'block') {
    throw new Error(`markdown-it core rules start with ${enabled.slice(0, 2).map((r) => r.name).join(', ')}, not normalize, block`);
  }
  return enabled.map((r) => r.fn);
}
