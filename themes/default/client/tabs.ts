// Language tabs. The shown code is decided by one attribute, body[data-language]; the page's
// own <style> hides the other tabs' blocks. This module only picks the language, keeps both
// selector bars in step, and remembers the choice (URL for sharing, localStorage for return).

import { keepingPlace } from './place';

const STORAGE_KEY = 'language';
const TAB = '.lang-selector a[data-language-name]';

/** The tab keys the build wrote into body[data-languages]; anything malformed means none. */
export function parseLanguages(json: string | undefined): string[] {
  try {
    const value: unknown = JSON.parse(json ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** The language a query string asks for: `?language=ruby`, or Slate's bare `?ruby`. */
export function languageFromSearch(search: string, languages: readonly string[]): string | undefined {
  const params = new URLSearchParams(search);
  const named = params.get('language');
  if (named !== null && languages.includes(named)) return named;
  for (const [key, value] of params) {
    if (value === '' && languages.includes(key)) return key;
  }
  return undefined;
}

/** URL first (a shared link wins), then the reader's last choice, then the first tab. */
export function chooseLanguage(
  search: string,
  stored: string | null,
  languages: readonly string[],
): string | undefined {
  const fromUrl = languageFromSearch(search, languages);
  if (fromUrl) return fromUrl;
  if (stored !== null && languages.includes(stored)) return stored;
  return languages[0];
}

/** `href` with `?language=key`, dropping a bare `?key` form; other parameters and the hash stay. */
export function urlWithLanguage(href: string, language: string, languages: readonly string[]): string {
  const url = new URL(href);
  for (const key of [...url.searchParams.keys()]) {
    if (languages.includes(key) && url.searchParams.get(key) === '') url.searchParams.delete(key);
  }
  url.searchParams.set('language', language);
  return url.toString();
}

// Storage can throw (privacy modes, sandboxed frames); the tabs must work without it.
function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function writeStored(language: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    /* not remembered: fine */
  }
}

function tabs(root: ParentNode = document): HTMLAnchorElement[] {
  return [...root.querySelectorAll<HTMLAnchorElement>(TAB)];
}

/** Shows `language`: one attribute on body, and the selected state on every selector link. */
export function applyLanguage(language: string): void {
  document.body.dataset.language = language;
  for (const tab of tabs()) {
    const selected = tab.dataset.languageName === language;
    tab.setAttribute('aria-selected', String(selected));
    // Roving tabindex: Tab reaches the selected tab, arrows move between tabs.
    tab.tabIndex = selected ? 0 : -1;
  }
  // Code blocks of this language are now shown: modules that measure them listen for this.
  document.dispatchEvent(new CustomEvent('shale:language', { detail: language }));
}

/** history.state as an object others' keys can be kept in (it may be anything, or null). */
function stateOf(state: unknown): Record<string, unknown> {
  return typeof state === 'object' && state !== null ? (state as Record<string, unknown>) : {};
}

function tabFrom(target: EventTarget | null): HTMLAnchorElement | null {
  return target instanceof Element ? target.closest<HTMLAnchorElement>(TAB) : null;
}

// Arrow keys follow the reading direction of the bar (reversed on right-to-left pages).
function neighbour(tab: HTMLAnchorElement, key: string): HTMLAnchorElement | undefined {
  const bar = tab.closest('.lang-selector');
  if (!bar) return undefined;
  const all = tabs(bar);
  const i = all.indexOf(tab);
  const rtl = getComputedStyle(bar).direction === 'rtl';
  const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[key];
  if (step !== undefined) return all[(i + step + all.length) % all.length];
  if (key === 'Home') return all[0];
  if (key === 'End') return all[all.length - 1];
  return undefined;
}

export function initTabs(): void {
  const languages = parseLanguages(document.body.dataset.languages);
  if (languages.length === 0) return;

  const current = (): string | undefined =>
    chooseLanguage(window.location.search, readStored(), languages);

  const select = (language: string): void => {
    if (!languages.includes(language)) return;
    keepingPlace(() => applyLanguage(language));
    writeStored(language);
    const url = urlWithLanguage(window.location.href, language, languages);
    if (url !== window.location.href) {
      window.history.pushState({ ...stateOf(window.history.state), language }, '', url);
    }
  };

  const initial = current();
  if (initial) {
    applyLanguage(initial);
    // Back to this entry must bring this language back, whatever was stored since.
    window.history.replaceState({ ...stateOf(window.history.state), language: initial }, '');
  }

  document.addEventListener('click', (event) => {
    const tab = tabFrom(event.target);
    // Modified clicks open the tab's link elsewhere, as links do.
    if (!tab || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    select(tab.dataset.languageName ?? '');
  });

  document.addEventListener('keydown', (event) => {
    const tab = tabFrom(event.target);
    const next = tab && neighbour(tab, event.key);
    if (!next) return;
    event.preventDefault();
    select(next.dataset.languageName ?? '');
    next.focus();
  });

  window.addEventListener('popstate', (event) => {
    const saved = stateOf(event.state).language;
    const language = typeof saved === 'string' && languages.includes(saved) ? saved : current();
    if (language && language !== document.body.dataset.language) keepingPlace(() => applyLanguage(language));
  });
}
