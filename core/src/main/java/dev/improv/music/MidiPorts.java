package dev.improv.music;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Synthesizer;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequencer;
import javax.sound.midi.ShortMessage;

/**
 * The MIDI output ports of this machine ({@code javax.sound.midi} devices that take messages, other
 * than sequencers): a composer's hardware synth, a DAW's virtual port, or the JDK's own synthesizer.
 */
public final class MidiPorts {

    private MidiPorts() {
    }

    /** "name — description (vendor)" of every output port. */
    public static List<String> list() {
        List<String> out = new ArrayList<>();
        for (MidiDevice.Info info : MidiSystem.getMidiDeviceInfo()) {
            if (isOutput(info)) {
                out.add(info.getName() + " - " + info.getDescription() + " (" + info.getVendor() + ")");
            }
        }
        return out;
    }

    private static boolean isOutput(MidiDevice.Info info) {
        try {
            MidiDevice d = MidiSystem.getMidiDevice(info);
            return !(d instanceof Sequencer) && d.getMaxReceivers() != 0;
        } catch (MidiUnavailableException e) {
            return false;
        }
    }

    /**
     * Opens the first output port whose name contains {@code name} (any case) and returns its receiver;
     * closing the receiver does not close the device, so the caller also gets it to close. An unknown
     * name lists the ports there are.
     */
    public static Opened open(String name) throws MidiUnavailableException {
        for (MidiDevice.Info info : MidiSystem.getMidiDeviceInfo()) {
            if (isOutput(info) && info.getName().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))) {
                MidiDevice device = MidiSystem.getMidiDevice(info);
                try {
                    device.open();
                } catch (MidiUnavailableException e) {
                    // Gervill, the JDK's software synthesizer, is listed as a port but needs a sound device.
                    MidiUnavailableException named = new MidiUnavailableException("MIDI output port '" + info.getName()
                            + "' could not be opened: " + e.getMessage() + (device instanceof Synthesizer
                            ? " (a software synthesizer plays through this machine's sound device)" : ""));
                    named.initCause(e);
                    throw named;
                }
                return new Opened(device, new Silencing(device.getReceiver()));
            }
        }
        List<String> ports = list();
        throw new MidiUnavailableException("no MIDI output port named '" + name + "'; "
                + (ports.isEmpty() ? "this machine has none" : "there are: " + String.join("; ", ports)));
    }

    /**
     * An open port: close it when done. Closing first releases every note the port still holds
     * (a session stopped mid-bar leaves notes on, and a hardware synth would hold them for ever).
     */
    public record Opened(MidiDevice device, Receiver receiver) implements AutoCloseable {
        @Override
        public void close() {
            receiver.close();
            device.close();
        }
    }

    /**
     * A port's receiver that remembers which notes are sounding; closing sends each a note-off, then
     * All Notes Off (controller 123) on every channel it played, for synths that missed a message.
     */
    private static final class Silencing implements Receiver {
        private final Receiver port;
        /** Per channel, the keys held down (a count: the same key may be struck twice before a note-off). */
        private final int[][] sounding = new int[16][128];
        private final boolean[] played = new boolean[16];

        Silencing(Receiver port) {
            this.port = port;
        }

        @Override
        public synchronized void send(MidiMessage message, long timeStamp) {
            if (message instanceof ShortMessage m && m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0) {
                sounding[m.getChannel()][m.getData1()]++;
                played[m.getChannel()] = true;
            } else if (message instanceof ShortMessage m && (m.getCommand() == ShortMessage.NOTE_OFF
                    || m.getCommand() == ShortMessage.NOTE_ON)) {
                sounding[m.getChannel()][m.getData1()] = Math.max(0, sounding[m.getChannel()][m.getData1()] - 1);
            }
            port.send(message, timeStamp);
        }

        @Override
        public synchronized void close() {
            try {
                for (int channel = 0; channel < 16; channel++) {
                    for (int key = 0; key < 128; key++) {
                        for (; sounding[channel][key] > 0; sounding[channel][key]--) {
                            port.send(new ShortMessage(ShortMessage.NOTE_OFF, channel, key, 0), -1);
                        }
                    }
                    if (played[channel]) {
                        port.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, channel, ALL_NOTES_OFF, 0), -1);
                    }
                }
            } catch (InvalidMidiDataException e) {
                throw new IllegalStateException("a note-off for channel 0-15, key 0-127 is valid MIDI", e);
            } finally {
                port.close();
            }
        }
    }

    /** MIDI controller 123: every note of the channel off. */
    private static final int ALL_NOTES_OFF = 123;
}
