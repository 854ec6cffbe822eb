// Highlighting in a worker thread (src/markdown/highlight-pool.ts): every block comes back as the
// main thread's own highlighter writes it — blocks sent ahead, a block asked for without notice,
// a repeated one, a language shiki lacks, Ruby with and without its embedded grammars — and a
// page with fewer blocks than the threshold stays on the main thread.
// The worker runs the compiled file (dist/markdown/highlight-worker.js, made by `npm run compile`,
// which `npm install` and `npm ci` run).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCodeHighlighter } from '../../src/markdown/highlight.js';
import { withHighlightPool } from '../../src/markdown/highlight-pool.js';
import { packagePath } from '../../src/package-root.js';

const compiled = existsSync(packagePath('dist', 'markdown', 'highlight-worker.js'));

const BLOCKS = [
  { code: 'const a = { b: [1, "two"] };\nconsole.log(a);\n', lexer: 'javascript' },
  { code: '{\n  "login": "octocat",\n  "id": 1\n}\n', lexer: 'json' },
  { code: 'curl -H "Accept: application/json" https://api.example.com\n', lexer: 'shellscript' },
  { code: 'sql = <<~SQL\n  SELECT * FROM users\nSQL\nputs sql\n', lexer: 'ruby' },
  { code: 'some <plain> & text\n', lexer: 'plaintext' },
];

/** Each block as the main thread and as the worker highlight it, with `mentions` as the page's answer on heredocs. */
async function both(mentions: (p: RegExp) => boolean) {
  const [local, made] = await Promise.all([createCodeHighlighter('monokai'), createCodeHighlighter('monokai')]);
  const pooled = withHighlightPool(made, 'monokai', 2);
  try {
    await local.load(BLOCKS.map((b) => b.lexer), mentions);
    pooled.prefetch!(BLOCKS.slice(0, 4));
    await pooled.load(BLOCKS.map((b) => b.lexer), mentions);
    // In another order than sent, one never sent (plaintext), and one asked for twice.
    const order = [BLOCKS[2], BLOCKS[4], BLOCKS[0], BLOCKS[3], BLOCKS[1], BLOCKS[0]];
    return { main: order.map((b) => local.highlight(b.code, b.lexer)), worker: order.map((b) => pooled.highlight(b.code, b.lexer)), threaded: pooled.threaded() };
  } finally {
    local.dispose();
    pooled.dispose();
  }
}

describe.skipIf(!compiled)('the highlighting worker', () => {
  it('answers every block as the main thread highlights it, Ruby with its embedded grammars or without', async () => {
    const whole = await both((p) => p.test(BLOCKS[3].code));
    const lean = await both(() => false);
    expect(whole.worker).toEqual(whole.main);
    expect(lean.worker).toEqual(lean.main);
    expect(whole.threaded).toBe(6);
    // The heredoc's SQL is highlighted only with the embedded grammar: the worker was told which.
    expect(whole.main[3]).not.toBe(lean.main[3]);
  });

  it('leaves a page with fewer blocks than the threshold on the main thread', async () => {
    const pooled = withHighlightPool(await createCodeHighlighter('monokai'), 'monokai', 10);
    try {
      pooled.prefetch!(BLOCKS);
      await pooled.load(['javascript']);
      expect(pooled.highlight(BLOCKS[0].code, 'javascript')).toContain('<span');
      expect(pooled.threaded()).toBe(0);
    } finally {
      pooled.dispose();
    }
  });

  /** A pool over a highlighter that notes which grammars the main thread was asked to load. */
  async function watched() {
    const made = await createCodeHighlighter('monokai');
    const loaded: string[] = [];
    const pooled = withHighlightPool({ ...made, load: (lexers, mentions) => (loaded.push(...lexers), made.load(lexers, mentions)) }, 'monokai', 10);
    return { pooled, loaded };
  }

  it('loads here only the grammars of the blocks announced, and sends a block in a language it left out to the worker', async () => {
    const local = await createCodeHighlighter('monokai');
    const { pooled, loaded } = await watched();
    try {
      await local.load(['javascript', 'json']);
      pooled.prefetch!([BLOCKS[0]]);
      await pooled.load(['javascript', 'json']);
      expect(loaded).toEqual(['javascript']);
      expect(pooled.highlight(BLOCKS[0].code, 'javascript')).toBe(local.highlight(BLOCKS[0].code, 'javascript'));
      expect(pooled.threaded()).toBe(0);
      // Not announced: the worker starts, loads what the page asked for, and answers as the main thread would.
      expect(pooled.highlight(BLOCKS[1].code, 'json')).toBe(local.highlight(BLOCKS[1].code, 'json'));
      expect(pooled.threaded()).toBe(1);
      expect(loaded).toEqual(['javascript']);
    } finally {
      local.dispose();
      pooled.dispose();
    }
  });

  it('loads every grammar asked for when no blocks were announced before the load', async () => {
    const { pooled, loaded } = await watched();
    try {
      pooled.prefetch!([BLOCKS[0]]);
      await pooled.load(['javascript']);
      await pooled.load(['json', 'shellscript']);
      expect(loaded).toEqual(['javascript', 'json', 'shellscript']);
      expect(pooled.highlight(BLOCKS[2].code, 'shellscript')).toContain('<span');
      expect(pooled.threaded()).toBe(0);
    } finally {
      pooled.dispose();
    }
  });
});
