// Views of the page-wide state in a RenderEnv that one part renders against (part-cache.ts):
// reads of keys the part has not written yet are recorded with the value they found, and writes
// stay in the view for part-cache.ts to apply. A part whose recorded reads still hold for a later render
// would write the same things, so its writes can be replayed instead of rendering it again.

import type { Env } from 'markdown-it';

/** Iterating would read every key: the cache could not tell which ones matter. */
function noIteration(): never {
  throw new Error('shale: a page-wide map was iterated while rendering a part; the dev part cache cannot track that');
}

export class RecordingMap<K, V> extends Map<K, V> {
  /** Keys read before this part wrote them, with what the page had then (undefined: absent). */
  readonly reads = new Map<K, V | undefined>();

  constructor(private readonly base: Map<K, V>) {
    super();
  }

  private look(key: K): V | undefined {
    const v = this.base.get(key);
    if (!this.reads.has(key)) this.reads.set(key, v);
    return v;
  }

  override get(key: K): V | undefined {
    return super.has(key) ? super.get(key) : this.look(key);
  }

  override has(key: K): boolean {
    return super.has(key) || this.look(key) !== undefined;
  }

  override forEach(): void { noIteration(); }
  override entries(): never { noIteration(); }
  override keys(): never { noIteration(); }
  override values(): never { noIteration(); }
  override [Symbol.iterator](): never { noIteration(); }

  /** What the part wrote, last value per key. */
  writes(): Array<[K, V]> {
    return [...super.entries()];
  }
}

export class RecordingSet<T> extends Set<T> {
  readonly reads = new Map<T, boolean>();
  /** Values added, in order, including ones the page already had (the order of a later replay). */
  readonly added: T[] = [];

  constructor(private readonly base: Set<T>) {
    super();
  }

  override has(value: T): boolean {
    if (super.has(value)) return true;
    const found = this.base.has(value);
    if (!this.reads.has(value)) this.reads.set(value, found);
    return found;
  }

  override add(value: T): this {
    if (!super.has(value)) this.added.push(value);
    return super.add(value);
  }

  override forEach(): void { noIteration(); }
  override entries(): never { noIteration(); }
  override keys(): never { noIteration(); }
  override values(): never { noIteration(); }
  override [Symbol.iterator](): never { noIteration(); }
}

/** markdown-it's reference definitions (`env.references`, label → { href, title }). */
export type References = NonNullable<Env['references']>;
type Reference = References[string] | undefined;
/** Reference labels with their definition (undefined: none). */
export type ReferenceMap = Map<string, Reference>;

export interface RecordingReferences {
  view: References;
  reads: ReferenceMap;
  writes: ReferenceMap;
}

export function recordReferences(base: References): RecordingReferences {
  const reads: ReferenceMap = new Map();
  const writes: ReferenceMap = new Map();
  const view = new Proxy({} as References, {
    get(_t, key) {
      if (typeof key !== 'string') return undefined;
      if (writes.has(key)) return writes.get(key);
      const v: Reference = base[key];
      if (!reads.has(key)) reads.set(key, v);
      return v;
    },
    set(_t, key, value) {
      if (typeof key !== 'string') return false;
      writes.set(key, value);
      return true;
    },
  });
  return { view, reads, writes };
}

/** Two reference definitions that render links alike. */
export function sameReference(a: Reference, b: Reference): boolean {
  return a === b || (a !== undefined && b !== undefined && a.href === b.href && a.title === b.title);
}
