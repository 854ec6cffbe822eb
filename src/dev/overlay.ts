// shale's errors in the shape of Vite's error overlay (file:line, message, hint), and the
// stand-in page served when a page has never rendered.

import { relative } from 'node:path';
import type { ErrorPayload } from 'vite';
import { formatDiagnostic } from '../errors.js';
import type { ShaleError } from '../errors.js';
import { escapeHtml } from '../markdown/highlight.js';

export function overlayError(err: ShaleError, root: string): ErrorPayload['err'] {
  const d = err.toDiagnostic();
  const file = d.file ? relative(root, d.file) || d.file : '';
  const where = file ? `${file}${d.line !== undefined ? `:${d.line}` : ''}: ` : '';
  return {
    message: `${where}${d.message}`,
    stack: '',
    id: d.file || undefined,
    frame: d.hint ?? '',
    plugin: 'shale',
    loc: d.file ? { file: d.file, line: d.line ?? 1, column: d.column ?? 1 } : undefined,
  };
}

export function terminalError(err: ShaleError, root: string): string {
  return formatDiagnostic(err.toDiagnostic(), root);
}

/** A page that has no good render yet: the error in plain HTML; the overlay shows it too. */
export function errorPage(err: ShaleError, root: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shale: error</title></head>
<body><main class="content"><h1>This page could not be built</h1><pre>${escapeHtml(terminalError(err, root))}</pre>
<p>Fix the file and save: this page updates by itself.</p></main></body></html>`;
}
