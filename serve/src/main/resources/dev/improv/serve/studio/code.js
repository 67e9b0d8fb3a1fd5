// "Copy as code": the request a result came from, and the Java call and CLI command that make the
// same content again (same seed, same request). Each snippet mirrors what the service runs for it.
import { el } from './files.js';

export function shellQuote(s) {
  const text = String(s);
  return /^[A-Za-z0-9_./:=,+-]+$/.test(text) ? text : "'" + text.replace(/'/g, "'\\''") + "'";
}

export function javaString(s) {
  return JSON.stringify(String(s));
}

function javaNumber(n) {
  const text = String(n);
  return text.includes('.') ? text : text + '.0';
}

/** A Java float literal, e.g. 0.95f. */
function javaFloat(n) {
  return String(n) + 'f';
}

/**
 * The request as shown: a MIDI prime as the name of its file rather than kilobytes of base64, a level
 * to edit as the name of its text file.
 */
function shown(request, files) {
  if (request.prime && files.prime) {
    return { ...request, prime: '(base64 of ' + files.prime + ')' };
  }
  return request.level && files.level ? { ...request, level: '(the text of ' + files.level + ')' } : request;
}

/** A curl command; a MIDI prime is read from its file, anything else (a level's text too) is in the body. */
function curl(endpoint, request, primeFile) {
  const head = 'curl -s ' + location.origin + '/' + endpoint + " -H 'Content-Type: application/json' -d ";
  if (!(request.prime && primeFile)) {
    return head + shellQuote(JSON.stringify(request));
  }
  // The prime is read from its file by the shell, inside a double-quoted body.
  const marker = '@PRIME@';
  const body = JSON.stringify({ ...request, prime: marker }).replace(/[\\"$`]/g, (c) => '\\' + c);
  return head + '"' + body.replace(marker, '$(base64 -w0 ' + shellQuote(primeFile) + ')') + '"';
}

function copyButton(label, text) {
  const b = el('button', 'copy', 'Copy ' + label);
  b.type = 'button';
  b.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(text);
      b.textContent = 'Copied';
    } catch (e) {
      b.textContent = 'Select the text and copy it (clipboard not allowed here)';
    }
    setTimeout(() => (b.textContent = 'Copy ' + label), 1500);
  });
  return b;
}

/**
 * A collapsible block showing the seed and request, with the curl, Java and CLI forms and a copy
 * button each. {@code notes} (optional) says where a form differs (e.g. a WAV normalised by the CLI);
 * {@code files} (optional) names the files behind a request's fields: {@code prime}, the MIDI file a base64
 * {@code prime} was, shown and sent as that file; {@code level}, the text file of a level to edit, shown as it.
 */
export function codeBlock(endpoint, request, java, cli, notes, files = {}) {
  const details = el('details', 'code');
  const summary = el('summary', null, 'Seed ' + request.seed + ' · request and copy as code');
  details.appendChild(summary);
  const forms = [['request (JSON)', JSON.stringify(shown(request, files), null, 1)],
    ['curl', curl(endpoint, request, files.prime)], ['Java', java]];
  if (cli) {
    forms.push(['CLI', cli]);
  }
  for (const [label, text] of forms) {
    const head = el('div', 'code-head');
    head.appendChild(el('span', null, label));
    head.appendChild(copyButton(label, text));
    details.appendChild(head);
    const pre = el('pre');
    pre.appendChild(el('code', null, text));
    pre.tabIndex = 0;
    details.appendChild(pre);
  }
  if (notes) {
    details.appendChild(el('p', 'note', notes));
  }
  return details;
}

/** Sections as improv music --sections writes them: [4, 4, 6, 6] is 2:4,2:6. */
export function sections(intensities) {
  const out = [];
  let start = 0;
  for (let bar = 1; bar <= intensities.length; bar++) {
    if (bar === intensities.length || intensities[bar] !== intensities[start]) {
      out.push((bar - start) + ':' + intensities[start]);
      start = bar;
    }
  }
  return out.join(',');
}

const LAYERS = [['lead', 'LEAD'], ['harmony', 'HARMONY'], ['bass', 'BASS']];

/**
 * The band, as Workshop plays it: a mood's preset (shipped, or from the designer's file {@code moodsFile})
 * or the band's defaults, overridden by key, meter, tempo, intensity, drum style, then instruments.
 */
function bandJava(r, fileBase, moodsFile) {
  const overrides = [];
  if (r.key) {
    overrides.push('.withKey(Key.parse(' + javaString(r.key) + '))');
  }
  if (r.meter) {
    overrides.push('.withMeter(Meter.parse(' + javaString(r.meter) + '))');
  }
  if (r.tempo) {
    overrides.push('.withBpm(' + javaNumber(r.tempo) + ')');
  }
  if (r.intensity !== undefined) {
    overrides.push('.withIntensity(' + r.intensity + ')');
  }
  if (r.drum_style) {
    overrides.push('.withDrumStyle(' + javaString(r.drum_style) + ')');
  }
  const programs = LAYERS.filter(([field]) => r[field] !== undefined)
    .map(([field, layer]) => '.with(Layer.' + layer + ', ' + r[field] + ')');
  const library = moodsFile ? 'MoodLibrary.load(Path.of(' + javaString(moodsFile) + '))' : 'MoodLibrary.standard()';
  const opening = r.mood ? 'BandControls.of(' + library + '.get(' + javaString(r.mood) + '), ' + r.seed + 'L)'
    : 'BandControls.DEFAULT';
  return [
    '// improv-core and improv-models on the classpath; the same as POST /v1/music (the band)',
    'import dev.improv.api.*;',
    'import dev.improv.band.*;',
    'import dev.improv.drums.DrumGenerator;',
    'import dev.improv.model.LanguageModel;',
    'import dev.improv.music.*;',
    'import java.nio.file.Path;',
    'import java.util.List;',
    '',
    'Band band = new Band(new MusicGenerator(LanguageModel.loadResource("music"), false), DrumGenerator.loadDefault());',
    'BandControls controls = ' + opening + overrides.map((o) => '\n        ' + o).join('') + ';',
    ...(programs.length ? ['controls = controls.withInstruments(controls.instruments()' + programs.join('') + ');'] : []),
    ...(r.intensities ? ['Song song = band.generate(controls, ' + r.seed + 'L, List.of(' + r.intensities.join(', ')
        + '));   // one intensity a bar']
      : ['Song song = band.generate(' + r.bars + ', controls, ' + r.seed + 'L);']),
    'MidiFiles.write(song, Path.of(' + javaString(fileBase + '.mid') + '));',
    'new AudioRenderer(null).writeWav(song, Path.of(' + javaString(fileBase + '.wav') + '));',
  ].join('\n');
}

export function musicJava(r, fileBase, primeFile, moodsFile) {
  if (r.engine !== 'transformer') {
    return bandJava(r, fileBase, moodsFile);
  }
  return [
    '// improv-core and improv-models on the classpath; the same as POST /v1/music with "engine": "transformer"',
    'import dev.improv.api.*;',
    'import dev.improv.model.LanguageModel;',
    'import dev.improv.model.SamplingSettings;',
    'import dev.improv.music.*;',
    'import java.nio.file.Path;',
    '',
    'MusicGenerator generator = new MusicGenerator(LanguageModel.loadResource("music"), false);',
    ...(r.intensities ? ['int[] intensities = {' + r.intensities.join(', ') + '};   // one a bar'] : []),
    'MusicControls controls = new MusicControls(' + (r.intensities ? 'intensities[0]' : r.intensity) + ', Key.parse('
        + javaString(r.key) + '), Mood.CALM, ' + javaNumber(r.tempo) + ', Meter.parse(' + javaString(r.meter) + '));',
    'SamplingSettings sampling = SongRequest.DEFAULT_SAMPLING.withTemperature(' + javaFloat(r.temperature)
        + ').withTopP(' + javaFloat(r.top_p) + ');',
    'Song song = generator.generate(new SongRequest(' + r.bars + ', controls, ' + r.seed + 'L, sampling, '
        + (primeFile ? 'MidiFiles.read(Path.of(' + javaString(primeFile) + '))' : 'null') + ', '
        + javaFloat(r.key_strength) + ')' + (r.intensities ? ', bar -> controls.withIntensity(intensities[bar])' : '') + ');',
    'MidiFiles.write(song, Path.of(' + javaString(fileBase + '.mid') + '));',
    'new AudioRenderer(null).writeWav(song, Path.of(' + javaString(fileBase + '.wav') + '));',
  ].join('\n');
}

/** The improv music command line; with sections, --sections BARS:INTENSITY,... stands for --bars and --intensity. */
export function musicCli(r, fileBase, primeFile, moodsFile) {
  const length = r.intensities ? ['--sections', sections(r.intensities)] : ['--bars', r.bars, '--intensity', r.intensity];
  const files = ['--out', fileBase + '.mid', '--wav', fileBase + '.wav'];
  const line = (words) => words.map((x, i) => (i === 0 ? x : shellQuote(x))).join(' ');
  if (r.engine !== 'transformer') {
    const mood = r.mood ? ['--mood', r.mood, ...(moodsFile ? ['--moods', moodsFile] : [])] : [];
    const given = [['--key', r.key], ['--meter', r.meter], ['--tempo', r.tempo], ['--drum-style', r.drum_style],
      ['--lead', r.lead], ['--harmony', r.harmony], ['--bass', r.bass]].filter(([, value]) => value !== undefined).flat();
    const shape = r.intensities ? length : [...(r.intensity !== undefined ? ['--intensity', r.intensity] : []), '--bars', r.bars];
    return line(['./improv music', ...mood, ...given, ...shape, '--seed', r.seed, ...files]);
  }
  return line(['./improv music', '--engine', 'transformer', '--key', r.key, '--meter', r.meter, '--tempo', r.tempo,
    ...length, '--seed', r.seed, '--temperature', r.temperature, '--top-p', r.top_p,
    '--key-strength', r.key_strength, ...(primeFile ? ['--prime', primeFile] : []), ...files]);
}

/** {@code sourceFile}: for a request with a {@code level} (an edit), the VGLC text file of that level. */
export function levelJava(r, fileBase, sourceFile) {
  if (r.game === 'zelda' || r.game === 'boxoban') {
    return wholeLevelJava(r, fileBase, sourceFile);
  }
  const lines = [
    '// improv-core and improv-models on the classpath; the same as POST /v1/levels',
    'import dev.improv.level.*;',
    'import java.nio.file.Files;',
    'import java.nio.file.Path;',
    '',
    'LevelModel model = LevelModel.load(' + javaString(r.game) + ');',
  ];
  if (r.level) {
    lines.push('TileGrid from = TileGrid.ofRows(Files.readAllLines(Path.of(' + javaString(sourceFile) + ')));');
  }
  lines.push('try (LevelGenerator gen = model.newGenerator(GeneratorSettings.DEFAULT.withAttempts(' + r.attempts + '), '
        + r.seed + 'L)) {',
    '    gen.parsePrompt(' + javaString(r.prompt) + ');');
  if (r.regenerate_chunk !== undefined) {
    lines.push('    TileGrid level = gen.replaceChunk(from, ' + r.regenerate_chunk + ', ' + javaString(r.prompt) + ', '
        + r.seed + 'L);');
  } else if (r.chunks) {
    lines.push(...(r.level ? ['    gen.prime(from);   // the chunks below continue it', '    TileGrid level = from;']
      : ['    TileGrid level = null;']),
      '    for (int i = 0; i < ' + r.chunks + '; i++) {',
      '        Chunk chunk = gen.nextChunk(ChunkRequest.of(' + javaString(r.prompt) + '));',
      '        level = level == null ? chunk.tiles() : level.append(chunk.tiles());',
      '    }');
  } else {
    lines.push('    TileGrid level = gen.generate(new LevelRequest(' + r.width + ', ' + javaString(r.prompt) + ', '
        + r.seed + 'L));');
  }
  lines.push('    Files.writeString(Path.of(' + javaString(fileBase + '.txt') + '), level.toText());',
    '    new LevelImages(model.spec().legend()).writePng(level, Path.of(' + javaString(fileBase + '.png') + '));',
    '    new TmxExporter(model.spec().legend()).write(level, Path.of(' + javaString(fileBase + '.tmx') + '), model.spec().start(level));',
    '}');
  return lines.join('\n');
}

/**
 * A dungeon or a push puzzle, made whole through GameLevels (the path improv level --game takes): a
 * dungeon of r.rooms (or a given dungeon with its room r.regenerate_chunk drawn again), or one verified
 * puzzle of the difficulty the prompt names.
 */
function wholeLevelJava(r, fileBase, sourceFile) {
  const order = 'new GameLevels.Order(' + javaString(r.prompt) + ', 0, null, GameLevels.rooms(' + javaString(r.rooms || '4x3')
      + '), ' + r.attempts + ', ' + r.seed + 'L' + (r.level ? ', from, ' + r.regenerate_chunk : '') + ')';
  const make = r.game === 'boxoban'
    ? ['PuzzleResult result = game.puzzle(' + order + ');',
      'if (!result.made()) {',
      '    throw new IllegalStateException(result.failure());',
      '}',
      'TileGrid level = result.puzzle().grid();   // solved in result.pushes() pushes: result.solution()']
    : ['TileGrid level = game.generate(' + order + ', null);',
      'System.out.println(game.verdict(level));'];
  return [
    '// improv-core and improv-models on the classpath; the same as POST /v1/levels',
    'import dev.improv.level.*;',
    ...(r.game === 'boxoban' ? ['import dev.improv.level.sokoban.PuzzleResult;'] : []),
    'import java.nio.file.Files;',
    'import java.nio.file.Path;',
    '',
    'GameLevels game = GameLevels.builtIn(' + javaString(r.game) + ');',
    ...(r.level ? ['TileGrid from = TileGrid.ofRows(Files.readAllLines(Path.of(' + javaString(sourceFile) + ')));'] : []),
    ...make,
    'Files.writeString(Path.of(' + javaString(fileBase + '.txt') + '), level.toText());',
    'game.images().writePng(level, Path.of(' + javaString(fileBase + '.png') + '));',
    'game.writeTmx(level, Path.of(' + javaString(fileBase + '.tmx') + '));',
  ].join('\n');
}

export function levelCli(r, fileBase, sourceFile) {
  const size = r.regenerate_chunk !== undefined ? ['--regenerate-chunk', r.regenerate_chunk]
    : r.game === 'boxoban' ? [] : r.rooms ? ['--rooms', r.rooms] : r.chunks ? ['--chunks', r.chunks] : ['--width', r.width];
  return ['./improv level', '--game', r.game, '--prompt', r.prompt, ...(r.level ? ['--from', sourceFile] : []), ...size,
    '--seed', r.seed, '--attempts', r.attempts, '--out', fileBase + '.txt', '--tmx', fileBase + '.tmx', '--png', fileBase + '.png']
    .map((x, i) => (i === 0 ? x : shellQuote(x))).join(' ');
}

export function dialogueJava(r, cardFile, worldFile) {
  const history = r.history.map((l) => (l.speaker === 'player' ? 'Turn.player(' : 'Turn.npc(') + javaString(l.text) + ')');
  return [
    '// improv-core and improv-models on the classpath; the same as POST /v1/dialogue',
    'import dev.improv.dialogue.*;',
    'import dev.improv.model.LanguageModel;',
    'import java.nio.file.Path;',
    'import java.time.Duration;',
    'import java.util.List;',
    'import java.util.Map;',
    '',
    'DialogueGenerator generator = DialogueGenerator.of(LanguageModel.loadResource("dialogue"), FallbackGrammar.defaultGrammar());',
    'NpcCard card = NpcCard.read(Path.of(' + javaString(cardFile) + '));   // "Save card" in the studio',
    'WorldFile world = ' + (r.world ? 'WorldFile.read(Path.of(' + javaString(worldFile) + '));   // "Save world"' : 'null;'),
    'List<Turn> history = List.of(' + history.join(',\n        ') + ');',
    'List<NpcReply> replies = NpcVoice.of(generator, card, world).withMaxTokens(' + r.max_tokens + ')',
    '        .reply(history, ' + javaString(r.say) + ', Map.of(), ' + r.n + ', ' + r.seed + 'L, Duration.ZERO);',
    'replies.forEach(reply -> System.out.println(reply.text() + "  " + reply.source() + " " + reply.facts()));',
  ].join('\n');
}

export function dialogueCli(r, cardFile, worldFile) {
  if (r.history.length) {
    return null; // --say answers a first line only; the Java call above carries the conversation
  }
  const parts = ['./improv dialogue', '--card', cardFile];
  if (r.world) {
    parts.push('--world', worldFile);
  }
  parts.push('--say', r.say, '--n', r.n, '--seed', r.seed, '--json');
  return parts.map((x, i) => (i === 0 ? x : shellQuote(x))).join(' ');
}
