// Fragment ids are case-sensitive, but Slate docs are full of `#Errors` links to `#errors`.
// When the hash names no element, land on the one whose id matches it ignoring case (the build
// warns about such links; this keeps them working for readers meanwhile). On a page loaded in
// chunks, an id not in the page yet is found by client/chunks.ts, which lands with landOn().

/** The id a `#fragment` names, decoded (as written when it is not valid percent-encoding). */
export function idOfHash(hash: string): string {
  const raw = hash.replace(/^#/, '');
  try { return decodeURIComponent(raw); } catch { return raw; }
}

/** The id the URL's hash names ('' when there is none). */
export function hashId(): string {
  return idOfHash(location.hash);
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
