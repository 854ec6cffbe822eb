// The dev server serves the project's source, theme and build folders and nothing else. Vite's
// `server.fs.allow` covers its own file routes; this check runs first and refuses, whatever the
// encoding, any path with a `..` segment and any `/@fs/` path outside the allowed folders.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { normalize, sep } from 'node:path';

export function isWithin(file: string, dir: string): boolean {
  return file === dir || file.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

/** Why this request path is refused, or undefined when it may go on. */
export function refusal(rawUrl: string, allowed: string[]): string | undefined {
  let path = rawUrl.split(/[?#]/)[0];
  // Decode until stable: %252e%252e is `..` after two rounds.
  for (let i = 0; i < 4; i++) {
    let next: string;
    try { next = decodeURIComponent(path); } catch { return 'malformed URL'; }
    if (next === path) break;
    path = next;
  }
  if (path.includes('\0')) return 'malformed URL';
  if (path.split(/[\\/]/).includes('..')) return 'path escapes the served folders';
  const fs = path.indexOf('/@fs/');
  if (fs !== -1) {
    const file = normalize(path.slice(fs + '/@fs'.length));
    if (!allowed.some((dir) => isWithin(file, dir))) return 'file outside the project\'s source, theme and build folders';
  }
  return undefined;
}

export function guardMiddleware(allowed: string[]) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const why = refusal(req.url ?? '/', allowed);
    if (!why) return next();
    res.statusCode = 403;
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.end(`403 Forbidden: ${why}\n`);
  };
}
