// Fence info strings → Slate's lexer names and language tabs (SLATE-DIALECT §4).
// Slate only tabs a fence whose info string equals the tab key; shale also accepts the usual
// aliases (```js under a `javascript` tab) as long as the tab key has no `--variant`.

import type { LanguageTab } from '../types.js';

/** Common aliases → the canonical lexer name Slate (Rouge) writes in `pre.highlight.{lexer}`. */
const ALIASES: Record<string, string> = {
  js: 'javascript', node: 'javascript', nodejs: 'javascript', mjs: 'javascript',
  ts: 'typescript',
  sh: 'shell', bash: 'shell', zsh: 'shell', shellscript: 'shell', curl: 'shell',
  py: 'python', python3: 'python',
  rb: 'ruby',
  yml: 'yaml',
  cs: 'csharp', 'c#': 'csharp',
  golang: 'go',
  kt: 'kotlin',
  objc: 'objective-c', 'objective_c': 'objective-c',
  md: 'markdown',
  text: 'plaintext', txt: 'plaintext', plain: 'plaintext',
};

/** The first word of a fence's info string, as Slate reads it (`` ``` go`` has a leading space). */
export function fenceInfo(info: string): string {
  return info.trim().split(/\s+/)[0] ?? '';
}

/** `javascript--nodejs` → `javascript`; `js` → `javascript`. Lower-cased. */
export function lexerOf(info: string): string {
  const base = info.split('--')[0].toLowerCase();
  return ALIASES[base] ?? base;
}

/**
 * The tab a fence belongs to, or undefined when it shows under every tab.
 * Exact match first (`python--pybit` pairs only with that fence), then alias match on plain keys.
 */
export function tabOf(info: string, tabs: LanguageTab[]): string | undefined {
  if (!info) return undefined;
  const exact = tabs.find((t) => t.key === info);
  if (exact) return exact.key;
  if (info.includes('--')) return undefined;
  const lexer = lexerOf(info);
  return tabs.find((t) => !t.key.includes('--') && lexerOf(t.key) === lexer)?.key;
}

/** A CSS class token safe for `class="…"`: anything outside [\w-] becomes `_`. */
export function classToken(s: string): string {
  return s.replace(/[^\w-]/g, '_');
}
