package dev.improv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What a user sees first: the command lists and -V. */
class ImprovCommandTest {
    /** Picocli's default usage width: indented rows (tables, examples) must fit it. */
    private static final int WIDTH = 80;

    @Test
    void everyCommandSummaryIsAWholeSentence() {
        List<String> cut = new ArrayList<>();
        check(new CommandLine(new ImprovCommand()), cut);
        assertEquals(List.of(), cut, "summaries cut off mid-sentence in the command lists");
    }

    private static void check(CommandLine command, List<String> cut) {
        for (var e : command.getSubcommands().entrySet()) {
            var spec = e.getValue().getCommandSpec();
            String[] summary = spec.usageMessage().header().length > 0 ? spec.usageMessage().header() : spec.usageMessage().description();
            String first = summary.length == 0 ? "" : summary[0].trim();
            if (!(first.endsWith(".") || first.endsWith(")"))) {
                cut.add(spec.qualifiedName() + ": " + first);
            }
            check(e.getValue(), cut);
        }
    }

    /**
     * Picocli prints each element of a description on a line of its own, so an element that stops
     * mid-sentence shows as a ragged break in --help. Indented elements are table rows and examples.
     */
    @Test
    void everyHelpParagraphEndsASentence() {
        List<String> cut = new ArrayList<>();
        paragraphs(new CommandLine(new ImprovCommand()), cut);
        assertEquals(List.of(), cut, "help text split mid-sentence");
    }

    private static void paragraphs(CommandLine command, List<String> cut) {
        var spec = command.getCommandSpec();
        List<String[]> texts = new ArrayList<>(List.of(spec.usageMessage().header(), spec.usageMessage().description()));
        spec.options().forEach(o -> texts.add(o.description()));
        spec.positionalParameters().forEach(p -> texts.add(p.description()));
        for (String[] text : texts) {
            for (int i = 1; i < text.length; i++) {
                // A paragraph that opens in lower case goes on with the one before, whatever that ended
                // with; a "term: what it means" row of a list of terms is a paragraph of its own.
                if (!text[i].isBlank() && Character.isLowerCase(text[i].charAt(0)) && !text[i - 1].isBlank()
                        && !text[i].matches("^[\\w-]+: .*")) {
                    cut.add(spec.qualifiedName() + ": " + text[i - 1] + " / " + text[i]);
                }
            }
            for (String line : text) {
                if (!line.isBlank() && !line.startsWith(" ") && !line.replaceAll("(%n|\\s)+$", "").matches(".*[.:!?)]$")) {
                    cut.add(spec.qualifiedName() + ": " + line);
                }
                if (line.startsWith(" ") && line.length() > WIDTH) {
                    cut.add(spec.qualifiedName() + " (a table row wider than " + WIDTH + " columns wraps): " + line);
                }
            }
        }
        command.getSubcommands().values().forEach(sub -> paragraphs(sub, cut));
    }

    /** --seed and --model mean one thing everywhere: each comes from a shared mixin, never declared again. */
    @Test
    void seedAndModelComeFromSharedMixins() {
        List<String> own = new ArrayList<>();
        mixinOptions(new CommandLine(new ImprovCommand()), own);
        assertEquals(List.of(), own, "--seed/--model declared by the command itself");
    }

    private static void mixinOptions(CommandLine command, List<String> own) {
        var spec = command.getCommandSpec();
        for (String name : List.of("--seed", "--model")) {
            var option = spec.findOption(name);
            if (option != null && spec.mixins().values().stream().noneMatch(m -> m.options().contains(option))) {
                own.add(spec.qualifiedName() + " " + name);
            }
        }
        command.getSubcommands().values().forEach(sub -> mixinOptions(sub, own));
    }

    @Test
    void dashVAnswersOnSubcommands() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ImprovCommand());
        cli.setOut(new PrintWriter(out));
        ImprovCommandTest.shareVersion(cli);
        assertEquals(0, cli.execute("level", "-V"));
        assertTrue(out.toString().contains("improv 0.1.0"), out.toString());
    }

    private static void shareVersion(CommandLine cli) {
        // The same step ImprovCommand.run takes before executing.
        ImprovCommand.shareVersion(cli, cli.getCommandSpec().version());
    }
}
