// Frontmatter: gray-matter for the YAML, one zod schema for what each key may hold.
// Errors name the file, the line of the key and what to write instead. Unknown keys are kept:
// real Slate pages carry many (logo, lang, slug, generator, …).

import matter from 'gray-matter';
import { z } from 'zod';
import { ShaleError } from '../errors.js';
import type { LanguageTab } from '../types.js';

const text = z.union([z.string(), z.number(), z.boolean()]).transform(String);

/** `- shell`, `- shell: cURL`, `- python--pybit: python`, `- ruby: null`. */
const languageTab = z.union([
  text.transform((key): LanguageTab => ({ key, label: key })),
  z.record(z.string(), z.union([text, z.null()])).transform((m, ctx): LanguageTab => {
    const [key, label] = Object.entries(m)[0] ?? [];
    if (key === undefined) {
      ctx.addIssue({ code: 'custom', message: 'an empty entry; write `- shell` or `- shell: cURL`' });
      return z.NEVER;
    }
    return { key, label: label ?? key };
  }),
]);

/** A YAML list that may be null, and whose items may be null (blank `-` lines, comments). */
function list<T extends z.ZodType>(item: T) {
  return z.union([z.array(z.union([item, z.null()])), z.null()])
    .optional()
    .transform((xs) => (xs ?? []).filter((x) => x !== null) as Array<z.output<T>>);
}

export const frontmatterSchema = z.looseObject({
  title: text.default('API Documentation'),
  language_tabs: list(languageTab),
  /** Raw HTML or inline Markdown, one `<li>` each. */
  toc_footers: list(text),
  includes: list(text),
  /** shale turns search on unless `search: false` (Slate needed `search: true`); `site` searches every page. */
  search: z.union([z.boolean(), z.literal('site')]).nullable().optional().transform((v) => (v === 'site' ? v : v !== false)),
  code_clipboard: z.boolean().nullable().optional().transform((v) => v !== false),
  /** `- name: description` / `content: …` pairs become `<meta>` tags. */
  meta: list(z.record(z.string(), text)),
  highlight_theme: z.string().optional(),
  /** TOC depth (Shins/Widdershins). */
  headingLevel: z.coerce.number().int().min(1).max(6).default(2),
  /** Page language; right-to-left languages flip the layout. */
  lang: z.string().optional(),
});

export type Frontmatter = z.output<typeof frontmatterSchema>;

export interface ParsedPage {
  frontmatter: Frontmatter;
  body: string;
  /** Lines before the body (frontmatter and its fences), to map body lines back to the file. */
  bodyLineOffset: number;
  /** The raw YAML, for finding the line of a key. */
  yaml: string;
}

/**
 * gray-matter's options for every source file. Its own default runs `---js` frontmatter through
 * `eval`: a Markdown file from someone else (an OpenAPI conversion, a contributor's include)
 * would run code at build time. Slate reads no such thing either; here it is refused.
 * (An options object also stops gray-matter caching every file's content forever.)
 */
export const matterOptions = () => ({
  engines: { javascript: () => { throw new NotYamlError('javascript'); } },
});

/**
 * gray-matter on the file's head alone: from its opening `---` to just past the first line that
 * closes it (gray-matter's own rule), with the rest appended to the body it returns. Given the
 * whole file, gray-matter copies all of it into a Buffer and scans it: 0.2 s for a 21.7 MB page
 * whose frontmatter is 20 lines.
 */
export function readMatter(source: string): { data: Record<string, unknown>; content: string; matter: string } {
  const close = source.startsWith('---') ? source.indexOf('\n---', 3) : -1;
  // Past the closing `---` and the line end gray-matter takes off the body with it.
  const end = close === -1 ? source.length : Math.min(source.length, close + 4 + 2);
  const head = matter(source.slice(0, end), matterOptions());
  // gray-matter's body is the end of what it is given: the body is the file from there on, one
  // slice of it (a joined string would be copied whole at its first search: 0.13 s on GitHub's).
  return { data: head.data, content: source.slice(end - head.content.length), matter: head.matter };
}

class NotYamlError extends Error {
  constructor(readonly language: string) {
    super(`frontmatter in ${language} is not read`);
  }
}

/** Parses the frontmatter of `source` (already decoded, BOM and CRLF removed). */
export function parseFrontmatter(file: string, source: string): ParsedPage {
  let parsed: ReturnType<typeof readMatter>;
  try {
    parsed = readMatter(source);
  } catch (err) {
    const language = err instanceof NotYamlError ? err.language : /engine "([^"]+)" is not registered/.exec((err as Error).message)?.[1];
    if (language) {
      throw new ShaleError(`frontmatter in ${language} (\`${source.split('\n', 1)[0]}\`) is not read: shale reads YAML frontmatter`, {
        file, line: 1, hint: 'Start the file with a line `---`, then the keys in YAML, then a line `---`.',
      });
    }
    const mark = (err as { mark?: { line?: number; column?: number } }).mark;
    const reason = (err as { reason?: string }).reason ?? (err as Error).message.split('\n')[0];
    throw new ShaleError(`invalid YAML in frontmatter: ${reason}`, {
      file,
      // js-yaml parses the text after the opening `---` (from its newline on) and counts from 0,
      // so its line 0 is the file's line 1.
      line: mark?.line !== undefined ? mark.line + 1 : 1,
      column: mark?.column !== undefined ? mark.column + 1 : undefined,
      hint: 'Fix the YAML between the two `---` lines (indentation, quotes around values with `:` or `#`).',
      cause: err,
    });
  }
  const yaml = parsed.matter ?? '';
  const result = frontmatterSchema.safeParse(parsed.data ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = String(issue.path[0] ?? '');
    throw new ShaleError(`frontmatter key "${issue.path.join('.')}": ${describe(issue)}`, {
      file,
      line: keyLine(yaml, key),
      hint: HINTS[key] ?? 'See the README for the frontmatter keys and their types.',
      cause: result.error,
    });
  }
  const bodyStart = source.length - parsed.content.length;
  return {
    frontmatter: result.data,
    body: parsed.content,
    bodyLineOffset: countLines(source.slice(0, bodyStart)),
    yaml,
  };
}

const HINTS: Record<string, string> = {
  language_tabs: 'Write a list: `language_tabs:` then lines like `  - shell: cURL` or `  - ruby`.',
  toc_footers: 'Write a list of strings (HTML or Markdown), one per line starting with `  - `.',
  includes: 'Write a list of include names, e.g. `  - errors` for includes/_errors.md.',
  headingLevel: 'Use a whole number from 1 to 6 (2 shows h1 and h2 in the TOC).',
  search: 'Use true, false, or site (one index over every page).',
  code_clipboard: 'Use true or false.',
  meta: 'Write a list of maps, e.g. `  - name: description` / `    content: My API`.',
};

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  if (issue.code === 'invalid_union') return 'has the wrong type';
  return issue.message;
}

function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** 1-based file line of a top-level key in the frontmatter (it starts on the file's line 2). */
export function keyLine(yaml: string, key: string): number {
  const lines = yaml.split('\n');
  // gray-matter's raw YAML starts with the newline that ends the `---` line: line i is file line i + 1.
  const at = lines.findIndex((l) => l.startsWith(`${key}:`));
  return at === -1 ? 1 : at + 1;
}

/** 1-based file line of the `index`-th non-empty item of the list under `key`. */
export function listItemLine(yaml: string, key: string, index: number): number {
  const start = keyLine(yaml, key);
  const lines = yaml.split('\n');
  let seen = -1;
  for (let i = start - 1; i < lines.length; i++) {
    const l = lines[i];
    if (i > start - 1 && /^\S/.test(l)) break;
    if (/^\s*-\s*[^\s#]/.test(l) && ++seen === index) return i + 1;
  }
  return start;
}
