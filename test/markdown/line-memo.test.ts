// The line memo must tokenize exactly as shiki does, block after block, including lines that
// repeat under a different grammar state (inside a comment, a string, a deeper nesting).
import { createHighlighter, type Highlighter } from 'shiki';
import { createOnigurumaEngine } from 'shiki/engine/oniguruma';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineMemo, type LineToken } from '../../src/markdown/line-memo.js';

let hl: Highlighter;
beforeAll(async () => {
  hl = await createHighlighter({ themes: ['monokai'], langs: ['javascript', 'json', 'ruby'], engine: createOnigurumaEngine(import('shiki/wasm')) });
});
afterAll(() => hl?.dispose());

const blocks: Array<[lang: 'javascript' | 'json' | 'ruby', code: string]> = [
  ['javascript', 'const a = 1;\n/* start\nconst a = 1;\n*/\nconst a = 1;\n\nlet s = `x\nconst a = 1;\n`;\n'],
  ['javascript', 'const a = 1;\n/* start\nconst a = 1;\n*/\n'],
  ['json', '{\n  "login": "octocat",\n  "owner": {\n    "login": "octocat",\n    "id": 1\n  }\n}\n'],
  ['json', '[\n  {\n    "login": "octocat",\n    "id": 1\n  }\n]'],
  ['ruby', 'x = <<~SQL\n  SELECT 1\nSQL\nputs "x"\n# comment\nputs "x"\n'],
];

describe('line memo', () => {
  it('gives shiki\'s tokens for every line, from the first block and from the memo alike', () => {
    const { colorMap } = hl.setTheme('monokai');
    const memos = new Map<string, (code: string) => string>();
    let tokenized = 0;
    for (const [lang, code] of [...blocks, ...blocks]) {
      let memo = memos.get(lang);
      if (!memo) {
        memo = lineMemo(hl.getLanguage(lang), (i) => colorMap[i], (tokens: LineToken[]) => { tokenized++; return JSON.stringify(tokens); });
        memos.set(lang, memo);
      }
      const expected = hl.codeToTokens(code, { lang, theme: 'monokai' }).tokens
        .map((line) => (line.length ? JSON.stringify(line.map(({ content, color, fontStyle }) => ({ content, color, fontStyle }))) : ''));
      expect(memo(code).split('\n')).toEqual(expected);
    }
    // The second pass over the same blocks tokenized nothing: every (state, line) was known.
    const firstPass = tokenized;
    for (const [lang, code] of blocks) memos.get(lang)!(code);
    expect(tokenized).toBe(firstPass);
  });
});
