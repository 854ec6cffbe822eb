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
import { initNav } from './client/nav';
import { initTabs } from './client/tabs';
import { initToc } from './client/toc';

// A module script runs after the document is parsed, so the DOM is complete here.
initTabs();
initNav();
initToc();
initAnchors();
// Search code is its own chunk, fetched only on pages that have a search box (not `search: false`).
if (document.getElementById('input-search')) void import('./client/search').then((m) => m.initSearch());
