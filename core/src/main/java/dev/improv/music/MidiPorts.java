package dev.improv.music;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Synthesizer;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequencer;

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
                return new Opened(device, device.getReceiver());
            }
        }
        List<String> ports = list();
        throw new MidiUnavailableException("no MIDI output port named '" + name + "'; "
                + (ports.isEmpty() ? "this machine has none" : "there are: " + String.join("; ", ports)));
    }

    /** An open port: close it when done. */
    public record Opened(MidiDevice device, Receiver receiver) implements AutoCloseable {
        @Override
        public void close() {
            receiver.close();
            device.close();
        }
    }
}
