// The fence scans: for fences at the top of a document the forecast finds what markdown-it will
// hand the fence rule (info string and code, byte for byte), it never invents a block where there
// is plain prose, and it names the languages of the fences it cannot see; fenceLexers finds those
// fences' languages too.
import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../src/markdown/create.js';
import { createEnv } from '../../src/markdown/env.js';
import { fenceLexers, forecast, scanFences } from '../../src/markdown/fence-scan.js';

/** The fences markdown-it parses in `text`, top level only. */
function parsed(text: string) {
  const env = createEnv({ tabs: [], idScheme: 'slate', highlight: (c) => c, knowsLanguage: () => true });
  return createMarkdown().parse(text, env).filter((t) => t.type === 'fence' && t.level === 0).map((t) => ({ info: t.info, code: t.content }));
}

const CASES: Record<string, string> = {
  'backticks and tildes': '# T\n\n```shell\ncurl x\n```\n\nText.\n\n~~~ ruby  extra\nputs 1\n~~~\n',
  'a longer closing fence, a shorter one inside': '````md\n```js\nx\n```\n`````\n',
  'an indented opening takes its indent off the lines': '  ```json\n  {\n    "a": 1\n   }\n }\n  ```\n',
  'an unclosed fence runs to the end': 'Intro\n\n```python\nprint(1)\n\nprint(2)\n',
  'an unclosed fence without a final newline': '```go\nfunc main() {}',
  'Windows line ends': '```js\r\nlet a = 1;\r\n```\r\nText.\r\n',
  'an empty fence and no info': '```\n```\n\n```\nplain\n```\n',
  'a closing fence with trailing spaces': '```rb\nx = 1\n```   \nafter\n',
};

describe('scanFences', () => {
  it.each(Object.entries(CASES))('%s: the info and code markdown-it parses', (_, text) => {
    const expected = parsed(text);
    expect(expected.length).toBeGreaterThan(0);
    expect(scanFences(text)).toEqual(expected);
  });

  it('takes no backtick run with a backtick in its info for a fence, nor four-space indented code', () => {
    expect(scanFences('``` a ` b\nnot code\n```x`\n\n    ```\n    indented\n')).toEqual(parsed('``` a ` b\nnot code\n```x`\n\n    ```\n    indented\n'));
    expect(scanFences('Prose with ``inline`` code.\n')).toEqual([]);
  });
});

describe('forecast', () => {
  it('names each block by the lexer the fence rule uses, and a lexer the highlighter does not know as plain text', () => {
    const knows = (l: string) => ['javascript', 'shellscript', 'plaintext'].includes(l);
    const { blocks, unseen } = forecast('```js\na\n```\n\n```javascript--node\nb\n```\n\n```cobol\nc\n```\n\n```\nd\n```\n', knows);
    expect(blocks).toEqual([
      { code: 'a\n', lexer: 'javascript' },
      { code: 'b\n', lexer: 'javascript' },
      { code: 'c\n', lexer: 'plaintext' },
      { code: 'd\n', lexer: 'plaintext' },
    ]);
    expect(unseen.size).toBe(0);
  });

  it('tells which languages have fences it has no block for', () => {
    const text = [
      '```ruby\nputs 1\n```', // seen
      '1. Step:\n\n    ```ruby\n    puts 2\n    ```', // in a list item: ruby has a fence unseen
      '> ```python\n> print(1)\n> ```', // in a quote
      '````md\n```go\nfmt.Println()\n```\n````', // Go only as text inside another block
      '```json\n{}\n```',
    ].join('\n\n');
    const { blocks, unseen } = forecast(text, () => true);
    expect(blocks.map((b) => b.lexer)).toEqual(['ruby', 'markdown', 'json']);
    expect([...unseen].sort()).toEqual(['go', 'python', 'ruby']);
  });
});

describe('fenceLexers', () => {
  it('finds the languages a page uses before rendering', () => {
    expect([...fenceLexers('```shell\n```\n  ~~~ js\n~~~\n```\n```\n````python title\n````\n')].sort()).toEqual(['javascript', 'python', 'shell']);
  });

  it('finds the languages of fences in list items and quotes, at any depth', () => {
    const md = '1. Step:\n\n    ```ruby\n    puts 1\n    ```\n\n> ```python\n> print(1)\n> ```\n\n- > - ~~~go\n\n* ```\n\n10) ```java\n';
    expect([...fenceLexers(md)].sort()).toEqual(['go', 'java', 'python', 'ruby']);
  });
});
