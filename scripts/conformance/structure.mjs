// Block-structure comparison of one corpus repo against Slate's reference renders.
//
// Every file of ../shared/corpus/slate/<repo>/** is rendered on its own (frontmatter stripped)
// with shale's Markdown engine; it and Slate's render (../shared/corpus/redcarpet/) are reduced
// to block markers with ../shared/tools/structure.mjs and diffed. A hunk is "better" when it
// vanishes with Slate's behaviour for the SLATE-DIALECT §2 rows shale deliberately changes
// (src/markdown/rules/slate-strict.ts), rendered once per row so that each explained hunk is
// attributed to its row: a hunk that disappears with only the fence row reverted is that row's.

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const key = (h) => JSON.stringify([h.removed, h.added]);

/** `lib`: { cheerio, matter, signature, diff, createMarkdown, createEnv, slateStrict, strictRows }. */
export function structureChecker(lib) {
  const md = lib.createMarkdown();
  // One engine per better row reverted, so each explained hunk is attributed to its row.
  const strict = Object.fromEntries(lib.strictRows.map((row) => [row, lib.createMarkdown().use(lib.slateStrict, { only: row })]));
  // Last resort: a hunk that only goes away with every better row reverted at once.
  strict['several better rows together'] = lib.createMarkdown().use(lib.slateStrict);
  const render = (engine, content, file) => {
    const env = lib.createEnv({ tabs: [], idScheme: 'slate', highlight: escapeHtml, knowsLanguage: () => true });
    env.file = file;
    return engine.render(content, env);
  };
  const sig = (html) => lib.signature(html, lib.cheerio);

  /** Compares every file of one repo; returns counts and the hunks, each with `row` (a better row) or null. */
  return function checkRepo(corpus, repo, onlyFile) {
    const result = { repo, files: 0, identical: 0, hunks: [], errors: [], byRow: {} };
    const dir = join(corpus, 'slate', repo);
    for (const file of walk(dir)) {
      const rel = relative(dir, file);
      const ref = join(corpus, 'redcarpet', repo, rel + '.html');
      if (!existsSync(ref) || (onlyFile && !rel.includes(onlyFile))) continue;
      result.files++;
      let content, ours;
      try {
        content = lib.matter(readFileSync(file, 'utf8'), {}).content;
        ours = render(md, content, file);
      } catch (err) {
        result.errors.push({ file: rel, message: err instanceof Error ? err.message : String(err) });
        continue;
      }
      const reference = sig(readFileSync(ref, 'utf8'));
      const hunks = lib.diff(reference, sig(ours));
      if (!hunks.length) {
        result.identical++;
        continue;
      }
      // For each better row: the hunks that remain when Slate's behaviour for that row is used.
      const remaining = Object.fromEntries(
        Object.entries(strict).map(([row, engine]) => [row, new Set(lib.diff(reference, sig(render(engine, content, file))).map(key))]),
      );
      const rows = new Set();
      for (const h of hunks) {
        const row = Object.keys(remaining).find((r) => !remaining[r].has(key(h))) ?? null;
        if (row) rows.add(row);
        result.hunks.push({ file: rel, row, ...h });
      }
      for (const row of rows) (result.byRow[row] ??= { files: 0, hunks: 0 }).files++;
      for (const h of result.hunks.filter((x) => x.file === rel && x.row)) result.byRow[h.row].hunks++;
    }
    return result;
  };
}
