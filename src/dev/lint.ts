// Mistakes that render "fine" but never the way the writer meant, reported while writing (the
// build renders them as Slate does). An unclosed fence swallows everything after it as code.

import { ShaleError } from '../errors.js';
import type { SourcePart } from '../types.js';

/** Throws, with the opening line, when a part ends inside a fence. */
export function checkFences(part: SourcePart): void {
  let open: { char: string; size: number; line: number } | undefined;
  const lines = part.markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(lines[i]);
    if (!m) continue;
    const [, marker, rest] = m;
    if (!open) {
      // A backtick fence's info string may not contain backticks (CommonMark).
      if (marker[0] === '`' && rest.includes('`')) continue;
      open = { char: marker[0], size: marker.length, line: i };
    } else if (marker[0] === open.char && marker.length >= open.size && rest.trim() === '') {
      open = undefined;
    }
  }
  if (open) {
    throw new ShaleError('this code fence is never closed: everything after it shows as code', {
      file: part.file,
      line: part.lineOffset + open.line + 1,
      hint: `Close it with a line of ${open.char.repeat(open.size)}.`,
    });
  }
}

/** checkFences for the parts of one page, render after render, looking only at parts that changed. */
export function fenceLint(): (parts: SourcePart[]) => void {
  let passed = new Map<string, string>();
  return (parts) => {
    const now = new Map<string, string>();
    for (const part of parts) {
      const key = `${part.lineOffset}\0${part.file}`;
      if (passed.get(key) !== part.markdown) checkFences(part);
      now.set(key, part.markdown);
    }
    passed = now;
  };
}
