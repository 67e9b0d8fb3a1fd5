// Levels panel: prompt, width, game, seed -> the level drawn with the demo's sprite sheet
// (assets/sprites.png, 16x16 cells, 8 a row), with regenerate, continue and VGLC/TMX/PNG downloads.
import { post } from './api.js';
import { bytes, downloadLink, revokeWithin } from './files.js';
import { codeBlock, levelCli, levelJava } from './code.js';

const CELL = 16;
const SCALE = 2;
// Cells of the demo's sheet, in the order of its Art.SPRITES.
const SPRITE = { groundTop: 0, ground: 1, brick: 2, question: 3, used: 4, pipeTopLeft: 5, pipeTopRight: 6,
  pipeLeft: 7, pipeRight: 8, cannonTop: 9, cannon: 10, coin: 11, player: 12, enemy: 16, cloud: 21, hill: 22 };
// The demo's sky (LevelView.SKY_TOP, SKY_BOTTOM).
const SKY_TOP = '#6ec6f5';
const SKY_BOTTOM = '#c8ecff';

/** Which sprite a tile is drawn with: the demo's mapping for the platformer, the nearest for Lode Runner. */
function sprite(game, rows, r, c) {
  const t = rows[r][c];
  if (game === 'lode-runner') {
    return { b: SPRITE.brick, B: SPRITE.used, G: SPRITE.coin, E: SPRITE.enemy, M: SPRITE.player }[t];
  }
  switch (t) {
    case '-': return undefined;
    case 'X': return r > 0 && rows[r - 1][c] === 'X' ? SPRITE.ground : SPRITE.groundTop;
    case 'S': return SPRITE.brick;
    case '?': return SPRITE.question;
    case 'Q': return SPRITE.used;
    case 'E': return SPRITE.enemy;
    case 'o': return SPRITE.coin;
    case '<': return SPRITE.pipeTopLeft;
    case '>': return SPRITE.pipeTopRight;
    case '[': return SPRITE.pipeLeft;
    case ']': return SPRITE.pipeRight;
    case 'B': return SPRITE.cannonTop;
    case 'b': return SPRITE.cannon;
    default: return SPRITE.used; // as the demo: an unknown tile is solid
  }
}

function drawLevel(canvas, sheet, game, text) {
  const rows = text.replace(/\n$/, '').split('\n');
  const columns = Math.max(...rows.map((r) => r.length));
  const size = CELL * SCALE;
  canvas.width = columns * size;
  canvas.height = rows.length * size;
  const g = canvas.getContext('2d');
  g.imageSmoothingEnabled = false;
  const sky = g.createLinearGradient(0, 0, 0, canvas.height);
  sky.addColorStop(0, SKY_TOP);
  sky.addColorStop(1, SKY_BOTTOM);
  g.fillStyle = sky;
  g.fillRect(0, 0, canvas.width, canvas.height);
  if (game === 'smb') {
    // The demo's scenery: clouds and hills behind the tiles.
    for (let x = 3; x < columns; x += 11) {
      g.drawImage(sheet, (SPRITE.cloud % 8) * CELL, Math.floor(SPRITE.cloud / 8) * CELL, CELL, CELL,
          x * size, ((x * 7) % 3) * size, size * 2.5, size * 2.5);
    }
  }
  for (let r = 0; r < rows.length; r++) {
    for (let c = 0; c < rows[r].length; c++) {
      const t = rows[r][c];
      if (game === 'lode-runner' && (t === '#' || t === '-')) {
        ropeOrLadder(g, t, c * size, r * size, size);
        continue;
      }
      const s = sprite(game, rows, r, c);
      if (s !== undefined) {
        g.drawImage(sheet, (s % 8) * CELL, Math.floor(s / 8) * CELL, CELL, CELL, c * size, r * size, size, size);
      }
    }
  }
  // Chunk boundaries every 16 columns, so "continue" and chunk-wise edits can be seen.
  g.strokeStyle = 'rgba(29, 27, 36, 0.25)';
  g.setLineDash([4, 4]);
  for (let c = 16; c < columns; c += 16) {
    g.beginPath();
    g.moveTo(c * size + 0.5, 0);
    g.lineTo(c * size + 0.5, canvas.height);
    g.stroke();
  }
  g.setLineDash([]);
  return { rows: rows.length, columns };
}

/** Where the playability agent can stand (the service's "reach"): a gold line at the feet of each such cell. */
function drawReach(canvas, reach) {
  const g = canvas.getContext('2d');
  const size = CELL * SCALE;
  g.fillStyle = 'rgba(255, 214, 10, 0.85)';
  g.strokeStyle = 'rgba(29, 27, 36, 0.9)';
  // reach[0] is standing on top of the level: drawn along the top edge.
  for (let i = 0; i < reach.length; i++) {
    const y = i === 0 ? 0 : (i - 1) * size + size - 6;
    for (let x = 0; x < reach[i].length; x++) {
      if (reach[i][x] === '#') {
        g.fillRect(x * size + 6, y, size - 12, 4);
        g.strokeRect(x * size + 6.5, y + 0.5, size - 13, 3);
      }
    }
  }
}

function ropeOrLadder(g, t, x, y, size) {
  g.strokeStyle = t === '#' ? '#a0683c' : '#7a4a2a';
  g.lineWidth = 3;
  g.beginPath();
  if (t === '#') {
    g.moveTo(x + size * 0.2, y);
    g.lineTo(x + size * 0.2, y + size);
    g.moveTo(x + size * 0.8, y);
    g.lineTo(x + size * 0.8, y + size);
    for (let k = 0.2; k < 1; k += 0.3) {
      g.moveTo(x + size * 0.2, y + size * k);
      g.lineTo(x + size * 0.8, y + size * k);
    }
  } else {
    g.moveTo(x, y + size * 0.25);
    g.lineTo(x + size, y + size * 0.25);
  }
  g.stroke();
  g.lineWidth = 1;
}

export function levelsPanel(report) {
  const form = document.getElementById('level-form');
  const canvas = document.getElementById('level-canvas');
  const sheet = new Image();
  sheet.src = '/studio/sprites.png';
  let last = null; // the last request, for regenerate and continue
  let shown = null; // the level on screen, redrawn when the overlay is switched

  async function run(request) {
    for (const id of ['level-generate', 'level-regenerate', 'level-continue']) {
      document.getElementById(id).disabled = true;
    }
    report.status('Generating the level…');
    try {
      await sheet.decode();
      const answer = await post('v1/levels', request);
      last = request;
      show(request, answer);
      report.status('Level ready: ' + answer.columns + ' columns, seed ' + answer.seed);
    } catch (e) {
      report.error(e);
    } finally {
      document.getElementById('level-generate').disabled = false;
      document.getElementById('level-regenerate').disabled = last === null;
      document.getElementById('level-continue').disabled = last === null || !last.chunks;
    }
  }

  function show(request, answer) {
    document.getElementById('level-result').hidden = false;
    const size = drawLevel(canvas, sheet, request.game, answer.vglc);
    const showReach = document.getElementById('level-show-reach');
    showReach.parentElement.hidden = !answer.reach;
    if (answer.reach && showReach.checked) {
      drawReach(canvas, answer.reach);
    }
    shown = { request, answer };
    canvas.setAttribute('aria-label', 'Level of ' + size.columns + ' columns and ' + size.rows + ' rows, seed '
        + request.seed + ', drawn with the demo\'s tiles');
    document.getElementById('level-summary').textContent = request.game + ' · ' + answer.columns + ' × ' + answer.rows
        + ' tiles · seed ' + answer.seed + (request.prompt ? ' · "' + request.prompt + '"' : '')
        + (answer.repaired_chunks ? ' · ' + answer.repaired_chunks + ' chunk(s) repaired' : '');
    const badge = document.getElementById('level-playable');
    if (answer.playable === undefined) {
      badge.textContent = 'playability not checked for this game';
      badge.className = 'badge';
    } else {
      badge.textContent = answer.playable ? 'playable: the agent crosses it' : 'not playable';
      badge.className = 'badge ' + (answer.playable ? 'ok' : 'bad');
    }
    const fileBase = 'level-' + request.game + '-seed' + request.seed;
    const downloads = document.getElementById('level-downloads');
    revokeWithin(downloads);
    downloads.replaceChildren(
        downloadLink('VGLC text', fileBase + '.txt', answer.vglc, 'text/plain'),
        downloadLink('TMX', fileBase + '.tmx', answer.tmx, 'application/xml'),
        downloadLink('TMX tileset', answer.tileset_name, bytes(answer.tileset_png), 'image/png'),
        downloadLink('PNG', fileBase + '.png', bytes(answer.png), 'image/png'));
    document.getElementById('level-code').replaceChildren(codeBlock('v1/levels', request, levelJava(request, fileBase),
        levelCli(request, fileBase), 'The TMX refers to its tileset as ' + answer.tileset_name
        + ': keep both files in one folder. The PNG is the service\'s own picture of the level (as improv level --png).'));
  }

  function fromForm() {
    const v = (id) => document.getElementById(id).value;
    const width = Number(v('level-width'));
    const request = { game: v('level-game'), prompt: v('level-prompt').trim(), seed: Number(v('level-seed')), attempts: 24,
      formats: ['vglc', 'tmx', 'png', 'reach'] };
    if (document.getElementById('level-streamed').checked) {
      request.chunks = Math.max(1, Math.round(width / 16));
    } else {
      request.width = width;
    }
    return request;
  }

  document.getElementById('level-show-reach').addEventListener('change', () => {
    if (shown) {
      show(shown.request, shown.answer);
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (form.reportValidity()) {
      run(fromForm());
    }
  });
  document.getElementById('level-regenerate').addEventListener('click', () => {
    const seedInput = document.getElementById('level-seed');
    seedInput.value = last.seed + 1;
    run({ ...last, seed: last.seed + 1 });
  });
  document.getElementById('level-continue').addEventListener('click', () => {
    // The same seed and prompt with one more chunk: the chunks so far come out the same, then one more.
    const next = { ...last, chunks: last.chunks + 1 };
    document.getElementById('level-width').value = next.chunks * 16;
    run(next);
  });
}
