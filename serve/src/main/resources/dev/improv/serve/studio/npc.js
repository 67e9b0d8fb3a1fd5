// NPC panel: edit a card (persona, facts) and the world, chat, see each reply's facts and whether the
// model or the authored fallback wrote it; save the card and world as the JSON files the CLI reads.
import { post } from './api.js';
import { el, saveText } from './files.js';
import { codeBlock, dialogueCli, dialogueJava } from './code.js';

// The service reads world text one fact a sentence (JobCards.world): the saved world file lists the same sentences.
const SENTENCE_END = /(?<=[.!?])\s+/;

const lines = (id) => document.getElementById(id).value.split('\n').map((l) => l.trim()).filter((l) => l);

function worldFacts() {
  return lines('npc-world').map((l) => (/[.!?]$/.test(l) ? l : l + '.')).flatMap((l) => l.split(SENTENCE_END));
}

function card() {
  const c = { name: document.getElementById('npc-name').value.trim(), role: document.getElementById('npc-role').value.trim(),
    persona: lines('npc-persona'), facts: lines('npc-facts') };
  return c;
}

function banned() {
  return document.getElementById('npc-banned').value.split(',').map((w) => w.trim()).filter((w) => w);
}

function slug(name) {
  return (name || 'npc').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'npc';
}

/** The card as a file for improv dialogue --card and NpcCard.read: what the service was sent, mood and banned words included. */
function cardFile() {
  const c = card();
  const mood = document.getElementById('npc-mood').value;
  if (mood) {
    c.mood = mood;
  }
  if (banned().length) {
    c.banned = banned();
  }
  return c;
}

export function npcPanel(report) {
  const log = document.getElementById('npc-log');
  let history = [];

  async function loadExample(name) {
    const response = await fetch('/studio/npc/' + name + '.json');
    if (!response.ok) {
      throw new Error('example card ' + name + ': HTTP ' + response.status);
    }
    const c = await response.json();
    document.getElementById('npc-name').value = c.name || '';
    document.getElementById('npc-role').value = c.role || '';
    document.getElementById('npc-persona').value = (c.persona || []).join('\n');
    document.getElementById('npc-facts').value = (c.facts || []).join('\n');
    document.getElementById('npc-mood').value = c.mood || '';
    document.getElementById('npc-banned').value = (c.banned || []).join(', ');
    document.getElementById('npc-example').value = name;
  }

  async function loadWorld() {
    const response = await fetch('/studio/npc/world.json');
    if (response.ok) {
      document.getElementById('npc-world').value = ((await response.json()).facts || []).join('\n');
    }
  }

  document.getElementById('npc-example').addEventListener('change', (e) => {
    if (e.target.value) {
      loadExample(e.target.value).then(() => report.status('Loaded the ' + e.target.value + ' card'), report.error);
    }
  });
  document.getElementById('npc-save-card').addEventListener('click', () => {
    saveText(slug(card().name) + '.json', JSON.stringify(cardFile(), null, 2) + '\n', 'application/json');
  });
  document.getElementById('npc-save-world').addEventListener('click', () => {
    saveText('world.json', JSON.stringify({ name: 'world', facts: worldFacts() }, null, 2) + '\n', 'application/json');
  });
  document.getElementById('npc-clear').addEventListener('click', () => {
    history = [];
    log.replaceChildren();
    document.getElementById('npc-say').focus();
  });

  function line(speaker, text) {
    const li = el('li', speaker === 'player' ? 'player' : 'npc');
    li.appendChild(el('span', 'who', speaker === 'player' ? 'You' : card().name || 'NPC'));
    li.appendChild(el('span', 'text', text));
    log.appendChild(li);
    log.scrollTop = log.scrollHeight; // the log scrolls, the page stays put
    return li;
  }

  document.getElementById('npc-say-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = document.getElementById('npc-say');
    const say = input.value.trim();
    if (!say) {
      return;
    }
    const world = worldFacts().join(' ');
    const request = { card: card(), world, history: history.slice(), say, n: 1,
      seed: Number(document.getElementById('npc-seed').value), mood: document.getElementById('npc-mood').value,
      ban: banned(), max_tokens: 30 };
    line('player', say);
    input.value = '';
    const send = document.getElementById('npc-send');
    send.disabled = true;
    report.status('The NPC is thinking…');
    try {
      const answer = await post('v1/dialogue', request);
      const reply = answer.replies[0];
      const li = line('npc', reply.text);
      const source = el('span', 'badge ' + (reply.source === 'model' ? 'ok' : 'warn'),
          reply.source === 'model' ? 'model' : 'fallback (authored grammar)');
      li.insertBefore(source, li.querySelector('.text'));
      const facts = el('div', 'facts');
      facts.appendChild(el('span', null, reply.facts.length ? 'Facts used:' : 'No card or world fact used.'));
      if (reply.facts.length) {
        const list = el('ul');
        for (const f of reply.facts) {
          list.appendChild(el('li', null, f));
        }
        facts.appendChild(list);
      }
      li.appendChild(facts);
      const cardName = slug(request.card.name) + '.json';
      li.appendChild(codeBlock('v1/dialogue', request, dialogueJava(request, cardName, 'world.json'),
          dialogueCli(request, cardName, 'world.json'),
          'Save the card and the world with the buttons on the left (as ' + cardName + ' and world.json) first.'
          + (request.history.length ? ' The CLI\'s --say answers a first line only: this turn has history, so use the Java call.' : '')));
      history.push({ speaker: 'player', text: say }, { speaker: 'npc', text: reply.text });
      report.status('');
    } catch (e) {
      line('npc', '(no reply: ' + e.message + ')').classList.add('failed');
      report.error(e);
    } finally {
      send.disabled = false;
      input.focus();
    }
  });

  return Promise.all([loadExample('blacksmith'), loadWorld()]).catch(report.error);
}
