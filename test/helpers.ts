// Test helpers: throwaway project folders written from a map of path → text.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeCopies } from '../themes/default/client/pack-decode.js';

export function tempProject(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'shale-test-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** Runs `fn` and returns the error it throws (fails the test when it does not throw). */
export async function caught(fn: () => unknown): Promise<Error & Record<string, unknown>> {
  try {
    await fn();
  } catch (err) {
    return err as Error & Record<string, unknown>;
  }
  throw new Error('expected an error, none was thrown');
}

/** A GET to 127.0.0.1:port with the path sent exactly as written (fetch would normalise `..` away). */
export function rawGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', agent: false }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * The HTML of every chunk of a built page in chunks, in page order, as the page decodes them from
 * their packs (`pageFile`: the page's HTML file; pack URLs are relative to its folder).
 */
export function chunksOf(pageFile: string): string[] {
  const packs = new Map<string, Uint8Array>();
  return [...readFileSync(pageFile, 'utf8').matchAll(/<div class="shale-chunk" data-pack="([^"]+)" data-range="(\d+)-(\d+)"/g)].map(([, url, start, end]) => {
    if (!packs.has(url)) packs.set(url, decodeCopies(gunzipSync(readFileSync(join(dirname(pageFile), url)))));
    return Buffer.from(packs.get(url)!.subarray(Number(start), Number(end))).toString('utf8');
  });
}
