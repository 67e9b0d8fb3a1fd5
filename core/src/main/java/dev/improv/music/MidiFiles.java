package dev.improv.music;

import dev.improv.api.Key;
import dev.improv.api.Meter;
import dev.improv.model.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import dev.improv.io.BoundedFiles;
import dev.improv.model.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;

/**
 * Standard MIDI Files to {@link Song} and back, through javax.sound.midi. Reading validates the raw
 * bytes first ({@link MidiFileCheck}); each (file track, channel) pair with notes becomes one song
 * track, so a type 0 file comes apart into its channels.
 */
public final class MidiFiles {

    private static final double DEFAULT_BPM = 120;

    /** Longer pieces are refused: a generated piece has at most 10,000 bars, and a delta time can claim millions. */
    public static final int MAX_BARS = 10_000;

    private MidiFiles() {
    }

    /** Reads a type 0 or 1 MIDI file; a malformed file throws {@link InvalidMidiFileException} naming it. */
    public static Song read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = BoundedFiles.readBytes(file, MidiFileCheck.MAX_BYTES, "MIDI files");
        } catch (BoundedFiles.TooLargeException e) {
            throw new InvalidMidiFileException(e.getMessage());
        }
        return read(bytes, file.toString());
    }

    /** Reads MIDI file bytes; {@code name} appears in error messages. */
    public static Song read(byte[] bytes, String name) throws InvalidMidiFileException {
        MidiFileCheck.check(bytes, name);
        Sequence sequence;
        try {
            sequence = MidiSystem.getSequence(new ByteArrayInputStream(bytes));
        } catch (InvalidMidiDataException | IOException e) {
            throw new InvalidMidiFileException(name + ": " + e.getMessage(), e);
        }
        if (sequence.getDivisionType() != Sequence.PPQ) {
            throw new InvalidMidiFileException(name + ": SMPTE time division is not supported");
        }
        Song song;
        try {
            song = toSong(sequence);
        } catch (IllegalArgumentException e) {
            throw new InvalidMidiFileException(name + ": " + e.getMessage(), e);
        }
        long bars = song.barCount(song.endTick());
        if (bars > MAX_BARS) {
            throw new InvalidMidiFileException(name + ": its notes run " + bars + " bars (to tick " + song.endTick()
                    + "); pieces over " + MAX_BARS + " bars are refused");
        }
        return song;
    }

    /** Converts a PPQ sequence to a song. */
    public static Song toSong(Sequence sequence) {
        List<TempoChange> tempos = new ArrayList<>();
        List<MeterChange> meters = new ArrayList<>();
        Key key = null;
        Map<Long, Integer> parts = new LinkedHashMap<>(); // (file track << 4 | channel) -> song track
        List<Track> tracks = new ArrayList<>();
        List<MidiNote> notes = new ArrayList<>();
        int[] channelProgram = new int[16];
        int[] pitchClasses = new int[12];
        javax.sound.midi.Track[] fileTracks = sequence.getTracks();
        for (int t = 0; t < fileTracks.length; t++) {
            javax.sound.midi.Track ft = fileTracks[t];
            String trackName = "";
            Map<Integer, ArrayDeque<long[]>> open = new HashMap<>(); // channel<<7|pitch -> {start, velocity}
            long lastTick = 0;
            for (int i = 0; i < ft.size(); i++) {
                MidiEvent event = ft.get(i);
                long tick = event.getTick();
                lastTick = Math.max(lastTick, tick);
                MidiMessage message = event.getMessage();
                if (message instanceof MetaMessage meta) {
                    byte[] d = meta.getData();
                    switch (meta.getType()) {
                        case 0x51 -> {
                            if (d.length >= 3) {
                                int micros = ((d[0] & 0xFF) << 16) | ((d[1] & 0xFF) << 8) | (d[2] & 0xFF);
                                if (micros > 0) {
                                    tempos.add(new TempoChange(tick, Math.min(1000, Math.max(1, 60_000_000.0 / micros))));
                                }
                            }
                        }
                        case 0x58 -> {
                            if (d.length >= 2 && d[0] > 0 && d[1] >= 0 && d[1] <= 5) {
                                meters.add(new MeterChange(tick, new Meter(Math.min(32, d[0]), 1 << d[1])));
                            }
                        }
                        case 0x59 -> {
                            if (d.length >= 2 && key == null && d[0] >= -7 && d[0] <= 7) {
                                key = Key.fromSignature(d[0], d[1] != 0);
                            }
                        }
                        case 0x03 -> trackName = new String(d, StandardCharsets.ISO_8859_1).trim();
                        default -> { }
                    }
                } else if (message instanceof ShortMessage sm) {
                    int channel = sm.getChannel();
                    int command = sm.getCommand();
                    if (command == ShortMessage.PROGRAM_CHANGE) {
                        channelProgram[channel] = sm.getData1();
                    } else if (command == ShortMessage.NOTE_ON || command == ShortMessage.NOTE_OFF) {
                        int pitch = sm.getData1();
                        int velocity = sm.getData2();
                        ArrayDeque<long[]> queue = open.computeIfAbsent(channel << 7 | pitch, k -> new ArrayDeque<>());
                        boolean on = command == ShortMessage.NOTE_ON && velocity > 0;
                        if (on) {
                            queue.addLast(new long[] {tick, velocity});
                        } else if (!queue.isEmpty()) {
                            long[] started = queue.pollFirst();
                            if (tick > started[0]) {
                                int part = part(parts, tracks, t, channel, trackName, channelProgram[channel]);
                                notes.add(new MidiNote(part, pitch, started[0], tick - started[0], (int) started[1]));
                                if (channel != 9) {
                                    pitchClasses[pitch % 12]++;
                                }
                            }
                        }
                    }
                }
            }
            // Notes never released end where their track ends.
            for (Map.Entry<Integer, ArrayDeque<long[]>> e : open.entrySet()) {
                for (long[] started : e.getValue()) {
                    if (lastTick > started[0]) {
                        int channel = e.getKey() >> 7;
                        int part = part(parts, tracks, t, channel, trackName, channelProgram[channel]);
                        notes.add(new MidiNote(part, e.getKey() & 0x7F, started[0], lastTick - started[0], (int) started[1]));
                    }
                }
            }
        }
        // Tempo and meter changes after the last note change nothing that sounds; a file can place
        // them billions of ticks out, and writing such a song back would need millions of events.
        long end = notes.stream().mapToLong(MidiNote::endTick).max().orElse(0);
        tempos.removeIf(tc -> tc.tick() > end);
        meters.removeIf(mc -> mc.tick() > end);
        if (tempos.isEmpty() || tempos.stream().noneMatch(tc -> tc.tick() == 0)) {
            tempos.add(new TempoChange(0, DEFAULT_BPM));
        }
        if (meters.isEmpty() || meters.stream().noneMatch(mc -> mc.tick() == 0)) {
            meters.add(new MeterChange(0, Meter.FOUR_FOUR));
        }
        return new Song(sequence.getResolution(), key != null ? key : Key.estimate(pitchClasses), tracks, notes,
                lastPerTick(tempos), lastPerTickMeters(meters));
    }

    private static int part(Map<Long, Integer> parts, List<Track> tracks, int fileTrack, int channel, String name, int program) {
        return parts.computeIfAbsent(((long) fileTrack << 4) | channel, k -> {
            tracks.add(new Track(name, channel, program));
            return tracks.size() - 1;
        });
    }

    private static List<TempoChange> lastPerTick(List<TempoChange> tempos) {
        Map<Long, TempoChange> byTick = new LinkedHashMap<>();
        tempos.stream().sorted(java.util.Comparator.comparingLong(TempoChange::tick)).forEach(t -> byTick.put(t.tick(), t));
        return new ArrayList<>(byTick.values());
    }

    private static List<MeterChange> lastPerTickMeters(List<MeterChange> meters) {
        Map<Long, MeterChange> byTick = new LinkedHashMap<>();
        meters.stream().sorted(java.util.Comparator.comparingLong(MeterChange::tick)).forEach(m -> byTick.put(m.tick(), m));
        List<MeterChange> out = new ArrayList<>();
        for (MeterChange m : byTick.values()) {
            if (out.isEmpty() || !out.get(out.size() - 1).meter().equals(m.meter())) {
                out.add(m);
            }
        }
        return out;
    }

    /** Builds a type 1 sequence: a conductor track (tempo, meter, key), then one track per song track. */
    public static Sequence toSequence(Song written) {
        Song song = written.withoutOverlaps();
        try {
            Sequence sequence = new Sequence(Sequence.PPQ, song.ticksPerQuarter());
            javax.sound.midi.Track conductor = sequence.createTrack();
            for (TempoChange t : song.tempos()) {
                int micros = (int) Math.round(60_000_000.0 / t.bpm());
                conductor.add(new MidiEvent(new MetaMessage(0x51,
                        new byte[] {(byte) (micros >> 16), (byte) (micros >> 8), (byte) micros}, 3), t.tick()));
            }
            for (MeterChange m : song.meters()) {
                byte[] d = {(byte) m.meter().numerator(), (byte) Integer.numberOfTrailingZeros(m.meter().denominator()), 24, 8};
                conductor.add(new MidiEvent(new MetaMessage(0x58, d, 4), m.tick()));
            }
            conductor.add(new MidiEvent(new MetaMessage(0x59,
                    new byte[] {(byte) song.key().sharps(), (byte) (song.key().minor() ? 1 : 0)}, 2), 0));
            List<javax.sound.midi.Track> out = new ArrayList<>();
            for (Track track : song.tracks()) {
                javax.sound.midi.Track mt = sequence.createTrack();
                byte[] name = track.name().getBytes(StandardCharsets.ISO_8859_1);
                mt.add(new MidiEvent(new MetaMessage(0x03, name, name.length), 0));
                if (!track.drums()) {
                    mt.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, track.channel(), track.program(), 0), 0));
                }
                out.add(mt);
            }
            for (MidiNote n : song.notes()) {
                int channel = song.tracks().get(n.track()).channel();
                javax.sound.midi.Track mt = out.get(n.track());
                mt.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, channel, n.pitch(), n.velocity()), n.startTick()));
                mt.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, channel, n.pitch(), 0), n.endTick()));
            }
            for (javax.sound.midi.Track t : sequence.getTracks()) {
                bridgeLongGaps(t);
            }
            return sequence;
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException("a valid song made an invalid MIDI message", e);
        }
    }

    /** The longest delta time a Standard MIDI File can state (a 4-byte variable-length number). */
    private static final long MAX_DELTA = 0x0FFFFFFF;

    /**
     * Adds an empty marker event inside every gap longer than {@link #MAX_DELTA}: javax.sound.midi
     * would otherwise write a 5-byte delta, which no reader (ours included) accepts. Found by fuzzing:
     * a file at 23,648 ticks a quarter can hold notes further apart than that.
     */
    private static void bridgeLongGaps(javax.sound.midi.Track track) throws InvalidMidiDataException {
        List<Long> fillers = new ArrayList<>();
        long previous = 0;
        for (int i = 0; i < track.size(); i++) {
            long tick = track.get(i).getTick();
            for (long t = previous + MAX_DELTA; t < tick; t += MAX_DELTA) {
                fillers.add(t);
            }
            previous = Math.max(previous, tick);
        }
        for (long t : fillers) {
            track.add(new MidiEvent(new MetaMessage(0x06, new byte[0], 0), t));
        }
    }

    /** The song as type 1 MIDI file bytes. */
    public static byte[] toBytes(Song song) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            MidiSystem.write(toSequence(song), 1, bytes);
        } catch (IOException e) {
            throw new IllegalStateException("writing MIDI to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /** Writes the song as a type 1 MIDI file, atomically (see {@link AtomicFiles}). */
    public static void write(Song song, Path file) throws IOException {
        byte[] bytes = toBytes(song);
        AtomicFiles.write(file, out -> out.write(bytes));
    }
}
