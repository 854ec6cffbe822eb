// The build's search indexes, made in a worker thread while the main thread keeps the render's
// caches and cuts and writes the pages' content: on GitHub's reference the index is 1.3–1.6 s, the
// caches 0.7 s and the content 0.7 s, one after the other until now. Only the shell of each page
// waits for its index (it names the index file). A site with few sections builds its indexes on
// the main thread: a worker's start costs more. (Writing the content in a worker as well was
// measured and dropped: no faster on two cores, and +100 to +430 MiB peak RSS for its copy of
// the page.)

import { layoutSections, type PartSections, type SectionsLayout } from '../cache/part-sections.js';
import { openSearchCache, type SearchCache } from '../cache/search-cache.js';
import { workerModule } from '../package-root.js';
import { workerJob, type WorkerJob } from '../worker-job.js';
import type { Page, Section } from '../types.js';
import { indexFilesOf, type IndexFiles } from './index.js';
import { searchIndexes } from './scope.js';

/** Fewer sections than this, over all pages, are indexed on the main thread. */
export const BESIDE_MIN_SECTIONS = 2000;

/** What the indexes are made from, as plain data a worker can be sent. */
export interface SearchJob {
  /** The `.shale-cache/` folder and the source folder it is kept for, or none (no cache). */
  cache?: { dir: string; scope: string };
  /** Keep each index's snippets in its file (`--inline`: indexFilesOf). */
  whole: boolean;
  pages: Array<{
    outPath: string;
    search: Page['source']['frontmatter']['search'];
    /** The page's cache key: equal keys, equal sections (with `cache`). */
    key: string;
    /** Is the page in chunks (its index then stores snippets)? */
    inChunks: boolean;
    /** How many sections the page has. */
    count: number;
    /**
     * Its sections, or what the worker makes them from: the stored files of its unchanged parts,
     * which it reads while the pages are rendered, and the edited parts' records (part-sections.ts).
     * A page of 7,474 sections is 22 MB of text to send otherwise.
     */
    sections: Section[] | { layout: SectionsLayout };
  }>;
}

/**
 * The job for `pages`; with `cache`, each page's cache key (`keyOf`: equal keys, equal sections).
 * `layoutOf`: where a page's sections can be made from its part files (PartStore.layout), for a worker.
 */
export function searchJob(pages: Page[], inChunks: (page: Page) => boolean, cache?: { dir: string; scope: string; keyOf: (page: Page) => string },
  layoutOf: (page: Page) => SectionsLayout | undefined = () => undefined, whole = false): SearchJob {
  return {
    cache: cache && { dir: cache.dir, scope: cache.scope },
    whole,
    pages: pages.map((p) => {
      const layout = layoutOf(p);
      return {
        outPath: p.source.outPath, search: p.source.frontmatter.search, key: cache ? cache.keyOf(p) : '', inChunks: inChunks(p),
        count: p.sections.length, sections: layout ? { layout } : p.sections,
      };
    }),
  };
}

export interface SearchBeside {
  /** outPath → the index's files, for the pages that have search on. */
  indexes: Promise<Map<string, IndexFiles>>;
  /** Is a worker thread making them? */
  threaded: boolean;
  /** Stops the worker (a build that failed before it needs the indexes). */
  stop(): void;
}

/** A search worker, started with its setup and sent its job later (searchWorker). */
export type SearchWorker = WorkerJob<Array<[string, IndexFiles]>>;

/** What a search worker is started with: the job's cache, and the part files (part-sections.ts) to read ahead. */
export interface SearchSetup {
  cache?: SearchJob['cache'];
  parts: string[];
}

/**
 * A search worker started now, before the job is known: its start (compiling the index code), its
 * read of the last build's term counts and of the unchanged parts' sections overlap the render.
 * Undefined when the worker is not compiled (tests run from the TypeScript sources).
 */
export function searchWorker(setup: SearchSetup = { parts: [] }): SearchWorker | undefined {
  const file = workerModule(import.meta.url, 'search', 'index-worker.js');
  return file && workerJob(file, setup);
}

/**
 * The job, in a worker thread when it is large (`minSections`) and the worker is compiled, else
 * here and now. `ahead`: a worker started earlier for it (searchWorker), stopped if not needed.
 */
export function searchIndexesBeside(job: SearchJob, minSections = BESIDE_MIN_SECTIONS, ahead?: SearchWorker): SearchBeside {
  const sections = job.pages.reduce((n, p) => n + p.count, 0);
  const worker = sections >= minSections ? ahead ?? searchWorker({ cache: job.cache, parts: [] }) : undefined;
  if (!worker) {
    ahead?.stop();
    return { indexes: new Promise((resolve) => resolve(indexFilesOf(runSearchJob(job), job.whole))), threaded: false, stop() {} };
  }
  const indexes = worker.run(job).then((entries) => new Map(entries));
  indexes.catch(() => {}); // awaited by the build, unless it failed first
  return { indexes, threaded: true, stop: worker.stop };
}

/**
 * The job itself, on whichever thread runs it. `cache`: the job's, opened already (a worker reads
 * it ahead, and writes it for the next build after it has posted the indexes: `flush`); without
 * it, the job opens and writes it itself. `read`: a part's sections (a worker reads them ahead).
 */
export function runSearchJob(job: SearchJob, cache?: SearchCache, read?: (file: string) => PartSections[]): Map<string, string> {
  if (!cache && job.cache) {
    const own = openSearchCache(job.cache.dir, job.cache.scope);
    const indexes = runSearchJob(job, own, read);
    own.flush();
    return indexes;
  }
  // Pages as the index code reads them, each with its entry of the job.
  const pages = job.pages.map((p) => ({
    source: { outPath: p.outPath, frontmatter: { search: p.search } },
    sections: Array.isArray(p.sections) ? p.sections : layoutSections(p.sections.layout, read),
    job: p,
  }));
  const inChunks = (p: (typeof pages)[number]) => p.job.inChunks;
  if (!cache) return searchIndexes(pages, inChunks);
  return cache.indexes(pages, (p) => p.job.key, (ps, counter, kept) => searchIndexes(ps, inChunks, counter, kept));
}
