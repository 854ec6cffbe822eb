// V8's heap growth for a large render. V8 lets the heap grow to several times what survived the
// last full collection before it collects again; a 21.7 MB page leaves ~300 MB alive and a lot of
// short-lived strings, so the default let a build peak at 1.4 GB where 1.5× growth peaks under
// 1 GB for the same wall time (docs/performance.md). A small render, an edit's one include, is
// faster with V8's default (a one-line edit of GitHub's reference: 1.62 s against 1.73 s, the
// same peak RSS). So the command sets the flag before it renders this much Markdown, and the Node
// API never does: it would change the host's process.

import { setFlagsFromString } from 'node:v8';

/** Markdown to render (characters, or bytes of files not decoded) that counts as a large render. */
export const LARGE_RENDER_CHARS = 2_000_000;

/** Before rendering `chars` of Markdown; `tune`: the process is shale's own (the command). */
export function beforeRender(chars: number, tune: boolean | undefined): void {
  if (tune && chars >= LARGE_RENDER_CHARS) growHeapSlowly();
}

/** The heap grown by 1.5× between full collections. Setting it again is harmless: the flag is process-wide. */
export function growHeapSlowly(): void {
  setFlagsFromString('--heap-growing-percent=50');
}
