// markdown-it's block state starts by indexing the source's lines: five tables (where each line
// begins and ends, its indent in characters and in columns, and a column offset for quotes),
// pushed to one line at a time. For GitHub's reference, 602,000 lines, those pushes grow each
// table by copying it into fresh memory again and again, and on this virtual machine fresh memory
// is page faults: ≈ 0.9 s of a cold build's main thread in profiles, against ≈ 0.08 s for the same
// tables made at their final size. So the state is made with the tables of an empty source, and
// the tables are then filled at the size the number of newlines gives. The contents are
// markdown-it's, line for line: test/markdown/line-index.test.ts compares them on random text.

import type { Env, MarkdownIt, StateBlock, Token } from 'markdown-it';

const NEWLINE = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;

export function lineIndex(md: MarkdownIt): void {
  const Base = md.block.State;
  md.block.State = class IndexedState extends Base {
    constructor(src: string, md: MarkdownIt, env: Env, tokens: Token[]) {
      super('', md, env, tokens);
      this.src = src;
      indexLines(this, src);
    }
  };
}

/** Fills state's line tables for `s` as markdown-it's StateBlock constructor does. */
export function indexLines(state: StateBlock, s: string): void {
  let lines = 1; // the end mark after the last line
  for (let at = s.indexOf('\n'); at !== -1; at = s.indexOf('\n', at + 1)) lines++;
  lines++; // a last line without a newline
  const [bMarks, eMarks, tShift, sCount, bsCount] = [new Array<number>(lines), new Array<number>(lines), new Array<number>(lines), new Array<number>(lines), new Array<number>(lines)];
  const len = s.length;
  let line = 0;
  for (let start = 0; start < len;) {
    let pos = start, indent = 0, offset = 0;
    for (; pos < len; pos++) {
      const ch = s.charCodeAt(pos);
      if (ch === SPACE) offset++;
      else if (ch === TAB) offset += 4 - (offset % 4);
      else break;
      indent++;
    }
    // Blanks up to the end of the text, with no newline after them, are no line to markdown-it.
    if (pos === len) break;
    let end = s.charCodeAt(pos) === NEWLINE ? pos : s.indexOf('\n', pos);
    if (end === -1) end = len;
    bMarks[line] = start;
    eMarks[line] = end;
    tShift[line] = indent;
    sCount[line] = offset;
    bsCount[line] = 0;
    line++;
    start = end + 1;
  }
  bMarks[line] = eMarks[line] = len;
  tShift[line] = sCount[line] = bsCount[line] = 0;
  for (const table of [bMarks, eMarks, tShift, sCount, bsCount]) table.length = line + 1;
  Object.assign(state, { bMarks, eMarks, tShift, sCount, bsCount, lineMax: line });
}
