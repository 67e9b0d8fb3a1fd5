// Music panel: a few knobs, a grid of variations (one seed each), each heard in the page from the
// service's own WAV rendering, seen as a piano roll, downloadable as MIDI and WAV, and comparable A/B.
import { get, post } from './api.js';
import { bytes, blobUrl, downloadLink, el, revokeWithin } from './files.js';
import { readMidi } from './midi.js';
import { drawRoll } from './roll.js';
import { codeBlock, musicCli, musicJava } from './code.js';
import { DRUM_STYLES, GM_PROGRAMS } from './gm.js';

const MOOD_FILE_ITEM = 'improv.moodFile';
const KEYS = ['C', 'C#', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'];

export function musicPanel(report) {
  const form = document.getElementById('music-form');
  const grid = document.getElementById('music-grid');
  const keySelect = document.getElementById('music-key');
  for (const k of [...KEYS, ...KEYS.map((k) => k + 'm')]) {
    const o = el('option', null, k.endsWith('m') ? k.slice(0, -1) + ' minor' : k + ' major');
    o.value = k;
    o.selected = k === 'G';
    keySelect.appendChild(o);
  }
  const intensity = document.getElementById('music-intensity');
  intensity.addEventListener('input', () => (document.getElementById('music-intensity-value').textContent = intensity.value));
  for (const select of document.querySelectorAll('#music-band select.program')) {
    select.appendChild(el('option', null, 'the mood\'s')).value = '';
    GM_PROGRAMS.forEach((name, program) => (select.appendChild(el('option', null, program + ' ' + name)).value = program));
  }
  const drumStyle = document.getElementById('music-drum-style');
  drumStyle.appendChild(el('option', null, 'the mood\'s')).value = '';
  for (const style of DRUM_STYLES) {
    drumStyle.appendChild(el('option', null, style)).value = style;
  }
  const engine = document.getElementById('music-engine');
  const mood = document.getElementById('music-mood');
  // A designer's mood file: its name (for the CLI's --moods) and its JSON, sent with each request that names one of its moods.
  // The service keeps no request's file (each request carries its own), so the page keeps it for this tab's session.
  let moodFile = null;
  const fileNames = new WeakMap(); // a mood file's JSON -> its name, so a variation names the file it was made with
  let serviceFile = null; // the operator's mood file (improv serve --moods), whose moods the service itself knows
  const chosen = () => controlsFor(engine.value, mood.value);
  engine.addEventListener('change', chosen);
  mood.addEventListener('change', chosen);
  chosen();
  const moodInput = document.getElementById('music-moods');
  const kept = document.getElementById('music-moods-kept');
  const forget = document.getElementById('music-moods-forget');
  /** Uses a mood file (its moods join the list); false, with the reason reported, if it is not one. */
  const useMoodFile = (name, json, pick) => {
    const names = json && typeof json === 'object' && !Array.isArray(json) ? Object.keys(json).filter((n) => !n.startsWith('_')) : [];
    if (names.length === 0) {
      report.error(new Error(name + ': expected a JSON object of moods, as improv/music/moods.json'));
      return false;
    }
    moodFile = { name, json };
    fileNames.set(json, name);
    const group = document.getElementById('music-moods-file');
    group.replaceChildren();
    for (const n of names) {
      group.appendChild(el('option', null, n + ' (' + name + ')')).value = 'file:' + n;
    }
    group.hidden = false;
    kept.textContent = name + ', kept for this tab';
    forget.hidden = false;
    if (pick) {
      mood.value = 'file:' + names[0];
    }
    chosen();
    report.status(name + ': ' + names.length + (names.length === 1 ? ' mood' : ' moods') + ' (' + names.join(', ') + ')');
    return true;
  };
  const forgetMoodFile = () => {
    const group = document.getElementById('music-moods-file');
    if (mood.value.startsWith('file:')) {
      mood.value = '';
    }
    group.replaceChildren();
    group.hidden = true;
    moodFile = null;
    kept.textContent = '';
    forget.hidden = true;
    sessionStorage.removeItem(MOOD_FILE_ITEM);
    chosen();
  };
  moodInput.addEventListener('change', async (event) => {
    const file = event.target.files[0];
    if (!file) {
      forgetMoodFile();
      return;
    }
    let json;
    try {
      json = JSON.parse(await file.text());
    } catch (e) {
      report.error(new Error(file.name + ': not JSON (' + e.message + ')'));
      return;
    }
    if (useMoodFile(file.name, json, true)) {
      try {
        sessionStorage.setItem(MOOD_FILE_ITEM, JSON.stringify({ name: file.name, json }));
      } catch (e) {
        kept.textContent = file.name + ' (too large to keep for this tab: choose it again after a reload)';
      }
    }
  });
  forget.addEventListener('click', () => {
    moodInput.value = '';
    forgetMoodFile();
    report.status('The mood file is forgotten');
  });
  try {
    const stored = JSON.parse(sessionStorage.getItem(MOOD_FILE_ITEM));
    if (stored) {
      useMoodFile(stored.name, stored.json, false);
    }
  } catch (e) {
    sessionStorage.removeItem(MOOD_FILE_ITEM); // not what this page wrote: start without it
  }
  /** The service's own moods (the shipped six, or the operator's file) fill the first group of the list. */
  const serviceMoods = async () => {
    let answer;
    try {
      answer = await get('v1/moods');
    } catch (e) {
      if (e.status !== 401) { // a service with keys before the key is typed: the shipped six stay
        report.error(e);
      }
      return;
    }
    const group = document.getElementById('music-moods-shipped');
    const was = mood.value;
    group.replaceChildren(...answer.moods.map((n) => Object.assign(el('option', null, n), { value: n })));
    group.label = answer.file ? 'The service\'s moods (' + answer.file + ')' : 'Shipped moods';
    serviceFile = answer.file;
    mood.value = [...mood.options].some((o) => o.value === was) ? was : '';
    chosen();
  };
  document.getElementById('api-key').addEventListener('change', serviceMoods);
  const sections = document.getElementById('music-sections');
  sections.addEventListener('input', () => sectionSliders(Number(sections.value)));
  const ab = compare();
  const usedSeeds = new Set();

  function controls() {
    const v = (id) => document.getElementById(id).value;
    // Empty fields are left out: with a mood they are the preset's.
    const band = v('music-engine') === 'band';
    // The band is the default engine: only the transformer is named in the request.
    const c = band ? { bars: Number(v('music-bars')) } : { engine: 'transformer', bars: Number(v('music-bars')) };
    if (band && v('music-mood')) {
      const fromFile = v('music-mood').startsWith('file:');
      c.mood = fromFile ? v('music-mood').slice(5) : v('music-mood');
      if (fromFile) {
        c.moods = moodFile.json;
      }
    }
    for (const [field, id] of [['key', 'music-key'], ['meter', 'music-meter']]) {
      if (v(id)) {
        c[field] = v(id);
      }
    }
    if (v('music-tempo')) {
      c.tempo = Number(v('music-tempo'));
    }
    const levels = [...document.querySelectorAll('#music-intensity-sections input')].map((i) => Number(i.value));
    if (levels.length > 1) {
      // Bar i belongs to section floor(i * sections / bars): sections as even as the bars allow.
      c.intensities = Array.from({ length: c.bars }, (_, i) => levels[Math.floor((i * levels.length) / c.bars)]);
    } else {
      c.intensity = Number(v('music-intensity'));
    }
    if (band) {
      for (const [field, id] of [['drum_style', 'music-drum-style'], ['lead', 'music-lead'], ['harmony', 'music-harmony'],
        ['bass', 'music-bass']]) {
        if (v(id) !== '') {
          c[field] = field === 'drum_style' ? v(id) : Number(v(id));
        }
      }
      return c;
    }
    return { ...c, temperature: Number(v('music-temperature')), top_p: Number(v('music-top-p')),
      key_strength: Number(v('music-key-strength')) };
  }

  /**
   * Adds a variation made with {@code base} controls and {@code seed}, after {@code after} or at the end;
   * with {@code prime} ({base64, file, title}) it continues that piece instead of starting one.
   */
  function variation(base, seed, after, prime,
      moods = base.moods ? fileNames.get(base.moods) : (base.mood && serviceFile ? serviceFile : null)) {
    usedSeeds.add(seed);
    const request = { ...base, seed, wav: true };
    if (prime) {
      request.prime = prime.base64;
    }
    const name = prime ? prime.title + ' + ' + base.bars + ' bars' : 'Seed ' + seed;
    const card = el('article', 'variation busy');
    card.setAttribute('aria-label', 'Variation: ' + name);
    card.dataset.seed = seed;
    card.dataset.name = name;
    const title = el('h3', null, name);
    const info = el('p', 'info', 'Generating…');
    card.append(title, info);
    if (after) {
      after.after(card);
    } else {
      grid.appendChild(card);
    }
    return post('v1/music', request).then((answer) => {
      card.classList.remove('busy');
      fill(card, base, request, answer, prime, moods);
      return card;
    }, (e) => {
      card.classList.remove('busy');
      card.classList.add('failed');
      info.textContent = 'Failed: ' + e.message;
      report.error(e);
      return card;
    });
  }

  function fill(card, base, request, answer, prime, moodsFile) {
    const midi = bytes(answer.midi);
    const wav = bytes(answer.wav);
    const song = readMidi(midi);
    const fileBase = prime ? prime.fileBase + '-more' : 'music-seed' + request.seed;
    const shape = request.intensities ? request.intensities.filter((x, i, all) => i === 0 || x !== all[i - 1]).join('→')
        : request.intensity;
    // A band answers with the controls it played (the preset's where the request left them out).
    const played = request.engine === 'transformer' ? 'melody and chords · ' : (request.mood ? request.mood + ' band · ' : 'band · ');
    card.querySelector('.info').textContent = played + request.bars + ' bars · '
        + (answer.key || request.key) + ' · ' + (answer.meter || request.meter) + ' · ' + (answer.tempo || request.tempo)
        + ' BPM · intensity ' + shape + (answer.drum_style ? ' · ' + answer.drum_style + ' drums' : '') + ' · '
        + answer.tracks + ' tracks · ' + answer.notes + ' notes · ' + answer.seconds + ' s';
    const canvas = el('canvas', 'roll');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', 'Piano roll of seed ' + request.seed + ': ' + song.notes.length + ' notes');
    const audio = el('audio');
    audio.controls = true;
    audio.preload = 'auto';
    audio.src = blobUrl(wav, 'audio/wav');
    audio.setAttribute('aria-label', 'Play seed ' + request.seed);
    let frame = 0;
    const paint = () => {
      drawRoll(canvas, song, audio.currentTime);
      frame = audio.paused ? 0 : requestAnimationFrame(paint);
    };
    audio.addEventListener('play', () => {
      ab.playing(audio);
      if (!frame) {
        frame = requestAnimationFrame(paint);
      }
    });
    audio.addEventListener('seeked', paint);
    card.append(canvas, audio);
    const actions = el('div', 'actions');
    const again = el('button', null, 'Another like this');
    again.type = 'button';
    again.title = 'Same controls, a new seed';
    again.addEventListener('click', () => {
      let seed = request.seed + 1;
      while (usedSeeds.has(seed)) {
        seed++;
      }
      variation(base, seed, card);
    });
    const more = el('button', null, 'Continue this');
    more.type = 'button';
    more.title = 'The model plays on from the end of this piece: ' + base.bars + ' more bars';
    more.addEventListener('click', () => variation(base, request.seed, card,
        { base64: answer.midi, fileBase, title: card.dataset.name }));
    if (request.engine !== 'transformer') {
      more.disabled = true;
      more.title = 'The band starts its own pieces: continuing is for the melody and chords engine';
    }
    const asA = el('button', null, 'Set as A');
    asA.type = 'button';
    asA.addEventListener('click', () => ab.set('A', audio, card.dataset.name));
    const asB = el('button', null, 'Set as B');
    asB.type = 'button';
    asB.addEventListener('click', () => ab.set('B', audio, card.dataset.name));
    actions.append(again, more, asA, asB,
        downloadLink('MIDI', fileBase + '.mid', midi, 'audio/midi'),
        downloadLink('WAV', fileBase + '.wav', wav, 'audio/wav'));
    const primeFile = prime ? prime.fileBase + '.mid' : null;
    card.append(actions, codeBlock('v1/music', request, musicJava(request, fileBase, primeFile, moodsFile),
        musicCli(request, fileBase, primeFile, moodsFile),
        'MIDI: byte for byte the same from all three. WAV: the Java line gives the same file; the CLI\'s --wav is '
        + 'loudness-normalised (RMS -18 dBFS), so it is louder or softer than the one here.'
        + (primeFile ? ' The prime is ' + primeFile + ', the MIDI download of the piece this one continues.' : '')
        + (moodsFile ? ' ' + moodsFile + (request.moods ? ' is the mood file you chose (the request carries its JSON).'
          : ' is the service\'s mood file (improv serve --moods).') : ''),
        primeFile ? { prime: primeFile } : {}));
    requestAnimationFrame(() => drawRoll(canvas, song, 0));
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!form.reportValidity()) {
      return;
    }
    const base = controls();
    const seed = Number(document.getElementById('music-seed').value);
    const count = Number(document.getElementById('music-variations').value);
    revokeWithin(grid);
    grid.replaceChildren();
    usedSeeds.clear();
    ab.reset();
    const button = document.getElementById('music-generate');
    button.disabled = true;
    report.status('Generating ' + count + ' variations…');
    const started = performance.now();
    const jobs = [];
    for (let i = 0; i < count; i++) {
      jobs.push(variation(base, seed + i));
    }
    await Promise.all(jobs);
    button.disabled = false;
    report.status(count + (count === 1 ? ' variation' : ' variations') + ' in '
        + ((performance.now() - started) / 1000).toFixed(1) + ' s');
  });
  return serviceMoods();
}

/**
 * The band takes a mood and instruments, the transformer its sampling settings; each control the other
 * engine does not take is switched off. With a mood, key, meter, tempo, drum style and instruments read
 * "the mood's" (the preset picks them) until changed; without one the band's defaults (G, 4/4, 120, rock,
 * piano, warm pad, fingered bass) show.
 */
function controlsFor(engine, mood) {
  const band = engine === 'band';
  const preset = band && Boolean(mood);
  const key = document.getElementById('music-key');
  const meter = document.getElementById('music-meter');
  const tempo = document.getElementById('music-tempo');
  document.getElementById('music-mood').disabled = !band;
  document.getElementById('music-key-mood').disabled = !preset;
  document.getElementById('music-meter-mood').disabled = !preset;
  tempo.required = !preset;
  if (preset) {
    key.value = '';
    meter.value = '';
    tempo.value = '';
  } else {
    key.value = key.value || 'G';
    meter.value = meter.value || '4/4';
    tempo.value = tempo.value || '120';
  }
  const bandDefaults = { 'music-lead': 0, 'music-harmony': 89, 'music-bass': 33, 'music-drum-style': 'rock' };
  for (const [id, value] of Object.entries(bandDefaults)) {
    const select = document.getElementById(id);
    select.disabled = !band;
    // The first option stands for what the band plays when the request names nothing.
    const shown = id === 'music-drum-style' ? value : value + ' ' + GM_PROGRAMS[value];
    select.options[0].textContent = preset ? 'the mood\'s' : 'the band\'s: ' + shown;
  }
  document.getElementById('music-moods').disabled = !band;
  document.querySelector('#music-band summary').textContent = band ? 'Band: instruments, drums, mood file'
    : 'Band (not for melody and chords)';
  for (const input of document.querySelectorAll('#music-sampling input')) {
    input.disabled = band;
  }
  document.querySelector('#music-sampling summary').textContent = band ? 'Sampling (the band\'s own)' : 'Sampling';
}

/** One intensity slider per section (more than one section), or the single slider. */
function sectionSliders(count) {
  const box = document.getElementById('music-intensity-sections');
  const one = document.getElementById('music-intensity');
  const old = [...box.querySelectorAll('input')].map((i) => i.value);
  box.querySelectorAll('label').forEach((l) => l.remove());
  const many = count > 1;
  box.hidden = !many;
  document.getElementById('music-intensity-one').hidden = many;
  if (!many) {
    return;
  }
  for (let k = 0; k < Math.min(count, 8); k++) {
    const label = el('label', null, String(k + 1) + ' ');
    const input = el('input');
    input.type = 'range';
    input.min = 0;
    input.max = 7;
    input.value = old[k] ?? one.value;
    input.setAttribute('aria-label', 'Intensity of section ' + (k + 1));
    const out = el('output', null, input.value);
    input.addEventListener('input', () => (out.textContent = input.value));
    label.append(input, out);
    box.appendChild(label);
  }
}

/** A/B: two chosen variations; "Switch" jumps to the other at the same moment, as engineers compare mixes. */
function compare() {
  const slots = { A: null, B: null };
  let current = 'A';
  const play = document.getElementById('ab-play');
  const swap = document.getElementById('ab-switch');
  const label = (name, piece) => (document.getElementById('ab-' + name.toLowerCase()).textContent = name + ': '
      + (piece === undefined ? 'choose a variation' : piece));
  const refresh = () => {
    play.disabled = !slots[current];
    swap.disabled = !(slots.A && slots.B);
    play.textContent = slots[current] && !slots[current].paused ? 'Pause ' + current : 'Play ' + current;
  };
  play.addEventListener('click', () => {
    const audio = slots[current];
    if (audio.paused) {
      audio.play();
    } else {
      audio.pause();
    }
    setTimeout(refresh, 0);
  });
  swap.addEventListener('click', () => {
    const from = slots[current];
    current = current === 'A' ? 'B' : 'A';
    const to = slots[current];
    const wasPlaying = !from.paused;
    to.currentTime = Math.min(from.currentTime, to.duration || from.currentTime);
    from.pause();
    if (wasPlaying) {
      to.play();
    }
    setTimeout(refresh, 0);
  });
  return {
    set(name, audio, piece) {
      slots[name] = audio;
      label(name, piece);
      audio.addEventListener('pause', refresh);
      refresh();
    },
    /** Only one variation sounds at a time. */
    playing(audio) {
      for (const other of document.querySelectorAll('#music-grid audio')) {
        if (other !== audio && !other.paused) {
          other.pause();
        }
      }
      for (const name of ['A', 'B']) {
        if (slots[name] === audio) {
          current = name;
        }
      }
      refresh();
    },
    reset() {
      slots.A = slots.B = null;
      current = 'A';
      label('A');
      label('B');
      refresh();
    },
  };
}
