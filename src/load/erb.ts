// ERB in `*.erb` sources (SLATE-DIALECT §1). Slate runs these through Ruby; shale has no Ruby,
// so it does the one thing Slate docs rely on, `<%= partial "includes/x" %>`, which inserts
// another file at that point, and reports every other tag with file:line, leaving it visible.
// The partial becomes a part of its own, between the text before and after the tag, because
// Slate renders each file as its own Markdown document.

import { relative } from 'node:path';
import { ShaleError } from '../errors.js';
import type { Diagnostic, SourcePart } from '../types.js';
import { findFirst, partialCandidates } from './includes.js';
import { readSourceFile } from './read.js';

const TAG = /<%(=|-|#)?([\s\S]*?)-?%>/g;
const PARTIAL = /^\s*partial\s*\(?\s*(['"])([^'"]+)\1/;

export interface ErbResult {
  parts: SourcePart[];
  /** Every file read or looked for. */
  files: string[];
  warnings: Diagnostic[];
}

/**
 * Expands the partials of one part, recursively. `stack` holds the files being expanded, so a
 * partial that includes itself (directly or not) is reported instead of looping forever.
 */
export function expandErb(part: SourcePart, sourceDir: string, stack: string[] = []): ErbResult {
  const result: ErbResult = { parts: [], files: [], warnings: [] };
  if (!part.file.endsWith('.erb')) {
    result.parts.push(part);
    return result;
  }
  const text = part.markdown;
  let from = 0;
  for (const m of text.matchAll(TAG)) {
    const at = m.index;
    const line = part.lineOffset + lineAt(text, at);
    const partial = m[1] === '=' ? PARTIAL.exec(m[2]) : null;
    if (!partial) {
      if (m[1] !== '#') {
        result.warnings.push({
          severity: 'warning', file: part.file, line,
          message: `ERB tag ${m[0].replace(/\s+/g, ' ')} is not supported: shown as text`,
          hint: 'shale expands <%= partial "…" %> only; replace other Ruby helpers with their Markdown.',
        });
      }
      continue;
    }
    const name = partial[2];
    const tried = partialCandidates(sourceDir, name);
    result.files.push(...tried);
    const file = findFirst(sourceDir, tried, name, { file: part.file, line });
    if (!file) {
      throw new ShaleError(`partial "${name}" not found`, {
        file: part.file, line,
        hint: `Looked for:\n${tried.map((p) => `    ${relative(process.cwd(), p)}`).join('\n')}`,
      });
    }
    const chain = [...stack, part.file];
    if (chain.includes(file)) {
      throw new ShaleError(`partial "${name}" includes itself: ${[...chain, file].map((f) => relative(sourceDir, f)).join(' → ')}`, {
        file: part.file, line,
        hint: 'Remove the partial call that closes the loop.',
      });
    }
    pushText(result, part, from, at);
    const inner = expandErb({ file, markdown: readSourceFile(file), lineOffset: 0 }, sourceDir, chain);
    result.parts.push(...inner.parts);
    result.files.push(...inner.files);
    result.warnings.push(...inner.warnings);
    from = at + m[0].length;
  }
  pushText(result, part, from, text.length);
  return result;
}

/** The text of `part` between two offsets, as a part with its own line offset. */
function pushText(result: ErbResult, part: SourcePart, start: number, end: number): void {
  const markdown = part.markdown.slice(start, end);
  if (start === 0 && end === part.markdown.length) {
    result.parts.push(part);
  } else if (markdown.trim()) {
    result.parts.push({ file: part.file, markdown, lineOffset: part.lineOffset + lineAt(part.markdown, start) - 1 });
  }
}

/** 1-based line of an offset in `text`. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
