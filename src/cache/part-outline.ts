// A page's headings and segments read back from its parts' records (part-store.ts), for the page
// cache's entry of a page of several files. The records hold them already, so the entry leaves
// them out: on GitHub's reference they were 2.7 MB of the entry's 3 MB of JSON, written again by
// every edit (≈ 70 ms of its build) though only the edited part's had changed.

import { readFileSync } from 'node:fs';
import type { Heading, Segment } from '../types.js';
import { storedHeadings, type StoredRecord } from './part-records.js';

export interface PageOutline {
  headings: Heading[];
  segments: Segment[];
}

/**
 * The headings and segments of the records kept beside the part files `htmlFiles` (each
 * `<base>-<name>.html`, in page order), one part after the other; undefined when a records file
 * is missing or torn, or a record has no segments.
 */
export function readOutline(htmlFiles: readonly string[]): PageOutline | undefined {
  const outline: PageOutline = { headings: [], segments: [] };
  try {
    for (const file of htmlFiles) {
      const records = JSON.parse(readFileSync(file.replace(/\.html$/, '.json'), 'utf8')) as StoredRecord[];
      for (const r of records) {
        if (!Array.isArray(r.headings) || !Array.isArray(r.segments)) return undefined;
        for (const h of storedHeadings(r)) outline.headings.push(h);
        for (const s of r.segments) outline.segments.push(s);
      }
    }
  } catch {
    return undefined;
  }
  return outline;
}
