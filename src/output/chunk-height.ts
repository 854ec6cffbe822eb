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

/** `visible(tab)` says whether a code block of class `tab-{tab}` shows under the first language. */
export function estimateHeight(html: string, visible: (tab: string) => boolean): number {
  let codeBytes = 0;
  let codeLines = 0;
  for (const m of html.matchAll(/<div class="highlight(?: tab-([^"\s]*))?"><pre[\s\S]*?<\/pre><\/div>/g)) {
    codeBytes += m[0].length;
    if (m[1] !== undefined && !visible(m[1])) continue;
    for (let i = m[0].indexOf('\n'); i !== -1; i = m[0].indexOf('\n', i + 1)) codeLines++;
  }
  return Math.round(PX_PER_TEXT_BYTE * (html.length - codeBytes) + PX_PER_CODE_LINE * codeLines);
}
