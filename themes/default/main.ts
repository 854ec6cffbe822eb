// Client entry of the default theme: the styles (in cascade order) and the behaviours.
// Each behaviour is a small module with one init function; later features add a line here.

import './styles/vars.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/nav.css';
import './styles/tabs.css';
import './styles/content.css';
import './styles/asides.css';
import './styles/code.css';
import './styles/search.css';
import './styles/rtl.css';
import './styles/print.css';

import { initAnchors } from './client/anchors';
import { initCopy } from './client/copy';
import { initNav } from './client/nav';
import { initPermalinks } from './client/permalinks';
import { initSemantics } from './client/semantics';
import { initTabs } from './client/tabs';
import { initTheme } from './client/theme';
import { initToc } from './client/toc';

// A module script runs after the document is parsed, so the DOM is complete here.
initTheme();
initTabs();
initNav();
initToc();
initSemantics();
initPermalinks();
initCopy();
initAnchors();
// A large page loads its content in pieces (client/chunks.ts): that code is fetched only by such a page.
if (document.body.dataset.chunkMap) void import('./client/chunks').then((m) => m.initChunks());
// Search code is its own chunk, fetched only on pages that have a search box (not `search: false`).
if (document.getElementById('input-search')) void import('./client/search').then((m) => m.initSearch());
