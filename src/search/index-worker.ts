// The worker of beside.ts: opens the search cache and reads its term counts while the pages are
// rendered, then runs the one job it is sent and posts the indexes back as entries.

import { parentPort, workerData } from 'node:worker_threads';
import { openSearchCache } from '../cache/search-cache.js';
import { runSearchJob, type SearchJob } from './beside.js';

const setup = workerData as SearchJob['cache'] | null;
const cache = setup ? openSearchCache(setup.dir, setup.scope) : undefined;
cache?.readAhead();
parentPort!.once('message', (job: SearchJob) => {
  const same = setup && job.cache && setup.dir === job.cache.dir && setup.scope === job.cache.scope;
  parentPort!.postMessage([...runSearchJob(job, same ? cache : undefined)]);
});
