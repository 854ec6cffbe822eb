// A page's index updated from the last build's (src/search/index-update.ts): whatever changed in
// the sections, the update is the index built from scratch, byte for byte, or no update at all
// (the caller then builds from scratch); and a change of a few sections is an update.
import { describe, expect, it } from 'vitest';
import { pageIndexWithBasis, serializeSearchIndex, type SearchIndexFile } from '../../src/search/index.js';
import { updatePageIndex } from '../../src/search/index-update.js';
import { searchIndexes, type KeptIndex } from '../../src/search/scope.js';
import { createTermCounter, type TermMemo } from '../../src/search/term-counts.js';
import type { Section } from '../../src/types.js';

const WORDS = ['order', 'refund', 'customer', 'invoice', 'webhook', 'token', 'secret', 'charge', 'balance', 'payout', 'dispute', 'coupon'];

/** 120 sections; every code block has `curl`, `accept` and `id` (common code terms), and `limit` is in exactly 50 of them. */
function page(): Section[] {
  return Array.from({ length: 120 }, (_, i) => ({
    id: `s${i}`,
    title: `${WORDS[i % WORDS.length]} ${i}`,
    parents: i % 4 ? [`${WORDS[(i - (i % 4)) % WORDS.length]} ${i - (i % 4)}`] : [],
    text: `The ${WORDS[(i * 7) % WORDS.length]} of a ${WORDS[(i * 5) % WORDS.length]}, `.repeat(1 + (i % 3)) + `step${i % 9}`,
    code: `curl -H "Accept: json" /${WORDS[(i * 3) % WORDS.length]}/id${i % 50 < 25 && i < 100 ? ' limit' : ''}`,
  }));
}

/** The last build: its index as the file holds it, its basis, and its term counts. */
function lastBuild(sections: Section[], snippets = true) {
  const counter = createTermCounter();
  const { index, basis } = pageIndexWithBasis(sections, snippets, counter);
  return { last: { index: JSON.parse(serializeSearchIndex(index)) as SearchIndexFile, basis }, memo: counter.used };
}

function updated(before: Section[], after: Section[], snippets = true) {
  const { last, memo } = lastBuild(before, snippets);
  return updatePageIndex(last, after, snippets, createTermCounter(memo as TermMemo));
}

const fresh = (sections: Section[], snippets = true) => pageIndexWithBasis(sections, snippets, createTermCounter());

function edited(change: (sections: Section[]) => void): Section[] {
  const sections = page();
  change(sections);
  return sections;
}

describe('updatePageIndex', () => {
  const cases: Record<string, (s: Section[]) => void> = {
    'a word added to one section\'s prose': (s) => { s[7].text += ' brandnewword'; },
    'a word removed and a count changed': (s) => { s[8].text = s[8].text.replace(/step\d/, 'order order order'); },
    'a title changed': (s) => { s[30].title = 'Webhook signatures'; },
    'code changed, a common term dropped from one block': (s) => { s[44].code = 'fetch("/invoice")'; },
    'a term gone from the whole page': (s) => { for (const x of s) x.text = x.text.replace('step3', 'stepX'); },
    'several sections, first and last': (s) => { s[0].text = 'Intro words.'; s[119].code += ' zzz'; s[60].title = 'Aardvark'; },
    'a section\'s parents changed': (s) => { s[5].parents = ['Elsewhere']; },
    'nothing': () => {},
  };
  it.each(Object.entries(cases))('%s: the index built from scratch', (_, change) => {
    const after = edited(change);
    const made = updated(page(), after);
    expect(made).toBeDefined();
    const expected = fresh(after);
    expect(serializeSearchIndex(made!.index)).toBe(serializeSearchIndex(expected.index));
    expect(made!.basis).toEqual(expected.basis);
  });

  it('reads the last counts of the changed sections alone, and leaves every section\'s for the next build', () => {
    const { last, memo } = lastBuild(page());
    const after = edited((s) => { s[7].text += ' brandnewword'; s[30].title = 'Webhook signatures'; });
    const reads: string[] = [];
    const watched: TermMemo = { size: memo.size, has: (k) => memo.has(k), get: (k) => (memo.has(k) && reads.push(k), memo.get(k)), keys: () => memo.keys() };
    const counter = createTermCounter(watched);
    expect(updatePageIndex(last, after, true, counter)).toBeDefined();
    // Entries read: the two edited sections' old counts, to take their terms out of the postings.
    expect(reads.sort()).toEqual([last.basis.keys[7], last.basis.keys[30]].sort());
    expect(counter.used.size).toBe(120);
    expect(counter.counted()).toBe(2);
  });

  it('keeps the snippets out when the page does not want them', () => {
    const after = edited((s) => { s[3].text += ' more'; });
    expect(serializeSearchIndex(updated(page(), after, false)!.index)).toBe(serializeSearchIndex(fresh(after, false).index));
  });

  it('gives no update when a section comes or goes, or a code term becomes or stops being common', () => {
    expect(updated(page(), edited((s) => { s.pop(); }))).toBeUndefined();
    // `limit` is in 50 code blocks: a 51st makes it common, and a common one falls back under.
    expect(updated(page(), edited((s) => { s[110].code += ' limit'; }))).toBeUndefined();
    const common = edited((s) => { s[110].code += ' limit'; });
    expect(updated(common, page())).toBeUndefined();
    // A common term still common after a change is updated: `id` leaves one block.
    const after = edited((s) => { s[12].code = 'curl -H "Accept: json" /order'; });
    expect(serializeSearchIndex(updated(page(), after)!.index)).toBe(serializeSearchIndex(fresh(after).index));
  });

  it('matches the index from scratch over many random edits', () => {
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    let updates = 0;
    for (let trial = 0; trial < 40; trial++) {
      const after = edited((s) => {
        for (let k = 0; k <= random(3); k++) {
          const x = s[random(s.length)];
          const word = `${WORDS[random(WORDS.length)]}${random(3) ? '' : random(99)}`;
          if (random(3) === 0) x.title = `${word} ${x.title}`;
          else if (random(2)) x.text = `${x.text} ${word}`.replace(WORDS[random(WORDS.length)], '');
          else x.code = `${x.code} ${word}`.replace(random(2) ? 'curl' : 'id', '');
        }
      });
      const made = updated(page(), after);
      if (made) {
        updates++;
        expect(serializeSearchIndex(made.index), `trial ${trial}`).toBe(serializeSearchIndex(fresh(after).index));
      }
    }
    expect(updates).toBeGreaterThan(30);
  });
});

describe('searchIndexes with the last build\'s indexes', () => {
  it('updates a page\'s own index from the last one and keeps this one for the next', () => {
    const pageOf = (sections: Section[]) => ({ source: { outPath: 'index.html', frontmatter: { search: true as const } }, sections });
    const first = { last: new Map<string, KeptIndex>(), next: new Map<string, KeptIndex>() };
    const counter = createTermCounter();
    searchIndexes([pageOf(page())], () => true, counter, first);
    const after = edited((s) => { s[9].text += ' refreshed'; });
    const second = { last: first.next, next: new Map<string, KeptIndex>() };
    const out = searchIndexes([pageOf(after)], () => true, createTermCounter(counter.used), second);
    expect(out.get('index.html')).toBe(serializeSearchIndex(fresh(after).index));
    expect(second.next.get('index.html')!.basis).toEqual(fresh(after).basis);
  });
});
