// The worker of beside.ts: while the pages are rendered, it opens the search cache, reads the term
// counts and the unchanged parts' sections (part-sections.ts) and digests those; then it runs the
// one job it is sent, posts the indexes back as entries, and writes the cache for the next build.

import { parentPort, workerData } from 'node:worker_threads';
import { readPartSections, type PartSections } from '../cache/part-sections.js';
import { openSearchCache } from '../cache/search-cache.js';
import type { Section } from '../types.js';
import { runSearchJob, type SearchJob, type SearchSetup } from './beside.js';
import { sectionKey } from './term-counts.js';

const setup = workerData as SearchSetup;
// The memo keys of the sections read ahead (22 MB of GitHub's text to hash), made while waiting.
const keys = new WeakMap<Section, string>();
const cache = setup.cache && openSearchCache(setup.cache.dir, setup.cache.scope, (s) => keys.get(s) ?? sectionKey(s));
cache?.readAhead();
const parts = new Map<string, PartSections[]>();
for (const file of setup.parts) {
  try {
    parts.set(file, readPartSections(file));
  } catch {
    // Gone or torn: the job says whether it needs it, and reading it then tells.
  }
}
for (const records of parts.values()) for (const r of records) for (const s of r.sections) keys.set(s, sectionKey(s));

parentPort!.once('message', (job: SearchJob) => {
  const same = setup.cache && job.cache && setup.cache.dir === job.cache.dir && setup.cache.scope === job.cache.scope;
  parentPort!.postMessage([...runSearchJob(job, same ? cache : undefined, (file) => parts.get(file) ?? readPartSections(file))]);
  // The index and the term counts kept for the next build, once the build has the indexes.
  if (same) cache!.flush();
});
