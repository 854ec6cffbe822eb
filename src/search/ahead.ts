// When a build starts its search worker (beside.ts). The worker's start, its read of the term
// counts and of the unchanged parts' sections take ~0.7 s on GitHub's reference; begun before the
// load, they are done by the time the render is. Before the load, the last build's term counts
// tell a large site (GitHub's: 5.6 MB); a site seen for the first time is told after the load,
// by its Markdown's length.

import { listedParts, partIndexBase } from '../cache/part-store.js';
import { termCountsBytes } from '../cache/search-cache.js';
import { sizeOfParts } from '../load/read.js';
import type { Source } from '../types.js';
import { searchWorker, type SearchJob, type SearchWorker } from './beside.js';

/** Term counts this large (bytes) start the worker before the load: a site of some 2,000 sections. */
export const AHEAD_MIN_COUNTS = 1_000_000;

/** Markdown this long (characters, or bytes of files not decoded) starts it after the load (GitHub's reference: a section in 2,900 characters). */
export const AHEAD_MIN_CHARS = 2_000_000;

export interface SearchAhead {
  /** After the load: starts the worker now if the sources are large and it was not started before. */
  loaded(sources: Source[]): void;
  /** The worker, if started. */
  readonly worker: SearchWorker | undefined;
  stop(): void;
}

/**
 * Starts the worker at once when the last build's term counts are large. `outPaths`: the pages, whose
 * part stores name the files to read ahead; `workers`: the build's option (false never, true always).
 */
export function searchAhead(cache: SearchJob['cache'], outPaths: string[], workers?: boolean): SearchAhead {
  const parts = () => (cache ? outPaths.flatMap((outPath) => listedParts(partIndexBase(cache.dir, cache.scope, outPath))) : []);
  const start = () => searchWorker({ cache, parts: parts() });
  let worker = workers !== false && cache && termCountsBytes(cache.dir, cache.scope) >= AHEAD_MIN_COUNTS ? start() : undefined;
  return {
    loaded(sources) {
      const size = sources.reduce((n, s) => n + sizeOfParts(s.parts), 0);
      if (!worker && workers !== false && (workers || size >= AHEAD_MIN_CHARS)) worker = start();
    },
    get worker() { return worker; },
    stop: () => worker?.stop(),
  };
}
