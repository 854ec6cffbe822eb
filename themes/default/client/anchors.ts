// Fragment ids are case-sensitive, but Slate docs are full of `#Errors` links to `#errors`.
// When the hash names no element, land on the one whose id matches it ignoring case (the build
// warns about such links; this keeps them working for readers meanwhile).

export function initAnchors(): void {
  const land = () => {
    const raw = location.hash.slice(1);
    if (!raw) return;
    let target: string;
    try { target = decodeURIComponent(raw); } catch { target = raw; }
    if (document.getElementById(target)) return;
    const lower = target.toLowerCase();
    const match = [...document.querySelectorAll<HTMLElement>('.content [id]')].find((el) => el.id.toLowerCase() === lower);
    if (!match) return;
    history.replaceState(history.state, '', `#${encodeURIComponent(match.id)}`);
    match.scrollIntoView();
  };
  window.addEventListener('hashchange', land);
  land();
}
