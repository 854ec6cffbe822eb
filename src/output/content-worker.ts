// The worker of content-beside.ts: writes one job's chunk files and posts what stays in each page.

import { parentPort, workerData } from 'node:worker_threads';
import { runContentJob, type ContentJob } from './content-beside.js';

parentPort!.postMessage([...runContentJob(workerData as ContentJob)]);
