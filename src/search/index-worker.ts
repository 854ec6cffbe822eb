// The worker of beside.ts: runs one search job and posts the indexes back as entries.

import { parentPort, workerData } from 'node:worker_threads';
import { runSearchJob, type SearchJob } from './beside.js';

parentPort!.postMessage([...runSearchJob(workerData as SearchJob)]);
