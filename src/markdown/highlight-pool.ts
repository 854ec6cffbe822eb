// Highlighting in a worker thread while the main thread parses the Markdown. On a large reference
// highlighting is over a third of the render (5 s of 13 on GitHub's), and markdown-it's parse and
// shiki's tokenizer each keep one core busy: run side by side, the page waits for the slower.
//
// The page's fences are forecast before it is parsed (fence-scan.ts) and sent to the worker,
// which highlights them in page order. The renderer still asks for each block synchronously, as
// markdown-it's fence rule must return HTML: the answer is taken from the port with
// receiveMessageOnPort, waiting on a shared counter (Atomics.wait) when the worker is not there
// yet; a block the forecast missed is sent at once, ahead of the queue. The worker runs the same
// highlighter (highlight.ts) with the same grammars, so every block's HTML is the one the main
// thread would have made. A page with few new blocks is highlighted on the main thread: starting a
// worker (its modules, shiki and the grammars) costs more than it saves.
//
// Grammars cost too: loading GitHub's nine is ~0.1 s, a tenth of a one-line edit whose blocks all
// come from the highlight cache. So the main thread loads only the grammars of the blocks the
// forecast says it will highlight (the cache in front sends only its misses) and of the fences the
// forecast could not see; a block it got wrong anyway, in a language left unloaded, starts the
// worker after all and is highlighted there.

import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { workerModule } from '../package-root.js';
import { startWorker } from '../worker-job.js';
import { EMBEDDED_PATTERNS, type CodeHighlighter } from './highlight.js';

/** Fewer new blocks than this (in one prefetch) are highlighted on the main thread. */
export const POOL_MIN_BLOCKS = 1000;
/**
 * No answer from the worker for this long: it is gone. An answer takes milliseconds; the worker
 * reports its own errors as answers, so this only ends a wait on a thread that died silently.
 */
const STALL_MS = 300_000;

/** One block for the worker: id, code, lexer. */
export type Job = [number, string, string];
/** Main thread → worker. `mentioned`: the EMBEDDED_PATTERNS the page has (null: load grammars whole). */
export type ToWorker =
  | { type: 'load'; lexers: string[]; mentioned: string[] | null }
  | { type: 'jobs'; jobs: Job[] }
  | { type: 'urgent'; job: Job }
  | { type: 'stop' };
/** Worker → main thread. An id of -1 is the worker failing to start. */
export type FromWorker = { id: number; html: string } | { id: number; error: string };
/** What the worker is started with. `signals[0]`: answers it posted; `signals[1]`: messages posted to it. */
export interface PoolData {
  theme: string;
  port: MessagePort;
  signals: Int32Array;
}

/**
 * `inner` with a worker behind it once a prefetch brings `minBlocks` blocks or more; until then,
 * and without a compiled worker (tests run from src/), `inner` itself.
 */
export function withHighlightPool(inner: CodeHighlighter, theme: string, minBlocks = POOL_MIN_BLOCKS): CodeHighlighter & { threaded(): number } {
  const file = minBlocks === Infinity ? undefined : workerModule(import.meta.url, 'markdown', 'highlight-worker.js');
  let pool: Pool | undefined;
  let threaded = 0;
  // The languages of the blocks announced since the last load (undefined: none announced, so the
  // next load has no forecast and loads everything). Without a worker to fall back on, none is left out.
  let announced: Set<string> | undefined;
  // What the main thread was asked to load, and left out: a worker started later loads all of it.
  const asked = new Set<string>();
  const loadedHere = new Set<string>();
  const mentioned = new Set<string>();
  let wholeAsked = false;
  const start = (): Pool => {
    pool = startPool(file!, theme);
    if (asked.size) pool.load([...asked], wholeAsked ? null : [...mentioned]);
    return pool;
  };
  return {
    ...inner,
    /** Blocks the worker highlighted. */
    threaded: () => threaded,
    prefetch(blocks, unseen = []) {
      if (!pool && file && blocks.length >= minBlocks) start();
      pool?.enqueue(blocks);
      announced ??= new Set();
      for (const b of blocks) announced.add(b.lexer);
      for (const lexer of unseen) announced.add(lexer);
    },
    async load(lexers, mentions) {
      const forecast = announced;
      announced = undefined;
      const names = [...lexers];
      const heredocs = mentions ? EMBEDDED_PATTERNS.filter((p) => mentions(p)).map((p) => p.source) : null;
      if (pool) return pool.load(names, heredocs);
      for (const l of names) asked.add(l);
      if (heredocs) heredocs.forEach((p) => mentioned.add(p));
      else wholeAsked = true;
      const here = file && forecast ? names.filter((l) => forecast.has(l)) : names;
      for (const l of here) loadedHere.add(l);
      // The patterns already tested: the text is not searched twice.
      return inner.load(here, heredocs ? (pattern) => heredocs.includes(pattern.source) : undefined);
    },
    highlight(code, lexer) {
      // A language left unloaded here: the forecast missed this block, and the worker takes it.
      if (!pool && asked.has(lexer) && !loadedHere.has(lexer)) start();
      if (!pool) return inner.highlight(code, lexer);
      threaded++;
      return pool.highlight(code, lexer);
    },
    dispose() {
      pool?.stop();
      inner.dispose();
    },
  };
}

interface Pool {
  load(lexers: string[], mentioned: string[] | null): void;
  enqueue(blocks: Array<{ code: string; lexer: string }>): void;
  highlight(code: string, lexer: string): string;
  stop(): void;
}

function startPool(file: URL, theme: string): Pool {
  const { port1: port, port2 } = new MessageChannel();
  const signals = new Int32Array(new SharedArrayBuffer(8));
  const worker = startWorker(file, { workerData: { theme, port: port2, signals } satisfies PoolData, transferList: [port2] });
  // The build waits on answers, never on the thread: it must not keep the process alive.
  worker.unref();
  worker.on('error', () => { /* seen as a stall or an error answer where it matters */ });
  const predicted = new Map<string, number>();
  const answers = new Map<number, string>();
  let next = 0;

  const post = (message: ToWorker): void => {
    port.postMessage(message);
    Atomics.add(signals, 1, 1);
    Atomics.notify(signals, 1);
  };
  const take = (id: number): string => {
    for (;;) {
      const html = answers.get(id);
      if (html !== undefined) {
        answers.delete(id);
        return html;
      }
      // Read the counter before draining: an answer posted in between changes it, so the wait returns at once.
      const posted = Atomics.load(signals, 0);
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        const answer = m.message as FromWorker;
        if ('error' in answer) throw new Error(`highlighting worker: ${answer.error}`);
        answers.set(answer.id, answer.html);
      }
      if (!answers.has(id) && Atomics.wait(signals, 0, posted, STALL_MS) === 'timed-out') {
        throw new Error(`the highlighting worker gave no answer for ${STALL_MS / 1000} s`);
      }
    }
  };

  return {
    load: (lexers, mentioned) => post({ type: 'load', lexers, mentioned }),
    enqueue(blocks) {
      const jobs: Job[] = [];
      for (const { code, lexer } of blocks) {
        const key = `${lexer}\0${code}`;
        if (predicted.has(key)) continue;
        predicted.set(key, next);
        jobs.push([next++, code, lexer]);
      }
      if (jobs.length) post({ type: 'jobs', jobs });
    },
    highlight(code, lexer) {
      const key = `${lexer}\0${code}`;
      let id = predicted.get(key);
      if (id === undefined) post({ type: 'urgent', job: [(id = next++), code, lexer] });
      else predicted.delete(key);
      return take(id);
    },
    stop() {
      post({ type: 'stop' });
      port.close();
      void worker.terminate();
    },
  };
}
