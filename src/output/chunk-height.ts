// How tall a chunk will be once loaded, guessed from its HTML so that its placeholder keeps the
// scrollbar and the TOC close to the real page. The guess only has to be near: the browser's
// scroll anchoring (and the theme's keepingPlace) holds the reader's place when a chunk above
// the view turns out taller or shorter.
//
// Fitted on the GitHub reference in Chromium at 1440 px (206 chunks of ~200 KB, real heights
// from the unsplit page): 0.54 px per byte of HTML outside code blocks, plus 2 px per line of
// code that shows under the first language — most code sits in the dark column beside the prose
// and adds little height. Median error 7 %, 90th percentile 21 %; one weight for all text alone
// gave 15 % and 29 %, and max(prose, code) per section did worse (19 %).

const PX_PER_TEXT_BYTE = 0.54;
const PX_PER_CODE_LINE = 2;

/** The height of HTML of `textLength` characters outside code blocks and `codeLines` lines of visible code. */
export function chunkHeight(textLength: number, codeLines: number): number {
  return Math.round(PX_PER_TEXT_BYTE * textLength + PX_PER_CODE_LINE * codeLines);
}
