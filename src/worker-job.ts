// One job in a worker thread: started with its data, it posts one result and ends (the build's
// search indexes: src/search/beside.ts).

import { Worker } from 'node:worker_threads';

export interface WorkerJob<T> {
  result: Promise<T>;
  /** Stops the worker (a build that failed before it needs the result). */
  stop(): void;
}

/** Runs the compiled module `file` with `data` as its workerData; its one message is the result. */
export function workerJob<T>(file: URL, data: unknown): WorkerJob<T> {
  const worker = new Worker(file, { workerData: data });
  const result = new Promise<T>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`a worker thread (${file.pathname.split('/').pop()}) stopped with exit code ${code} before its result`)));
  });
  // Awaited by the build; a build that stops first must not wait on it, nor see it fail.
  result.catch(() => {});
  return { result, stop: () => void worker.terminate() };
}
