// Builds every page of one corpus repo with the real `shale build` (dist/build.js's build()),
// into a temporary folder, with a logger that collects warnings instead of printing them.
//
// A failing build is reported, never fatal: some corpus repos have no page at all (only
// partials) and some pages name an include their project generates at build time (booqable's
// schemas). When the error names a page, that page is recorded as failed and taken out of a
// temporary copy of the source, and the rest of the repo is built again, so one broken page
// does not hide the others.

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/** Warning kinds, first match wins; anything else is grouped by its message with names elided. */
const KINDS = [
  ['link to #x matches nothing', /^link to .* matches no /],
  ['ERB tag not supported', /^ERB tag /],
  ['unknown code language', /^unknown code language/],
  ['page without headings', /has no headings/],
];

export function warningKind(message) {
  for (const [kind, re] of KINDS) if (re.test(message)) return kind;
  return message.replace(/"[^"]*"|`[^`]*`|\d+/g, '…').slice(0, 60);
}

/** `lib`: { build, findPages }. Returns { pages: [{ outPath, source, file }], outDir, failures, warnings, ms, cleanup }. */
export async function buildRepo(lib, corpus, repo) {
  const t0 = performance.now();
  const work = mkdtempSync(join(tmpdir(), `shale-conformance-${repo}-`));
  const source = join(work, 'source');
  cpSync(join(corpus, 'slate', repo), source, { recursive: true });
  const result = { repo, pages: [], outDir: join(work, 'build'), failures: [], warnings: [], cleanup: () => rmSync(work, { recursive: true, force: true }) };
  for (let attempt = 0; ; attempt++) {
    const warnings = [];
    const logger = { info() {}, warn: (d) => warnings.push(d) };
    try {
      const built = await lib.build({ root: work, source, out: result.outDir, quiet: true }, logger);
      result.pages = built.pages.map((p) => ({ outPath: p.source.outPath, parts: p.source.parts }));
      result.warnings = warnings.map((d) => ({ ...d, file: relative(source, d.file), kind: warningKind(d.message) }));
      break;
    } catch (err) {
      // Paths in messages name the corpus copy, not this temporary folder.
      let message = err instanceof Error ? err.message : String(err);
      for (const shown of [relative(process.cwd(), source), source]) message = message.split(shown).join(`slate/${repo}`);
      const file = err?.file ? relative(source, err.file) : undefined;
      result.failures.push({ page: file, line: err?.line, message });
      const isPage = err?.file && lib.findPages(source).some((p) => p.file === err.file);
      if (!isPage || attempt > 50) break;
      rmSync(err.file);
      // That was the last page: nothing more to build (and "no pages" is not a second failure).
      if (!lib.findPages(source).length) break;
    }
  }
  result.ms = performance.now() - t0;
  return result;
}
