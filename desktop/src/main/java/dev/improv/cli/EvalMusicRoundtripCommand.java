package dev.improv.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.music.MidiFiles;
import dev.improv.music.MusicTokenizer;
import dev.improv.music.MusicVocabulary;
import dev.improv.music.RoundTrip;
import dev.improv.music.Song;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code improv eval music-roundtrip}: the share of notes that survive MIDI to tokens to MIDI. */
@Command(name = "music-roundtrip",
        header = "Encodes every MIDI file in a folder to music tokens and back and reports what survives.", mixinStandardHelpOptions = true,
        description = {"Encodes every MIDI file in a folder to music tokens and back and reports, as one JSON line, "
            + "the share of notes whose track, pitch, grid onset and grid length survive."})
public final class EvalMusicRoundtripCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "Folder of .mid/.midi files (searched 4 levels deep).")
    Path data;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException("--data " + data + ": not a folder");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(data, 4)) {
            files = walk.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".mid") || n.endsWith(".midi");
            }).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("--data " + data + ": no .mid or .midi files");
        }
        MusicTokenizer tokenizer = new MusicTokenizer(MusicVocabulary.standard());
        RoundTrip.Result total = new RoundTrip.Result(0, 0, 0);
        int unreadable = 0;
        int unencodable = 0;
        for (int i = 0; i < files.size(); i++) {
            Song song;
            try {
                song = MidiFiles.read(files.get(i));
            } catch (IOException e) {
                System.err.println("skipped: " + e.getMessage());
                unreadable++;
                continue;
            }
            try {
                total = total.plus(RoundTrip.measure(tokenizer, song));
            } catch (IllegalArgumentException e) {
                System.err.println("skipped: " + files.get(i) + ": " + e.getMessage());
                total = total.plus(new RoundTrip.Result(song.notes().size(), 0, 0));
                unencodable++;
            }
            if ((i + 1) % 100 == 0) {
                System.err.printf("\rround trip %d/%d files", i + 1, files.size());
            }
        }
        System.err.println();
        ObjectNode out = new ObjectMapper().createObjectNode();
        out.put("files", files.size());
        out.put("unreadable", unreadable);
        out.put("unencodable", unencodable);
        out.put("notes", total.notes());
        out.put("survived", total.survived());
        out.put("share", Math.round(total.share() * 1e5) / 1e5);
        out.put("tokens_per_file", files.size() == unreadable ? 0 : total.tokens() / (files.size() - unreadable));
        out.put("vocabulary", tokenizer.vocabulary().size());
        System.out.println(out);
        return 0;
    }
}
