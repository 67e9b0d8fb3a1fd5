package dev.improv.serve.content;

import dev.improv.api.Mood;
import dev.improv.api.MusicControls;
import dev.improv.band.Band;
import dev.improv.band.BandControls;
import dev.improv.band.Instruments;
import dev.improv.band.Layer;
import dev.improv.band.MoodLibrary;
import dev.improv.drums.DrumGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.dialogue.DialogueGenerator;
import dev.improv.dialogue.FallbackGrammar;
import dev.improv.dialogue.Tone;
import dev.improv.dialogue.NpcCard;
import dev.improv.dialogue.NpcReply;
import dev.improv.dialogue.NpcVoice;
import dev.improv.dialogue.Slots;
import dev.improv.dialogue.Speaker;
import dev.improv.dialogue.Turn;
import dev.improv.dialogue.WorldFile;
import dev.improv.level.GameLevels;
import dev.improv.level.LevelImages;
import dev.improv.level.TmxExporter;
import dev.improv.level.PlayabilityAgent;
import dev.improv.level.sokoban.PuzzleResult;
import dev.improv.level.sokoban.SolutionWalk;
import dev.improv.level.TileGrid;
import dev.improv.engines.TransformerDialogueProvider;
import dev.improv.engines.TransformerMusicProvider;
import dev.improv.model.LanguageModel;
import dev.improv.model.SamplingSettings;
import dev.improv.music.AudioRenderer;
import dev.improv.api.Key;
import dev.improv.api.Meter;
import dev.improv.music.MidiFiles;
import dev.improv.music.MusicGenerator;
import dev.improv.music.SongRequest;
import dev.improv.music.Song;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes content for checked jobs, exactly as the {@code improv level}, {@code music} and
 * {@code dialogue} commands do with the same options (same seed, same content), and answers in the
 * service's JSON. Models load on first use and are shared; thread-safe, so many jobs run at once
 * (their decoders meet in the batcher when one is installed).
 */
public final class Workshop {
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, GameLevels> levels = new HashMap<>();
    private static final int KEPT_VOICES = 64;
    /** The name a level's TMX gives its tileset (as {@code improv level --tmx level.tmx} writes it). */
    private static final String TILESET_NAME = "level-tiles.png";
    /** Voices of the cards seen last (a game talks to the same NPCs again and again), least recently used out. */
    private final Map<VoiceKey, NpcVoice> voices = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<VoiceKey, NpcVoice> eldest) {
            return size() > KEPT_VOICES;
        }
    };
    private final StreamReplays streams = new StreamReplays(this::gameLevels, this::band);
    private final int concurrentJobs;
    private DialogueGenerator dialogue;
    private MusicGenerator music;
    private Band band;

    /** A workshop for {@code concurrentJobs} jobs at once (the dialogue model keeps a primed decoder for each). */
    public Workshop(int concurrentJobs) {
        if (concurrentJobs < 1) {
            throw new IllegalArgumentException("concurrentJobs must be at least 1, got " + concurrentJobs);
        }
        this.concurrentJobs = concurrentJobs;
    }

    /**
     * Generates a level (or chunks, a push puzzle, or a chunk of a given level drawn again) as VGLC text,
     * and TMX and PNG when asked: through {@link GameLevels}, the path of {@code improv level --game}.
     */
    public ObjectNode level(LevelJob job) {
        GameLevels game = gameLevels(job.game());
        boolean dungeon = !game.isPuzzleGame() && game.tileModel().spec().rooms() != null;
        BadRequest.check(job.level() == null || !game.isPuzzleGame(), "level", "a level to start from is for tile games, not "
                + job.game());
        BadRequest.check(job.level() == null || !dungeon || job.regenerate_chunk() != null, "level",
                "a dungeon is given to redraw one of its rooms (regenerate_chunk); it does not grow by chunks");
        TileGrid given = job.level() == null ? null : givenLevel(job, dungeon ? game.tileModel().spec().rooms() : null);
        GameLevels.Order order = new GameLevels.Order(job.prompt(), job.width() == null ? 0 : job.width(), job.chunks(),
                GameLevels.rooms(job.rooms()), job.attempts(), job.seed(), given, job.regenerate_chunk());
        ObjectNode out = json.createObjectNode();
        out.put("game", job.game());
        out.put("seed", job.seed());
        TileGrid level;
        PuzzleResult solved = null;
        if (game.isPuzzleGame()) {
            PuzzleResult r;
            try {
                r = game.puzzle(order);
            } catch (IllegalArgumentException e) {
                throw new BadRequest("prompt", e.getMessage()); // a difficulty the model has no band for
            }
            out.put("playable", r.made());
            if (!r.made()) {
                out.put("failure", r.failure()); // a value, as on the command line: the client may retry another seed
                return out;
            }
            level = r.puzzle().grid();
            solved = r;
            out.put("pushes", r.pushes());
            out.put("difficulty", game.puzzleModel().spec().bands().describe(r.band()));
        } else {
            int[] repaired = {0};
            try {
                level = game.generate(order, c -> repaired[0] += c.repaired() ? 1 : 0);
            } catch (GameLevels.StartLevelException e) {
                throw new BadRequest("level", e.getMessage()); // a height, tile or chunk the game's levels lack
            } catch (IllegalArgumentException e) {
                throw new BadRequest("prompt", e.getMessage()); // an unknown word: the designer's to fix, not a failure
            }
            Boolean playable = game.playable(level);
            if (playable != null) {
                out.put("playable", playable);
                out.put("verdict", game.verdict(level));
            }
            if (job.chunks() != null) {
                out.put("repaired_chunks", repaired[0]);
            }
        }
        out.put("columns", level.columns());
        out.put("rows", level.rows());
        if (job.formats().contains("vglc")) {
            out.put("vglc", level.toText());
        }
        if (job.formats().contains("png")) {
            out.put("png", base64(png(game.images(), level)));
        }
        if (job.formats().contains("tmx")) {
            tmx(game.tmx(), level, game.start(level), out);
        }
        PlayabilityAgent agent = game.isPuzzleGame() ? null : game.tileModel().spec().agent();
        if (agent != null && job.formats().contains("reach")) {
            reach(agent.explore(level, null, true), out.putArray("reach"));
        }
        if (job.formats().contains("path")) {
            path(game, level, solved, agent, out);
        }
        return out;
    }

    /**
     * One way through the level, {x, y, move} a step ("start" first): the platformer agent's run across
     * (walk, jump, fall...), the player's walk through a puzzle's solution (walk, push), or a walk through
     * a dungeon from its entrance to its keys and stairs (walk, and door where a step goes through a door
     * into the next room). Left out when there is none (a level the agent cannot cross, a game with no rule).
     */
    private static void path(GameLevels game, TileGrid level, PuzzleResult solved, PlayabilityAgent agent, ObjectNode out) {
        List<int[]> steps = new ArrayList<>(); // {x, y}
        List<String> moves = new ArrayList<>();
        List<int[]> dungeon = solved == null ? game.dungeonRoute(level) : null;
        if (solved != null) {
            for (SolutionWalk.PlayerMove m : SolutionWalk.of(solved.puzzle(), solved.solution())) {
                steps.add(new int[] {m.column(), m.row()});
                moves.add(steps.size() == 1 ? "start" : m.push() ? "push" : "walk");
            }
        } else if (dungeon != null) {
            int[] before = null;
            for (int[] cell : dungeon) {
                boolean touching = before != null && Math.abs(before[0] - cell[0]) + Math.abs(before[1] - cell[1]) == 1;
                moves.add(before == null ? "start" : touching ? "walk" : "door");
                steps.add(new int[] {cell[1], cell[0]});
                before = cell;
            }
        } else if (agent != null) {
            List<PlayabilityAgent.Step> route = agent.route(level);
            for (PlayabilityAgent.Step step : route == null ? List.<PlayabilityAgent.Step>of() : route) {
                steps.add(new int[] {step.x(), step.y()});
                moves.add(step.move().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (steps.isEmpty()) {
            return;
        }
        ArrayNode path = out.putArray("path");
        for (int i = 0; i < steps.size(); i++) {
            path.addObject().put("x", steps.get(i)[0]).put("y", steps.get(i)[1]).put("move", moves.get(i));
        }
    }

    /** The next chunk of a level streamed by the api's remote level engine ({@link StreamReplays}). */
    public ObjectNode levelStream(LevelStreamJob job) {
        return streams.levelStream(job);
    }

    /** The next bar of music streamed by the api's remote music engine ({@link StreamReplays}). */
    public ObjectNode barStream(BarStreamJob job) {
        return streams.barStream(job);
    }

    /**
     * The request's {@code level}: VGLC rows, as wide as the service makes levels; its chunk to redraw
     * inside it (a dungeon's, {@code rooms} not null: its room, counted row by row).
     */
    private static TileGrid givenLevel(LevelJob job, dev.improv.level.dungeon.RoomSides rooms) {
        TileGrid level;
        try {
            level = TileGrid.parse(job.level());
        } catch (IllegalArgumentException e) {
            throw new BadRequest("level", e.getMessage());
        }
        BadRequest.check(level.columns() + (job.chunks() == null ? 0 : 16 * job.chunks()) <= 2000, "level",
                "has " + level.columns() + " columns; with the chunks asked for it would pass 2000");
        if (rooms != null) {
            BadRequest.check(level.rows() % rooms.rows() == 0 && level.columns() % rooms.columns() == 0, "level",
                    "is " + level.rows() + " x " + level.columns() + " tiles, not a grid of " + rooms.rows() + " x "
                    + rooms.columns() + " rooms");
            int count = level.rows() / rooms.rows() * (level.columns() / rooms.columns());
            BadRequest.check(job.regenerate_chunk() < count, "regenerate_chunk",
                    "the dungeon has " + count + " rooms (0.." + (count - 1) + "), got " + job.regenerate_chunk());
        } else if (job.regenerate_chunk() != null) {
            int count = (level.columns() + 15) / 16;
            BadRequest.check(job.regenerate_chunk() < count, "regenerate_chunk",
                    "the level has " + count + " chunks (0.." + (count - 1) + "), got " + job.regenerate_chunk());
        }
        return level;
    }

    /** Where the agent can stand, a row a string ('#' yes, '.' no), the first row on top of the level. */
    private static void reach(PlayabilityAgent.Reach reach, ArrayNode rows) {
        for (int y = -1; y < reach.rows(); y++) {
            StringBuilder row = new StringBuilder(reach.columns());
            for (int x = 0; x < reach.columns(); x++) {
                row.append(reach.canStand(x, y) ? '#' : '.');
            }
            rows.add(row.toString());
        }
    }

    /**
     * {@code n} replies, each with its source ({@code model} or {@code grammar}, the authored
     * fallback) and the facts it used: the same {@link NpcVoice} path as {@code improv dialogue --card}.
     */
    public ObjectNode dialogue(DialogueJob job) {
        ObjectNode out = json.createObjectNode();
        ArrayNode replies = out.putArray("replies");
        for (NpcReply reply : replies(job)) {
            ObjectNode r = replies.addObject();
            r.put("text", reply.text());
            r.put("source", reply.source());
            reply.facts().forEach(r.putArray("facts")::add);
        }
        List<String> warnings = JobCards.warnings(job.card());
        if (!warnings.isEmpty()) {
            warnings.forEach(out.putArray("warnings")::add);
        }
        return out;
    }

    private List<NpcReply> replies(DialogueJob job) {
        Tone mood = null;
        if (!job.mood().isBlank()) {
            try {
                mood = Tone.parse(job.mood());
            } catch (IllegalArgumentException e) {
                throw new BadRequest("mood", e.getMessage());
            }
        }
        NpcCard card = JobCards.card(job.card(), job.ban(), mood);
        List<Turn> history = new ArrayList<>();
        for (DialogueJob.Line l : job.history()) {
            history.add(l.speaker().equals("player") ? Turn.player(l.text()) : Turn.npc(l.text()));
        }
        String say = job.say();
        if (say == null && !history.isEmpty() && history.get(history.size() - 1).speaker() == Speaker.PLAYER) {
            say = history.remove(history.size() - 1).text(); // the player's last line is what is answered
        }
        WorldFile world = JobCards.world(job.world());
        requireSlots(card, world, job, say);
        // One generator for every request: its prompt cache keeps a few primed decoders.
        NpcVoice voice = voice(card, world, job.max_tokens());
        try {
            return voice.reply(history, say, job.slot(), job.n(), job.seed(), Duration.ofMillis(job.deadline_ms()));
        } catch (IllegalArgumentException e) {
            // A card too long for the model's context.
            throw new BadRequest("card", e.getMessage());
        }
    }

    /**
     * Every {@code {slot}} of the card, the world, the history and the line answered has a value ({@code slot}
     * or the card's {@code slots}): a gap is the field that holds it ({@code history[1].text}), where a gap found
     * mid-reply was always blamed on {@code card}.
     */
    private static void requireSlots(NpcCard card, WorldFile world, DialogueJob job, String say) {
        Map<String, String> values = new java.util.LinkedHashMap<>(card.slots());
        values.putAll(job.slot());
        Slots.Gap gap = card.slotGap(job.slot());
        if (gap != null) {
            throw slotGap("card." + gap.field(), gap.slot());
        }
        gap = world == null ? null : Slots.gap("facts", world.facts(), values);
        if (gap != null) {
            throw new BadRequest("world", gap.message() + GIVE_A_SLOT); // the world is one text: its line is named after it
        }
        for (int i = 0; i < job.history().size(); i++) {
            String slot = Slots.missing(job.history().get(i).text(), values);
            if (slot != null) {
                throw slotGap("history[" + i + "].text", slot);
            }
        }
        if (say != null && Slots.missing(say, values) != null) {
            throw slotGap("say", Slots.missing(say, values));
        }
    }

    private static final String GIVE_A_SLOT = "; give it in slot or the card's slots";

    private static BadRequest slotGap(String field, String slot) {
        return new BadRequest(field, "no value for slot {" + slot + "}" + GIVE_A_SLOT);
    }

    /**
     * The voice of a card in a world with replies of at most {@code maxTokens}, kept for the next request with
     * the same card: building one indexes the card's facts (Lucene), which cost more CPU than the decoding of a
     * short reply. The reply length is in the key because a voice also keeps what it read of its card for the
     * next reply: a voice derived for each request ({@code withMaxTokens}) read the card again every time (2.5% of
     * a worker's JFR samples at 16 clients).
     */
    private NpcVoice voice(NpcCard card, WorldFile world, int maxTokens) {
        VoiceKey key = new VoiceKey(card, world, maxTokens);
        synchronized (voices) {
            NpcVoice kept = voices.get(key);
            if (kept != null) {
                return kept;
            }
        }
        NpcVoice made = NpcVoice.of(dialogueGenerator(), card, world).withMaxTokens(maxTokens);
        synchronized (voices) {
            voices.put(key, made);
        }
        return made;
    }

    private record VoiceKey(NpcCard card, WorldFile world, int maxTokens) {
    }

    /** Music as a Standard MIDI file (and a WAV rendering when asked), both base64; a prime's notes open it. */
    public ObjectNode music(MusicJob job) {
        if (job.band()) {
            return bandMusic(job);
        }
        int first = job.intensities() == null ? job.intensity() : job.intensities().get(0);
        MusicControls controls = new MusicControls(first, BadRequest.parsed("key", () -> Key.parse(job.key())), Mood.CALM,
                job.tempo(), BadRequest.parsed("meter", () -> Meter.parse(job.meter())));
        SamplingSettings sampling = SongRequest.DEFAULT_SAMPLING.withTemperature(job.temperature().floatValue())
                .withTopP(job.top_p().floatValue());
        SongRequest request = new SongRequest(job.bars(), controls, job.seed(), sampling, job.primeSong(),
                job.key_strength().floatValue());
        List<Integer> curve = job.intensities();
        MusicControls opening = controls;
        Song song = curve == null ? musicGenerator().generate(request)
                : musicGenerator().generate(request, bar -> opening.withIntensity(curve.get(bar)));
        ObjectNode out = json.createObjectNode();
        out.put("engine", "transformer");
        return songAnswer(job, song, out);
    }

    /**
     * The band, as {@code improv music} (with {@code --mood}): the preset's controls, or the band's defaults,
     * overridden by the request's.
     */
    private ObjectNode bandMusic(MusicJob job) {
        BandControls c = job.mood() == null ? BandControls.DEFAULT : BandControls.of(job.moodLibrary().get(job.mood()), job.seed());
        c = job.key() == null ? c : c.withKey(BadRequest.parsed("key", () -> Key.parse(job.key())));
        c = job.meter() == null ? c : c.withMeter(BadRequest.parsed("meter", () -> Meter.parse(job.meter())));
        c = job.tempo() == null ? c : c.withBpm(job.tempo()); // both in range: MusicJob.checked
        c = job.intensity() == null ? c : c.withIntensity(job.intensity());
        c = job.drum_style() == null ? c : c.withDrumStyle(job.drum_style());
        Instruments programs = c.instruments();
        programs = job.lead() == null ? programs : programs.with(Layer.LEAD, job.lead());
        programs = job.harmony() == null ? programs : programs.with(Layer.HARMONY, job.harmony());
        programs = job.bass() == null ? programs : programs.with(Layer.BASS, job.bass());
        c = c.withInstruments(programs);
        Song song = job.intensities() == null ? band().generate(job.bars(), c, job.seed())
                : band().generate(c, job.seed(), job.intensities());
        ObjectNode out = json.createObjectNode();
        out.put("engine", "band");
        if (job.mood() != null) {
            out.put("mood", job.mood());
        }
        out.put("key", c.key().shortName());
        out.put("meter", c.meter().toString());
        out.put("tempo", c.bpm());
        out.put("intensity", job.intensities() == null ? c.intensity() : job.intensities().get(0));
        out.put("drum_style", c.drumStyle());
        ObjectNode instruments = out.putObject("instruments");
        instruments.put("lead", programs.lead());
        instruments.put("harmony", programs.harmony());
        instruments.put("bass", programs.bass());
        return songAnswer(job, song, out);
    }

    /** Bars, notes, length and the MIDI (and WAV) of a song, added to {@code out}. */
    private static ObjectNode songAnswer(MusicJob job, Song song, ObjectNode out) {
        out.put("bars", job.bars());
        out.put("tracks", song.tracks().size());
        out.put("notes", song.notes().size());
        out.put("seconds", Math.round(song.seconds() * 100) / 100.0);
        out.put("midi", base64(MidiFiles.toBytes(song)));
        if (job.wav()) {
            out.put("wav", base64(wav(song)));
        }
        return out;
    }

    /** Loads every model now (a node calls this at start so the first requests do not wait). */
    public void warmUp() {
        dialogueGenerator();
        band(); // the music model and the drum model: /v1/music plays the band by default
        for (String g : ModelNames.games()) {
            gameLevels(g);
        }
    }

    private synchronized DialogueGenerator dialogueGenerator() {
        if (dialogue == null) {
            dialogue = DialogueGenerator.of(load(ModelNames.DIALOGUE, TransformerDialogueProvider.MODEL_PROPERTY),
                    FallbackGrammar.defaultGrammar()).withPrimedDecoders(Math.max(4, concurrentJobs));
        }
        return dialogue;
    }

    /** The band: the music model's tune and chords, bass from them, and the drum model. */
    private synchronized Band band() {
        if (band == null) {
            try {
                band = new Band(musicGenerator(), DrumGenerator.loadDefault());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the drum model", e);
            }
        }
        return band;
    }

    private synchronized MusicGenerator musicGenerator() {
        if (music == null) {
            music = new MusicGenerator(load(ModelNames.MUSIC, TransformerMusicProvider.MODEL_PROPERTY), false);
        }
        return music;
    }

    private synchronized GameLevels gameLevels(String game) {
        return levels.computeIfAbsent(game, g -> {
            try {
                return GameLevels.builtIn(g); // by name only: a request never names a file
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the level model of " + g, e);
            }
        });
    }

    /**
     * The default model {@code name}, or the folder the operator names with the engines' own property
     * ({@code -Dimprov.dialogue.model=DIR}, as for the in-process engines); never a path from a request.
     */
    private static LanguageModel load(String name, String folderProperty) {
        String folder = System.getProperty(folderProperty);
        try {
            return folder != null ? LanguageModel.load(Path.of(folder)) : LanguageModel.loadResource(name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load model " + name, e);
        }
    }

    // Images, maps and audio are made in memory: a service killed mid-request leaves no file behind.
    private static byte[] png(LevelImages images, TileGrid level) {
        try {
            return images.png(level);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The map as {@code improv level --tmx} writes it, the player's start included; its tileset is named {@link #TILESET_NAME}. */
    private void tmx(TmxExporter exporter, TileGrid level, int[] start, ObjectNode out) {
        TmxExporter.TiledMap map = exporter.toMap(level, TILESET_NAME, start);
        out.put("tmx", map.xml());
        try {
            out.put("tileset_png", base64(LevelImages.pngBytes(map.tileset())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.put("tileset_name", TILESET_NAME);
    }

    private static byte[] wav(Song song) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            new AudioRenderer(null).writeWav(song, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
