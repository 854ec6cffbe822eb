// load: a page file → Source (validated frontmatter, body and includes as separate parts).
// Each include is its own part because Slate renders each file as its own Markdown document.

import { statSync, type Stats } from 'node:fs';
import { relative } from 'node:path';
import type { ResolvedConfig } from '../config.js';
import { ShaleError } from '../errors.js';
import type { Source, SourcePart } from '../types.js';
import { listItemLine, parseFrontmatter, readMatter, type Frontmatter } from './frontmatter.js';
import { expandErb } from './erb.js';
import { findInclude } from './includes.js';
import { decodeSource, hasText, knownPart, lazyPart, readSourceBytes, readSourceFile } from './read.js';

/**
 * `known(file, stat)`: the digest an earlier build made of an include that its stat tells unchanged
 * (src/cache/source-stats.ts); that include is then not read unless its Markdown is asked for.
 */
export function loadSource(page: string, outPath: string, config: Pick<ResolvedConfig, 'sourceDir'>, known?: (file: string, stat: Stats) => string | undefined): Source {
  const files = [page];
  const { frontmatter, yaml, part: body } = pageFile(page);
  const parts: SourcePart[] = [body];

  frontmatter.includes.forEach((name, i) => {
    const where = { file: page, line: listItemLine(yaml, 'includes', i) };
    const found = findInclude(config.sourceDir, name.trim(), where);
    files.push(...found.tried);
    if (!found.file) {
      throw new ShaleError(`include "${name}" not found`, {
        ...where,
        hint: `Looked for:\n${found.tried.map((p) => `    ${relative(process.cwd(), p)}`).join('\n')}\n  Create one of these files or remove the entry.`,
      });
    }
    parts.push(includePart(found.file, known));
  });

  // `*.erb` parts may pull in partials mid-file; each becomes a part of its own.
  const expanded = parts.map((p) => expandErb(p, config.sourceDir));
  if (expanded.every((e) => e.parts.every((p) => !hasText(p)))) throw emptyPage(page, readSourceFile(page));
  return {
    page, outPath, frontmatter,
    parts: expanded.flatMap((e) => e.parts),
    files: [...new Set([...files, ...expanded.flatMap((e) => e.files)])],
    warnings: expanded.flatMap((e) => e.warnings),
  };
}

/**
 * The page file's frontmatter, and its body as a part. Only the frontmatter's lines are decoded
 * now: the body is a part of the file's bytes, decoded if its Markdown is asked for (GitHub's
 * reference as one page: 21.7 MB that a build with nothing changed never needs as text). A file
 * with a BOM, CR line ends in its frontmatter, or no closing `---` is decoded whole, as before.
 */
function pageFile(page: string): { frontmatter: Frontmatter; yaml: string; part: SourcePart } {
  const bytes = readSourceBytes(page);
  const whole = () => {
    const parsed = parseFrontmatter(page, decodeSource(bytes));
    return { ...parsed, part: { file: page, markdown: parsed.body, lineOffset: parsed.bodyLineOffset } };
  };
  if (bytes[0] === 0xef) return whole(); // a BOM (or a first character that starts with its byte)
  if (bytes.subarray(0, 3).toString('latin1') !== '---') return { ...parseFrontmatter(page, ''), part: lazyPart(page, bytes) };
  const close = bytes.indexOf('\n---', 3);
  if (close === -1) return whole();
  // Whole lines up to the one after the closing `---`: readMatter looks a little past the `---`.
  const closeEnd = bytes.indexOf(0x0a, close + 4);
  const after = closeEnd === -1 ? -1 : bytes.indexOf(0x0a, closeEnd + 1);
  const headEnd = closeEnd === -1 ? bytes.length : after === -1 ? bytes.length : after + 1;
  const head = bytes.subarray(0, headEnd).toString('utf8');
  if (head.includes('\r')) return whole();
  const parsed = parseFrontmatter(page, head);
  const bodyAt = Buffer.byteLength(head.slice(0, head.length - parsed.body.length));
  return { ...parsed, part: lazyPart(page, bytes.subarray(bodyAt), undefined, parsed.bodyLineOffset) };
}

/** An include's Markdown; frontmatter inside an include is dropped, as Slate does. */
function includePart(file: string, known?: (file: string, stat: Stats) => string | undefined): SourcePart {
  const seen = { at: Date.now(), stat: statSync(file) };
  const digest = known?.(file, seen.stat);
  if (digest) return knownPart(file, seen, digest);
  const bytes = readSourceBytes(file);
  // No frontmatter (a BOM before it is dropped by decoding): the file is the part, decoded when read.
  if (!bytes.subarray(0, 6).toString('latin1').replace(/^\xef\xbb\xbf/, '').startsWith('---')) return lazyPart(file, bytes, seen);
  const text = decodeSource(bytes);
  let content: string;
  try {
    content = readMatter(text).content;
  } catch {
    // Not valid frontmatter: Slate would render the text, so do that too.
    return { file, markdown: text, lineOffset: 0 };
  }
  const skipped = text.slice(0, text.length - content.length);
  return { file, markdown: content, lineOffset: skipped.split('\n').length - 1 };
}

/**
 * A page with nothing to show is an error, not an empty site: it is almost always a file saved
 * before it was written, or frontmatter whose body went missing, and a blank page would hide it.
 * Frontmatter with includes and no body of its own is fine (a common Slate layout).
 */
function emptyPage(page: string, text: string): ShaleError {
  return text.trim()
    ? new ShaleError('the page has frontmatter but no content', {
      file: page, line: 1,
      hint: 'Write Markdown after the closing `---`, or list files under `includes:`.',
    })
    : new ShaleError('the page is empty', {
      file: page, line: 1,
      hint: 'Write the page (e.g. `# Introduction`), or delete the file: every *.html.md under the source folder is a page.',
    });
}
