// Renders a part section by section, so a 21.7 MB Markdown file never has its whole token stream
// alive at once (markdown-it holds 1.7 M tokens, ~550 MB, for GitHub's REST reference). The
// block parser runs over the whole part as usual; at each top-level heading, once the tokens
// gathered since the last one are many enough, a block rule hands them over: the core rules
// after 'block' (inline, ids, sections, links…) run on that range alone and it is rendered to
// HTML. The output is the same as md.render: every core rule of shale works block by block,
// and the page-wide state lives in env. The one thing a range cannot see is a later reference
// definition (`[x]: url` below its use), so a part that has any is rendered whole.

import type { MarkdownIt, StateBlock, StateCore, Token } from 'markdown-it';
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

/**
 * md.render(src, env), range by range: a range ends at the first top-level heading after
 * `rangeTokens` tokens. The ranges' HTML is returned as it was rendered, not joined: the page's
 * pieces read it range by range (src/render/page.ts), and 45 MB of HTML is never copied whole.
 */
export function renderInRanges(md: MarkdownIt, src: string, env: RenderEnv, rangeTokens = RANGE_TOKENS): string[] {
  const out: string[] = [];
  let length = 0;
  const add = (render: () => string): void => {
    // The renderer counts its chunk cuts from the start of its own output (chunk-cuts.ts).
    const known = env.chunkCuts?.length ?? 0;
    const html = flattened(render());
    if (env.chunkCuts) for (let i = known; i < env.chunkCuts.length; i++) env.chunkCuts[i] += length;
    out.push(html);
    length += html.length;
  };
  if (REFERENCE_DEFINITION.test(src)) {
    add(() => md.render(src, env));
    return out;
  }
  const [normalize, block, ...rest] = coreRules(md);
  const state = new md.core.State(src, md, env);
  const renderRange = (tokens: Token[]): void => add(() => {
    const range = new md.core.State('', md, env);
    range.tokens = tokens;
    for (const rule of rest) rule(range);
    return md.renderer.render(range.tokens, md.options, env);
  });
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
  return out;
}

/**
 * The renderer's output is a rope: one string per token, joined by V8 only when something reads it
 * as a whole. Searching it joins it, so it is done now, while the rope's nodes are young: GitHub's
 * ranges left as ropes until the page's segments are cut kept ~10 M nodes alive, which every
 * collection walked (cold build ≈ 0.6 s slower, 60 MB more at its peak). The search is for the
 * one character markdown-it's normaliser has already replaced everywhere, as it would.
 */
function flattened(html: string): string {
  return html.includes('\0') ? html.replaceAll('\0', '\uFFFD') : html;
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
