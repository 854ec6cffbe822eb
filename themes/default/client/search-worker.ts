// The search worker: reads the index and answers queries off the page's thread, so neither a
// large index arriving nor a query over it ever holds up scrolling or typing. Messages:
//   page → worker  { index: ArrayBuffer, query? } the index file's bytes (fetched by the page,
//                                                 so the request shows in its timeline), and
//                                                 the query typed so far, if any
//                  { id, query, limit? }          a query
//   worker → page  { ready, ids, pages?, first? } | { error } after reading the index (each
//                                                 section's id and page, as plain string
//                                                 lists, cheap to pass; first: the answer to `query`)
//                  { id, hits, words }            the answer to query `id`

import { createEngine, type Engine, type IndexFile } from './search-engine';
import { queryWords } from './search-tokens.js';

let engine: Engine | undefined;
// While the index downloads: the query code's regular expressions are compiled on first use.
queryWords('warm up');

self.onmessage = (event: MessageEvent) => {
  const data = event.data as { index?: ArrayBuffer; id?: number; query?: string; limit?: number };
  try {
    if (data.index) {
      const file = JSON.parse(new TextDecoder().decode(data.index));
      engine = createEngine(file);
      // A query sent with the index is answered at once, with the "ready" message.
      const first = typeof data.query === 'string' ? engine.search(data.query, data.limit) : undefined;
      const { ids, pages, page } = (file as IndexFile).docs;
      self.postMessage({ ready: true, ids, pages: pages && page ? page.map((i) => pages[i]) : undefined, first });
    } else if (engine && typeof data.query === 'string') {
      self.postMessage({ id: data.id, ...engine.search(data.query, data.limit) });
    }
  } catch (err) {
    self.postMessage({ id: data.id, error: err instanceof Error ? err.message : String(err) });
  }
};
