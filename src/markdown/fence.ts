// Fences (``` lang) → Slate's `div.highlight > pre.highlight.{lexer}.tab-{info} > code`.
// A fence in a tab language carries its tab and is shown only under that tab; any other fence
// (json, http, none) is shown under every tab (SLATE-DIALECT §4). The tab class goes on the
// wrapper too, so the per-page tab CSS hides the whole block, wrapper included.

import type { MarkdownIt } from 'markdown-it';
import { lineOf, renderEnv } from './env.js';
import { classToken, fenceInfo, lexerOf, tabOf } from './languages.js';

export function fence(md: MarkdownIt): void {
  md.renderer.rules.fence = (tokens, idx, _options, rawEnv) => {
    const env = renderEnv(rawEnv);
    const token = tokens[idx];
    const info = fenceInfo(token.info);
    let lexer = info ? lexerOf(info) : 'plaintext';
    if (!env.knowsLanguage(lexer)) {
      if (!env.unknownLanguages.has(lexer)) {
        env.unknownLanguages.add(lexer);
        env.warnings.push({
          severity: 'warning',
          file: env.file,
          line: lineOf(env, token.map),
          message: `unknown code language "${info}": shown as plain text`,
          hint: 'Use a language name shiki knows (js, shell, python, json, …) or leave the info string empty.',
        });
      }
      lexer = 'plaintext';
    }
    env.languages.add(lexer);
    const tab = tabOf(info, env.tabs);
    // Slate writes tab-{info} for every fence with an info string; the matched tab key wins for aliases.
    const tabClass = info ? ` tab-${classToken(tab ?? info)}` : '';
    const code = env.highlight(token.content, lexer);
    return `<div class="highlight${tabClass}"><pre class="highlight ${classToken(lexer)}${tabClass}"><code>${code}</code></pre></div>\n`;
  };
}
