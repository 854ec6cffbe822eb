// `highlight_theme` → a shiki theme. Widdershins/Shins write highlight.js style names; map the
// common ones to the closest shiki theme so existing pages keep a similar look.

import { isBundledTheme } from './highlight.js';
import type { BundledTheme } from 'shiki';

/** Monokai is the closest shiki theme to Slate's own code colours on its dark column. */
export const DEFAULT_CODE_THEME: BundledTheme = 'monokai';

const HIGHLIGHT_JS_NAMES: Record<string, BundledTheme> = {
  darkula: 'dark-plus', darcula: 'dark-plus', androidstudio: 'dark-plus', vs2015: 'dark-plus',
  'atom-one-dark': 'one-dark-pro', 'atom-one-dark-reasonable': 'one-dark-pro',
  'atom-one-light': 'one-light',
  github: 'github-light', 'github-gist': 'github-light', googlecode: 'github-light', default: 'github-light',
  vs: 'light-plus', xcode: 'light-plus', idea: 'light-plus',
  'monokai-sublime': 'monokai', obsidian: 'monokai', sunburst: 'monokai',
  'solarized-dark': 'solarized-dark', 'solarized-light': 'solarized-light',
  'tomorrow-night': 'tokyo-night', 'tomorrow-night-blue': 'tokyo-night', 'tomorrow-night-eighties': 'one-dark-pro',
  zenburn: 'everforest-dark', agate: 'github-dark', railscasts: 'monokai', 'nord': 'nord',
  'gruvbox-dark': 'gruvbox-dark-medium', 'gruvbox-light': 'gruvbox-light-medium',
  'night-owl': 'night-owl', dracula: 'dracula', ocean: 'material-theme-ocean',
};

/** The shiki theme for a `highlight_theme` value; `known: false` means it fell back to the default. */
export function codeThemeFor(name: string | undefined): { theme: BundledTheme; known: boolean } {
  if (!name) return { theme: DEFAULT_CODE_THEME, known: true };
  const key = name.trim().toLowerCase();
  if (isBundledTheme(key)) return { theme: key, known: true };
  const mapped = HIGHLIGHT_JS_NAMES[key];
  return mapped ? { theme: mapped, known: true } : { theme: DEFAULT_CODE_THEME, known: false };
}
