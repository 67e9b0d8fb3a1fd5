package dev.improv.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.level.FeatureSet;
import dev.improv.level.GeneratorSettings;
import dev.improv.level.LevelCorpus;
import dev.improv.level.LevelGenerator;
import dev.improv.level.LevelMetrics;
import dev.improv.level.LevelModel;
import dev.improv.level.LevelRequest;
import dev.improv.level.LevelSpec;
import dev.improv.level.TileGrid;
import dev.improv.level.VglcReader;
import dev.improv.level.dungeon.DoorPlan;
import dev.improv.level.dungeon.DungeonMapCheck;
import dev.improv.level.dungeon.RoomBand;
import dev.improv.level.dungeon.RoomInterior;
import dev.improv.level.dungeon.Side;
import dev.improv.model.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code improv eval level} for a top-down model: dungeons over a spread of prompts, judged by
 * {@link DungeonMapCheck} (rooms and doors reached from the entrance, doors lined up, walls closed),
 * prompt accuracy room by room, rooms copied from the corpus (mirrors included) and diversity; then as
 * many dungeons whose rooms ask for doors on given sides ({@code door_sides}: the share of asked sides
 * met); one JSON line. With no generation (--n 0) it calibrates the check on the training maps instead.
 */
final class DungeonEvaluationRun {
    private DungeonEvaluationRun() {
    }

    static void run(LevelModel model, List<Path> data, int n, int perPrompt, int roomsWide, int roomsHigh, long seed,
                    int attempts, Path outDir) throws IOException {
        LevelSpec spec = model.spec();
        var rooms = spec.rooms();
        DungeonMapCheck check = new DungeonMapCheck(spec.legend(), rooms.rows(), rooms.columns(), rooms.wall());
        List<VglcReader.NamedLevel> maps = trainingMaps(model, data);
        LevelCorpus corpus = LevelCorpus.prepareRooms(spec.game(), maps, spec.legend(), rooms.rows(), rooms.columns(),
                rooms.wall(), spec.features());
        LevelMetrics copies = new LevelMetrics(corpus.rooms(), rooms.columns());
        ObjectMapper json = new ObjectMapper();
        ObjectNode out = json.createObjectNode();
        out.put("model", model.languageModel().name());
        // the check on the designers' own maps: how strict it is
        int corpusPlayable = 0;
        double corpusRoomShare = 0;
        for (VglcReader.NamedLevel m : maps) {
            DungeonMapCheck.Report r = check.check(m.grid());
            corpusPlayable += r.playable() ? 1 : 0;
            corpusRoomShare += (double) r.roomsReached() / Math.max(1, r.rooms());
        }
        out.put("corpus_maps", maps.size());
        out.put("corpus_playable", round((double) corpusPlayable / maps.size()));
        out.put("corpus_rooms_reached", round(corpusRoomShare / maps.size()));
        RoomInterior interior = new RoomInterior(spec.legend(), rooms.wall());
        RoomVariety corpusVariety = new RoomVariety(interior);
        for (VglcReader.NamedLevel m : maps) {
            for (int rr = 0; rr < m.grid().rows() / rooms.rows(); rr++) {
                for (int rc = 0; rc < m.grid().columns() / rooms.columns(); rc++) {
                    TileGrid room = room(m.grid(), rr, rc, rooms.rows(), rooms.columns());
                    if (!hasVoid(room, spec)) {
                        corpusVariety.add(room, false);
                    }
                }
            }
        }
        out.set("corpus_room_variety", corpusVariety.toJson(false));
        // what the model carries about its rooms (bands, layouts rejected as copies, mirror shares) against
        // what the same code learns from the maps read here
        out.put("model_layouts", rooms.layouts().size());
        out.put("model_rooms_match_maps", rooms.toJson().equals(corpus.spec().rooms().toJson()));
        if (n == 0) {
            System.out.println(json.writeValueAsString(out));
            return;
        }
        FeatureSet features = spec.features();
        List<String> prompts = EvalLevelCommand.prompts(features, Math.max(1, (n + perPrompt - 1) / perPrompt), seed);
        if (outDir != null) {
            Files.createDirectories(outDir);
        }
        int fc = features.size();
        long[] asked = new long[fc];
        int doorFeature = features.indexOf("doors");
        long[] doorAsked = new long[doorFeature < 0 ? 0 : features.specs().get(doorFeature).levels().size()];
        long[] doorMet = new long[doorAsked.length];
        long[] met = new long[fc];
        int playable = 0;
        int failed = 0;
        long roomsMade = 0;
        long roomsReached = 0;
        long targets = 0;
        long targetsReached = 0;
        long copied = 0;
        double diversitySum = 0;
        int diversityGroups = 0;
        RoomVariety variety = new RoomVariety(interior);
        long t0 = System.nanoTime();
        GeneratorSettings settings = GeneratorSettings.DEFAULT.withAttempts(attempts).withRoomsPerRow(roomsWide);
        try (LevelGenerator gen = model.newGenerator(settings, seed)) {
            int made = 0;
            for (int p = 0; p < prompts.size() && made < n; p++) {
                String prompt = prompts.get(p);
                int[] wanted = gen.parsePrompt(prompt);
                List<TileGrid> group = new ArrayList<>();
                for (int k = 0; k < perPrompt && made < n; k++, made++) {
                    TileGrid map;
                    try {
                        map = gen.generate(new LevelRequest(roomsWide * roomsHigh * rooms.columns(), prompt,
                                LevelGenerator.seedFor(seed, made)));
                    } catch (IllegalStateException e) {
                        failed++;
                        System.err.printf("%ndungeon %d (%s): %s%n", made, prompt, e.getMessage());
                        continue;
                    }
                    group.add(map);
                    DungeonMapCheck.Report r = check.check(map);
                    playable += r.playable() ? 1 : 0;
                    if (!r.playable()) {
                        System.err.printf("%ndungeon %d: %s%n", made, r.problems().get(0));
                    }
                    roomsMade += r.rooms();
                    roomsReached += r.roomsReached();
                    targets += r.targets();
                    targetsReached += r.targetsReached();
                    for (int rr = 0; rr < roomsHigh; rr++) {
                        for (int rc = 0; rc < roomsWide; rc++) {
                            TileGrid room = room(map, rr, rc, rooms.rows(), rooms.columns());
                            boolean copy = copies.copiedWindows(room)[0] > 0;
                            copied += copy ? 1 : 0;
                            variety.add(room, copy);
                            int[] measured = features.levels(room, spec.legend());
                            for (int f = 0; f < fc; f++) {
                                if (wanted[f] != FeatureSet.ANY) {
                                    asked[f]++;
                                    met[f] += wanted[f] == measured[f] ? 1 : 0;
                                    if (f == doorFeature) {
                                        doorAsked[wanted[f]]++;
                                        doorMet[wanted[f]] += wanted[f] == measured[f] ? 1 : 0;
                                    }
                                }
                            }
                        }
                    }
                    if (outDir != null) {
                        AtomicFiles.writeString(outDir.resolve(String.format("%03d.txt", made)), map.toText());
                    }
                    System.err.printf("\reval level: %d/%d dungeons, %.0f s", made + 1, n, (System.nanoTime() - t0) / 1e9);
                }
                if (group.size() > 1) {
                    diversitySum += LevelMetrics.diversity(group);
                    diversityGroups++;
                }
            }
            long[] cr = gen.chunksAndRepairs();
            out.put("repaired_room_share", round(cr[0] == 0 ? 0 : (double) cr[1] / cr[0]));
            out.set("room_variety", variety.toJson(true));
            out.set("door_sides", doorSides(gen, check, copies, interior, spec, n, roomsWide, roomsHigh, seed, outDir));
        }
        System.err.println();
        out.put("n", n);
        out.put("rooms_per_dungeon", roomsWide * roomsHigh);
        out.put("prompts", prompts.size());
        prompts.subList(0, Math.min(prompts.size(), (n + perPrompt - 1) / perPrompt)).forEach(out.putArray("prompt_list")::add);
        out.put("playable", round((double) playable / n));
        out.put("rooms_reached", round(roomsMade == 0 ? 0 : (double) roomsReached / roomsMade));
        out.put("doors_stairs_reached", round(targets == 0 ? 0 : (double) targetsReached / targets));
        ObjectNode acc = out.putObject("prompt_accuracy");
        for (int f = 0; f < fc; f++) {
            String name = features.specs().get(f).name();
            if (asked[f] == 0) {
                acc.putNull(name);
            } else {
                acc.put(name, round((double) met[f] / asked[f]));
            }
        }
        if (doorFeature >= 0) { // "none" cannot be met in a connected dungeon, "few" (one door) only at its dead ends
            ObjectNode byLevel = out.putObject("doors_by_level");
            for (int l = 0; l < doorAsked.length; l++) {
                if (doorAsked[l] > 0) {
                    byLevel.put(features.specs().get(doorFeature).levels().get(l), round((double) doorMet[l] / doorAsked[l]));
                }
            }
        }
        out.put("copied_rooms", copied);
        out.put("copied_room_share", round(roomsMade == 0 ? 0 : (double) copied / roomsMade));
        out.put("diversity", round(diversityGroups == 0 ? 0 : diversitySum / diversityGroups));
        out.put("failed_dungeons", failed);
        out.put("seconds", round((System.nanoTime() - t0) / 1e9));
        System.out.println(json.writeValueAsString(out));
    }

    /**
     * Dungeons whose rooms each ask for doors on given sides, as a designer with a sketch of the layout
     * would: one or two of a room's inner sides, door or no door as the sketch has them; an ask is met
     * when the room's wall on that side has a door or not as asked.
     */
    private static ObjectNode doorSides(LevelGenerator gen, DungeonMapCheck check, LevelMetrics copies, RoomInterior interior,
                                        LevelSpec spec, int n, int wide, int high, long seed, Path outDir) throws IOException {
        RoomVariety variety = new RoomVariety(interior);
        var rooms = spec.rooms();
        java.util.Random random = new java.util.Random(seed ^ 0x51DE5L);
        long sidesAsked = 0;
        long sidesMet = 0;
        long roomsAsked = 0;
        long roomsMet = 0;
        long copied = 0;
        int playable = 0;
        int failed = 0;
        long t0 = System.nanoTime();
        for (int d = 0; d < n; d++) {
            List<String> prompts = new ArrayList<>();
            List<java.util.Map<Side, Boolean>> asks = new ArrayList<>();
            // the designer's sketch: a connected door layout (a random spanning tree and a third of the other
            // walls opened); each room asks for one or two of its inner sides as the sketch has them
            boolean[][] sketch = sketch(wide, high, random);
            for (int i = 0; i < wide * high; i++) {
                List<Side> inner = new ArrayList<>();
                for (Side s : Side.values()) {
                    if (DoorPlan.neighbour(i, s, wide, high) >= 0) {
                        inner.add(s);
                    }
                }
                java.util.Collections.shuffle(inner, random);
                java.util.Map<Side, Boolean> ask = new java.util.EnumMap<>(Side.class);
                List<String> words = new ArrayList<>();
                for (Side s : inner.subList(0, Math.min(inner.size(), 1 + random.nextInt(2)))) {
                    boolean door = sketch[i][s.ordinal()];
                    ask.put(s, door);
                    words.add((door ? "door " : "no door ") + s.name().toLowerCase(java.util.Locale.ROOT));
                }
                asks.add(ask);
                prompts.add(String.join(", ", words));
            }
            TileGrid map;
            try {
                map = gen.generateRooms(prompts, LevelGenerator.seedFor(seed ^ 0x51DE5L, d));
            } catch (IllegalStateException e) {
                failed++;
                System.err.printf("%ndoor-sides dungeon %d: %s%n", d, e.getMessage());
                continue;
            }
            DungeonMapCheck.Report report = check.check(map);
            playable += report.playable() ? 1 : 0;
            if (!report.playable()) {
                System.err.printf("%ndoor-sides dungeon %d: %s%n", d, report.problems().get(0));
            }
            for (int i = 0; i < wide * high; i++) {
                TileGrid room = room(map, i / wide, i % wide, rooms.rows(), rooms.columns());
                boolean copy = copies.copiedWindows(room)[0] > 0;
                copied += copy ? 1 : 0;
                variety.add(room, copy);
                boolean all = true;
                for (java.util.Map.Entry<Side, Boolean> e : asks.get(i).entrySet()) {
                    boolean has = RoomBand.of(room, e.getKey(), rooms.wall()).hasDoor(spec.legend());
                    sidesAsked++;
                    sidesMet += has == e.getValue() ? 1 : 0;
                    all &= has == e.getValue();
                }
                roomsAsked += asks.get(i).isEmpty() ? 0 : 1;
                roomsMet += !asks.get(i).isEmpty() && all ? 1 : 0;
            }
            if (outDir != null) {
                AtomicFiles.writeString(outDir.resolve(String.format("sides-%03d.txt", d)), map.toText());
                AtomicFiles.writeString(outDir.resolve(String.format("sides-%03d.prompts", d)), String.join("\n", prompts) + "\n");
            }
            System.err.printf("\reval level: door sides %d/%d dungeons, %.0f s", d + 1, n, (System.nanoTime() - t0) / 1e9);
        }
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("dungeons", n);
        o.put("playable", round((double) playable / n));
        o.put("sides_asked", sidesAsked);
        o.put("sides_met", round(sidesAsked == 0 ? 0 : (double) sidesMet / sidesAsked));
        o.put("rooms_with_every_asked_side", round(roomsAsked == 0 ? 0 : (double) roomsMet / roomsAsked));
        o.put("copied_rooms", copied);
        o.set("room_variety", variety.toJson(true));
        o.put("failed_dungeons", failed);
        return o;
    }

    /** A random connected door layout: [room][side] open. */
    private static boolean[][] sketch(int wide, int high, java.util.Random random) {
        int n = wide * high;
        boolean[][] open = new boolean[n][4];
        boolean[] in = new boolean[n];
        in[random.nextInt(n)] = true;
        for (int joined = 1; joined < n; ) { // grow a random tree one wall at a time
            int i = random.nextInt(n);
            Side s = Side.values()[random.nextInt(4)];
            int j = DoorPlan.neighbour(i, s, wide, high);
            if (j >= 0 && in[i] != in[j]) {
                open[i][s.ordinal()] = open[j][s.opposite().ordinal()] = true;
                in[i] = in[j] = true;
                joined++;
            }
        }
        for (int i = 0; i < n; i++) {
            for (Side s : new Side[] {Side.EAST, Side.SOUTH}) {
                int j = DoorPlan.neighbour(i, s, wide, high);
                if (j >= 0 && !open[i][s.ordinal()] && random.nextInt(3) == 0) {
                    open[i][s.ordinal()] = open[j][s.opposite().ordinal()] = true;
                }
            }
        }
        return open;
    }

    /**
     * Room-level variety of a set of rooms, as a designer would judge it: the share of bare rooms
     * (empty floor, perhaps enemies), furniture tiles a room (not floor, not an entity, inside the
     * walls), distinct layouts over rooms (enemies aside), and the share equal to a training room.
     */
    private static final class RoomVariety {
        private final RoomInterior interior;
        private final java.util.Set<String> layouts = new java.util.HashSet<>();
        private long rooms;
        private long bare;
        private long furniture;
        private long copies;

        RoomVariety(RoomInterior interior) {
            this.interior = interior;
        }

        void add(TileGrid room, boolean copy) {
            rooms++;
            bare += interior.bare(room) ? 1 : 0;
            furniture += interior.furniture(room);
            copies += copy ? 1 : 0;
            layouts.add(interior.layout(room));
        }

        ObjectNode toJson(boolean withCopies) {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("rooms", rooms);
            o.put("bare_share", round(rooms == 0 ? 0 : (double) bare / rooms));
            o.put("furniture_per_room", round(rooms == 0 ? 0 : (double) furniture / rooms));
            o.put("distinct_layout_share", round(rooms == 0 ? 0 : (double) layouts.size() / rooms));
            if (withCopies) {
                o.put("training_copy_share", round(rooms == 0 ? 0 : (double) copies / rooms));
            }
            return o;
        }
    }

    private static boolean hasVoid(TileGrid room, LevelSpec spec) {
        for (int r = 0; r < room.rows(); r++) {
            for (int c = 0; c < room.columns(); c++) {
                if (spec.legend().hasTag(room.at(r, c), "void")) {
                    return true;
                }
            }
        }
        return false;
    }

    static TileGrid room(TileGrid map, int rr, int rc, int rows, int columns) {
        return map.window(rr * rows, rc * columns, rows, columns);
    }

    /** The maps the model was trained on (or those given), read as training read them. */
    private static List<VglcReader.NamedLevel> trainingMaps(LevelModel model, List<Path> data) throws IOException {
        List<Path> paths = data;
        if (paths == null || paths.isEmpty()) {
            paths = new ArrayList<>();
            for (var d : model.languageModel().metadata().path("trainedOn")) {
                paths.add(Path.of(d.asText()));
            }
        }
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("the model does not name its training maps; pass --data FILE|DIR");
        }
        VglcReader reader = new VglcReader(model.spec().legend());
        List<VglcReader.NamedLevel> out = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new IllegalArgumentException("training maps " + p + " not found; pass --data FILE|DIR");
            }
            out.addAll(reader.readAll(p));
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
