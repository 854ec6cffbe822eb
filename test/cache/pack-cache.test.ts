// The content packs kept in .shale-cache/packs/ (src/cache/pack-cache.ts): read back instead of
// encoded again, never trusted when cut short (a file of another size than its name says), and
// pruned to what the last build used; the chunk map beside them, by its chunks' ids.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPackCache } from '../../src/cache/pack-cache.js';
import { encodePack } from '../../src/output/pack.js';
import { tempProject } from '../helpers.js';

const one = '<h1 id="one">One</h1>\n'.repeat(200);
const two = '<h1 id="two">Two</h1>\n'.repeat(300);
const packed = (html: string) => encodePack(Buffer.from(html));
/** The pack of these strings, through the cache, named by `key` (by default the HTML itself); `asked` counts reads of the HTML. */
const asked = { count: 0 };
const through = (cache: ReturnType<typeof openPackCache>, html: string[], key = html.join('')) =>
  cache.pack(key, () => (asked.count++, html), Buffer.byteLength(html.join('')));

describe('the pack cache', () => {
  it('keeps packs for the next build and gives them back from disk', () => {
    const dir = join(tempProject({}), '.shale-cache');
    const first = openPackCache(dir);
    expect(through(first, [one]).equals(packed(one))).toBe(true);
    first.save();
    const [entry] = readdirSync(join(dir, 'packs'));
    // Put other bytes of the same size in its place: the next build serves the file as it is.
    const stand = Buffer.alloc(packed(one).length, 'x');
    writeFileSync(join(dir, 'packs', entry), stand);
    asked.count = 0;
    expect(through(openPackCache(dir), [one]).equals(stand)).toBe(true);
    // Served from disk without its HTML: a build after an edit leaves the unchanged parts' HTML unread.
    expect(asked.count).toBe(0);
  });

  it('finds an entry by its key and the HTML\'s length', () => {
    const dir = join(tempProject({}), '.shale-cache');
    const chunks = ['<h1 id="größe">Größe</h1>\n', '<p>日本語 🙂</p>\n'.repeat(50)];
    const first = openPackCache(dir);
    expect(through(first, chunks, 'k').equals(packed(chunks.join('')))).toBe(true);
    first.save();
    const [entry] = readdirSync(join(dir, 'packs'));
    const stand = Buffer.alloc(packed(chunks.join('')).length, 'x');
    writeFileSync(join(dir, 'packs', entry), stand);
    // The same key finds the entry: the stand-in comes back. Another key, or HTML of another length, does not.
    expect(through(openPackCache(dir), chunks, 'k').equals(stand)).toBe(true);
    expect(through(openPackCache(dir), chunks, 'other').equals(packed(chunks.join('')))).toBe(true);
    expect(through(openPackCache(dir), [one], 'k').equals(packed(one))).toBe(true);
  });

  it('encodes again when an entry is damaged', () => {
    const dir = join(tempProject({}), '.shale-cache');
    const first = openPackCache(dir);
    through(first, [one]);
    first.save();
    const file = join(dir, 'packs', readdirSync(join(dir, 'packs'))[0]);
    writeFileSync(file, readFileSync(file).subarray(0, 20));
    const again = openPackCache(dir);
    expect(through(again, [one]).equals(packed(one))).toBe(true);
    again.save();
    expect(readFileSync(file).equals(packed(one))).toBe(true);
  });

  it('removes the entries the last build did not use', () => {
    const dir = join(tempProject({}), '.shale-cache');
    const first = openPackCache(dir);
    through(first, [one]);
    through(first, [two]);
    first.save();
    expect(readdirSync(join(dir, 'packs'))).toHaveLength(2);
    const second = openPackCache(dir);
    through(second, [two]);
    second.save();
    const left = readdirSync(join(dir, 'packs'));
    expect(left).toHaveLength(1);
    expect(readFileSync(join(dir, 'packs', left[0])).equals(packed(two))).toBe(true);
  });

  it('keeps the chunk map by its key, made once, and prunes it with the packs', () => {
    const dir = join(tempProject({}), '.shale-cache');
    let made = 0;
    const map = (text: string) => () => (made++, Buffer.from(text));
    const first = openPackCache(dir);
    expect(first.chunkMap('[["a","b"],["c"]]', map('{"ids":1}')).toString()).toBe('{"ids":1}');
    first.save();
    expect(readdirSync(join(dir, 'packs'))).toEqual([expect.stringMatching(/^map-[\w-]{27}-9\.bin$/)]);
    // The next build gets the kept bytes without making them.
    const second = openPackCache(dir);
    expect(second.chunkMap('[["a","b"],["c"]]', map('other!!!!')).toString()).toBe('{"ids":1}');
    expect(made).toBe(1);
    // Other ids: made again.
    expect(second.chunkMap('[["a"],["b","c"]]', map('{"ids":22}')).toString()).toBe('{"ids":22}');
    expect(made).toBe(2);
    second.save();
    expect(readdirSync(join(dir, 'packs'))).toHaveLength(2);
    // A build that asks for one of them keeps that one only.
    const third = openPackCache(dir);
    third.chunkMap('[["a"],["b","c"]]', map('not made'));
    third.save();
    expect(made).toBe(2);
    expect(readdirSync(join(dir, 'packs'))).toHaveLength(1);
    expect(readFileSync(join(dir, 'packs', readdirSync(join(dir, 'packs'))[0]), 'utf8')).toBe('{"ids":22}');
  });
});
