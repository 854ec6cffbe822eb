// Where a large page may be cut into chunks that the page loads as the reader nears them
// (src/output/chunks.ts). Only a heading outside any list, quote or table can start a chunk:
// a cut inside one would leave both halves with unbalanced tags. The renderer notes the offset of
// each such heading's HTML in env.chunkCuts as it renders: counted from the start of that render's
// output, which renderInRanges and renderPage then count from their part's and page's start.
// (A mark in the HTML, taken out afterwards, cost a search, a split and a join of every range:
// ≈ 0.85 s of GitHub's cold build in profiles.)

import type { Env, MarkdownIt, MarkdownItOptions, Renderer, Token } from 'markdown-it';
import { renderEnv } from './env.js';

type Options = Required<MarkdownItOptions>;

export function chunkCuts(md: MarkdownIt): void {
  const plain = md.renderer.render;
  md.renderer.render = function render(this: Renderer, tokens: Token[], options: Options, env?: Env): string {
    const cuts = env ? renderEnv(env).chunkCuts : undefined;
    return cuts ? renderNotingCuts(this, tokens, options, env, cuts) : plain.call(this, tokens, options, env);
  };
}

/**
 * markdown-it's Renderer.render, which also pushes the offset of each top-level heading's HTML
 * into `cuts`. test/markdown/chunk-cuts.test.ts checks the HTML against markdown-it's own loop.
 */
function renderNotingCuts(self: Renderer, tokens: Token[], options: Options, env: Env | undefined, cuts: number[]): string {
  const rules = self.rules;
  let result = '';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const type = token.type;
    if (type === 'heading_open' && token.level === 0) cuts.push(result.length);
    if (type === 'inline') result += self.renderInline(token.children ?? [], options, env);
    else if (rules[type] !== undefined) result += rules[type]!(tokens, i, options, env, self);
    else result += self.renderToken(tokens, i, options);
  }
  return result;
}
