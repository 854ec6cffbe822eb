// Worker threads started by the build (src/worker-job.ts): a host's Node options that a worker
// refuses are left out, and a job's one message is its result.
import { describe, expect, it } from 'vitest';
import { workerExecArgv, workerJob } from '../src/worker-job.js';

describe('worker threads', () => {
  it('leave out --input-type, which a worker refuses, in both spellings', () => {
    expect(workerExecArgv(['--input-type=module', '--max-old-space-size=4096'])).toEqual(['--max-old-space-size=4096']);
    expect(workerExecArgv(['--input-type', 'module', '--trace-warnings'])).toEqual(['--trace-warnings']);
  });

  it('run a module with what it prepares ahead, then its data, and give its one message as the result', async () => {
    const code = 'import { parentPort, workerData } from "node:worker_threads"; parentPort.once("message", (n) => parentPort.postMessage(n * workerData));';
    const job = workerJob<number>(new URL(`data:text/javascript,${encodeURIComponent(code)}`), 2);
    expect(await job.run(21)).toBe(42);
  });
});
