package dev.improv.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The arrows of docs/architecture.md, checked on the imports of every main source file: the api
 * imports nothing of the project; nothing in core sees DJL or libGDX; the demo sees only the api
 * and the gdx glue. (Maven already keeps DJL out of core's classpath; this names the file.)
 */
class DependencyRulesTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)[.;]", Pattern.MULTILINE);
    /** A fully qualified name written in the code itself (no import needed), e.g. {@code dev.improv.model.AtomicFiles.write(...)}. */
    private static final Pattern QUALIFIED = Pattern.compile("\\b((?:dev\\.improv|ai\\.djl|com\\.badlogic)(?:\\.[a-z]\\w*)+\\.[A-Z]\\w*)");
    /** Comments and string or character literals: they name things without depending on them. */
    private static final Pattern NOT_CODE = Pattern.compile(
            "//[^\\n]*|/\\*.*?\\*/|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])+'", Pattern.DOTALL);

    @Test
    void apiImportsNothingOfTheProject() {
        assertEquals(List.of(), violations("core/src/main/java/dev/improv/api",
                i -> i.startsWith("dev.improv.") && !i.startsWith("dev.improv.api.")));
    }

    @Test
    void coreSeesNeitherDjlNorLibGdx() {
        assertEquals(List.of(), violations("core/src/main/java",
                i -> i.startsWith("ai.djl.") || i.startsWith("com.badlogic.")));
    }

    /** The rules would be blind to a name written out in full; this is such a name, caught. */
    @Test
    void aQualifiedNameInTheCodeCountsAsAnImport() {
        String source = "package dev.improv.demo;\n// dev.improv.model.Commented is fine\nclass X {\n"
                + "  String s = \"dev.improv.model.Quoted\";\n  void f() { dev.improv.model.AtomicFiles.writeString(null, s); }\n}\n";
        List<String> found = new ArrayList<>();
        String code = NOT_CODE.matcher(source).replaceAll(" ").replaceAll("(?m)^(package|import) .*$", "");
        Matcher q = QUALIFIED.matcher(code);
        while (q.find()) {
            found.add(q.group(1));
        }
        assertEquals(List.of("dev.improv.model.AtomicFiles"), found);
    }

    /** One word per concept: no two source files of the project, in any module, declare a class of the same simple name. */
    @Test
    void noTwoClassesShareASimpleName() throws IOException {
        java.util.Map<String, List<String>> byName = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(p -> p.toString().endsWith(".java") && !p.getFileName().toString().equals("package-info.java")
                            && p.toString().contains("/src/") && !p.toString().contains("/target/"))
                    .forEach(p -> byName.computeIfAbsent(p.getFileName().toString(), k -> new ArrayList<>())
                            .add(ROOT.relativize(p).toString()));
        }
        List<String> twice = new ArrayList<>();
        byName.forEach((name, paths) -> {
            if (paths.size() > 1) {
                twice.add(name + " " + paths);
            }
        });
        assertTrue(byName.size() > 100, "found only " + byName.size() + " source files: run from a module folder");
        assertEquals(List.of(), twice);
    }

    @Test
    void trainingSeesNoLibGdx() {
        assertEquals(List.of(), violations("train/src/main/java", i -> i.startsWith("com.badlogic.")));
    }

    @Test
    void theSemanticModuleOnlyProvidesCoresSentenceEncoder() {
        // An optional engine in DJL's manner: it implements one core interface and reaches nothing else of
        // the project, and no engine code of DJL or libGDX (its LangChain4j brings only DJL's tokenizer).
        assertEquals(List.of(), violations("semantic/src/main/java", i -> i.startsWith("ai.djl.") || i.startsWith("com.badlogic.")
                || i.startsWith("dev.improv.") && !i.equals("dev.improv.dialogue.SentenceEncoder") && !i.startsWith("dev.improv.semantic.")),
                "the semantic module reaches past core's SentenceEncoder");
        assertEquals(List.of(), violations("core/src/main/java", i -> i.startsWith("dev.improv.semantic.") || i.startsWith("dev.langchain4j.")),
                "core finds the encoder through ServiceLoader, never by name");
    }

    @Test
    void theDemoUsesTheApiAndTheGdxGlue() {
        assertEquals(List.of(), violations("demo/src/main/java", i -> i.startsWith("dev.improv.")
                && !i.startsWith("dev.improv.api.") && !i.startsWith("dev.improv.gdx.") && !i.startsWith("dev.improv.demo.")),
                "the demo reaches past the api and the gdx glue");
    }

    /**
     * "File.java -> imported.Name" for each import under {@code dir} that {@code banned} matches, and
     * for each fully qualified name in its code (an import is not the only way to reach a class).
     */
    private static List<String> violations(String dir, Predicate<String> banned) {
        Path root = ROOT.resolve(dir);
        assertTrue(Files.isDirectory(root), root + " is missing: run from a module folder");
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String source = Files.readString(f);
                Matcher m = IMPORT.matcher(source);
                while (m.find()) {
                    if (banned.test(m.group(1))) {
                        out.add(f.getFileName() + " -> " + m.group(1));
                    }
                }
                String code = NOT_CODE.matcher(source).replaceAll(" ").replaceAll("(?m)^(package|import) .*$", "");
                Matcher q = QUALIFIED.matcher(code);
                while (q.find()) {
                    if (banned.test(q.group(1))) {
                        out.add(f.getFileName() + " -> " + q.group(1) + " (qualified in the code)");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(null);
        return out;
    }
}
