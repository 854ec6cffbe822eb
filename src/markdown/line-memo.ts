// Highlighting one line at a time, remembering each line's result. Generated references repeat
// themselves: GitHub's has 408k lines of code but only 25k distinct (language, line) pairs —
// the same `curl` flags, `headers = {`, `"login": "octocat",` over and over. A TextMate grammar
// tokenizes a line from the state the previous line left (inside a string, at some nesting), so
// a line's tokens are a function of (state, text): that pair is the memo's key, and the state it
// leaves is stored with it. This is what shiki's codeToTokens does line by line, minus the work
// for lines seen before from an equal state.

import type { Grammar } from 'shiki';

type StateStack = ReturnType<Grammar['tokenizeLine2']>['ruleStack'];

/** What shiki's ThemedToken carries that the HTML needs. */
export interface LineToken {
  content: string;
  color?: string;
  fontStyle: number;
}

// The layout of vscode-textmate's encoded token metadata (EncodedTokenAttributes).
const FONT_STYLE_MASK = 0b111_1000_0000_0000;
const FONT_STYLE_OFFSET = 11;
const FOREGROUND_MASK = 0b1111_1111_1000_0000_0000_0000;
const FOREGROUND_OFFSET = 15;
/** shiki's default: a line that takes longer stops being tokenized (and is not remembered). */
const TIME_LIMIT_MS = 500;

interface Entry {
  html: string;
  next: StateStack | null;
}

/**
 * A highlighter for one grammar: `lineHtml` turns one line's tokens into HTML. States are made
 * canonical (one object per equal state) so they can key a Map.
 */
export function lineMemo(grammar: Grammar, colorOf: (index: number) => string | undefined, lineHtml: (tokens: LineToken[]) => string) {
  const memo = new Map<StateStack | null, Map<string, Entry>>();
  const states = new Map<string, StateStack[]>();

  const canonical = (state: StateStack): StateStack => {
    const key = stateKey(state);
    const same = states.get(key);
    const found = same?.find((s) => s.equals(state));
    if (found) return found;
    if (same) same.push(state);
    else states.set(key, [state]);
    return state;
  };

  const tokenize = (line: string, state: StateStack | null): Entry & { stopped: boolean } => {
    const result = grammar.tokenizeLine2(line, state, TIME_LIMIT_MS);
    const raw = result.tokens;
    const count = raw.length / 2;
    const tokens: LineToken[] = [];
    for (let j = 0; j < count; j++) {
      const start = raw[2 * j];
      const end = j + 1 < count ? raw[2 * j + 2] : line.length;
      if (start === end) continue;
      const meta = raw[2 * j + 1];
      tokens.push({
        content: line.slice(start, end),
        color: colorOf((meta & FOREGROUND_MASK) >>> FOREGROUND_OFFSET),
        fontStyle: (meta & FONT_STYLE_MASK) >>> FONT_STYLE_OFFSET,
      });
    }
    return { html: lineHtml(tokens), next: canonical(result.ruleStack), stopped: result.stoppedEarly };
  };

  return (code: string): string => {
    let state: StateStack | null = null;
    let out = '';
    let first = true;
    for (const line of code.split(/\r?\n/)) {
      if (!first) out += '\n';
      first = false;
      // shiki leaves the state as it was across an empty line.
      if (line === '') continue;
      let byLine = memo.get(state);
      if (!byLine) memo.set(state, (byLine = new Map()));
      let entry: Entry | undefined = byLine.get(line);
      if (!entry) {
        const made = tokenize(line, state);
        entry = { html: made.html, next: made.next };
        if (!made.stopped) byLine.set(line, entry);
      }
      out += entry.html;
      state = entry.next;
    }
    return out;
  };
}

/**
 * A cheap summary of a state (depth and rule ids, read from vscode-textmate's state objects);
 * equal states always share it, and `equals` decides among those that do. Should the fields
 * ever be missing, every state of a depth shares one key: slower, still right.
 */
function stateKey(state: StateStack): string {
  let key = String(state.depth);
  for (let s = state as unknown as { ruleId?: number; parent?: unknown } | undefined; s; s = s.parent as typeof s) key += `,${s.ruleId}`;
  return key;
}
