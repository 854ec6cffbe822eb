// fast-check arbitraries for Slate-dialect documents: headings (with many duplicates), prose
// with emphasis, code spans and in-page links, fences in tab and other languages, quotes with
// lazy table lines, asides, nested lists and tables. Each document also lists the code it holds,
// so a test can check that every block's text survives.
import fc from 'fast-check';

export const TABS = ['shell', 'ruby', 'python'];
const LANGS = [...TABS, 'json', 'javascript', 'no-such-lang', ''];
const WORDS = ['Users', 'users', 'Get a User', 'Errors', 'Über', 'naïve café', '404', 'a_b', 'x--y', 'Ωmega', '日本語', 'Q&A', '"quoted"', 'it\'s', '#hash', 'snake_case_name'];

const word = fc.constantFrom(...WORDS);
const words = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
/** Printable text for code, including characters HTML must escape; no line closes a fence. */
const codeLine = fc.string({ unit: fc.constantFrom(...'abc xyz<>&"\'`{}[]()$#*_\\|=;:\t/'.split('')), maxLength: 40 })
  .filter((l) => !/^ {0,3}(```|~~~)/.test(l));
const code = fc.array(codeLine, { minLength: 1, maxLength: 6 }).map((ls) => ls.join('\n'));

const inline = fc.array(fc.oneof(
  words,
  words.map((w) => `*${w}*`),
  words.map((w) => `**${w}**`),
  fc.constantFrom('`code span`', '`a < b && c`', '``tick ` inside``'),
  words.map((w) => `[${w}](#${w.toLowerCase().replace(/[^a-z0-9]+/g, '-')})`),
  fc.constantFrom('[external](https://example.com/?a=1&b=2)', '~~struck~~', 'a_b_c', 'snake*case*'),
), { minLength: 1, maxLength: 6 }).map((xs) => xs.join(' '));

export interface Doc { markdown: string; code: string[] }

type Block = { text: string; code?: string };
const block: fc.Arbitrary<Block> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 1, max: 3 }), words, fc.boolean()).map(([n, w, space]) => ({ text: `${'#'.repeat(n)}${space ? ' ' : ''}${w}` })) },
  { weight: 3, arbitrary: inline.map((text) => ({ text })) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...LANGS), code).map(([lang, c]) => ({ text: `\`\`\`${lang}\n${c}\n\`\`\``, code: c })) },
  { weight: 1, arbitrary: fc.array(inline, { minLength: 1, maxLength: 3 }).map((ls) => ({ text: ls.map((l) => `> ${l}`).join('\n') })) },
  { weight: 1, arbitrary: fc.tuple(words, inline).map(([h, c]) => ({ text: `>### ${h}\n\n| Name | Value |\n|---|---|\n| ${c.replace(/\|/g, '')} | 1 |` })) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('notice', 'warning', 'success'), inline).map(([k, t]) => ({ text: `<aside class="${k}">${t}</aside>` })) },
  { weight: 1, arbitrary: fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), inline), { minLength: 1, maxLength: 6 })
    .map((items) => ({ text: items.map(([d, t], i) => `${'  '.repeat(Math.min(d, i))}${i % 2 ? '1.' : '-'} ${t}`).join('\n') })) },
  { weight: 1, arbitrary: fc.array(fc.tuple(words, words), { minLength: 1, maxLength: 4 })
    .map((rows) => ({ text: `| A | B |\n|---|:--|\n${rows.map(([a, b]) => `| ${a} | ${b} |`).join('\n')}` })) },
);

export const doc: fc.Arbitrary<Doc> = fc.array(block, { minLength: 1, maxLength: 25 }).map((blocks) => ({
  markdown: `# Start\n\n${blocks.map((b) => b.text).join('\n\n')}\n`,
  code: blocks.flatMap((b) => (b.code === undefined ? [] : [b.code])),
}));
