// Where a large page may be cut into chunks that the page loads as the reader nears them
// (src/output/chunks.ts). Only a heading outside any list, quote or table can start a chunk:
// a cut inside one would leave both halves with unbalanced tags. The mark is a NUL character,
// which markdown-it's normaliser has already replaced everywhere in the source text, so it can
// only come from here; renderInRanges takes the marks out of each range it renders and keeps
// their offsets in env.chunkCuts.

import type { MarkdownIt, Renderer, Token } from 'markdown-it';
import { renderEnv } from './env.js';

export const CHUNK_CUT = '\u0000';

export function chunkCuts(md: MarkdownIt): void {
  const previous = md.renderer.rules.heading_open;
  md.renderer.rules.heading_open = (tokens: Token[], idx: number, options, env, self: Renderer) => {
    const html = previous ? previous(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
    return env && renderEnv(env).chunkCuts && tokens[idx].level === 0 ? CHUNK_CUT + html : html;
  };
}

/** `html` without its marks; the offset of each mark, plus `base`, goes into `cuts`. */
export function takeChunkCuts(html: string, cuts: number[], base: number): string {
  if (!html.includes(CHUNK_CUT)) return html;
  const pieces = html.split(CHUNK_CUT);
  let at = base;
  for (let i = 0; i < pieces.length - 1; i++) cuts.push((at += pieces[i].length));
  return pieces.join('');
}
