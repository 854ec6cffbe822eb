// Worker threads started by the build (src/worker-job.ts): a host's Node options that a worker
// refuses are left out, a job's first message is its result, and once the worker says it is done
// the process does not wait for its thread.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { JOB_DONE, startWorker, workerExecArgv, workerJob } from '../src/worker-job.js';

describe('worker threads', () => {
  it('leave out --input-type, which a worker refuses, in both spellings', () => {
    expect(workerExecArgv(['--input-type=module', '--trace-warnings'])).toEqual(['--trace-warnings']);
    expect(workerExecArgv(['--input-type', 'module', '--trace-warnings'])).toEqual(['--trace-warnings']);
  });

  it('start when the host was given V8 options, which a worker refuses (node --max-old-space-size=8192 shale build)', async () => {
    const code = 'import { workerData } from "node:worker_threads"; workerData.port.postMessage(process.execArgv);';
    const { port1, port2 } = new MessageChannel();
    const hostArgv = ['--max-old-space-size=4096', '--trace-warnings', '--stack-size=2000', '--input-type=module'];
    const worker = startWorker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), { workerData: { port: port2 }, transferList: [port2] }, hostArgv);
    const seen = await new Promise((resolve) => port1.once('message', resolve));
    port1.close();
    await worker.terminate();
    expect(seen).toEqual(['--trace-warnings']); // the Node option is kept
  });

  it('run a module with what it prepares ahead, then its data, and give its one message as the result', async () => {
    const code = 'import { parentPort, workerData } from "node:worker_threads"; parentPort.once("message", (n) => parentPort.postMessage(n * workerData));';
    const job = workerJob<number>(new URL(`data:text/javascript,${encodeURIComponent(code)}`), 2);
    expect(await job.run(21)).toBe(42);
  });

  it('let the process end once the worker says its work after the result is done, not when the thread ends', () => {
    // A worker that posts its result, then JOB_DONE, then would keep its thread alive for 20 s.
    const worker = 'import { parentPort } from "node:worker_threads"; parentPort.once("message", (n) => { parentPort.postMessage(n + 1); '
      + `parentPort.postMessage(${JSON.stringify(JOB_DONE)}); setTimeout(() => {}, 20000); });`;
    const host = `import { workerJob } from ${JSON.stringify(pathToFileURL(join(import.meta.dirname, '..', 'dist', 'worker-job.js')).href)};
      const job = workerJob(new URL(${JSON.stringify(`data:text/javascript,${encodeURIComponent(worker)}`)}));
      console.log(await job.run(1));`;
    const t0 = Date.now();
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', host], { encoding: 'utf8', timeout: 10_000 });
    expect(out.trim()).toBe('2');
    expect(Date.now() - t0).toBeLessThan(10_000); // not the 20 s the thread would have lived
  }, 15_000);
});
