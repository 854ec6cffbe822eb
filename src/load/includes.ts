// Includes: `includes: [errors]` → source/includes/_errors.md, resolved as Slate does
// (SLATE-DIALECT §1), refused when the name leaves the source folder.

import { existsSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { ShaleError } from '../errors.js';

export interface IncludeLookup {
  /** The file found, or undefined. */
  file?: string;
  /** Every path tried, in order (the dev server watches them so that creating one is noticed). */
  tried: string[];
}

/** Candidate paths for an include name, in Slate's order of preference. */
export function includeCandidates(sourceDir: string, name: string): string[] {
  const slash = name.lastIndexOf('/');
  const dir = slash === -1 ? '' : name.slice(0, slash + 1);
  const base = name.slice(slash + 1);
  const inIncludes = (p: string) => join(sourceDir, 'includes', p);
  const out = [
    inIncludes(`${dir}_${base}.md`),
    inIncludes(`${dir}_${base}.html.md`),
    inIncludes(`${dir}_${base}.md.erb`),
    inIncludes(`${dir}${base}.md`),
  ];
  if (/\.md(\.erb)?$/.test(base)) out.push(inIncludes(name), inIncludes(`${dir}_${base}`));
  return [...new Set(out)];
}

/** Candidate paths for `<%= partial "dir/name" %>`: like Middleman, relative to the source folder. */
export function partialCandidates(sourceDir: string, name: string): string[] {
  const slash = name.lastIndexOf('/');
  const dir = slash === -1 ? '' : name.slice(0, slash + 1);
  const base = name.slice(slash + 1);
  return [...new Set([`${dir}_${base}.md`, `${dir}_${base}.md.erb`, `${dir}_${base}.html.md`, `${dir}_${base}.erb`, `${dir}${base}.md`, `${dir}_${base}`]
    .map((p) => join(sourceDir, p)))];
}

/**
 * Finds the file for an include name. `where` is the page and line of the entry, for errors.
 * Throws when the name escapes the source folder; returns `file: undefined` when nothing exists.
 */
export function findInclude(sourceDir: string, name: string, where: { file: string; line: number }): IncludeLookup {
  const tried = includeCandidates(sourceDir, name);
  return { file: findFirst(sourceDir, tried, name, where), tried };
}

/** The first existing file of `candidates`; refuses names and links that leave the source folder. */
export function findFirst(sourceDir: string, candidates: string[], name: string, where: { file: string; line: number }): string | undefined {
  if (isAbsolute(name) || name.split(/[\\/]/).includes('..')) {
    throw new ShaleError(`include "${name}" points outside the source folder`, {
      ...where,
      hint: `Include names are relative to ${relative(process.cwd(), sourceDir) || '.'}; move the file there.`,
    });
  }
  const file = candidates.find((p) => existsSync(p) && statSync(p).isFile());
  if (file && !isInside(realpathSync(sourceDir), realpathSync(file))) {
    throw new ShaleError(`include "${name}" is a link to a file outside the source folder`, {
      ...where,
      hint: 'Copy the file into the source folder instead of linking to it.',
    });
  }
  return file;
}

function isInside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel);
}
