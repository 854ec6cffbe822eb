// Headings written as raw HTML (`<h2 id="intro-auth">…</h2>` in an html_block). Redcarpet never
// gives them ids, but Slate's TOC lists them (it scans the finished page), and authors link to the
// ids they wrote, so they join the page's headings with their authored id.
//
// Parsed with parse5, the HTML parser of browsers' rules that cheerio uses. Used directly, not
// through cheerio: cheerio's loader brings css-select, domutils and its tree adapter, 73 ms of
// module loading against parse5's 45 (or 23 from the CLI's bundle), paid by every build whose
// Markdown has raw headings (Widdershins writes them for every operation).

import { createRequire } from 'node:module';
import type { DefaultTreeAdapterMap } from 'parse5';
import type { Heading } from '../types.js';

type Parse5 = Pick<typeof import('parse5'), 'parseFragment' | 'serialize'>;
type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const require = createRequire(import.meta.url);
// The library once loaded, like a module import (no per-build state).
let parse5: Parse5 | undefined;

const HEADING_TAG = /<h[1-6][\s>]/i;

/** Might this Markdown have raw HTML headings? Then its render wants the parser (loadHtmlParser). */
export const mayHaveHtmlHeadings = (markdown: string): boolean => HEADING_TAG.test(markdown);

/**
 * Loads the parser before a render that may need it: the Markdown rules are synchronous and would
 * otherwise require it, which is slower than an import from the bundle (where it is a chunk).
 */
export async function loadHtmlParser(): Promise<void> {
  parse5 ??= await import('parse5');
}

/**
 * Headings with an `id` in one raw HTML fragment, in document order. `firstLine` is the file line
 * of the fragment's first line. Headings without an id have nothing to link to and are skipped.
 */
export function htmlHeadings(fragment: string, file: string, firstLine: number | undefined): Heading[] {
  // Most raw blocks are <aside>, <div>, <table>: skip the parser unless a heading tag is there.
  if (!HEADING_TAG.test(fragment)) return [];
  const lib = (parse5 ??= require('parse5') as Parse5);
  const found: Heading[] = [];
  const visit = (node: Node): void => {
    if ('tagName' in node && /^h[1-6]$/.test(node.tagName)) {
      const id = node.attrs.find((a) => a.name === 'id')?.value;
      const at = node.sourceCodeLocation?.startLine;
      if (id) {
        found.push({
          id,
          level: Number(node.tagName.slice(1)),
          title: textOf(node).replace(/\s+/g, ' ').trim(),
          html: lib.serialize(node).trim(),
          file,
          line: firstLine !== undefined && at !== undefined ? firstLine + at - 1 : firstLine,
        });
      }
    }
    for (const child of childrenOf(node)) visit(child);
  };
  visit(lib.parseFragment(fragment, { sourceCodeLocationInfo: true }));
  return found;
}

/** A node's children; a <template>'s are its content, which a page shows nowhere but which holds its markup. */
function childrenOf(node: Node): Node[] {
  if (!('childNodes' in node)) return [];
  return node.nodeName === 'template' ? (node as DefaultTreeAdapterMap['template']).content.childNodes : node.childNodes;
}

/** The text of an element: its text nodes', in order (comments are not text). */
function textOf(node: Node | Element): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return childrenOf(node).map(textOf).join('');
}
