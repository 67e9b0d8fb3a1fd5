package dev.improv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.improv.level.GameLevels;
import dev.improv.serve.ServeSettings;
import dev.improv.serve.ServiceNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every built-in game that {@code improv level --game} knows is served by {@code POST /v1/levels}, and
 * the service's level is the command line's, byte for byte, for the same options and seed.
 */
class ServedLevelsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String assetsBefore;
    private static ServiceNode node;
    private static String cliDungeon;
    private static String cliPuzzle;
    private static Path cliPuzzlePng;
    private static Path cliPuzzleTmx;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        // The repository's game definitions, as ./improv passes them: both sides read the same files.
        assetsBefore = System.setProperty("improv.assets", Path.of("..", "assets").toAbsolutePath().normalize().toString());
        // The command line runs before the node starts, which installs its batcher for every decoder in the JVM.
        cliDungeon = cli(dir, "level", "--game", "zelda", "--rooms", "2x2", "--seed", "3");
        cliPuzzlePng = dir.resolve("puzzle.png");
        cliPuzzleTmx = dir.resolve("puzzle.tmx");
        cliPuzzle = cli(dir, "level", "--game", "boxoban", "--prompt", "easy", "--seed", "2", "--png", cliPuzzlePng.toString(),
                "--tmx", cliPuzzleTmx.toString());
        node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(2, 4));
    }

    @AfterAll
    static void stop() {
        node.close();
        if (assetsBefore == null) {
            System.clearProperty("improv.assets");
        } else {
            System.setProperty("improv.assets", assetsBefore);
        }
    }

    @Test
    void everyBuiltInGameIsServed() throws Exception {
        HttpResponse<String> models = HTTP.send(HttpRequest.newBuilder(node.uri().resolve("v1/models")).build(),
                HttpResponse.BodyHandlers.ofString());
        for (String game : GameLevels.BUILT_IN) {
            assertTrue(models.body().contains("\"level-" + game + "\""), game + " in " + models.body());
        }
    }

    @Test
    void aZeldaDungeonIsTheCommandLinesDungeon() throws Exception {
        JsonNode served = post("{\"game\":\"zelda\",\"rooms\":\"2x2\",\"seed\":3,\"formats\":[\"vglc\",\"png\",\"tmx\"]}");
        assertEquals(cliDungeon, served.path("vglc").asText());
        assertEquals(2 * 16, served.path("rows").asInt(), "two rows of 16-row rooms");
        assertEquals(2 * 11, served.path("columns").asInt(), "two 11-column rooms a row");
        assertTrue(served.path("verdict").asText().contains("rooms"), served.toString());
        assertTrue(served.path("tmx").asText().contains("<map"), "a Tiled map");
        byte[] png = Base64.getDecoder().decode(served.path("png").asText());
        assertEquals(0x89, png[0] & 0xff, "a PNG");
    }

    @Test
    void aBoxobanPuzzleIsTheCommandLinesPuzzle() throws Exception {
        JsonNode served = post("{\"game\":\"boxoban\",\"prompt\":\"easy\",\"seed\":2,\"formats\":[\"vglc\",\"png\",\"tmx\",\"path\"]}");
        assertTrue(served.path("playable").asBoolean(), served.toString());
        assertEquals(cliPuzzle, served.path("vglc").asText());
        assertTrue(served.path("pushes").asInt() > 0, "a solved puzzle needs pushes: " + served);
        // --png and --tmx with one puzzle write the service's picture and map
        assertTrue(java.util.Arrays.equals(Base64.getDecoder().decode(served.path("png").asText()), Files.readAllBytes(cliPuzzlePng)));
        assertEquals(served.path("tmx").asText().replace(served.path("tileset_name").asText(), "puzzle-tiles.png"),
                Files.readString(cliPuzzleTmx));
        // the path is the player's walk through the solution: from the '@', one cell a step, the pushes counted
        JsonNode path = served.path("path");
        java.util.List<String> rows = cliPuzzle.lines().toList();
        assertEquals('@', rows.get(path.get(0).path("y").asInt()).charAt(path.get(0).path("x").asInt()));
        int pushes = 0;
        for (int i = 1; i < path.size(); i++) {
            JsonNode a = path.get(i - 1);
            JsonNode b = path.get(i);
            assertEquals(1, Math.abs(a.path("x").asInt() - b.path("x").asInt()) + Math.abs(a.path("y").asInt() - b.path("y").asInt()));
            assertTrue(rows.get(b.path("y").asInt()).charAt(b.path("x").asInt()) != '#', "never into a wall");
            pushes += b.path("move").asText().equals("push") ? 1 : 0;
        }
        assertEquals(served.path("pushes").asInt(), pushes);
    }

    @Test
    void aDungeonsPathWalksFromTheEntranceThroughDoors() throws Exception {
        JsonNode served = post("{\"game\":\"zelda\",\"rooms\":\"2x2\",\"seed\":3,\"formats\":[\"vglc\",\"path\"]}");
        java.util.List<String> rows = cliDungeon.lines().toList();
        JsonNode path = served.path("path");
        assertTrue(path.size() > 10, "a walk across rooms: " + path);
        assertEquals("start", path.get(0).path("move").asText());
        int doors = 0;
        for (int i = 1; i < path.size(); i++) {
            JsonNode b = path.get(i);
            char tile = rows.get(b.path("y").asInt()).charAt(b.path("x").asInt());
            assertTrue("FDSMO".indexOf(tile) >= 0, "walks on floor, doors and stairs only, got '" + tile + "' at " + b);
            doors += b.path("move").asText().equals("door") ? 1 : 0;
        }
        assertTrue(doors > 0, "through at least one door into the next room: " + path);
    }

    @Test
    void aRoomsSizeTheCommandLineWouldRefuseIsA400NamingTheField() throws Exception {
        HttpResponse<String> r = send("{\"game\":\"zelda\",\"rooms\":\"4by3\"}");
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("rooms", JSON.readTree(r.body()).path("error").path("param").asText());
    }

    private static JsonNode post(String body) throws Exception {
        HttpResponse<String> r = send(body);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> send(String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(node.uri().resolve("v1/levels")).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Runs the command line with {@code --out FILE} added and returns what it wrote. */
    private static String cli(Path dir, String... args) throws Exception {
        Path out = dir.resolve(args[2] + ".txt");
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--out";
        all[args.length + 1] = out.toString();
        assertEquals(0, new CommandLine(new ImprovCommand()).execute(all), String.join(" ", all));
        return Files.readString(out);
    }

}
