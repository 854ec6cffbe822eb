// The pages' content cut into chunks and written in a worker thread while the main thread keeps
// the render's caches (on GitHub's reference each is ≈ 0.7 s, and the search index is made in a
// third thread meanwhile: src/search/beside.ts). Only a page in chunks is worth sending: the rest
// is its HTML as it is, and small pages are written on the main thread.

import { workerModule } from '../package-root.js';
import { workerJob } from '../worker-job.js';
import { writeContents, type ContentPage, type PageContent } from './pages.js';

/** Less content HTML than this, over the pages that go in chunks, is written on the main thread. */
export const BESIDE_MIN_BYTES = 8_000_000;

export interface ContentJob {
  outDir: string;
  base: string;
  lazyContent: number | false;
  pages: ContentPage[];
}

export interface ContentBeside {
  /** outPath → what stays in the page. */
  contents: Promise<Map<string, PageContent>>;
  threaded: boolean;
  stop(): void;
}

/** The job, in a worker thread when the pages in chunks hold `minBytes` of HTML and the worker is compiled, else here and now. */
export function writeContentsBeside(job: ContentJob, inChunks: (page: ContentPage) => boolean, minBytes = BESIDE_MIN_BYTES): ContentBeside {
  const large = job.pages.filter(inChunks);
  const bytes = large.reduce((n, p) => n + p.html.length, 0);
  const file = large.length && bytes >= minBytes ? workerModule(import.meta.url, 'output', 'content-worker.js') : undefined;
  if (!file) return { contents: new Promise((resolve) => resolve(runContentJob(job))), threaded: false, stop() {} };
  // Only the pages in chunks cross to the worker; the others' content is their HTML.
  const { result, stop } = workerJob<Array<[string, PageContent]>>(file, { ...job, pages: large });
  const contents = result.then((entries) => new Map([...runContentJob({ ...job, pages: job.pages.filter((p) => !inChunks(p)) }), ...entries]));
  contents.catch(() => {}); // awaited by the build, unless it failed first
  return { contents, threaded: true, stop };
}

export function runContentJob(job: ContentJob): Map<string, PageContent> {
  return writeContents(job.pages, job.outDir, job);
}
