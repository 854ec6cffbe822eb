// Worker threads started by the build (src/worker-job.ts): a host's Node options that a worker
// refuses are left out, and a job's one message is its result.
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { startWorker, workerExecArgv, workerJob } from '../src/worker-job.js';

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
});
