// Headings written as raw HTML (`<h2 id="intro-auth">…</h2>` in an html_block). Redcarpet never
// gives them ids, but Slate's TOC lists them (it scans the finished page), and authors link to the
// ids they wrote, so they join the page's headings with their authored id.

import type * as Cheerio from 'cheerio';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Heading } from '../types.js';

// Loaded on the first raw HTML heading (the rule is synchronous, hence require): cheerio with
// parse5 is module loading that most builds never need. Its main module also loads what
// `fromURL` needs (undici and encoding sniffers): 0.2 s in all. Its `load` comes from
// load-parse.js, required by path (the package's exports do not name it): 0.08 s.
const require = createRequire(import.meta.url);
let cheerioLib: Pick<typeof Cheerio, 'load'> | undefined;

function cheerioLoad(): Pick<typeof Cheerio, 'load'> {
  try {
    const lib = require(join(dirname(require.resolve('cheerio')), 'load-parse.js')) as Partial<typeof Cheerio>;
    if (typeof lib.load === 'function') return lib as Pick<typeof Cheerio, 'load'>;
  } catch {
    // another cheerio layout: the whole package below
  }
  return require('cheerio') as typeof Cheerio;
}

const HEADING_TAG = /<h[1-6][\s>]/i;

/**
 * Headings with an `id` in one raw HTML fragment, in document order. `firstLine` is the file line
 * of the fragment's first line. Headings without an id have nothing to link to and are skipped.
 */
export function htmlHeadings(fragment: string, file: string, firstLine: number | undefined): Heading[] {
  // Most raw blocks are <aside>, <div>, <table>: skip the parser unless a heading tag is there.
  if (!HEADING_TAG.test(fragment)) return [];
  cheerioLib ??= cheerioLoad();
  const $ = cheerioLib.load(fragment, { sourceCodeLocationInfo: true }, false);
  const found: Heading[] = [];
  $('h1, h2, h3, h4, h5, h6').each((_, el) => {
    const id = $(el).attr('id');
    if (!id) return;
    const at = el.sourceCodeLocation?.startLine;
    found.push({
      id,
      level: Number(el.tagName.slice(1)),
      title: $(el).text().replace(/\s+/g, ' ').trim(),
      html: ($(el).html() ?? '').trim(),
      file,
      line: firstLine !== undefined && at !== undefined ? firstLine + at - 1 : firstLine,
    });
  });
  return found;
}
