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
  let pool: Pool | undefined;
  let threaded = 0;
  return {
    ...inner,
    /** Blocks the worker highlighted. */
    threaded: () => threaded,
    prefetch(blocks) {
      if (!pool && blocks.length >= minBlocks) {
        const file = workerModule(import.meta.url, 'markdown', 'highlight-worker.js');
        if (file) pool = startPool(file, theme);
      }
      pool?.enqueue(blocks);
    },
    async load(lexers, mentions) {
      if (!pool) return inner.load(lexers, mentions);
      pool.load([...lexers], mentions ? EMBEDDED_PATTERNS.filter((p) => mentions(p)).map((p) => p.source) : null);
    },
    highlight(code, lexer) {
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
