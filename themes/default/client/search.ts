// Search box: type-ahead results under the box, keyboard navigation, and marks in the chosen
// section. Loaded by main.ts only when the page has a search box; lunr and the index (the
// engine chunk) are fetched on the first focus of the box or the first `/`, never before.

import type { Engine, SearchDoc } from './search-engine';
import { appendMarked, clearHighlights, highlightSection, sectionTextNodes, snippetAround } from './search-marks';

const SMALL_SCREEN = '(max-width: 930px)';
const LOADING_DELAY_MS = 150;

export function initSearch(): void {
  const input = document.querySelector<HTMLInputElement>('#input-search');
  const list = document.querySelector<HTMLUListElement>('ul.search-results');
  const indexUrl = document.body.dataset.searchIndex;
  if (!input || !list || !indexUrl) return;

  list.id ||= 'search-results';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Search results');
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');

  let engine: Engine | undefined;
  let loading: Promise<void> | undefined;
  let failed: string | undefined;
  let active = -1;
  let lastWords: ReturnType<Engine['search']>['words'] = [];
  const siteRoot = new URL('../', new URL(indexUrl, window.location.href));
  const textCache = new Map<string, string>();
  let sectionIds: Set<string> | undefined;

  const load = (): Promise<void> =>
    (loading ??= Promise.all([
      fetch(indexUrl).then((r) => {
        if (!r.ok) throw new Error(`${r.status} ${r.statusText}`);
        return r.json();
      }),
      import('./search-engine'),
    ]).then(([file, mod]) => {
      engine = mod.createEngine(file);
      // The headings of this page's sections: a section ends where the next one starts.
      sectionIds = new Set(engine.docs.filter((d) => onThisPage(d)).map((d) => d.id));
      update();
    }).catch((err: unknown) => {
      failed = 'Search is unavailable: ' + (err instanceof Error ? err.message : String(err));
      console.warn('shale search:', err);
      update();
    }));

  const onThisPage = (doc: SearchDoc): boolean => {
    if (doc.page === undefined) return true;
    const path = (p: string) => p.replace(/index\.html$/, '');
    return path(new URL(doc.page, siteRoot).pathname) === path(window.location.pathname);
  };

  const href = (doc: SearchDoc): string =>
    onThisPage(doc) ? `#${encodeURIComponent(doc.id)}` : `${new URL(doc.page!, siteRoot).href}#${encodeURIComponent(doc.id)}`;

  const notice = (text: string): void => {
    const li = document.createElement('li');
    li.className = 'search-notice';
    li.textContent = text;
    list.replaceChildren(li);
    input.setAttribute('aria-expanded', 'true');
  };

  const close = (): void => {
    list.replaceChildren();
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };

  // The section's prose as shown on this page, or the stored start of it for another page.
  const textOf = (doc: SearchDoc): string => {
    if (!onThisPage(doc) || !sectionIds) return doc.snippet;
    let text = textCache.get(doc.id);
    if (text === undefined) {
      const heading = document.getElementById(doc.id);
      text = heading ? sectionTextNodes(heading, sectionIds, true).map((n) => n.data).join(' ').replace(/\s+/g, ' ').trim() : doc.snippet;
      textCache.set(doc.id, text);
    }
    return text;
  };

  function update(): void {
    const query = input!.value;
    if (!query.trim()) {
      close();
      clearHighlights();
      return;
    }
    if (failed) return notice(failed);
    if (!engine) return;
    const { docs, words } = engine.search(query);
    lastWords = words;
    if (!docs.length) return notice(`No results for “${query.trim()}”`);
    const items = docs.map((doc, i) => result(doc, i, engine!));
    list!.replaceChildren(...items);
    input!.setAttribute('aria-expanded', 'true');
    select(0);
  }

  function result(doc: SearchDoc, i: number, e: Engine): HTMLLIElement {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = href(doc);
    a.id = `search-result-${i}`;
    a.setAttribute('role', 'option');
    a.dataset.section = doc.id;
    const title = document.createElement('span');
    title.className = 'search-result-title';
    appendMarked(title, doc.title, e.ranges(doc.title, lastWords));
    a.appendChild(title);
    if (doc.parents.length) {
      const parents = document.createElement('span');
      parents.className = 'search-result-parents';
      parents.textContent = doc.parents.join(' › ');
      a.appendChild(parents);
    }
    const full = textOf(doc);
    if (full) {
      const cut = snippetAround(full, e.ranges(full, lastWords));
      const snippet = document.createElement('span');
      snippet.className = 'search-result-snippet';
      appendMarked(snippet, cut.text, cut.ranges);
      a.appendChild(snippet);
    }
    li.appendChild(a);
    return li;
  }

  function options(): HTMLAnchorElement[] {
    return [...list!.querySelectorAll<HTMLAnchorElement>('a[role="option"]')];
  }

  function select(i: number, scroll = false): void {
    const all = options();
    if (!all.length) return;
    active = (i + all.length) % all.length;
    all.forEach((a, k) => a.setAttribute('aria-selected', String(k === active)));
    input!.setAttribute('aria-activedescendant', all[active].id);
    // Only when the keyboard moves: a forced layout on every keystroke costs much on a large page.
    if (scroll) all[active].scrollIntoView({ block: 'nearest' });
  }

  // The reader chose a result (click or Enter): the link scrolls; marks go into that section only.
  list.addEventListener('click', (event) => {
    const a = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[role="option"]') : null;
    if (!a || !engine || !sectionIds) return;
    clearHighlights();
    const doc = engine.docs.find((d) => d.id === a.dataset.section && href(d) === a.getAttribute('href'));
    const heading = doc && onThisPage(doc) ? document.getElementById(doc.id) : null;
    if (heading) highlightSection(heading, sectionIds, (text) => engine!.ranges(text, lastWords));
    if (window.matchMedia(SMALL_SCREEN).matches) close();
  });

  input.addEventListener('focus', () => void load());
  input.addEventListener('input', () => {
    if (engine || failed) return update();
    void load();
    // Show that something is coming only when it is slow enough to notice.
    setTimeout(() => { if (!engine && !failed && input.value.trim()) notice('Loading search…'); }, LOADING_DELAY_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      select(active + (event.key === 'ArrowDown' ? 1 : -1), true);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      options()[Math.max(active, 0)]?.click();
    } else if (event.key === 'Escape') {
      // First Esc closes the list, the next one clears the box.
      if (list.childElementCount) close();
      else { input.value = ''; clearHighlights(); }
    }
  });

  // `/` anywhere but in a field jumps to the search box, as on many documentation sites.
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    const t = event.target;
    if (t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    event.preventDefault();
    input.focus();
  });
}
