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
import dev.improv.level.dungeon.DungeonMapCheck;
import dev.improv.model.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code improv eval level} for a top-down model: dungeons over a spread of prompts, judged by
 * {@link DungeonMapCheck} (rooms and doors reached from the entrance, doors lined up, walls closed),
 * prompt accuracy room by room, rooms copied from the corpus (mirrors included) and diversity; one
 * JSON line. With no generation (--n 0) it calibrates the check on the training maps instead.
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
                            copied += copies.copiedWindows(room)[0];
                            int[] measured = features.levels(room, spec.legend());
                            for (int f = 0; f < fc; f++) {
                                if (wanted[f] != FeatureSet.ANY) {
                                    asked[f]++;
                                    met[f] += wanted[f] == measured[f] ? 1 : 0;
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
        }
        System.err.println();
        out.put("n", n);
        out.put("rooms_per_dungeon", roomsWide * roomsHigh);
        out.put("prompts", prompts.size());
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
        out.put("copied_rooms", copied);
        out.put("copied_room_share", round(roomsMade == 0 ? 0 : (double) copied / roomsMade));
        out.put("diversity", round(diversityGroups == 0 ? 0 : diversitySum / diversityGroups));
        out.put("failed_dungeons", failed);
        out.put("seconds", round((System.nanoTime() - t0) / 1e9));
        System.out.println(json.writeValueAsString(out));
    }

    static TileGrid room(TileGrid map, int rr, int rc, int rows, int columns) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            out.add(map.row(rr * rows + r).substring(rc * columns, (rc + 1) * columns));
        }
        return TileGrid.ofRows(out);
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
