// Music panel: a few knobs, a grid of variations (one seed each), each heard in the page from the
// service's own WAV rendering, seen as a piano roll, downloadable as MIDI and WAV, and comparable A/B.
import { post } from './api.js';
import { bytes, blobUrl, downloadLink, el, revokeWithin } from './files.js';
import { readMidi } from './midi.js';
import { drawRoll } from './roll.js';
import { codeBlock, musicCli, musicJava } from './code.js';

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
  const mood = document.getElementById('music-mood');
  mood.addEventListener('change', () => moodChosen(mood.value));
  moodChosen('');
  const sections = document.getElementById('music-sections');
  sections.addEventListener('input', () => sectionSliders(Number(sections.value)));
  const ab = compare();
  const usedSeeds = new Set();

  function controls() {
    const v = (id) => document.getElementById(id).value;
    // Empty fields are left out: with a mood they are the preset's.
    const c = { bars: Number(v('music-bars')) };
    for (const [field, id] of [['mood', 'music-mood'], ['key', 'music-key'], ['meter', 'music-meter']]) {
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
    return c.mood ? c : { ...c, temperature: Number(v('music-temperature')), top_p: Number(v('music-top-p')),
      key_strength: Number(v('music-key-strength')) };
  }

  /**
   * Adds a variation made with {@code base} controls and {@code seed}, after {@code after} or at the end;
   * with {@code prime} ({base64, file, title}) it continues that piece instead of starting one.
   */
  function variation(base, seed, after, prime) {
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
      fill(card, base, request, answer, prime);
      return card;
    }, (e) => {
      card.classList.remove('busy');
      card.classList.add('failed');
      info.textContent = 'Failed: ' + e.message;
      report.error(e);
      return card;
    });
  }

  function fill(card, base, request, answer, prime) {
    const midi = bytes(answer.midi);
    const wav = bytes(answer.wav);
    const song = readMidi(midi);
    const fileBase = prime ? prime.fileBase + '-more' : 'music-seed' + request.seed;
    const shape = request.intensities ? request.intensities.filter((x, i, all) => i === 0 || x !== all[i - 1]).join('→')
        : request.intensity;
    // A band answers with the controls it played (the preset's where the request left them out).
    card.querySelector('.info').textContent = (request.mood ? request.mood + ' band · ' : '') + request.bars + ' bars · '
        + (answer.key || request.key) + ' · ' + (answer.meter || request.meter) + ' · ' + (answer.tempo || request.tempo)
        + ' BPM · intensity ' + shape + ' · ' + answer.notes + ' notes · ' + answer.seconds + ' s';
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
    if (request.mood) {
      more.disabled = true;
      more.title = 'The band starts its own pieces: continuing is for the melody model alone (no mood)';
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
    card.append(actions, codeBlock('v1/music', request, musicJava(request, fileBase, primeFile),
        musicCli(request, fileBase, primeFile),
        (request.intensities ? 'improv music takes one --intensity for the whole piece: the Java call makes this one. '
          : 'MIDI: byte for byte the same from all three. ')
        + 'WAV: the Java line gives the same file; the CLI\'s --wav is '
        + 'loudness-normalised (RMS -18 dBFS), so it is louder or softer than the one here.'
        + (primeFile ? ' The prime is ' + primeFile + ', the MIDI download of the piece this one continues.' : ''),
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
}

/**
 * A mood plays the band: key, meter and tempo become "the mood's" until changed, and the sampling
 * settings, which the band does not take, are switched off. Without a mood the plain defaults return.
 */
function moodChosen(mood) {
  const key = document.getElementById('music-key');
  const meter = document.getElementById('music-meter');
  const tempo = document.getElementById('music-tempo');
  document.getElementById('music-key-mood').disabled = !mood;
  document.getElementById('music-meter-mood').disabled = !mood;
  tempo.required = !mood;
  if (mood) {
    key.value = '';
    meter.value = '';
    tempo.value = '';
  } else {
    key.value = key.value || 'G';
    meter.value = meter.value || '4/4';
    tempo.value = tempo.value || '120';
  }
  for (const input of document.querySelectorAll('#music-sampling input')) {
    input.disabled = Boolean(mood);
  }
  document.querySelector('#music-sampling summary').textContent = mood ? 'Sampling (the band\'s own)' : 'Sampling';
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
