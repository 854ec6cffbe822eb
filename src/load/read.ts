// Reading a source file as text: UTF-8 only, BOM dropped, CRLF and CR turned into LF so that
// line numbers and every later rule see one kind of line ending.

import { isUtf8 } from 'node:buffer';
import { readFileSync, type Stats } from 'node:fs';
import { ShaleError } from '../errors.js';
import type { SourcePart } from '../types.js';

export function readSourceFile(file: string): string {
  return decodeSource(readSourceBytes(file));
}

/** A source file's bytes, checked to be UTF-8 text (the errors name the file and the line). */
export function readSourceBytes(file: string): Buffer {
  const bytes = readFileSync(file);
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new ShaleError('this is a binary file, not Markdown', {
      file,
      // The line of the first NUL byte: where a text file would have gone wrong.
      line: countNewlines(bytes, nul) + 1,
      hint: 'Pages and includes must be UTF-8 text; move other files out of the way or rename them.',
    });
  }
  // Checked, then decoded: a fatal TextDecoder does both at a third of the speed (GitHub's 21.7 MB: 0.2 s).
  if (!isUtf8(bytes)) {
    throw new ShaleError('the file is not valid UTF-8', {
      file,
      line: firstInvalidLine(bytes),
      hint: 'Save the file as UTF-8 (most editors offer "Save with encoding").',
    });
  }
  return bytes;
}

/** Checked bytes (readSourceBytes) as the text every later step reads. */
export function decodeSource(bytes: Buffer): string {
  return bytes.toString('utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** The bytes a part was decoded from, for parts made by `lazyPart`. */
const RAW = new WeakMap<SourcePart, Buffer>();
/** How a whole-file part's file was when it was looked at: its stat, and when (source-stats.ts). */
const SEEN = new WeakMap<SourcePart, FileSeen>();
/** The digest of a part's file that an earlier build made, when its stat tells it unchanged (`knownPart`). */
const KNOWN = new WeakMap<SourcePart, string>();

export interface FileSeen {
  stat: Stats;
  /** Date.now() just before the stat was taken. */
  at: number;
}

/**
 * A whole file as a part, decoded when its Markdown is first read. An edit of one include of a
 * large reference replays the others from the part cache, which tells them unchanged from their
 * bytes (rawBytesOf): their text is never needed (GitHub: 21.7 MB, 0.15 s to decode).
 */
export function lazyPart(file: string, bytes: Buffer, seen?: FileSeen, lineOffset = 0): SourcePart {
  let text: string | undefined;
  const part: SourcePart = { file, lineOffset, get markdown() { return (text ??= decodeSource(bytes)); } };
  RAW.set(part, bytes);
  if (seen) SEEN.set(part, seen);
  return part;
}

/**
 * A whole file that an earlier build read, as its stat still tells (source-stats.ts): not read now.
 * `digest` is what that build hashed (markdown-digest.ts); the file is read, checked and decoded
 * only if its Markdown is asked for (its part is rendered, not replayed).
 */
export function knownPart(file: string, seen: FileSeen, digest: string): SourcePart {
  let text: string | undefined;
  const part: SourcePart = { file, lineOffset: 0, get markdown() { return (text ??= readSourceFile(file)); } };
  SEEN.set(part, seen);
  KNOWN.set(part, digest);
  return part;
}

export const rawBytesOf = (part: SourcePart): Buffer | undefined => RAW.get(part);
export const knownDigestOf = (part: SourcePart): string | undefined => KNOWN.get(part);
export const seenOf = (part: SourcePart): FileSeen | undefined => SEEN.get(part);

/** The part's size: its file's when it has not been decoded, for thresholds that need no exact count. */
export const sizeOf = (part: SourcePart): number => RAW.get(part)?.length ?? (KNOWN.has(part) ? SEEN.get(part)!.stat.size : part.markdown.length);

/** The parts' sizes (sizeOf) together. */
export const sizeOfParts = (parts: readonly SourcePart[]): number => parts.reduce((n, p) => n + sizeOf(p), 0);

/** Has the part anything but whitespace? Its bytes tell, unless the first other byte is not ASCII. */
export function hasText(part: SourcePart): boolean {
  const bytes = RAW.get(part);
  if (bytes) {
    for (const b of bytes) {
      if (b === 0x20 || (b >= 0x09 && b <= 0x0d)) continue;
      if (b < 0x80) return true;
      break; // a non-ASCII character may be Unicode whitespace: the text decides
    }
    if (!bytes.some((b) => b >= 0x80)) return false;
  }
  return /\S/.test(part.markdown);
}

/** Line of the first byte sequence that is not UTF-8, found by decoding line by line. */
function firstInvalidLine(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1, start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try { decoder.decode(bytes.subarray(start, i)); } catch { return line; }
      line++;
      start = i + 1;
    }
  }
  return 1;
}

function countNewlines(bytes: Buffer, end: number): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < end; i = bytes.indexOf(0x0a, i + 1)) n++;
  return n;
}
