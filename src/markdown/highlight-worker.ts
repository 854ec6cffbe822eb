// The highlighting worker of highlight-pool.ts: the main thread's highlighter (highlight.ts) in a
// thread of its own. It answers the blocks sent ahead in their order, and a block asked for at
// once ("urgent") before them. Messages are read with receiveMessageOnPort, never as events, and
// an idle worker sleeps on the shared counter the main thread bumps for each message.

import { receiveMessageOnPort, workerData } from 'node:worker_threads';
import type { BundledTheme } from 'shiki';
import { createCodeHighlighter } from './highlight.js';
import type { FromWorker, Job, PoolData, ToWorker } from './highlight-pool.js';

const { theme, port, signals } = workerData as PoolData;

const answer = (message: FromWorker): void => {
  port.postMessage(message);
  Atomics.add(signals, 0, 1);
  Atomics.notify(signals, 0);
};

async function serve(): Promise<void> {
  const hl = await createCodeHighlighter(theme as BundledTheme);
  const queue: Job[] = [];
  const urgent: Job[] = [];
  let head = 0;
  for (;;) {
    const posted = Atomics.load(signals, 1);
    // Every message so far, in order: a page's grammars are loaded before its blocks are reached.
    for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
      const message = m.message as ToWorker;
      if (message.type === 'stop') return hl.dispose();
      if (message.type === 'load') {
        const mentioned = message.mentioned;
        await hl.load(message.lexers, mentioned ? (pattern) => mentioned.includes(pattern.source) : undefined);
      } else if (message.type === 'jobs') {
        for (const job of message.jobs) queue.push(job);
      } else {
        urgent.push(message.job);
      }
    }
    const job = urgent.shift() ?? (head < queue.length ? queue[head++] : undefined);
    if (!job) {
      Atomics.wait(signals, 1, posted);
      continue;
    }
    const [id, code, lexer] = job;
    try {
      answer({ id, html: hl.highlight(code, lexer) });
    } catch (err) {
      answer({ id, error: err instanceof Error ? err.message : String(err) });
    }
  }
}

serve().catch((err: unknown) => answer({ id: -1, error: err instanceof Error ? err.message : String(err) }));
