// The studio page: tabs, the status line and error box, the API key; each panel lives in its own module.
import { key, setKey } from './api.js';
import { musicPanel } from './music.js';
import { levelsPanel } from './levels.js';
import { npcPanel } from './npc.js';

const report = {
  status(text) {
    document.getElementById('status').textContent = text;
  },
  error(e) {
    const box = document.getElementById('error');
    box.textContent = e && e.message ? e.message : String(e);
    box.hidden = false;
    report.status('');
  },
  clear() {
    document.getElementById('error').hidden = true;
  },
};

/** Tabs as the WAI-ARIA pattern: arrow keys move between tabs, Tab goes into the panel. */
function tabs() {
  const list = [...document.querySelectorAll('[role=tab]')];
  const select = (tab) => {
    for (const t of list) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      document.getElementById(t.getAttribute('aria-controls')).hidden = !on;
    }
    tab.focus();
    history.replaceState(null, '', '#' + tab.id.slice(4));
  };
  list.forEach((tab, i) => {
    tab.addEventListener('click', () => select(tab));
    tab.addEventListener('keydown', (e) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
      if (step) {
        select(list[(i + step + list.length) % list.length]);
        e.preventDefault();
      } else if (e.key === 'Home' || e.key === 'End') {
        select(list[e.key === 'Home' ? 0 : list.length - 1]);
        e.preventDefault();
      }
    });
  });
  const start = document.getElementById('tab-' + location.hash.slice(1));
  if (start) {
    select(start);
  }
}

const keyInput = document.getElementById('api-key');
keyInput.value = key();
keyInput.addEventListener('change', () => setKey(keyInput.value.trim()));
// A new request clears the last error; a failing one sets it again.
document.addEventListener('submit', report.clear, true);
tabs();
const moods = musicPanel(report);
levelsPanel(report);
window.studioReady = Promise.all([moods, npcPanel(report)]).then(() => true);
