// The search worker: reads the index and answers queries off the page's thread, so neither a
// large index arriving nor a query over it ever holds up scrolling or typing. Messages:
//   page → worker  { index: ArrayBuffer, url,     the index file's bytes (fetched by the page,
//                    query? }                     so the request shows in its timeline), its
//                                                 URL, and the query typed so far, if any
//                  { id, query, limit? }          a query
//   worker → page  { ready, sections, first? }    after reading the index (sections: each
//                  | { error }                    section's id and page as a SectionList, cheap
//                                                 to pass; first: the answer to `query`)
//                  { snippets: true }             after "ready", once the snippets (read or fetched
//                                                 after the first answer) are in: answers carry them
//                  { id, hits, words }            the answer to query `id`

import { createEngine, INDEX_VERSION, readIndex, sectionList, type Engine } from './search-engine';
import { queryWords } from './search-tokens.js';

let engine: Engine | undefined;
// While the index downloads: the query code's regular expressions are compiled on first use,
// and the engine's functions on their first run: one index of one section runs them now.
queryWords('warm up');
try {
  createEngine({
    version: INDEX_VERSION, fields: [{ name: 'title', boost: 1 }], terms: ['warm', 'warmth'], lengths: [[1]],
    postings: ['BA', 'BA'], docs: { ids: ['w'], titles: ['Warm'], parents: [-1] },
  }).search('warm wa');
} catch {
  // only a head start
}

self.onmessage = (event: MessageEvent) => {
  const data = event.data as { index?: ArrayBuffer; url?: string; id?: number; query?: string; limit?: number };
  try {
    if (data.index) {
      const { file, snippets } = readIndex(data.index, data.url ?? self.location.href);
      const ready = createEngine(file);
      engine = ready;
      // A query sent with the index is answered at once, with the "ready" message.
      const first = typeof data.query === 'string' ? ready.search(data.query, data.limit) : undefined;
      self.postMessage({ ready: true, sections: sectionList(file), first });
      // Then the snippets, while the page draws that answer; queries meanwhile go without them.
      void snippets?.().then((list) => {
        ready.addSnippets(list);
        self.postMessage({ snippets: true });
      }, (err: unknown) => console.warn('shale search: no snippets:', err));
    } else if (engine && typeof data.query === 'string') {
      self.postMessage({ id: data.id, ...engine.search(data.query, data.limit) });
    }
  } catch (err) {
    self.postMessage({ id: data.id, error: err instanceof Error ? err.message : String(err) });
  }
};
