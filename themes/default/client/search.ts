// Search box: type-ahead results under the box, keyboard navigation, and marks in the chosen
// section. Loaded by main.ts only when the page has a search box; the index, the search worker
// and the marking code are fetched on the first focus of the box or the first `/`, never before.
// Queries are answered in the worker, one at a time: while one is out, only the newest typed
// query waits, so a fast typist never queues stale work and the page's thread only draws.

import type { SearchHit, SearchResult, SectionList } from './search-engine';
import type { QueryWord, Range } from './search-match';
import { appendMarked, clearHighlights, highlightSection, sectionProse, snippetAround } from './search-marks';

const SMALL_SCREEN = '(max-width: 930px)';
const LOADING_DELAY_MS = 150;
/** Prose read from a section for its snippet: enough for a window around a match near the top. */
const SNIPPET_SOURCE = 1500;

/** Answers queries: the search worker, or the engine on this thread where no worker can start. */
interface Backend {
  /** Section ids and their pages, in index order (a section ends where the next one starts). */
  sections: SectionList;
  search(query: string): Promise<SearchResult & { error?: string }>;
  /** The answer to the query sent with the index, if one was. */
  first?: { query: string; answer: SearchResult };
}

/** Called when the index's snippets, read after the first answer (search-worker.ts), are in. */
type OnSnippets = () => void;

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

  let backend: Backend | undefined;
  let ranges: ((text: string, words: QueryWord[]) => Range[]) | undefined;
  let loading: Promise<void> | undefined;
  let failed: string | undefined;
  let active = -1;
  let lastWords: QueryWord[] = [];
  // The query shown, the one being answered, and the newest typed while it was: one in flight at a time.
  let shown: string | undefined;
  let asked: string | undefined;
  let next: string | undefined;
  // The folder above the index's assets/; a page built with --inline holds its index as a data:
  // URL, which has no folder, and names the root itself (src/output/inline.ts).
  const rootAttr = document.body.dataset.siteRoot;
  const siteRoot = rootAttr ? new URL(rootAttr, window.location.href) : new URL('../', new URL(indexUrl, window.location.href));
  const textCache = new Map<string, string>();
  // The ids of this page's sections (a section ends where the next one starts): made when first
  // needed, not while the first answer is on its way.
  let sectionSet: Set<string> | undefined;
  const sectionIds = (): Set<string> | undefined => {
    if (!sectionSet && backend) {
      const { ids, pages, page } = backend.sections;
      sectionSet = new Set(ids.split('\0').filter((_, i) => !pages || !page || onThisPage({ page: pages[page[i]] })));
    }
    return sectionSet;
  };

  // The worker starts when the pointer reaches the box, or at the latest on focus, so that its
  // script loads and compiles while the index downloads (the index itself waits for focus).
  let workerStart: ReturnType<typeof startWorker> | undefined;
  const warm = (): ReturnType<typeof startWorker> => (workerStart ??= startWorker());

  const load = (): Promise<void> => {
    if (loading) return loading;
    const worker = warm();
    // The marking code is made ready while the index downloads: its first use compiles the
    // word and stemming expressions, which would otherwise delay the first results drawn.
    const match = import('./search-match').then((m) => {
      const matcher = m.createMatcher();
      matcher('warm up', [{ exact: 'warm', prefix: 'up', mark: 'up', cjk: false }]);
      return matcher;
    });
    return (loading = fetch(indexUrl).then((r) => {
      if (!r.ok) throw new Error(`${r.status} ${r.statusText}`);
      return r.arrayBuffer();
    }).then(async (bytes) => {
      // The index goes to the worker as soon as it is here; the marking code is awaited after.
      // The query typed so far goes with it: its answer comes back with "ready", one round trip
      // through this (on a large page, busy) thread fewer.
      const ready = worker(bytes, input.value.trim() ? input.value : undefined, refresh).catch(() => onThisThread(bytes, refresh));
      ranges = await match;
      backend = await ready;
      if (backend.first && backend.first.query === input.value) render(backend.first.query, backend.first.answer);
      else update();
      // The section ids, when the page is idle rather than on a keystroke.
      (window.requestIdleCallback ?? setTimeout)(() => void sectionIds());
    }).catch((err: unknown) => {
      failed = 'Search is unavailable: ' + (err instanceof Error ? err.message : String(err));
      console.warn('shale search:', err);
      update();
    }));
  };

  const onThisPage = (doc: { page?: string }): boolean => {
    if (doc.page === undefined) return true;
    const path = (p: string) => p.replace(/index\.html$/, '');
    return path(new URL(doc.page, siteRoot).pathname) === path(window.location.pathname);
  };

  const href = (doc: SearchHit): string =>
    onThisPage(doc) ? `#${encodeURIComponent(doc.id)}` : `${new URL(doc.page!, siteRoot).href}#${encodeURIComponent(doc.id)}`;

  const notice = (text: string): void => {
    const li = document.createElement('li');
    li.className = 'search-notice';
    li.textContent = text;
    list.replaceChildren(li);
    list.removeAttribute('aria-busy');
    input.setAttribute('aria-expanded', 'true');
  };

  const close = (): void => {
    list.replaceChildren();
    list.removeAttribute('aria-busy');
    active = -1;
    shown = undefined;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };

  // The start of the section's prose as shown on this page, or the stored start of it for another page.
  const textOf = (doc: SearchHit): string => {
    if (!onThisPage(doc)) return doc.snippet ?? '';
    let text = textCache.get(doc.id);
    if (text === undefined) {
      const heading = document.getElementById(doc.id);
      const ids = heading && sectionIds();
      // Not on the page yet (client/chunks.ts): the stored start, if it has come (not kept).
      if (!heading || !ids) return doc.snippet ?? '';
      text = sectionProse(heading, ids, SNIPPET_SOURCE);
      textCache.set(doc.id, text);
    }
    return text;
  };

  // The snippets came after the list was drawn without them: the list is asked for again, the
  // same result kept selected. A query being answered already gets them.
  let keep: number | undefined;
  function refresh(): void {
    if (shown === undefined || shown !== input!.value || !list!.querySelector('a')) return;
    // The answer on its way may have been made without them: asked again once it is drawn.
    if (asked !== undefined) return void setTimeout(refresh, 50);
    keep = active;
    shown = undefined;
    update();
  }

  /** Sends the box's query to the backend unless one is being answered (then it goes next). */
  function update(): void {
    const query = input!.value;
    if (!query.trim()) {
      next = undefined;
      close();
      clearHighlights();
      return;
    }
    if (failed) return notice(failed);
    if (!backend || query === shown) return;
    list!.setAttribute('aria-busy', 'true');
    if (asked !== undefined) {
      next = query;
      return;
    }
    asked = query;
    void backend.search(query).then((answer) => {
      asked = undefined;
      // Only the newest query is worth drawing; an older answer is dropped.
      if (next !== undefined && next !== query) {
        next = undefined;
        return update();
      }
      next = undefined;
      if (input!.value !== query) return update();
      render(query, answer);
    });
  }

  function render(query: string, answer: SearchResult & { error?: string }): void {
    const reselect = keep;
    keep = undefined;
    shown = query;
    list!.removeAttribute('aria-busy');
    if (answer.error) return notice('Search failed: ' + answer.error);
    lastWords = answer.words;
    if (!answer.hits.length) return notice(`No results for “${query.trim()}”`);
    list!.replaceChildren(...answer.hits.map((doc, i) => result(doc, i)));
    input!.setAttribute('aria-expanded', 'true');
    select(reselect !== undefined && reselect >= 0 ? reselect : 0);
  }

  function result(doc: SearchHit, i: number): HTMLLIElement {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = href(doc);
    a.id = `search-result-${i}`;
    a.setAttribute('role', 'option');
    a.dataset.section = doc.id;
    const title = document.createElement('span');
    title.className = 'search-result-title';
    appendMarked(title, doc.title, ranges!(doc.title, lastWords));
    a.appendChild(title);
    if (doc.parents.length) {
      const parents = document.createElement('span');
      parents.className = 'search-result-parents';
      parents.textContent = doc.parents.join(' › ');
      a.appendChild(parents);
    }
    const full = textOf(doc);
    if (full) {
      const cut = snippetAround(full, ranges!(full, lastWords));
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
    const ids = sectionIds();
    if (!a || !ranges || !ids) return;
    clearHighlights();
    const rangesOf = ranges;
    const id = a.dataset.section ?? '';
    const onPage = a.getAttribute('href') === `#${encodeURIComponent(id)}`;
    const mark = (heading: Element | null): void => {
      if (heading) highlightSection(heading, ids, (text) => rangesOf(text, lastWords));
    };
    const heading = onPage ? document.getElementById(id) : null;
    if (heading) mark(heading);
    // A section in a part of the page not loaded yet (client/chunks.ts, which also scrolls to it):
    // marked once it is there. Only a page in parts fetches that module.
    else if (onPage && document.body.dataset.chunkMap) void import('./chunks').then((m) => m.reveal(id)).then(mark);
    if (window.matchMedia(SMALL_SCREEN).matches) close();
  });

  input.addEventListener('pointerenter', () => void warm(), { once: true });
  input.addEventListener('focus', () => void load());
  const typed = () => {
    if (backend || failed) return update();
    void load();
    // Show that something is coming only when it is slow enough to notice.
    setTimeout(() => { if (!backend && !failed && input.value.trim()) notice('Loading search…'); }, LOADING_DELAY_MS);
  };
  input.addEventListener('input', typed);
  // The box takes text before this code has arrived (a slow network, a busy dev server): what was
  // typed, or the focus it got, before the listeners were there is answered now, not on the next key.
  if (input.value.trim()) typed();
  else if (document.activeElement === input) void load();
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

/**
 * The worker (its own chunk), started at once so its script loads while the index downloads.
 * The returned function hands it the index and resolves when it has read it; it rejects if the
 * worker could not start (then or before), and the page answers queries itself.
 */
function startWorker(): (bytes: ArrayBuffer, query?: string, onSnippets?: OnSnippets) => Promise<Backend> {
  let failure: Error | undefined;
  let fail = (err: Error): void => { failure = err; };
  let worker: Worker | undefined;
  try {
    worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
    worker.onerror = (e) => { e.preventDefault(); worker!.terminate(); fail(new Error(e.message || 'worker failed')); };
  } catch (err) {
    failure = err instanceof Error ? err : new Error(String(err));
  }
  return (bytes, query, onSnippets) => new Promise((resolve, reject) => {
    if (failure || !worker) return reject(failure);
    fail = reject;
    const w = worker;
    const waiting = new Map<number, (r: SearchResult & { error?: string }) => void>();
    let id = 0;
    w.onmessage = (event: MessageEvent) => {
      const data = event.data;
      if (data.ready) {
        resolve({
          sections: data.sections as SectionList,
          first: data.first && query !== undefined ? { query, answer: data.first } : undefined,
          search: (query) => new Promise((answer) => { waiting.set(++id, answer); w.postMessage({ id, query }); }),
        });
      } else if (data.snippets) {
        onSnippets?.();
      } else if (data.id === undefined && data.error) {
        reject(new Error(data.error));
      } else {
        waiting.get(data.id)?.(data);
        waiting.delete(data.id);
      }
    };
    // Handed over, not copied (the copy and its second decoding cost ~3 ms on a 2 MB index):
    // should the worker fail after this, the page fetches the index again (from the cache).
    w.postMessage({ index: bytes, url: indexUrl(), query }, [bytes]);
  });
}

/** Where no worker can start (a page opened from disk): the engine on this thread. */
async function onThisThread(bytes: ArrayBuffer, onSnippets: OnSnippets): Promise<Backend> {
  const { createEngine, readIndex, sectionList } = await import('./search-engine');
  if (bytes.byteLength === 0) bytes = await (await fetch(indexUrl())).arrayBuffer();
  const { file, snippets } = readIndex(bytes, indexUrl());
  const engine = createEngine(file);
  void snippets?.().then((list) => { engine.addSnippets(list); onSnippets(); }, (err: unknown) => console.warn('shale search: no snippets:', err));
  return { sections: sectionList(file), search: async (query) => engine.search(query) };
}

const indexUrl = (): string => new URL(document.body.dataset.searchIndex!, window.location.href).href;
