package dev.improv.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Headless Firefox driven over WebDriver BiDi, the browser's own Remote Agent, with no geckodriver:
 * Firefox is started with {@code --remote-debugging-port 0}, says the port it listens on, and a
 * WebSocket to {@code ws://127.0.0.1:PORT/session} opens a session with {@code session.new}. Commands
 * are JSON objects with an id, answered by the same id; events (the console's {@code log.entryAdded})
 * come in between. Clicks and keys go through {@code input.performActions}, as a user's would.
 */
final class BidiBrowser implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration COMMAND_WAIT = Duration.ofSeconds(60);
    /** Preferences for a quiet test browser: no first-run pages, no updates or telemetry, media may play. */
    private static final Map<String, Object> PREFS = Map.ofEntries(
            Map.entry("browser.shell.checkDefaultBrowser", false),
            Map.entry("browser.startup.page", 0),
            Map.entry("browser.startup.homepage", "about:blank"),
            Map.entry("browser.newtabpage.enabled", false),
            Map.entry("app.update.disabledForTesting", true),
            Map.entry("app.normandy.enabled", false),
            Map.entry("messaging-system.rsexperimentloader.enabled", false),
            Map.entry("datareporting.policy.dataSubmissionEnabled", false),
            Map.entry("datareporting.healthreport.uploadEnabled", false),
            Map.entry("toolkit.telemetry.enabled", false),
            Map.entry("network.captive-portal-service.enabled", false),
            Map.entry("network.connectivity-service.enabled", false),
            Map.entry("browser.safebrowsing.malware.enabled", false),
            Map.entry("browser.safebrowsing.phishing.enabled", false),
            Map.entry("browser.safebrowsing.downloads.remote.enabled", false),
            Map.entry("extensions.update.enabled", false),
            Map.entry("extensions.getAddons.cache.enabled", false),
            Map.entry("media.autoplay.default", 0));

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    private final List<JsonNode> consoleEntries = new CopyOnWriteArrayList<>();
    private final String context;

    private BidiBrowser(Process process, Path profile, String url) throws IOException {
        this.process = process;
        this.profile = profile;
        try {
            this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(url + "/session"), new Listener()).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IOException("cannot open the WebDriver BiDi socket at " + url + ": " + e, e);
        }
        send("session.new", JSON.createObjectNode().set("capabilities", JSON.createObjectNode()));
        send("session.subscribe", JSON.createObjectNode().set("events", JSON.createArrayNode().add("log.entryAdded")));
        this.context = send("browsingContext.getTree", JSON.createObjectNode()).path("contexts").get(0).path("context").asText();
    }

    /** Starts {@code firefox} headless with a fresh profile, saving downloads into {@code downloads} without asking, and opens a BiDi session. */
    static BidiBrowser start(Path firefox, int width, int height, Path downloads) throws IOException {
        Path profile = Files.createTempDirectory("improv-firefox-profile");
        Map<String, Object> all = new java.util.TreeMap<>(PREFS);
        all.put("browser.download.folderList", 2); // the folder below, not ~/Downloads
        all.put("browser.download.dir", downloads.toAbsolutePath().toString());
        all.put("browser.download.useDownloadDir", true);
        all.put("browser.download.always_ask_before_handling_new_types", false);
        all.put("browser.download.start_downloads_in_tmp_dir", false);
        all.put("browser.helperApps.neverAsk.saveToDisk", "audio/midi,audio/wav,text/plain,application/xml,image/png,application/json");
        StringBuilder prefs = new StringBuilder();
        all.forEach((k, v) -> prefs.append("user_pref(\"").append(k).append("\", ")
                .append(v instanceof String s ? JSON.valueToTree(s).toString() : v).append(");\n"));
        Files.writeString(profile.resolve("user.js"), prefs);
        Process p = new ProcessBuilder(firefox.toString(), "--headless", "--no-remote", "--profile", profile.toString(),
                "--width", String.valueOf(width), "--height", String.valueOf(height), "--remote-debugging-port", "0")
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String marker = "WebDriver BiDi listening on ";
        String url = null;
        List<String> said = new ArrayList<>();
        for (String line; url == null && (line = out.readLine()) != null; ) {
            said.add(line);
            int at = line.indexOf(marker);
            if (at >= 0) {
                url = line.substring(at + marker.length()).trim();
            }
        }
        if (url == null) {
            p.destroyForcibly();
            throw new IOException(firefox + " never opened its WebDriver BiDi port; it said: " + String.join("\n", said));
        }
        // Keep reading Firefox's own output so that it never blocks on a full pipe.
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // Firefox's own chatter (its failed update checks on an offline machine), not the page's console
                }
            } catch (IOException ignored) {
                // the browser has gone
            }
        }, "firefox-output");
        drain.setDaemon(true);
        drain.start();
        try {
            return new BidiBrowser(p, profile, url);
        } catch (IOException | RuntimeException e) {
            p.destroyForcibly();
            throw e;
        }
    }

    /** Sends one command and returns its result; an error answer throws with the browser's message. */
    JsonNode send(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
        command.set("params", params);
        try {
            socket.sendText(command.toString(), true).get(COMMAND_WAIT.toSeconds(), TimeUnit.SECONDS);
            JsonNode reply = answer.get(COMMAND_WAIT.toSeconds(), TimeUnit.SECONDS);
            if (!"success".equals(reply.path("type").asText())) {
                throw new IllegalStateException(method + ": " + reply.path("error").asText() + ": " + reply.path("message").asText());
            }
            return reply.path("result");
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException(method + " got no answer: " + e, e);
        } finally {
            waiting.remove(id);
        }
    }

    void navigate(String url) {
        send("browsingContext.navigate", JSON.createObjectNode().put("context", context).put("url", url).put("wait", "complete"));
    }

    /** Evaluates a script expression in the page (awaiting a promise) and returns its BiDi remote value. */
    JsonNode evaluate(String expression) {
        ObjectNode params = JSON.createObjectNode().put("expression", expression).put("awaitPromise", true)
                .put("resultOwnership", "root");
        params.putObject("target").put("context", context);
        JsonNode result = send("script.evaluate", params);
        if ("exception".equals(result.path("type").asText())) {
            throw new IllegalStateException("the page threw on `" + expression + "`: " + result.path("exceptionDetails").path("text").asText());
        }
        return result.path("result");
    }

    double number(String expression) {
        JsonNode v = evaluate(expression);
        return v.path("value").isNumber() ? v.path("value").asDouble() : Double.NaN;
    }

    boolean isTrue(String expression) {
        return evaluate(expression).path("value").asBoolean(false);
    }

    String text(String expression) {
        return evaluate(expression).path("value").asText();
    }

    /** Clicks the middle of the element {@code css} selects, with the mouse, once it is scrolled into view. */
    void click(String css) {
        clickOn("document.querySelector(" + JSON.valueToTree(css) + ")", css);
    }

    /** Clicks the element a script expression gives (e.g. a button found by its text), as {@link #click}. */
    void clickOn(String elementExpression, String what) {
        JsonNode element = evaluate("(() => { const e = " + elementExpression + ";"
                + " if (!e) throw new Error('no element: ' + " + JSON.valueToTree(what) + "); e.scrollIntoView({block: 'center'}); return e; })()");
        ObjectNode origin = JSON.createObjectNode().put("type", "element");
        origin.putObject("element").put("sharedId", element.path("sharedId").asText());
        ArrayNode steps = JSON.createArrayNode();
        steps.addObject().put("type", "pointerMove").put("x", 0).put("y", 0).set("origin", origin);
        steps.addObject().put("type", "pointerDown").put("button", 0);
        steps.addObject().put("type", "pointerUp").put("button", 0);
        ObjectNode mouse = JSON.createObjectNode().put("type", "pointer").put("id", "mouse");
        mouse.putObject("parameters").put("pointerType", "mouse");
        mouse.set("actions", steps);
        perform(mouse);
    }

    /** Chooses {@code file} in the file input {@code css} selects, as a user picking it in the file dialog (BiDi input.setFiles). */
    void setFiles(String css, Path file) {
        JsonNode element = evaluate("document.querySelector(" + JSON.valueToTree(css) + ")");
        ObjectNode params = JSON.createObjectNode().put("context", context);
        params.putObject("element").put("sharedId", element.path("sharedId").asText());
        params.putArray("files").add(file.toAbsolutePath().toString());
        send("input.setFiles", params);
    }

    /** Types {@code keys} into the focused element, one key down and up each ({@code \uE007} is Enter). */
    void type(String keys) {
        ArrayNode steps = JSON.createArrayNode();
        keys.codePoints().forEach(c -> {
            String key = new String(Character.toChars(c));
            steps.addObject().put("type", "keyDown").put("value", key);
            steps.addObject().put("type", "keyUp").put("value", key);
        });
        ObjectNode keyboard = JSON.createObjectNode().put("type", "key").put("id", "keyboard");
        keyboard.set("actions", steps);
        perform(keyboard);
    }

    private void perform(ObjectNode source) {
        ObjectNode params = JSON.createObjectNode().put("context", context);
        params.putArray("actions").add(source);
        send("input.performActions", params);
        send("input.releaseActions", JSON.createObjectNode().put("context", context));
    }

    /** Waits until {@code done} holds, polling; fails saying what it waited for. */
    void waitFor(String what, Duration limit, BooleanSupplier done) {
        long end = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waiting for " + what + " in Firefox; page says: " + text(
                        "document.getElementById('error').hidden ? document.getElementById('status').textContent"
                                + " : document.getElementById('error').textContent"));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    /** The page's console warnings and errors (uncaught exceptions included) since the last call. */
    List<String> consoleProblems() {
        List<String> problems = new ArrayList<>();
        for (JsonNode e : consoleEntries) {
            String level = e.path("level").asText();
            if (level.equals("warn") || level.equals("error")) {
                problems.add(level + " " + e.path("type").asText() + ": " + e.path("text").asText());
            }
        }
        consoleEntries.clear();
        return problems;
    }

    /** A PNG of the page's viewport. */
    byte[] screenshot() {
        String data = send("browsingContext.captureScreenshot", JSON.createObjectNode().put("context", context)).path("data").asText();
        return Base64.getDecoder().decode(data);
    }

    @Override
    public void close() throws IOException {
        try {
            send("session.end", JSON.createObjectNode());
        } catch (RuntimeException ignored) {
            // the browser may be gone already
        }
        socket.abort();
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(profile)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).map(Path::toFile).forEach(File::delete);
        }
    }

    /** Collects a message's fragments; an answer completes its command, an event is kept. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence part, boolean last) {
            text.append(part);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(text.toString());
                    if (message.has("id") && message.path("id").isInt()) {
                        CompletableFuture<JsonNode> answer = waiting.get(message.path("id").asInt());
                        if (answer != null) {
                            answer.complete(message);
                        }
                    } else if ("log.entryAdded".equals(message.path("method").asText())) {
                        consoleEntries.add(message.path("params"));
                    }
                } catch (IOException e) {
                    consoleEntries.add(JSON.createObjectNode().put("level", "error").put("type", "bidi")
                            .put("text", "unreadable message from Firefox: " + e.getMessage()));
                }
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}
