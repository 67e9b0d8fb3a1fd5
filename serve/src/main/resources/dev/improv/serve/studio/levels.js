// Levels panel: prompt, width, game, seed -> the level drawn with the demo's sprite sheet
// (assets/sprites.png, 16x16 cells, 8 a row) and the playability agent's path over it, with
// regenerate, regenerate one chunk in place, continue, and VGLC/TMX/PNG downloads. Dungeons (zelda)
// and push puzzles (boxoban) are drawn in their game's own tiles (the service's PNG, as improv level
// --png draws it), with the walk from the entrance to the stairs or the puzzle's solution over them.
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

/**
 * What each game asks for: side-scrollers a width (or 16-column chunks) and may be edited chunk by
 * chunk; a dungeon its size in rooms; a puzzle only its difficulty, in the prompt. The prompt a game
 * starts with uses words it knows.
 */
const GAMES = {
  smb: { size: 'width', prompt: 'many pipes, few enemies', hint: 'e.g. many pipes, few enemies, high elevation' },
  'lode-runner': { size: 'width', prompt: '', hint: 'e.g. many gold, few enemies' },
  zelda: { size: 'rooms', prompt: 'some enemies, few blocks', hint: 'e.g. many enemies, some water, few doors, door north',
    room: { rows: 16, columns: 11 } },
  boxoban: { size: 'none', prompt: 'medium', hint: 'the difficulty: easy, medium, hard or any', scale: 3 },
};
const sideScroller = (game) => GAMES[game].size === 'width';
/** Whether a level of the game is edited piece by piece: a side-scroller's chunks, a dungeon's rooms. */
const editable = (game) => sideScroller(game) || GAMES[game].room !== undefined;
const SIDES = ['north', 'east', 'south', 'west'];

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

/** A dungeon or puzzle: the service's picture of it, in the game's own tiles, scaled as the sprites are. */
function drawPicture(canvas, picture, answer, size) {
  canvas.width = answer.columns * size;
  canvas.height = answer.rows * size;
  const g = canvas.getContext('2d');
  g.imageSmoothingEnabled = false;
  g.drawImage(picture, 0, 0, canvas.width, canvas.height);
  return { rows: answer.rows, columns: answer.columns };
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

/**
 * The agent's path (the service's "path": places {x, y, move}, row -1 on top of the level): a line
 * through them, an arc over each jump, a fall as a step off the edge and down, dots where it stands,
 * a flag where it leaves the level (or reaches the last stair; a puzzle: where the last push ends).
 * A puzzle's pushes are drawn again in a second colour, over its walk. {@code sparse}: a place a tile
 * (a dungeon walk, a puzzle's solution), dotted only where it starts, goes through a door or pushes.
 */
function drawPath(canvas, path, sparse, size) {
  const g = canvas.getContext('2d');
  const at = (p) => [p.x * size + size / 2, Math.max(size / 4, (p.y + 1) * size - size / 2)];
  const trace = () => {
    g.beginPath();
    const [x0, y0] = at(path[0]);
    g.moveTo(x0, y0);
    for (let i = 1; i < path.length; i++) {
      const [xa, ya] = at(path[i - 1]);
      const [xb, yb] = at(path[i]);
      if (path[i].move === 'jump') {
        g.quadraticCurveTo((xa + xb) / 2, Math.max(4, Math.min(ya, yb) - size * 1.5), xb, yb);
      } else if (path[i].move === 'fall') {
        g.quadraticCurveTo(xb, ya, xb, yb);
      } else {
        g.lineTo(xb, yb);
      }
    }
  };
  g.lineJoin = 'round';
  g.lineCap = 'round';
  g.strokeStyle = 'rgba(255, 255, 255, 0.9)';
  g.lineWidth = 7;
  trace();
  g.stroke();
  g.strokeStyle = '#e0245e';
  g.lineWidth = 3;
  trace();
  g.stroke();
  // Pushes: a thick amber stroke along the box's way (each push ends where the box was).
  g.strokeStyle = '#ff9f1c';
  g.lineWidth = 6;
  for (let i = 1; i < path.length; i++) {
    if (path[i].move === 'push') {
      const [xa, ya] = at(path[i - 1]);
      const [xb, yb] = at(path[i]);
      g.beginPath();
      g.moveTo(xa, ya);
      g.lineTo(xb + (xb - xa) * 0.5, yb + (yb - ya) * 0.5);
      g.stroke();
    }
  }
  g.fillStyle = '#e0245e';
  for (const place of path) {
    if (sparse && place.move === 'walk') {
      continue;
    }
    const [x, y] = at(place);
    g.beginPath();
    g.arc(x, y, 4, 0, 2 * Math.PI);
    g.fill();
  }
  const [fx, fy] = at(path[path.length - 1]);
  g.fillRect(fx - 1, fy - size, 3, size);
  g.beginPath();
  g.moveTo(fx + 2, fy - size);
  g.lineTo(fx + size * 0.45, fy - size * 0.8);
  g.lineTo(fx + 2, fy - size * 0.6);
  g.fill();
  g.lineWidth = 1;
}

/** The chunk picked for "regenerate this chunk": a frame around its 16 columns. */
function drawPicked(canvas, chunk) {
  const size = CELL * SCALE;
  frame(canvas, chunk * 16 * size, 0, Math.min(16 * size, canvas.width - chunk * 16 * size), canvas.height);
}

/** The room picked for "regenerate this room" ({@code wide} rooms to a row, {@code tile} pixels a tile): a frame around it. */
function drawPickedRoom(canvas, index, wide, room, tile) {
  const w = room.columns * tile;
  const h = room.rows * tile;
  frame(canvas, (index % wide) * w, Math.floor(index / wide) * h, w, h);
}

function frame(canvas, x, y, w, h) {
  const g = canvas.getContext('2d');
  g.strokeStyle = '#ffd60a';
  g.lineWidth = 4;
  g.setLineDash([10, 6]);
  g.strokeRect(x + 2, y + 2, w - 4, h - 4);
  g.setLineDash([]);
  g.lineWidth = 1;
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
  const chunkPicker = document.getElementById('level-chunk');
  const sheet = new Image();
  sheet.src = '/studio/sprites.png';
  const buttons = ['level-generate', 'level-regenerate', 'level-continue', 'level-regenerate-chunk'];
  const gamePicker = document.getElementById('level-game');
  let last = null; // the last request, for regenerate and continue
  // The level on screen, redrawn when an overlay is switched: its request, the answer, the name its
  // files are saved under, and the file of the level it was made from (an edit's source).
  let shown = null;

  /** Sends a request; {@code names} gives the result's file name and its source's (edits only). */
  async function run(request, names) {
    for (const id of buttons) {
      document.getElementById(id).disabled = true;
    }
    const piece = GAMES[request.game].room ? 'room' : 'chunk';
    report.status(request.regenerate_chunk !== undefined ? 'Drawing ' + piece + ' ' + request.regenerate_chunk + ' again…'
      : 'Generating the level…');
    try {
      await sheet.decode();
      const answer = await post('v1/levels', request);
      if (answer.failure) {
        throw new Error('No puzzle made with seed ' + request.seed + ': ' + answer.failure + ' (try Regenerate)');
      }
      let picture = null;
      if (!sideScroller(request.game)) {
        picture = new Image();
        picture.src = 'data:image/png;base64,' + answer.png;
        await picture.decode();
      }
      last = request;
      // A dungeon's room is framed once one is picked (or was just redrawn); a new dungeon shows bare.
      shown = { request, answer, picture, picked: request.regenerate_chunk !== undefined,
        ...(names || { fileBase: 'level-' + request.game + '-seed' + request.seed, edits: 0 }) };
      fillChunks(request.game, answer, request.regenerate_chunk);
      show();
      report.status((request.game === 'boxoban' ? 'Puzzle ready: ' + answer.pushes + ' pushes'
          : 'Level ready: ' + answer.columns + ' columns') + ', seed ' + answer.seed
          + (request.regenerate_chunk !== undefined ? ', ' + piece + ' ' + request.regenerate_chunk + ' drawn again' : ''));
    } catch (e) {
      report.error(e);
    } finally {
      document.getElementById('level-generate').disabled = false;
      document.getElementById('level-regenerate').disabled = last === null;
      // Continuing is for side-scrollers; a chunk or a dungeon's room is redrawn in place; a puzzle is made whole.
      const scrolls = shown !== null && sideScroller(shown.request.game);
      document.getElementById('level-continue').disabled = !scrolls;
      document.getElementById('level-continue').hidden = shown !== null && !scrolls;
      document.getElementById('level-regenerate-chunk').disabled = !(shown !== null && editable(shown.request.game));
    }
  }

  /** The pieces that can be redrawn: a side-scroller's 16-column chunks, a dungeon's rooms row by row. */
  function fillChunks(game, answer, keep) {
    const room = GAMES[game].room;
    const wide = room ? answer.columns / room.columns : 0;
    const count = room ? wide * (answer.rows / room.rows) : Math.ceil(answer.columns / 16);
    const picked = keep !== undefined ? keep : 0;
    chunkPicker.replaceChildren(...Array.from({ length: count }, (_, k) => {
      const o = document.createElement('option');
      o.value = String(k);
      o.textContent = room ? k + ' (row ' + (Math.floor(k / wide) + 1) + ', column ' + (k % wide + 1) + ')'
        : k + ' (columns ' + (k * 16 + 1) + '–' + Math.min(answer.columns, k * 16 + 16) + ')';
      o.selected = k === picked;
      return o;
    }));
  }

  /** The prompt a room is redrawn with: the level's, and the doors asked for in the door pickers. */
  function roomPrompt(prompt) {
    const doors = SIDES.map((s) => document.getElementById('level-door-' + s).value)
      .map((v, i) => (v ? v + ' ' + SIDES[i] : '')).filter((x) => x);
    return [prompt, ...doors].filter((x) => x).join(', ');
  }

  function show() {
    const { request, answer, fileBase, sourceFile } = shown;
    document.getElementById('level-result').hidden = false;
    const scrolls = sideScroller(request.game);
    const room = GAMES[request.game].room;
    document.getElementById('level-edit').hidden = !editable(request.game);
    document.getElementById('level-doors').hidden = !room;
    document.getElementById('level-chunk-words').textContent = room ? 'Room' : 'Chunk';
    document.getElementById('level-regenerate-chunk').textContent = room ? 'Regenerate this room' : 'Regenerate this chunk';
    document.getElementById('level-edit').setAttribute('aria-label', room ? 'Edit one room' : 'Edit one chunk');
    document.getElementById('level-edit-note').textContent = room
      ? 'Pick a room here or click it in the dungeon, and its doors if you want them changed: it is drawn again with a '
        + 'new seed, every other room kept; the neighbours\' walls follow its doors and every room stays reachable.'
      : 'Pick a chunk here or click it in the level: it is drawn again with a new seed, every other column kept, and the '
        + 'agent must still get across.';
    // A 10 x 10 puzzle is drawn larger, so that its solution can be followed.
    const tile = CELL * (GAMES[request.game].scale || SCALE);
    const size = scrolls ? drawLevel(canvas, sheet, request.game, answer.vglc) : drawPicture(canvas, shown.picture, answer, tile);
    const showReach = document.getElementById('level-show-reach');
    showReach.parentElement.hidden = !answer.reach;
    if (answer.reach && showReach.checked) {
      drawReach(canvas, answer.reach);
    }
    const showPath = document.getElementById('level-show-path');
    showPath.parentElement.hidden = !answer.path;
    document.getElementById('level-path-words').textContent = request.game === 'boxoban' ? 'show the solution (walk and pushes)'
      : request.game === 'zelda' ? 'show a walk from the entrance to the keys and stairs (with none, to the farthest tile)'
        : 'show the agent\'s path across';
    if (answer.path && showPath.checked) {
      drawPath(canvas, answer.path, !scrolls, tile);
    }
    if (scrolls) {
      drawPicked(canvas, Number(chunkPicker.value));
    } else if (room && shown.picked) {
      drawPickedRoom(canvas, Number(chunkPicker.value), answer.columns / room.columns, room, tile);
    }
    const pathWords = request.game === 'boxoban' ? ', with the solution\'s ' + (answer.path ? answer.path.length - 1 : 0)
        + ' steps (' + answer.pushes + ' pushes) over it' : request.game === 'zelda' ? ', with a walk of '
        + (answer.path ? answer.path.length - 1 : 0) + ' steps from the entrance' : ', with a path of '
        + (answer.path ? answer.path.length : 0) + ' moves across';
    canvas.setAttribute('aria-label', (request.game === 'boxoban' ? 'Puzzle' : 'Level') + ' of ' + size.columns + ' columns and '
        + size.rows + ' rows, seed ' + request.seed + ', drawn with ' + (scrolls ? 'the demo\'s tiles' : 'the game\'s own tiles')
        + (answer.path && showPath.checked ? pathWords : '') + (scrolls ? '; chunk ' + chunkPicker.value + ' is picked'
          : room ? '; room ' + chunkPicker.value + ' is picked' : ''));
    document.getElementById('level-summary').textContent = request.game + ' · ' + answer.columns + ' × ' + answer.rows
        + ' tiles · seed ' + answer.seed + (request.prompt ? ' · "' + request.prompt + '"' : '')
        + (request.rooms ? ' · ' + request.rooms + ' rooms' : '')
        + (answer.pushes !== undefined ? ' · ' + answer.pushes + ' pushes, ' + answer.difficulty : '')
        + (request.regenerate_chunk !== undefined ? ' · ' + (room ? 'room ' : 'chunk ') + request.regenerate_chunk + ' redrawn' : '')
        + (answer.repaired_chunks ? ' · ' + answer.repaired_chunks + ' chunk(s) repaired' : '');
    const badge = document.getElementById('level-playable');
    if (request.game === 'boxoban') {
      badge.textContent = 'solved: every box on a goal in ' + answer.pushes + ' pushes';
      badge.className = 'badge ok';
    } else if (request.game === 'zelda') {
      badge.textContent = answer.verdict;
      badge.className = 'badge ' + (answer.playable ? 'ok' : 'bad');
    } else if (answer.playable === undefined) {
      badge.textContent = 'playability not checked for this game';
      badge.className = 'badge';
    } else {
      badge.textContent = answer.playable ? 'playable: the agent crosses it' : 'not playable';
      badge.className = 'badge ' + (answer.playable ? 'ok' : 'bad');
    }
    const downloads = document.getElementById('level-downloads');
    revokeWithin(downloads);
    downloads.replaceChildren(
        downloadLink(request.game === 'boxoban' ? 'Puzzle text' : 'VGLC text', fileBase + '.txt', answer.vglc, 'text/plain'),
        downloadLink('TMX', fileBase + '.tmx', answer.tmx, 'application/xml'),
        downloadLink('TMX tileset', answer.tileset_name, bytes(answer.tileset_png), 'image/png'),
        downloadLink('PNG', fileBase + '.png', bytes(answer.png), 'image/png'));
    const notes = 'The TMX refers to its tileset as ' + answer.tileset_name + ': keep both files in one folder (the Java '
        + 'and CLI forms name it after the map, ' + fileBase + '-tiles.png; the map is otherwise the same). The PNG is '
        + 'the service\'s own picture of the level (as improv level --png).' + (sourceFile ? ' The level this one was made '
        + 'from is ' + sourceFile + ', the VGLC text download of the level shown before it.' : '');
    document.getElementById('level-code').replaceChildren(codeBlock('v1/levels', request,
        levelJava(request, fileBase, sourceFile), levelCli(request, fileBase, sourceFile), notes,
        sourceFile ? { level: sourceFile } : undefined));
  }

  function fromForm() {
    const v = (id) => document.getElementById(id).value;
    const width = Number(v('level-width'));
    const game = v('level-game');
    const request = { game, prompt: v('level-prompt').trim(), seed: Number(v('level-seed')), attempts: 24,
      formats: ['vglc', 'tmx', 'png', 'reach', 'path'] };
    if (GAMES[game].size === 'rooms') {
      request.rooms = v('level-rooms').trim();
    } else if (GAMES[game].size === 'none') {
      // a puzzle's size is the model's
    } else if (document.getElementById('level-streamed').checked) {
      request.chunks = Math.max(1, Math.round(width / 16));
    } else {
      request.width = width;
    }
    return request;
  }

  /** A request on the level shown (continue it, or redraw a chunk): its text goes with the request. */
  function onShown(extra, seed) {
    const { request } = shown;
    const edit = shown.edits + 1;
    const root = shown.fileBase.replace(/-edit\d+$/, '');
    return [{ game: request.game, prompt: request.prompt, seed, attempts: request.attempts, formats: request.formats,
      level: shown.answer.vglc, ...extra }, { fileBase: root + '-edit' + edit, edits: edit, sourceFile: shown.fileBase + '.txt' }];
  }

  /** The controls a game uses, and a prompt in its words. */
  function fitControls() {
    const game = GAMES[gamePicker.value];
    for (const [id, size] of [['level-width-label', 'width'], ['level-streamed-label', 'width'], ['level-rooms-label', 'rooms']]) {
      document.getElementById(id).hidden = game.size !== size;
    }
    document.getElementById('level-width').required = game.size === 'width';
    const prompt = document.getElementById('level-prompt');
    prompt.value = game.prompt;
    prompt.placeholder = game.hint;
    prompt.title = game.hint;
  }
  gamePicker.addEventListener('change', fitControls);
  fitControls();

  for (const id of ['level-show-reach', 'level-show-path']) {
    document.getElementById(id).addEventListener('change', () => {
      if (shown) {
        show();
      }
    });
  }
  chunkPicker.addEventListener('change', () => {
    shown.picked = true;
    show();
  });
  canvas.addEventListener('click', (event) => {
    if (!shown || !editable(shown.request.game)) {
      return;
    }
    // The canvas is drawn at its own size (the box scrolls), so CSS and canvas pixels agree up to scaling.
    const x = (event.offsetX * canvas.width) / canvas.clientWidth;
    const y = (event.offsetY * canvas.height) / canvas.clientHeight;
    const room = GAMES[shown.request.game].room;
    if (room) {
      const tile = CELL * (GAMES[shown.request.game].scale || SCALE);
      const wide = shown.answer.columns / room.columns;
      const index = Math.floor(y / (room.rows * tile)) * wide + Math.floor(x / (room.columns * tile));
      chunkPicker.value = String(Math.min(chunkPicker.options.length - 1, index));
      shown.picked = true;
    } else {
      chunkPicker.value = String(Math.min(chunkPicker.options.length - 1, Math.floor(x / (16 * CELL * SCALE))));
    }
    show();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (form.reportValidity()) {
      run(fromForm());
    }
  });
  document.getElementById('level-regenerate').addEventListener('click', () => {
    // A whole new level: the last request with the next seed, or after edits the controls' with it.
    const seedInput = document.getElementById('level-seed');
    const seed = (last.level ? Number(seedInput.value) : last.seed) + 1;
    seedInput.value = seed;
    run(last.level ? { ...fromForm(), seed } : { ...last, seed });
  });
  document.getElementById('level-regenerate-chunk').addEventListener('click', () => {
    // A new seed for each redraw: one past the last request's. A room takes the doors picked for it.
    const [request, names] = onShown({ regenerate_chunk: Number(chunkPicker.value) }, last.seed + 1);
    if (GAMES[request.game].room) {
      request.prompt = roomPrompt(request.prompt);
    }
    run(request, names);
  });
  document.getElementById('level-continue').addEventListener('click', () => {
    if (!shown.request.level && shown.request.chunks && shown.request === last) {
      // The same seed and prompt with one more chunk: the chunks so far come out the same, then one more.
      const next = { ...last, chunks: last.chunks + 1 };
      document.getElementById('level-width').value = next.chunks * 16;
      run(next);
    } else {
      // An edited level (or one made whole at a width) is sent as it is, and one chunk is made after it.
      run(...onShown({ chunks: 1 }, last.seed));
    }
  });
}
