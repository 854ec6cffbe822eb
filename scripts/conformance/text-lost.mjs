// "Zero text lost": every inline code span and every fenced block of a page's sources must
// appear, as text, in the page shale built. Shins drops `<placeholder>` inside backticks (it lets
// the browser parse it as a tag); a docs tool must never eat what an author put in code.
//
// The spans and fences are the `code_inline` and `fence` tokens of shale's own parse of each
// source part (after ERB partial expansion, as the page was built), so this checks everything
// after parsing: rendering, highlighting, escaping, the theme and Vite's output. The built HTML
// is reduced to its text with cheerio (entities decoded) and both sides are whitespace-normalised.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const normalise = (s) => s.replace(/\s+/g, ' ').trim();

/** `lib`: { cheerio, createMarkdown, createEnv }. Returns { spans, fences, lost: [{ page, file, kind, text }] }. */
export function textLostChecker(lib) {
  const md = lib.createMarkdown();
  const env = () => lib.createEnv({ tabs: [], idScheme: 'slate', highlight: (code) => code, knowsLanguage: () => true });

  function* codeTexts(markdown, file) {
    const e = env();
    e.file = file;
    for (const token of md.parse(markdown, e)) {
      if (token.type === 'fence') yield { kind: 'fence', text: token.content };
      for (const child of token.children ?? []) if (child.type === 'code_inline') yield { kind: 'code span', text: child.content };
    }
  }

  return function checkBuilt(built, sourceRoot) {
    const out = { spans: 0, fences: 0, lost: [] };
    for (const page of built.pages) {
      const html = join(built.outDir, page.outPath);
      if (!existsSync(html)) {
        out.lost.push({ page: page.outPath, file: '', kind: 'page', text: '(built page missing)' });
        continue;
      }
      const $ = lib.cheerio.load(readFileSync(html, 'utf8'));
      const text = normalise($('body').text());
      for (const part of page.parts) {
        for (const code of codeTexts(part.markdown, part.file)) {
          const needle = normalise(code.text);
          if (code.kind === 'fence') out.fences++;
          else out.spans++;
          if (needle && !text.includes(needle)) out.lost.push({ page: page.outPath, file: part.file.slice(sourceRoot.length + 1), kind: code.kind, text: needle });
        }
      }
    }
    return out;
  };
}
