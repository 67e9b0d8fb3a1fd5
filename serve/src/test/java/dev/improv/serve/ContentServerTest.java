package dev.improv.serve;

import dev.improv.api.MusicControls;
import dev.improv.api.Mood;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.improv.band.Band;
import dev.improv.band.BandControls;
import dev.improv.band.MoodLibrary;
import dev.improv.dialogue.DialogueGenerator;
import dev.improv.drums.DrumGenerator;
import dev.improv.dialogue.FallbackGrammar;
import dev.improv.dialogue.NpcCard;
import dev.improv.dialogue.NpcReply;
import dev.improv.dialogue.NpcVoice;
import dev.improv.level.ChunkRequest;
import dev.improv.level.GeneratorSettings;
import dev.improv.level.LevelGenerator;
import dev.improv.level.LevelModel;
import dev.improv.level.LevelRequest;
import dev.improv.level.PlayabilityAgent;
import dev.improv.level.GameLevels;
import dev.improv.level.TileGrid;
import dev.improv.model.LanguageModel;
import dev.improv.api.Key;
import dev.improv.api.Meter;
import dev.improv.music.MidiFiles;
import dev.improv.music.MusicGenerator;
import dev.improv.music.SongRequest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The service over real HTTP on loopback: same content as the engines in-process, and clear refusals. */
class ContentServerTest {
    private static final List<String> PERSONA = List.of("I am the blacksmith of this village.", "I love my anvil.");
    private static ServiceNode node;
    private static URI base;
    private static String levelReference;
    /** levelReference with its chunk 1 drawn again with seed 11, and continued by a chunk with seed 12. */
    private static String redrawnReference;
    private static String continuedReference;
    private static List<NpcReply> dialogueReference;
    private static byte[] musicReference;
    /** Seeds of the requests sent together, whose decoder steps share batched steps. */
    private static final List<Integer> TOGETHER = List.of(21, 22, 23, 24, 25, 26);
    private static final Map<Integer, String> levelsTogether = new java.util.HashMap<>();
    private static final Map<Integer, String> musicTogether = new java.util.HashMap<>();
    private static byte[] primedReference;
    private static byte[] curvedReference;
    private static byte[] bandReference;
    /** The band with no mood (what /v1/music plays by default), and with its intensity 1, then 6. */
    private static byte[] defaultBandReference;
    private static byte[] curvedBandReference;
    /** A designer's mood ("spooky", from a mood file sent in the request) with the lead and drum style overridden. */
    private static byte[] designedBandReference;
    private static final String SPOOKY = "{\"spooky\":{\"mode\":\"minor\",\"tonic\":\"A\",\"tempo\":[90,90],\"meter\":\"3/4\","
            + "\"intensity\":6,\"drumStyle\":\"jazz\",\"instruments\":{\"lead\":11,\"harmony\":19,\"bass\":35},\"phraseBars\":4}}";

    @BeforeAll
    static void start() throws Exception {
        // References first, made in-process exactly as the CLI makes them, before the batcher is installed.
        try (LevelGenerator gen = LevelModel.load("smb").newGenerator(GeneratorSettings.DEFAULT.withAttempts(24), 3)) {
            gen.parsePrompt("many pipes");
            levelReference = gen.generate(new LevelRequest(48, "many pipes", 3)).toText();
            TileGrid level = TileGrid.ofRows(levelReference.lines().toList());
            redrawnReference = gen.replaceChunk(level, 1, "many pipes", 11).toText();
            gen.reset(12);
            gen.prime(level);
            continuedReference = level.append(gen.nextChunk(ChunkRequest.of("many pipes")).tiles()).toText();
        }
        DialogueFixture.use();
        DialogueGenerator dialogue = DialogueGenerator.of(LanguageModel.load(DialogueFixture.folder()), FallbackGrammar.defaultGrammar());
        // The service answers through NpcVoice, as `improv dialogue --card` does: same card, same line, same seed.
        NpcCard card = NpcCard.of("NPC", "", PERSONA, List.of());
        dialogueReference = NpcVoice.of(dialogue, card, null).reply(List.of(), "What do you make?", Map.of(), 2, 5);
        MusicGenerator music = new MusicGenerator(LanguageModel.loadResource("music"), false);
        musicReference = MidiFiles.toBytes(music.generate(new SongRequest(2,
                new MusicControls(4, Key.parse("G"), Mood.CALM, 120, Meter.parse("4/4")), 9, SongRequest.DEFAULT_SAMPLING, null, 1.5f)));
        for (int seed : TOGETHER) {
            try (LevelGenerator gen = LevelModel.load("smb").newGenerator(GeneratorSettings.DEFAULT.withAttempts(24), seed)) {
                gen.parsePrompt("few enemies");
                levelsTogether.put(seed, gen.generate(new LevelRequest(32, "few enemies", seed)).toText());
            }
            musicTogether.put(seed, Base64.getEncoder().encodeToString(MidiFiles.toBytes(music.generate(new SongRequest(2,
                    new MusicControls(5, Key.parse("Am"), Mood.CALM, 120, Meter.parse("4/4")), seed, SongRequest.DEFAULT_SAMPLING,
                    null, 1.5f)))));
        }
        // Continuing that piece (improv music --prime): the prime's notes first, then two more bars.
        primedReference = MidiFiles.toBytes(music.generate(new SongRequest(2,
                new MusicControls(4, Key.parse("G"), Mood.CALM, 120, Meter.parse("4/4")), 9, SongRequest.DEFAULT_SAMPLING,
                MidiFiles.read(musicReference, "prime"), 1.5f)));
        // A section at intensity 1, then one at 6, a bar each.
        MusicControls quiet = new MusicControls(1, Key.parse("G"), Mood.CALM, 120, Meter.parse("4/4"));
        int[] curve = {1, 6};
        curvedReference = MidiFiles.toBytes(music.generate(new SongRequest(2, quiet, 9, SongRequest.DEFAULT_SAMPLING, null, 1.5f),
                bar -> quiet.withIntensity(curve[bar])));
        // The band under the battle preset with intensity 5, as improv music --mood battle --intensity 5.
        Band band = new Band(music, DrumGenerator.loadDefault());
        bandReference = MidiFiles.toBytes(band.generate(2, BandControls.of(MoodLibrary.standard().get("battle"), 9).withIntensity(5), 9));
        defaultBandReference = MidiFiles.toBytes(band.generate(2, BandControls.DEFAULT, 9));
        curvedBandReference = MidiFiles.toBytes(band.generate(BandControls.DEFAULT, 9, List.of(1, 6)));
        MoodLibrary designed = MoodLibrary.parse(new com.fasterxml.jackson.databind.ObjectMapper().readTree(SPOOKY), "spooky.json");
        designedBandReference = MidiFiles.toBytes(band.generate(2, BandControls.of(designed.get("spooky"), 9).withDrumStyle("funk")
                .withInstruments(designed.get("spooky").instruments().with(dev.improv.band.Layer.LEAD, 40)), 9));
        // Six requests of a kind at once: past a fresh node's adaptive limit (ConcurrencyLimit.INITIAL). This
        // class is about content and batching; admission is OverloadTest's.
        // Two groups of steps from 4 sequences (8 by default), so that the six of a kind sent together also take
        // the path where one group samples while the other's step runs, and must still give the CLI's content
        // (from 2, two sequences stepped one each: too few together to tell batching apart).
        // A 20 ms gather (0.5 ms by default): on a CI machine whose cores are shared, one sequence's sampling
        // between steps can outlast 0.5 ms, and its group would step without it (a CI run measured a mean batch of
        // 1.38). Whether the sequences meet is what is tested here, not how long a busy machine lets them wait.
        node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(8, 16).withAdaptiveLimit(false).withBatchSplit(4)
                .withGather(java.time.Duration.ofMillis(20)));
        base = node.uri();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void levelIsTheOneTheEngineMakesInProcess() throws Exception {
        HttpResponse<String> r = Http.post(base, "v1/levels",
                "{\"prompt\":\"many pipes\",\"width\":48,\"seed\":3,\"formats\":[\"vglc\",\"tmx\",\"png\"]}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode level = Http.json(r);
        assertEquals(levelReference, level.path("vglc").asText());
        assertTrue(level.path("tmx").asText().contains("<map"), "a Tiled map");
        // The map improv level --tmx writes (the player's start included), its tileset named level-tiles.png.
        LevelModel model = LevelModel.load("smb");
        TileGrid tiles = TileGrid.ofRows(levelReference.lines().toList());
        assertEquals(new dev.improv.level.TmxExporter(model.spec().legend()).toMap(tiles, "level-tiles.png",
                model.spec().start(tiles)).xml(), level.path("tmx").asText());
        assertTrue(level.path("tmx").asText().contains("type=\"start\""), "the player's start");
        byte[] png = Base64.getDecoder().decode(level.path("png").asText());
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        assertTrue(level.path("playable").asBoolean());
    }

    @Test
    void aBodyCompressedWithGzipOrSavedWithAByteOrderMarkIsTheSameRequest() throws Exception {
        String body = "{\"prompt\":\"many pipes\",\"width\":48,\"seed\":3,\"formats\":[\"vglc\"]}";
        // Both were "body: is not valid JSON (line 1, column 2)" and "(line 1, column 1)".
        HttpResponse<String> gzipped = Http.post(base, "v1/levels", gzip(body.getBytes(StandardCharsets.UTF_8)),
                "Content-Encoding", "gzip");
        assertEquals(200, gzipped.statusCode(), gzipped.body());
        assertEquals(levelReference, Http.json(gzipped).path("vglc").asText());
        byte[] marked = ("\uFEFF" + body).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> withMark = Http.post(base, "v1/levels", marked);
        assertEquals(200, withMark.statusCode(), withMark.body());
        assertEquals(levelReference, Http.json(withMark).path("vglc").asText());
    }

    @Test
    void aBodyTheServiceCannotDecodeIsRefusedSayingWhy() throws Exception {
        // Another coding: 415 naming the header and, as RFC 7694 has it, the codings taken; before, a 400 "not valid JSON".
        HttpResponse<String> brotli = Http.post(base, "v1/levels", "{\"width\":16}", "Content-Encoding", "br");
        assertEquals(415, brotli.statusCode(), brotli.body());
        assertEquals("gzip", brotli.headers().firstValue("Accept-Encoding").orElse(""));
        JsonNode error = Http.json(brotli).path("error");
        assertEquals("Content-Encoding", error.path("param").asText());
        assertTrue(error.path("message").asText().startsWith("Content-Encoding: br is not supported"), brotli.body());
        // A few KB of gzip that inflate past the size limit are cut at it, not held whole.
        HttpResponse<String> bomb = Http.post(base, "v1/levels", gzip(new byte[50 << 20]), "Content-Encoding", "gzip");
        assertTooLarge(bomb);
        assertTrue(Http.json(bomb).path("error").path("message").asText().contains("once decompressed"), bomb.body());
        assertBad(Http.post(base, "v1/levels", "{\"width\":16}".getBytes(StandardCharsets.UTF_8), "Content-Encoding", "gzip"),
                "body");
        // Latin-1 "café" was read as "caf\uFFFD" without a word.
        HttpResponse<String> latin1 = Http.post(base, "v1/dialogue",
                "{\"card\":{\"persona\":[\"I sell café.\"]},\"say\":\"Hi\"}".getBytes(StandardCharsets.ISO_8859_1));
        assertBad(latin1, "body");
        assertTrue(Http.json(latin1).path("error").path("message").asText().contains("byte 0xe9"), latin1.body());
    }

    private static byte[] gzip(byte[] bytes) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void aChunkRedrawnAndALevelContinuedAreTheOnesTheEngineMakes() {
        String body = "{\"prompt\":\"many pipes\",\"seed\":11,\"regenerate_chunk\":1,\"level\":"
                + jsonText(levelReference) + "}";
        HttpResponse<String> r = Http.post(base, "v1/levels", body);
        assertEquals(200, r.statusCode(), r.body());
        String redrawn = Http.json(r).path("vglc").asText();
        assertEquals(redrawnReference, redrawn);
        List<String> before = levelReference.lines().toList();
        List<String> after = redrawn.lines().toList();
        for (int row = 0; row < before.size(); row++) {
            assertEquals(before.get(row).substring(0, 16), after.get(row).substring(0, 16), "chunk 0 kept, row " + row);
            assertEquals(before.get(row).substring(32), after.get(row).substring(32), "chunk 2 kept, row " + row);
        }
        assertNotEquals(levelReference, redrawn, "chunk 1 drawn again");
        assertTrue(Http.json(r).path("playable").asBoolean());

        r = Http.post(base, "v1/levels", "{\"prompt\":\"many pipes\",\"seed\":12,\"chunks\":1,\"level\":"
                + jsonText(levelReference) + "}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(continuedReference, Http.json(r).path("vglc").asText());
        assertEquals(64, Http.json(r).path("columns").asInt());
    }

    @Test
    void aDungeonRoomRedrawnWithItsDoorsIsTheOneTheGameMakes() throws Exception {
        HttpResponse<String> r = Http.post(base, "v1/levels", "{\"game\":\"zelda\",\"rooms\":\"2x2\",\"seed\":4}");
        assertEquals(200, r.statusCode(), r.body());
        String dungeon = Http.json(r).path("vglc").asText();
        String prompt = "some blocks, door south, no door west";
        r = Http.post(base, "v1/levels", "{\"game\":\"zelda\",\"prompt\":\"" + prompt + "\",\"seed\":5,\"regenerate_chunk\":1,"
                + "\"level\":" + jsonText(dungeon) + "}");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(Http.json(r).path("playable").asBoolean(), Http.json(r).path("verdict").asText());
        GameLevels zelda = GameLevels.builtIn("zelda");
        TileGrid given = TileGrid.ofRows(dungeon.lines().toList());
        assertEquals(zelda.generate(new GameLevels.Order(prompt, 0, null, GameLevels.rooms("4x3"), 24, 5, given, 1), null).toText(),
                Http.json(r).path("vglc").asText(), "the room the game makes for the same order");
        assertBad(Http.post(base, "v1/levels", "{\"game\":\"zelda\",\"regenerate_chunk\":4,\"level\":" + jsonText(dungeon) + "}"),
                "regenerate_chunk");
        assertBad(Http.post(base, "v1/levels", "{\"game\":\"zelda\",\"chunks\":1,\"level\":" + jsonText(dungeon) + "}"), "level");
    }

    @Test
    void pathIsAWayTheAgentCrossesTheLevel() throws Exception {
        HttpResponse<String> r = Http.post(base, "v1/levels", "{\"prompt\":\"many pipes\",\"width\":48,\"seed\":3,\"formats\":[\"path\"]}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode path = Http.json(r).path("path");
        TileGrid level = TileGrid.ofRows(levelReference.lines().toList());
        PlayabilityAgent.Reach reach = LevelModel.load("smb").spec().agent().explore(level, null, true);
        List<PlayabilityAgent.Step> expected = LevelModel.load("smb").spec().agent().route(level);
        assertEquals(expected.size(), path.size(), path.toString());
        for (int i = 0; i < path.size(); i++) {
            PlayabilityAgent.Step step = expected.get(i);
            assertEquals(step.x(), path.get(i).path("x").asInt());
            assertEquals(step.y(), path.get(i).path("y").asInt());
            assertEquals(step.move().name().toLowerCase(), path.get(i).path("move").asText());
            assertTrue(i == path.size() - 1 || reach.canStand(step.x(), step.y()), "a standing place: " + path.get(i));
        }
        assertEquals("start", path.get(0).path("move").asText());
        assertEquals(level.columns() - 1, path.get(path.size() - 1).path("x").asInt(), "ends on the last column: " + path);
    }

    @Test
    void aGameWithoutAPlayabilityRuleStillMakesLevels() throws Exception {
        // Lode Runner has no jump arcs: its chunks are kept as sampled, with no check to pass.
        HttpResponse<String> r = Http.post(base, "v1/levels", "{\"game\":\"lode-runner\",\"chunks\":1,\"seed\":4}");
        assertEquals(200, r.statusCode(), r.body());
        List<String> rows = Http.json(r).path("vglc").asText().lines().toList();
        assertEquals(LevelModel.load("lode-runner").spec().height(), rows.size(), String.join("\n", rows));
    }

    @Test
    void reachIsWhereTheEnginesAgentCanStand() throws Exception {
        HttpResponse<String> r = Http.post(base, "v1/levels", "{\"prompt\":\"many pipes\",\"width\":48,\"seed\":3,\"formats\":[\"reach\"]}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode reach = Http.json(r).path("reach");
        LevelModel model = LevelModel.load("smb");
        TileGrid level = TileGrid.ofRows(levelReference.lines().toList());
        PlayabilityAgent.Reach expected = model.spec().agent().explore(level, null, true);
        assertEquals(level.rows() + 1, reach.size());
        int standing = 0;
        for (int y = -1; y < level.rows(); y++) {
            String row = reach.get(y + 1).asText();
            assertEquals(level.columns(), row.length());
            for (int x = 0; x < level.columns(); x++) {
                assertEquals(expected.canStand(x, y), row.charAt(x) == '#', "column " + x + ", row " + y);
                standing += row.charAt(x) == '#' ? 1 : 0;
            }
        }
        assertTrue(standing > level.columns() / 2, "the agent stands across the level: " + standing);
    }

    @Test
    void dialogueRepliesAreTheEnginesForTheSameCardAndSeed() {
        HttpResponse<String> r = Http.post(base, "v1/dialogue", "{\"card\":{\"persona\":[\"" + PERSONA.get(0) + "\",\""
                + PERSONA.get(1) + "\"]},\"say\":\"What do you make?\",\"n\":2,\"seed\":5}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode replies = Http.json(r).path("replies");
        assertEquals(2, replies.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(dialogueReference.get(i).text(), replies.get(i).path("text").asText());
            assertEquals(dialogueReference.get(i).source(), replies.get(i).path("source").asText());
        }
    }

    @Test
    void anAnswerSaysWhereItsTimeWentAndTheTokensItSampled() {
        long sent = System.nanoTime();
        HttpResponse<String> r = Http.post(base, "v1/dialogue", "{\"card\":{\"persona\":[\"" + PERSONA.get(0)
                + "\"]},\"say\":\"What do you make?\",\"seed\":6}");
        double clientMs = (System.nanoTime() - sent) / 1e6;
        assertEquals(200, r.statusCode(), r.body());
        String timing = r.headers().firstValue("Server-Timing").orElseThrow();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("wait;dur=([0-9.]+), run;dur=([0-9.]+), tokens;desc=([0-9]+)").matcher(timing);
        assertTrue(m.matches(), timing);
        assertTrue(Double.parseDouble(m.group(1)) + Double.parseDouble(m.group(2)) <= clientMs, timing + " within " + clientMs + " ms");
        assertTrue(Long.parseLong(m.group(3)) >= 1, "a reply samples tokens: " + timing);
        // The tokens are the job's own: what the service's counter of sampled tokens grew by for one request.
        double before = steppedTokens();
        HttpResponse<String> again = Http.post(base, "v1/dialogue", "{\"card\":{\"persona\":[\"" + PERSONA.get(0)
                + "\"]},\"say\":\"Who are you?\",\"seed\":8}");
        String tokens = again.headers().firstValue("Server-Timing").orElseThrow().replaceAll(".*tokens;desc=", "");
        assertEquals(steppedTokens() - before, Double.parseDouble(tokens), 0.0);
    }

    /** The service's improv_stepped_tokens_total. */
    private static double steppedTokens() {
        return Http.series(Http.get(base, "metrics").body(), "improv_stepped_tokens_total");
    }

    @Test
    void aCardLineTooLongIsRefusedByItsOwnField() {
        String line = "The forge opens at dawn and " + "x".repeat(500);
        // A card file's line is at most 500 characters: past it the answer named the card as a whole ("card: card 'Brom':
        // facts[1]: 528 characters; at most 500"), after the job had been queued.
        for (String field : List.of("facts", "persona")) {
            HttpResponse<String> r = Http.post(base, "v1/dialogue", "{\"card\":{\"name\":\"Brom\",\"" + field
                    + "\":[\"Horseshoes are 2 silver.\"," + Http.JSON.valueToTree(line) + "]},\"say\":\"Hello\",\"seed\":1}");
            assertBad(r, "card." + field + "[1]");
            assertTrue(Http.json(r).path("error").path("message").asText().contains("longer than 500 characters"), r.body());
        }
        HttpResponse<String> longest = Http.post(base, "v1/dialogue", "{\"card\":{\"name\":\"Brom\",\"facts\":[\"Horseshoes are 2 silver.\","
                + Http.JSON.valueToTree(line.substring(0, 500)) + "]},\"say\":\"Hello\",\"seed\":1}");
        assertEquals(200, longest.statusCode(), "500 characters is a line the card takes: " + longest.body());
    }

    @Test
    void dialogueAnswersFromTheCardsFactsAndSaysWhichItUsed() {
        HttpResponse<String> r = Http.post(base, "v1/dialogue", "{\"card\":{\"name\":\"Brom\",\"facts\":[\"Horseshoes are 2 silver.\","
                + "\"Repairing a sword costs 12 gold.\"]},\"say\":\"How much to repair my sword?\",\"seed\":1}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode reply = Http.json(r).path("replies").get(0);
        assertEquals("Repairing a sword costs 12 gold.", reply.path("facts").get(0).asText(), reply.toString());
        assertTrue(reply.path("text").asText().contains("12 gold"), "the answer, from the model or the fallback: " + reply);
    }

    @Test
    void aCardFileIsACardTheServiceTakes() {
        // The card as a game ships it for `improv dialogue --card`: mood, style, banned words and slots.
        String card = "{\"name\":\"Maribel\",\"role\":\"innkeeper\",\"persona\":[\"I keep the inn in {town}.\"],"
                + "\"facts\":[\"A bed for the night in {town} costs 6 silver.\"],\"mood\":\"cheerful\","
                + "\"style\":\"warm and chatty\",\"banned\":[\"gold\"],\"slots\":{\"town\":\"Saltmarrow\"}}";
        HttpResponse<String> r = Http.post(base, "v1/dialogue", "{\"card\":" + card + ",\"say\":\"How much is a bed?\",\"seed\":1}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode reply = Http.json(r).path("replies").get(0);
        assertEquals("A bed for the night in Saltmarrow costs 6 silver.", reply.path("facts").get(0).asText(),
                "the card's slot is filled: " + reply);
        assertTrue(reply.path("text").asText().contains("6 silver"), reply.toString());
        // A mood word Improv does not know leaves the tone to the model, as the same file does from the command line;
        // the response says so rather than refusing a card a game ships.
        HttpResponse<String> unknownMood = Http.post(base, "v1/dialogue",
                "{\"card\":{\"facts\":[\"Beds are 6 silver.\"],\"mood\":\"furious-ish\"},\"say\":\"hi\"}");
        assertEquals(200, unknownMood.statusCode(), unknownMood.body());
        assertTrue(Http.json(unknownMood).path("warnings").get(0).asText().startsWith("card.mood: 'furious-ish' is not a mood"),
                unknownMood.body());
        assertFalse(Http.json(r).has("warnings"), "a known mood warns of nothing: " + r.body());
        assertBad(Http.post(base, "v1/dialogue", "{\"card\":{\"facts\":[\"Beds are 6 silver.\"],\"mood\":\"" + "x".repeat(41)
                + "\"},\"say\":\"hi\"}"), "card.mood");
        assertBad(Http.post(base, "v1/dialogue", "{\"card\":{\"facts\":[\"Beds are 6 silver.\"]},\"mood\":\"furious-ish\","
                + "\"say\":\"hi\"}"), "mood"); // the request's own mood is an option, checked strictly
        assertBad(Http.post(base, "v1/dialogue", "{\"card\":{\"facts\":[\"Beds are 6 silver.\"],\"slots\":{\"town\":null}},"
                + "\"say\":\"hi\"}"), "card.slots.town");
    }

    @Test
    void musicIsTheBandByDefault() throws Exception {
        HttpResponse<String> r = Http.post(base, "v1/music", "{\"bars\":2,\"seed\":9}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode answer = Http.json(r);
        byte[] midi = Base64.getDecoder().decode(answer.path("midi").asText());
        assertEquals(Base64.getEncoder().encodeToString(defaultBandReference), Base64.getEncoder().encodeToString(midi));
        // What a user hears: four instruments, drums on channel 10, in G major and 4/4 (as improv music writes).
        dev.improv.music.Song song = MidiFiles.read(midi, "band.mid");
        assertEquals(List.of("harmony", "bass", "drums", "lead"), song.tracks().stream().map(dev.improv.music.Track::name).toList());
        assertTrue(song.tracks().get(2).drums(), "the drums play the General MIDI kit");
        assertEquals(Key.parse("G"), song.key());
        assertEquals(Meter.parse("4/4"), song.meterAt(0));
        assertEquals("band", answer.path("engine").asText());
        assertEquals(4, answer.path("tracks").asInt());
        assertEquals("G", answer.path("key").asText());
        assertEquals("rock", answer.path("drum_style").asText());
        assertEquals(0, answer.path("instruments").path("lead").asInt(), answer.toString());
    }

    @Test
    void theTransformerEngineIsTheSameMidiAsInProcess() {
        HttpResponse<String> r = Http.post(base, "v1/music", "{\"engine\":\"transformer\",\"bars\":2,\"key\":\"G\",\"seed\":9}");
        assertEquals(200, r.statusCode(), r.body());
        byte[] midi = Base64.getDecoder().decode(Http.json(r).path("midi").asText());
        assertEquals(Base64.getEncoder().encodeToString(musicReference), Base64.getEncoder().encodeToString(midi));
        assertEquals(2, Http.json(r).path("tracks").asInt());
        assertBad(Http.post(base, "v1/music", "{\"engine\":\"orchestra\"}"), "engine");
        assertBad(Http.post(base, "v1/music", "{\"engine\":\"transformer\",\"mood\":\"calm\"}"), "mood");
        assertBad(Http.post(base, "v1/music", "{\"engine\":\"transformer\",\"lead\":3}"), "lead");
    }

    @Test
    void requestsSentTogetherDecodeInSharedStepsAndGiveTheCliContent() throws Exception {
        double[] before = batchCounters(Http.get(base, "metrics").body());
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(2 * TOGETHER.size());
        Map<Integer, java.util.concurrent.Future<HttpResponse<String>>> levels = new java.util.HashMap<>();
        Map<Integer, java.util.concurrent.Future<HttpResponse<String>>> songs = new java.util.HashMap<>();
        // All clients send at one instant: threads that start one after another on a loaded machine sent the first
        // requests alone and let them finish before the last arrived (a mean of 1.49 once, in CI).
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2 * TOGETHER.size());
        for (int seed : TOGETHER) {
            levels.put(seed, clients.submit(() -> {
                start.await();
                return Http.post(base, "v1/levels", "{\"prompt\":\"few enemies\",\"width\":32,\"seed\":" + seed + "}");
            }));
            songs.put(seed, clients.submit(() -> {
                start.await();
                return Http.post(base, "v1/music",
                        "{\"engine\":\"transformer\",\"bars\":2,\"key\":\"Am\",\"intensity\":5,\"seed\":" + seed + "}");
            }));
        }
        for (int seed : TOGETHER) {
            HttpResponse<String> level = levels.get(seed).get();
            assertEquals(200, level.statusCode(), level.body());
            assertEquals(levelsTogether.get(seed), Http.json(level).path("vglc").asText(), "level, seed " + seed);
            HttpResponse<String> song = songs.get(seed).get();
            assertEquals(200, song.statusCode(), song.body());
            assertEquals(musicTogether.get(seed), Http.json(song).path("midi").asText(), "music, seed " + seed);
        }
        clients.shutdown();
        double[] after = batchCounters(Http.get(base, "metrics").body());
        double meanBatch = (after[0] - before[0]) / (after[1] - before[1]);
        assertTrue(meanBatch > 1.5, "steps of different requests ran together: " + meanBatch + " sequences a step");
    }

    /** The sum and count of improv_batch_size: sequences stepped and batched steps so far. */
    private static double[] batchCounters(String metrics) {
        return new double[] {Http.series(metrics, "improv_batch_size_sum"), Http.series(metrics, "improv_batch_size_count")};
    }

    @Test
    void musicContinuesAPrimeAsInProcess() {
        String prime = Base64.getEncoder().encodeToString(musicReference);
        String twoPart = "{\"engine\":\"transformer\",";
        HttpResponse<String> r = Http.post(base, "v1/music", twoPart + "\"bars\":2,\"key\":\"G\",\"seed\":9,\"prime\":\"" + prime + "\"}");
        assertEquals(200, r.statusCode(), r.body());
        byte[] midi = Base64.getDecoder().decode(Http.json(r).path("midi").asText());
        assertEquals(Base64.getEncoder().encodeToString(primedReference), Base64.getEncoder().encodeToString(midi));
        assertBad(Http.post(base, "v1/music", twoPart + "\"prime\":\"not base64!\"}"), "prime");
        assertBad(Http.post(base, "v1/music", twoPart + "\"prime\":\"aGVsbG8gd29ybGQ=\"}"), "prime");
        // The band cannot continue a piece: the answer says which engine can.
        HttpResponse<String> band = Http.post(base, "v1/music", "{\"prime\":\"" + prime + "\"}");
        assertBad(band, "prime");
        assertTrue(band.body().contains("transformer"), band.body());
        // A WAV's bar limit counts the prime's 4 bars.
        assertBad(Http.post(base, "v1/music", twoPart + "\"bars\":31,\"wav\":true,\"prime\":\""
                + Base64.getEncoder().encodeToString(primedReference) + "\"}"), "prime");
    }

    @Test
    void musicTakesAnIntensityABarAsInProcess() {
        HttpResponse<String> r = Http.post(base, "v1/music",
                "{\"engine\":\"transformer\",\"bars\":2,\"key\":\"G\",\"seed\":9,\"intensities\":[1,6]}");
        assertEquals(200, r.statusCode(), r.body());
        byte[] midi = Base64.getDecoder().decode(Http.json(r).path("midi").asText());
        assertEquals(Base64.getEncoder().encodeToString(curvedReference), Base64.getEncoder().encodeToString(midi));
        // The band: intensity 1 (harmony and bass), then 6 (every layer), as improv music --sections 1:1,1:6.
        r = Http.post(base, "v1/music", "{\"bars\":2,\"seed\":9,\"intensities\":[1,6]}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(Base64.getEncoder().encodeToString(curvedBandReference), Http.json(r).path("midi").asText());
        assertBad(Http.post(base, "v1/music", "{\"bars\":2,\"intensities\":[1,6,3]}"), "intensities");
        assertBad(Http.post(base, "v1/music", "{\"bars\":2,\"intensities\":[1,9]}"), "intensities[1]");
    }

    @Test
    void aMoodPlaysTheBandAsInProcess() {
        HttpResponse<String> r = Http.post(base, "v1/music", "{\"bars\":2,\"mood\":\"battle\",\"intensity\":5,\"seed\":9}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode answer = Http.json(r);
        assertEquals(Base64.getEncoder().encodeToString(bandReference), answer.path("midi").asText());
        assertEquals(5, answer.path("intensity").asInt());
        assertTrue(answer.path("tempo").asDouble() > 0 && !answer.path("key").asText().isEmpty(), answer.toString());
        assertBad(Http.post(base, "v1/music", "{\"mood\":\"angry\"}"), "mood");
        assertBad(Http.post(base, "v1/music", "{\"mood\":\"calm\",\"temperature\":1.0}"), "temperature");
    }

    @Test
    void aDesignersMoodFileAndInstrumentsPlayAsInProcess() throws Exception {
        HttpResponse<String> r = Http.post(base, "v1/music", "{\"bars\":2,\"seed\":9,\"mood\":\"spooky\",\"moods\":" + SPOOKY
                + ",\"lead\":40,\"drum_style\":\"funk\"}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode answer = Http.json(r);
        assertEquals(Base64.getEncoder().encodeToString(designedBandReference), answer.path("midi").asText());
        dev.improv.music.Song song = MidiFiles.read(Base64.getDecoder().decode(answer.path("midi").asText()), "spooky.mid");
        assertEquals(Meter.parse("3/4"), song.meterAt(0));
        assertEquals(Key.parse("Am"), song.key());
        assertEquals(90, song.bpmAt(0), 0.01);
        assertEquals(List.of(19, 35, 40), List.of(song.tracks().get(0).program(), song.tracks().get(1).program(),
                song.tracks().get(3).program()), "harmony and bass from the file, the lead as asked");
        assertEquals("funk", answer.path("drum_style").asText());
        // A bad mood file is named with its mood and field; band options are checked.
        HttpResponse<String> bad = Http.post(base, "v1/music", "{\"mood\":\"spooky\",\"moods\":"
                + SPOOKY.replace("[90,90]", "[90]") + "}");
        assertBad(bad, "moods");
        assertTrue(bad.body().contains("spooky") && bad.body().contains("tempo"), bad.body());
        assertBad(Http.post(base, "v1/music", "{\"mood\":\"calm\",\"moods\":" + SPOOKY + "}"), "mood");
        assertBad(Http.post(base, "v1/music", "{\"moods\":" + SPOOKY + "}"), "moods");
        assertBad(Http.post(base, "v1/music", "{\"drum_style\":\"disco\"}"), "drum_style");
        assertBad(Http.post(base, "v1/music", "{\"bass\":128}"), "bass");
    }

    @Test
    void theOperatorsMoodFileIsWhatMoodNamesAndV1MoodsLists(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        assertEquals("{\"moods\":[\"calm\",\"tense\",\"heroic\",\"sad\",\"battle\",\"victory\"],\"file\":null}",
                Http.get(base, "v1/moods").body());
        assertBad(Http.post(base, "v1/music", "{\"bars\":1,\"mood\":\"spooky\"}"), "mood");
        assertBad(Http.post(base, "v1/music/bars", "{\"bars\":[{\"mood\":\"spooky\"}]}"), "bars[0].mood");
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("operator-moods.json"), SPOOKY);
        String before = System.setProperty(dev.improv.engines.BandMusicProvider.MOODS_PROPERTY, file.toString());
        try {
            assertEquals("{\"moods\":[\"spooky\"],\"file\":\"operator-moods.json\"}", Http.get(base, "v1/moods").body());
            // Named without a file of its own, the service's preset plays: A minor in 3/4 at 90.
            HttpResponse<String> r = Http.post(base, "v1/music", "{\"bars\":2,\"seed\":9,\"mood\":\"spooky\",\"lead\":40,"
                    + "\"drum_style\":\"funk\"}");
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(Base64.getEncoder().encodeToString(designedBandReference), Http.json(r).path("midi").asText());
            HttpResponse<String> bar = Http.post(base, "v1/music/bars", "{\"seed\":3,\"bars\":[{\"mood\":\"spooky\",\"key\":\"A\","
                    + "\"tempo\":90}]}");
            assertEquals(200, bar.statusCode(), bar.body());
            assertEquals(3, Http.json(bar).path("beats").asInt(), bar.body());
        } finally {
            if (before == null) {
                System.clearProperty(dev.improv.engines.BandMusicProvider.MOODS_PROPERTY);
            } else {
                System.setProperty(dev.improv.engines.BandMusicProvider.MOODS_PROPERTY, before);
            }
        }
    }

    @Test
    void chatCompletionsSpeakOpenAiWithTheCardInTheSystemMessage() {
        String body = "{\"model\":\"dialogue\",\"seed\":5,\"n\":2,\"messages\":[{\"role\":\"system\",\"content\":"
                + "\"I am the blacksmith of this village. I love my anvil.\"},{\"role\":\"user\",\"content\":\"What do you make?\"}]}";
        JsonNode c = Http.json(Http.post(base, "v1/chat/completions", body));
        assertEquals("chat.completion", c.path("object").asText(), c.toString());
        assertEquals(dialogueReference.get(0).text(), c.path("choices").get(0).path("message").path("content").asText());
        assertEquals("assistant", c.path("choices").get(0).path("message").path("role").asText());

        HttpResponse<String> streamed = Http.post(base, "v1/chat/completions", body.replace("\"n\":2", "\"n\":1,\"stream\":true"));
        assertEquals(200, streamed.statusCode());
        assertEquals("text/event-stream", streamed.headers().firstValue("Content-Type").orElse(""));
        StringBuilder text = new StringBuilder();
        List<String> events = new ArrayList<>();
        for (String line : streamed.body().split("\n")) {
            if (line.startsWith("data: ")) {
                events.add(line.substring(6));
            }
        }
        assertEquals("[DONE]", events.get(events.size() - 1));
        for (String e : events.subList(0, events.size() - 1)) {
            text.append(Http.json(e).path("choices").get(0).path("delta").path("content").asText(""));
        }
        assertEquals(dialogueReference.get(0).text(), text.toString());
        // OpenAI's content parts, as SDKs and chat front ends send them: were "must be a text, got a list".
        String parts = body.replace("\"content\":\"What do you make?\"",
                "\"content\":[{\"type\":\"text\",\"text\":\"What do you\"},{\"type\":\"text\",\"text\":\"make?\"}]");
        JsonNode fromParts = Http.json(Http.post(base, "v1/chat/completions", parts));
        assertEquals(dialogueReference.get(0).text(), fromParts.path("choices").get(0).path("message").path("content").asText(),
                fromParts.toString());
    }

    @Test
    void modelsHealthMetricsAndOpenApiAnswer() {
        JsonNode models = Http.json(Http.get(base, "v1/models"));
        List<String> ids = new ArrayList<>();
        models.path("data").forEach(m -> ids.add(m.path("id").asText()));
        assertTrue(ids.containsAll(List.of("music", "dialogue", "level-smb")), ids.toString());
        // One model, as an OpenAI SDK's models.retrieve asks (was a 404 "no such endpoint").
        assertEquals("dialogue", Http.json(Http.get(base, "v1/models/dialogue")).path("id").asText());
        HttpResponse<String> unknown = Http.get(base, "v1/models/gpt-4o");
        assertEquals(404, unknown.statusCode());
        assertEquals("model", Http.json(unknown).path("error").path("param").asText(), unknown.body());
        assertEquals("ok", Http.json(Http.get(base, "health")).path("status").asText());
        double tokensBefore = decodedTokens(Http.get(base, "metrics").body());
        Http.post(base, "v1/levels", "{\"width\":16,\"seed\":1}");
        String metrics = Http.get(base, "metrics").body();
        // The service counts its own decoding: a 16-column chunk is at least one token a column.
        assertTrue(decodedTokens(metrics) - tokensBefore >= 16, metrics);
        for (String name : List.of("improv_queue_depth", "improv_batch_size_bucket", "improv_decoded_tokens_total",
                "improv_request_seconds_bucket", "improv_active_requests")) {
            assertTrue(metrics.contains(name), name + " in\n" + metrics);
        }
        JsonNode api = Http.json(Http.get(base, "openapi.json"));
        for (String path : ContentServer.endpoints()) {
            assertTrue(api.path("paths").has(path), path);
        }
        // What each endpoint reads: OpenApiTest.
    }

    @Test
    void everyFieldOfAnAnswerIsInOpenApi() throws Exception {
        JsonNode api = OpenApiTest.api();
        Map<String, String> requests = new java.util.LinkedHashMap<>();
        requests.put("v1/levels", "{\"width\":16,\"seed\":3,\"formats\":[\"vglc\",\"tmx\",\"png\",\"reach\",\"path\"]}");
        requests.put("v1/levels ", "{\"game\":\"boxoban\",\"seed\":3}");
        requests.put("v1/music", "{\"bars\":1,\"seed\":3,\"mood\":\"calm\",\"wav\":true}");
        requests.put("v1/music ", "{\"bars\":1,\"seed\":3,\"engine\":\"transformer\"}");
        requests.put("v1/dialogue", "{\"card\":{\"persona\":[\"I bake.\"],\"facts\":[\"Bread costs 2 gold.\"]},"
                + "\"say\":\"How much is bread?\"}");
        requests.put("v1/levels/stream", "{\"seed\":3,\"prompts\":[\"many pipes\"]}");
        requests.put("v1/music/bars", "{\"seed\":3,\"bars\":[{\"intensity\":3}]}");
        requests.put("v1/chat/completions", "{\"seed\":3,\"stop\":\"!\",\"messages\":[{\"role\":\"system\",\"content\":\"I bake.\"},"
                + "{\"role\":\"user\",\"content\":\"Hello!\"}]}");
        List<String> wrong = new ArrayList<>();
        requests.forEach((path, body) -> {
            HttpResponse<String> r = Http.post(base, path.strip(), body);
            assertEquals(200, r.statusCode(), r.body());
            JsonNode schema = api.path("paths").path("/" + path.strip()).path("post").path("responses").path("200")
                    .path("content").path("application/json").path("schema");
            undocumented(api, Http.json(r), schema, path.strip(), wrong);
        });
        // The replies' facts were missing from /openapi.json until session 22, the chat answer (and its usage) until 23.
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** Adds to {@code wrong} every field of {@code value}, at any depth, that {@code schema} does not name. */
    private static void undocumented(JsonNode api, JsonNode value, JsonNode schema, String at, List<String> wrong) {
        String ref = schema.path("$ref").asText("");
        JsonNode s = ref.isEmpty() ? schema : api.at(ref.substring(1));
        if (value.isArray()) {
            value.forEach(item -> undocumented(api, item, s.path("items"), at + "[]", wrong));
        } else if (value.isObject() && !s.path("additionalProperties").isObject()) {
            value.fields().forEachRemaining(f -> {
                if (!s.path("properties").has(f.getKey())) {
                    wrong.add(at + "." + f.getKey() + " is answered but not in /openapi.json");
                } else {
                    undocumented(api, f.getValue(), s.path("properties").path(f.getKey()), at + "." + f.getKey(), wrong);
                }
            });
        }
    }

    private static double decodedTokens(String metrics) {
        return Http.series(metrics, "improv_decoded_tokens_total");
    }

    @Test
    void aBodyPastTheLimitIsRefusedOnceAsTooLarge() {
        String before = Http.get(base, "metrics").body();
        assertTooLarge(Http.post(base, "v1/levels", "{\"prompt\":\"" + "x".repeat(300_000) + "\"}"));
        String after = Http.get(base, "metrics").body();
        // It was counted twice, as too_large and as bad_request: the reasons summed to more refusals than requests.
        assertEquals(1.0, refusals(after, "too_large") - refusals(before, "too_large"), 0.0);
        assertEquals(0.0, refusals(after, "bad_request") - refusals(before, "bad_request"), 0.0);
    }

    private static double refusals(String metrics, String reason) {
        return Http.series(metrics, "improv_refusals_total{reason=\"" + reason + "\"}");
    }

    @Test
    void mistakesAre400sNamingTheField() {
        assertBad(Http.post(base, "v1/levels", "{\"width\": 10,"), "body");
        assertBad(Http.post(base, "v1/levels", "{\"widht\": 10}"), "widht");
        assertBad(Http.post(base, "v1/levels", "{\"width\": 1000000}"), "width");
        assertBad(Http.post(base, "v1/levels", "{\"width\": \"wide\"}"), "width");
        assertBad(Http.post(base, "v1/levels", "{\"game\": \"../../etc/passwd\"}"), "game");
        assertBad(Http.post(base, "v1/levels", "{\"regenerate_chunk\": 0}"), "regenerate_chunk");
        assertBad(Http.post(base, "v1/levels", "{\"level\": \"--\\nXX\\n\", \"regenerate_chunk\": 0}"), "level");
        assertBad(Http.post(base, "v1/levels", "{\"level\": " + jsonText(levelReference) + ", \"regenerate_chunk\": 3}"),
                "regenerate_chunk");
        assertBad(Http.post(base, "v1/levels", "{\"level\": " + jsonText(levelReference.replace('X', 'Z')) + ", \"chunks\": 1}"),
                "level");
        assertBad(Http.post(base, "v1/levels", "{\"level\": " + jsonText(levelReference) + "}"), "level");
        assertBad(Http.post(base, "v1/levels", "{\"prompt\": \"many dragons\", \"chunks\": 1}"), "prompt");
        assertBad(Http.post(base, "v1/music", "{\"model\": \"/tmp/evil\"}"), "model");
        assertBad(Http.post(base, "v1/music", "{\"bars\": 100000}"), "bars");
        assertBad(Http.post(base, "v1/dialogue", "{\"say\": \"hi\"}"), "card");
        assertBad(Http.post(base, "v1/dialogue", "{\"card\":{\"persona\":[\"I bake.\"]},\"history\":[{\"speaker\":\"cat\",\"text\":\"x\"}]}"),
                "history[0].speaker");
        assertBad(Http.post(base, "v1/dialogue", "{\"card\":{\"persona\":[\"I bake.\"],\"secret\":1}}"), "card.secret");
        assertBad(Http.post(base, "v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"), "messages");
        assertBad(Http.post(base, "v1/levels", "{}", "X-Deadline-Ms", "soon"), "X-Deadline-Ms");
        assertTooLarge(Http.post(base, "v1/levels", "{\"prompt\":\"" + "x".repeat(300_000) + "\"}"));
        assertEquals(404, Http.get(base, "v1/secrets").statusCode());
        assertEquals(405, Http.get(base, "v1/levels").statusCode());
        // A client's mistake, as OpenAI types it: these were "server_error", which clients retry.
        assertEquals("invalid_request_error", Http.json(Http.get(base, "v1/secrets")).path("error").path("type").asText());
        assertEquals("invalid_request_error", Http.json(Http.get(base, "v1/levels")).path("error").path("type").asText());
        assertTrue(Http.get(base, "health").headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "CORS is off");
    }

    /** A text as a JSON string literal. */
    private static String jsonText(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    /** A body past the size limit: 413 (Content Too Large, RFC 9110) naming the body and the limit. */
    private static void assertTooLarge(HttpResponse<String> r) {
        assertEquals(413, r.statusCode(), r.body());
        assertEquals("body", Http.json(r).path("error").path("param").asText(), r.body());
        assertTrue(Http.json(r).path("error").path("message").asText().contains(ServeSettings.DEFAULT.maxBodyBytes() + " bytes"),
                r.body());
    }

    private static void assertBad(HttpResponse<String> r, String field) {
        assertEquals(400, r.statusCode(), r.body());
        JsonNode error = Http.json(r).path("error");
        assertEquals(field, error.path("param").asText(), r.body());
        assertTrue(!error.path("message").asText().contains("Exception"), r.body());
    }
}
