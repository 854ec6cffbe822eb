// One error type for everything the user can fix, and one way to print it.
// A ShaleError carries file:line and a hint; anything else reaching the CLI is a bug in shale.

import { relative } from 'node:path';
import type { Diagnostic } from './types.js';

export class ShaleError extends Error {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly hint?: string;

  constructor(message: string, where: { file?: string; line?: number; column?: number; hint?: string; cause?: unknown } = {}) {
    super(message, where.cause === undefined ? undefined : { cause: where.cause });
    this.name = 'ShaleError';
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
    this.hint = where.hint;
  }

  toDiagnostic(): Diagnostic {
    return { severity: 'error', message: this.message, file: this.file ?? '', line: this.line, column: this.column, hint: this.hint };
  }
}

/** `file:line:col: message` with the path relative to `cwd`, then the hint on its own line. */
export function formatDiagnostic(d: Diagnostic, cwd = process.cwd()): string {
  let where = d.file ? relative(cwd, d.file) || d.file : '';
  if (where && d.line !== undefined) where += `:${d.line}`;
  if (where && d.line !== undefined && d.column !== undefined) where += `:${d.column}`;
  const head = `${where ? where + ': ' : ''}${d.severity === 'warning' ? 'warning: ' : 'error: '}${d.message}`;
  return d.hint ? `${head}\n  ${d.hint}` : head;
}
