// Light and dark colour schemes. html[data-theme] decides (styles/vars.css); the inline script
// at the top of <body> sets it before the first paint from the remembered choice, else from
// prefers-color-scheme. This module wires the toggle and follows the system setting until the
// reader picks a scheme themselves.

const KEY = 'theme';
type Scheme = 'light' | 'dark';

function stored(): Scheme | undefined {
  try {
    const value = window.localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : undefined;
  } catch {
    return undefined;
  }
}

export function initTheme(): void {
  const root = document.documentElement;
  const system = window.matchMedia('(prefers-color-scheme: dark)');
  const toggle = document.getElementById('theme-toggle');

  const apply = (scheme: Scheme): void => {
    root.dataset.theme = scheme;
    toggle?.setAttribute('aria-pressed', String(scheme === 'dark'));
  };
  apply(stored() ?? (system.matches ? 'dark' : 'light'));

  system.addEventListener('change', () => {
    if (!stored()) apply(system.matches ? 'dark' : 'light');
  });

  if (!toggle) return;
  toggle.hidden = false;
  toggle.addEventListener('click', () => {
    const next: Scheme = root.dataset.theme === 'dark' ? 'light' : 'dark';
    apply(next);
    try {
      window.localStorage.setItem(KEY, next);
    } catch {
      /* not remembered: fine */
    }
  });
}
