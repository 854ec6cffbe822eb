// One job in a worker thread: started with what it may prepare ahead, sent its data when that is
// ready, it posts one result, may say when the rest of its work is done (JOB_DONE), and ends (the
// build's search indexes: src/search/beside.ts). Started early, a worker's start and its
// preparation overlap the caller's own work.

import { Worker, type WorkerOptions } from 'node:worker_threads';

export interface WorkerJob<T> {
  /** Sends the job's data (once); its one message is the result. */
  run(data: unknown): Promise<T>;
  /** Stops the worker (a build that failed before it needs the result, or that did the job itself). */
  stop(): void;
}

/**
 * The process's Node options for a worker thread, less `--input-type`: a host started as
 * `node --input-type=module -e …` would otherwise see the worker fail with ERR_INPUT_TYPE_NOT_ALLOWED.
 */
export function workerExecArgv(execArgv: readonly string[] = process.execArgv): string[] {
  return execArgv.filter((arg, i) => !arg.startsWith('--input-type') && execArgv[i - 1] !== '--input-type');
}

/**
 * A worker thread given the process's Node options (workerExecArgv), less those it refuses. Node
 * refuses V8 options in a worker, and `node --max-old-space-size=8192 …/shale build` is the usual
 * way to give a large reference more memory: the build stopped with ERR_WORKER_INVALID_EXEC_ARGV.
 * V8's options hold for the whole process, so the worker's heap follows them all the same. Node
 * names the options it refused in its message; should that ever not parse, the worker gets none.
 */
export function startWorker(file: URL, options: WorkerOptions, execArgv: readonly string[] = process.execArgv): Worker {
  const tries = [workerExecArgv(execArgv)];
  for (;;) {
    try {
      return new Worker(file, { ...options, execArgv: tries[tries.length - 1] });
    } catch (e) {
      const { code, message } = e as { code?: string; message?: string };
      if (code !== 'ERR_WORKER_INVALID_EXEC_ARGV' || tries.length > 2) throw e;
      const refused = new Set(String(message).slice(String(message).indexOf(': ') + 2).split(', '));
      const kept = tries[0].filter((arg) => !refused.has(arg));
      tries.push(kept.length < tries[tries.length - 1].length ? kept : []);
    }
  }
}

/**
 * What a job's worker posts after its result once the rest of its work (writing caches) is done:
 * the process need not then wait for the thread to end (tearing down its heap took ~0.1 s of an
 * edit of GitHub's reference, after the build was done).
 */
export const JOB_DONE = 'shale:job-done';

/**
 * Starts the compiled module `file` with `setup` as its workerData; it answers its first message
 * (the job's data) with one message, the result, and may post JOB_DONE after it.
 */
export function workerJob<T>(file: URL, setup: unknown = null): WorkerJob<T> {
  const worker = startWorker(file, { workerData: setup });
  worker.on('message', (message) => {
    if (message === JOB_DONE) worker.unref();
  });
  const result = new Promise<T>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`a worker thread (${file.pathname.split('/').pop()}) stopped with exit code ${code} before its result`)));
  });
  // Awaited by the build; a build that stops first must not wait on it, nor see it fail.
  result.catch(() => {});
  // Until it has its job, the worker does not keep the process alive: a build that failed on the
  // way to sending it still exits.
  worker.unref();
  return {
    run(data) {
      worker.ref();
      worker.postMessage(data);
      return result;
    },
    stop: () => void worker.terminate(),
  };
}
