// The worker of beside.ts: while the pages are rendered, it opens the search cache, reads the term
// counts and the unchanged parts' records (part-sections.ts), their sections' text left on disk;
// then it runs the one job it is sent, posts the indexes back as entries, writes the cache for
// the next build, and says so (JOB_DONE): the build's process then need not wait for it to end.

import { parentPort, workerData } from 'node:worker_threads';
import { readPartSections, readPartSectionsLazily, type PartSections } from '../cache/part-sections.js';
import { openSearchCache } from '../cache/search-cache.js';
import { runSearchJob, type SearchJob, type SearchSetup } from './beside.js';
import { indexFilesOf } from './index.js';
import type { SectionFacts } from './term-counts.js';
import { JOB_DONE } from '../worker-job.js';

const setup = workerData as SearchSetup;
// The memo keys and snippets of the sections read ahead: their text is then not read at all.
const facts: SectionFacts = new WeakMap();
const cache = setup.cache && openSearchCache(setup.cache.dir, setup.cache.scope, facts);
cache?.readAhead();
const parts = new Map<string, PartSections[]>();
for (const file of setup.parts) {
  try {
    parts.set(file, readPartSectionsLazily(file, facts));
  } catch {
    // Gone or torn: the job says whether it needs it, and reading it then tells.
  }
}

parentPort!.once('message', (job: SearchJob) => {
  const same = setup.cache && job.cache && setup.cache.dir === job.cache.dir && setup.cache.scope === job.cache.scope;
  const files = indexFilesOf(runSearchJob(job, same ? cache : undefined, (file) => parts.get(file) ?? readPartSections(file)), job.whole);
  // The files' bytes move to the main thread, not copied (a shared index's once).
  parentPort!.postMessage([...files], [...new Set([...files.values()].flatMap((f) => [f.bytes.buffer as ArrayBuffer, ...(f.snippets ? [f.snippets.bytes.buffer as ArrayBuffer] : [])]))]);
  // The index and the term counts kept for the next build, once the build has the indexes.
  if (same) cache!.flush();
  parentPort!.postMessage(JOB_DONE);
});
