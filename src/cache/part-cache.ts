// The per-part render cache of `shale dev` (in memory) and of `shale build` (kept on disk by
// part-store.ts, for pages made of several files). A page renders its parts (body, then each
// include) one after the other into one env, so a part's HTML can depend on the parts before it:
// a heading id is de-duplicated against earlier ones, a reference link may use an earlier
// definition, a search section's parents and leading prose reach back into the previous part.
// Each part is rendered through recording views of that state (recording.ts); a later render
// replays the part's recorded output instead of rendering it again when its Markdown is the same
// and every bit of state it read is still the same. An edit in one include thus re-renders that include,
// and a later part only when what it read changed (say, a heading it was numbered against).

import type { RenderHooks } from '../render/page.js';
import { fenceLexers } from '../markdown/fence-scan.js';
import type { RenderEnv } from '../markdown/env.js';
import { segmentsOf } from '../output/chunk-facts.js';
import { appended, appendTo, copySection, isEmpty, mark, restore } from './lazy-sections.js';
import { markdownDigest } from './markdown-digest.js';
import { textPiece } from '../render/html-pieces.js';
import type { Diagnostic, FileBytes, Heading, HtmlPiece, Section, Segment, SourcePart } from '../types.js';
import { RecordingMap, RecordingSet, recordReferences, sameReference, type References } from './recording.js';

export interface PartStats {
  /** Parts rendered by markdown-it. */
  rendered: number;
  /** Parts replayed from the cache. */
  reused: number;
}

/** A part's key in the cache's state: where it starts, in which file. */
export function partKey(part: Pick<SourcePart, 'file' | 'lineOffset'>): string {
  return `${part.lineOffset}\0${part.file}`;
}

/** The file of the part a key stands for. */
export function partKeyFile(key: string): string {
  return key.slice(key.indexOf('\0') + 1);
}

/**
 * What a part read of a page-wide map, key by key (nothing found: undefined, or null as JSON keeps
 * it): the recording's Map when just rendered, the entries as parsed when read back from disk
 * (part-records.ts). Only ever iterated: a stored record need not be made into Maps, ~20,000
 * entries for GitHub's reference on every edit.
 */
export type Reads<K, V> = Iterable<readonly [K, V | null | undefined]>;

/** One rendered part: what it read of the page-wide state, and everything it added to it. */
export interface Recorded {
  /** SHA-1 of the part's Markdown: a record kept on disk need not hold the source again. */
  markdown: string;
  /** Its HTML; a record read back from disk reads it only when asked for (part-store.ts). */
  html: string;
  htmlLength: number;
  /** html.slice(start, end), reading only that stretch when it starts and ends at segments (a stored record's). */
  sliceHtml?: (start: number, end: number) => string;
  /** Where the file holds the same slice's UTF-8 bytes, at known offsets (HtmlPiece.utf8). */
  utf8Html?: (start: number, end: number) => FileBytes | undefined;
  ids: { reads: Reads<string, number>; writes: Array<[string, number]> };
  history: { reads: Reads<number, string>; writes: Array<[number, string]> };
  unknown: { reads: Reads<string, boolean>; added: string[] };
  refs: { reads: Reads<string, References[string]>; writes: Reads<string, References[string]> };
  /** Enclosing headings the part's headings may take as parents (the open ones shallower than its own). */
  parents: string;
  /** The section the part's leading prose would join: is there one, is its text or code empty. */
  lead: string;
  /** Same-file warnings before the part (a rule reports a problem once per file). */
  fileWarnings: string;
  headings: Heading[];
  sections: Section[];
  leadText: string;
  leadCode: string;
  warnings: Diagnostic[];
  languages: string[];
  anchors: string[];
  links: RenderEnv['links'];
  /** Where the page may be cut into chunks, from the part's start (src/markdown/chunk-cuts.ts). */
  cuts: number[];
  /** The part's HTML cut there, with what the chunk split needs of each stretch (when cuts are marked). */
  segments?: Segment[];
}

/**
 * What the cache holds between renders, as plain data (Maps and Sets aside) that a build keeps on
 * disk (src/cache/part-store.ts): each part's records, the lexers found in each part, and the
 * page-wide settings they were made under.
 */
export interface PartCacheState {
  settings: string;
  parts: Map<string, Recorded[]>;
  /** Per part: SHA-1 of its Markdown, and the lexers its fences name. */
  lexers: Map<string, { markdown: string; found: Set<string> }>;
}

/** env keys the cache knows how to record and replay; any other one turns the cache off. */
const KNOWN = new Set(['file', 'lineOffset', 'tabs', 'ids', 'idScheme', 'nestingHistory', 'headings', 'sectionDepth', 'sections',
  'warnings', 'languages', 'unknownLanguages', 'links', 'anchors', 'highlight', 'knowsLanguage', 'references', 'chunkCuts']);

export interface PartCache {
  stats: PartStats;
  /** Hooks for one renderPage call; `pieces` collects each part's HTML in order, `commit` keeps what it used. */
  begin(): Required<RenderHooks> & { pieces: HtmlPiece[]; commit(): void };
  /** What a later run can start from (`restored`), after a commit; undefined when the cache turned itself off. */
  state(): PartCacheState | undefined;
}

/**
 * `restored`: the state a previous run left (a build reads it from disk). Its records are used when
 * the page-wide settings are the same; the caller checks the rest (shale's code, the highlighter).
 * `digestOf`: the SHA-1 of a part's Markdown (the build shares the page cache's, which hashed every
 * part for the page's key already).
 */
export function createPartCache(stats: PartStats = { rendered: 0, reused: 0 }, restored?: PartCacheState, digestOf: (part: SourcePart) => string = markdownDigest()): PartCache {
  let parts = restored?.parts ?? new Map<string, Recorded[]>();
  let lexers = restored?.lexers ?? new Map<string, { markdown: string; found: Set<string> }>();
  /** What every part of the page shares (tabs, id scheme, highlighter): a change drops the cache. */
  let pageKey: unknown[] | undefined;
  let settings = restored?.settings;
  let off = false;

  return {
    stats,
    begin() {
      const pieces: HtmlPiece[] = [];
      // The next generation holds only what this render used, so removed parts do not pile up.
      const nextParts = new Map<string, Recorded[]>();
      const nextLexers = new Map<string, { markdown: string; found: Set<string> }>();
      const refs: References = {};
      // The open headings, shallowest first: where sections.ts's parentsOf walks back to.
      const open: Heading[] = [];
      // The page's sections that are its own copies: the others are a record's, which a later
      // part's prose must not change (ownLast copies one first).
      const owned = new WeakSet<Section>();
      let first = true;
      // What `replays` found for a part, which renderPart, asked next for the same part with the
      // state unchanged, takes instead of checking every read again (≈ 10 ms of an edit of GitHub's).
      let looked: { part: SourcePart; hit: Recorded | undefined } | undefined;

      /** On the page's first part: drops the records when the page-wide settings changed. */
      function start(env: RenderEnv): void {
        if (first) {
          first = false;
          const text = JSON.stringify([env.tabs.map((t) => `${t.key}\0${t.label}`), env.idScheme, env.sectionDepth, !!env.chunkCuts]);
          const key = [text, env.highlight, env.knowsLanguage];
          // Restored records were made by another highlighter object: its settings must match instead.
          const same = pageKey ? key.every((k, i) => k === pageKey![i]) : settings === text;
          if (!same) parts = new Map();
          pageKey = key;
          settings = text;
          // markdown-it creates it on the first definition; present from the start, it renders alike.
          env.references = refs;
        }
      }

      /** The record to replay for the part, where its Markdown and all it read are the same. */
      function hitFor(part: SourcePart, env: RenderEnv): Recorded | undefined {
        const digest = digestOf(part);
        return parts.get(partKey(part))?.find((r) => r.markdown === digest && holds(r, env, part.file));
      }

      function renderPart(part: SourcePart, env: RenderEnv, render: () => string): HtmlPiece {
        start(env);
        if (off) {
          stats.rendered++;
          pieces.push(textPiece(render()));
          return pieces[pieces.length - 1];
        }
        const key = partKey(part);
        const hit = looked?.part === part ? looked.hit : hitFor(part, env);
        looked = undefined;
        const rec = hit ? replay(hit, env) : record(part, env, render);
        nextParts.set(key, [...(nextParts.get(key) ?? []), rec]);
        for (const h of rec.headings) push(open, h);
        pieces.push(pieceOf(rec));
        return pieces[pieces.length - 1];
      }

      function holds(r: Recorded, env: RenderEnv, file: string): boolean {
        for (const [k, v] of r.ids.reads) if (env.ids.get(k) !== (v ?? undefined)) return false;
        for (const [k, v] of r.history.reads) if (env.nestingHistory.get(k) !== (v ?? undefined)) return false;
        for (const [k, v] of r.unknown.reads) if (env.unknownLanguages.has(k) !== v) return false;
        for (const [k, v] of r.refs.reads) if (!sameReference(refs[k], v ?? undefined)) return false;
        return r.parents === parentsKey(open, r.headings) && r.lead === leadKey(env) && r.fileWarnings === fileWarnings(env, file);
      }

      function replay(r: Recorded, env: RenderEnv): Recorded {
        stats.reused++;
        apply(r, env);
        return r;
      }

      /**
       * The page's last section, made its own copy first if it is a record's: prose of the part
       * about to be added goes into it. Copies keep a stored section's text unread (lazy-sections.ts);
       * copying only these few (7,474 copies took ≈ 70 ms of an edit of GitHub's reference).
       */
      function ownLast(env: RenderEnv): Section | undefined {
        const i = env.sections.length - 1;
        if (i >= 0 && !owned.has(env.sections[i])) {
          env.sections[i] = copySection(env.sections[i]);
          owned.add(env.sections[i]);
        }
        return env.sections[i];
      }

      function apply(r: Recorded, env: RenderEnv): void {
        for (const [k, v] of r.ids.writes) env.ids.set(k, v);
        for (const [k, v] of r.history.writes) env.nestingHistory.set(k, v);
        for (const k of r.unknown.added) env.unknownLanguages.add(k);
        for (const [k, v] of r.refs.writes) if (v) refs[k] = v;
        for (const h of r.headings) env.headings.push(h);
        const [leadText, leadCode] = [r.leadText, r.leadCode];
        const last = leadText || leadCode ? ownLast(env) : undefined;
        if (last) { appendTo(last, 'text', leadText); appendTo(last, 'code', leadCode); }
        // The record's own sections: ownLast copies the one a later part adds to.
        for (const s of r.sections) env.sections.push(s);
        for (const w of r.warnings) env.warnings.push(w);
        for (const l of r.languages) env.languages.add(l);
        for (const a of r.anchors) env.anchors.add(a);
        for (const l of r.links) env.links.push(l);
        if (env.chunkCuts) env.chunkCuts.push(...r.cuts);
      }

      /** Renders the part through recording views of the page's state, then applies it as a replay would. */
      function record(part: SourcePart, env: RenderEnv, render: () => string): Recorded {
        stats.rendered++;
        const base = { ids: env.ids, nestingHistory: env.nestingHistory, unknownLanguages: env.unknownLanguages, languages: env.languages, anchors: env.anchors, references: refs };
        const lead = leadKey(env);
        const fileWarningsBefore = fileWarnings(env, part.file);
        const at = { headings: env.headings.length, sections: env.sections.length, warnings: env.warnings.length, links: env.links.length, cuts: env.chunkCuts?.length ?? 0 };
        // The render may add this part's leading prose to the page's last section.
        const last = ownLast(env);
        const before = last && { text: mark(last, 'text'), code: mark(last, 'code') };
        const ids = new RecordingMap(base.ids), history = new RecordingMap(base.nestingHistory);
        const unknown = new RecordingSet(base.unknownLanguages), languages = new RecordingSet(base.languages), anchors = new RecordingSet(base.anchors);
        const references = recordReferences(refs);
        Object.assign(env, { ids, nestingHistory: history, unknownLanguages: unknown, languages, anchors, references: references.view });
        let out: string;
        try {
          out = render();
        } finally {
          Object.assign(env, base);
        }
        const headings = env.headings.slice(at.headings);
        const rec: Recorded = {
          markdown: digestOf(part), html: out, htmlLength: out.length,
          ids: { reads: ids.reads, writes: ids.writes() },
          history: { reads: history.reads, writes: history.writes() },
          unknown: { reads: unknown.reads, added: unknown.added },
          refs: { reads: references.reads, writes: references.writes },
          parents: parentsKey(open, headings), lead, fileWarnings: fileWarningsBefore,
          headings,
          // Copies: the next part may add prose to the page's last section.
          sections: env.sections.slice(at.sections).map((s) => ({ ...s })),
          leadText: last ? appended(last, 'text', before!.text) : '',
          leadCode: last ? appended(last, 'code', before!.code) : '',
          warnings: env.warnings.slice(at.warnings),
          languages: languages.added, anchors: anchors.added,
          links: env.links.slice(at.links),
          cuts: env.chunkCuts?.slice(at.cuts) ?? [],
        };
        if (env.chunkCuts) rec.segments = segmentsOf(out, rec.cuts);
        // Undo what the render appended and apply the record instead: every render then goes
        // through the replay path, so a replay that missed something shows up at once in tests.
        env.headings.length = at.headings;
        env.sections.length = at.sections;
        env.warnings.length = at.warnings;
        env.links.length = at.links;
        if (env.chunkCuts) env.chunkCuts.length = at.cuts;
        if (last) { restore(last, 'text', before!.text); restore(last, 'code', before!.code); }
        apply(rec, env);
        if (Object.keys(env).some((k) => !KNOWN.has(k))) off = true;
        return rec;
      }

      return {
        pieces,
        renderPart,
        lexersOf(part) {
          const key = partKey(part);
          const had = lexers.get(key);
          const digest = digestOf(part);
          const found = had && had.markdown === digest ? had.found : fenceLexers(part.markdown);
          nextLexers.set(key, { markdown: digest, found });
          return found;
        },
        willRender(part) {
          const digest = digestOf(part);
          return off || !parts.get(partKey(part))?.some((r) => r.markdown === digest);
        },
        segmentsOf(part) {
          return nextParts.get(partKey(part))?.at(-1)?.segments;
        },
        replays(part, env) {
          start(env);
          if (off) return false;
          looked = { part, hit: hitFor(part, env) };
          return looked.hit !== undefined;
        },
        commit() {
          parts = nextParts;
          lexers = nextLexers;
        },
      };
    },
    state: () => (off || settings === undefined ? undefined : { settings, parts, lexers }),
  };
}

/** A replayed record's HTML, left unread until asked for (its text may be a getter: part-store.ts). */
function pieceOf(r: Recorded): HtmlPiece {
  return { length: r.htmlLength, text: () => r.html, slice: r.sliceHtml, utf8: r.utf8Html };
}

/** Heading `h` opens: open headings as deep or deeper close. */
function push(open: Heading[], h: Heading): void {
  while (open.length && open[open.length - 1].level >= h.level) open.pop();
  open.push(h);
}

/** The open headings a part's headings can take as parents: those shallower than its shallowest heading. */
function parentsKey(open: Heading[], headings: Heading[]): string {
  if (headings.length === 0) return '';
  let top = 7;
  for (const h of headings) top = Math.min(top, h.level);
  return open.filter((h) => h.level < top).map((h) => `${h.level}\0${h.title}`).join('\n');
}

/** Whether the page has a section for a part's leading prose, and whether its text and code are empty. */
function leadKey(env: RenderEnv): string {
  const last = env.sections[env.sections.length - 1];
  return last ? `${isEmpty(last, 'text') ? 'e' : 't'}${isEmpty(last, 'code') ? 'e' : 'c'}` : '-';
}

function fileWarnings(env: RenderEnv, file: string): string {
  return env.warnings.filter((w) => w.file === file).map((w) => w.message).join('\n');
}
