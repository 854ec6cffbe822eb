// Fragment ids are case-sensitive, but Slate docs are full of `#Errors` links to `#errors`.
// When the hash names no element, land on the one whose id matches it ignoring case (the build
// warns about such links; this keeps them working for readers meanwhile). On a page loaded in
// chunks, an id not in the page yet is found by client/chunks.ts, which lands with landOn().

/** The id the URL's hash names, decoded ('' when there is none). */
export function hashId(): string {
  const raw = location.hash.slice(1);
  try { return decodeURIComponent(raw); } catch { return raw; }
}

/** Scrolls to `el`; when the hash named it in another case, the URL gets its exact id. */
export function landOn(el: Element): void {
  const target = hashId();
  if (target !== el.id && target.toLowerCase() === el.id.toLowerCase()) {
    history.replaceState(history.state, '', `#${encodeURIComponent(el.id)}`);
  }
  el.scrollIntoView();
}

export function initAnchors(): void {
  const land = () => {
    const target = hashId();
    if (!target || document.getElementById(target)) return;
    const lower = target.toLowerCase();
    const match = [...document.querySelectorAll<HTMLElement>('.content [id]')].find((el) => el.id.toLowerCase() === lower);
    if (match) landOn(match);
  };
  window.addEventListener('hashchange', land);
  land();
}
