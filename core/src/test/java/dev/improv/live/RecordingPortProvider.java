package dev.improv.live;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Transmitter;
import javax.sound.midi.spi.MidiDeviceProvider;

/**
 * A MIDI output port for tests, installed through {@code javax.sound.midi}'s service lookup: it
 * records what it receives, as a composer's synth would hear it, on a machine with no MIDI hardware.
 */
public final class RecordingPortProvider extends MidiDeviceProvider {
    public static final String NAME = "Improv Test Port";
    /** A second port that another program holds: opening it fails. */
    static final String BUSY_NAME = "Improv Busy Port";
    /** Every message the port received since the last {@link #clear()}. */
    public static final List<MidiMessage> RECEIVED = Collections.synchronizedList(new ArrayList<>());

    private static final MidiDevice.Info INFO = new MidiDevice.Info(NAME, "improv tests", "records messages", "1") {
    };
    private static final MidiDevice.Info BUSY_INFO = new MidiDevice.Info(BUSY_NAME, "improv tests", "always busy", "1") {
    };
    private static final Port PORT = new Port(INFO, false);
    private static final Port BUSY = new Port(BUSY_INFO, true);

    public static void clear() {
        RECEIVED.clear();
    }

    @Override
    public MidiDevice.Info[] getDeviceInfo() {
        return new MidiDevice.Info[] {INFO, BUSY_INFO};
    }

    @Override
    public MidiDevice getDevice(MidiDevice.Info info) {
        if (info != INFO && info != BUSY_INFO) {
            throw new IllegalArgumentException("not this provider's device: " + info);
        }
        return info == INFO ? PORT : BUSY;
    }

    private static final class Port implements MidiDevice {
        private final Info info;
        private final boolean busy;
        private volatile boolean open;

        Port(Info info, boolean busy) {
            this.info = info;
            this.busy = busy;
        }

        @Override
        public Info getDeviceInfo() {
            return info;
        }

        @Override
        public void open() throws MidiUnavailableException {
            if (busy) {
                throw new MidiUnavailableException("device busy");
            }
            open = true;
        }

        @Override
        public void close() {
            open = false;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public long getMicrosecondPosition() {
            return -1;
        }

        @Override
        public int getMaxReceivers() {
            return -1;
        }

        @Override
        public int getMaxTransmitters() {
            return 0;
        }

        @Override
        public Receiver getReceiver() {
            return new Receiver() {
                @Override
                public void send(MidiMessage message, long timeStamp) {
                    if (open) {
                        RECEIVED.add((MidiMessage) message.clone());
                    }
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public List<Receiver> getReceivers() {
            return List.of();
        }

        @Override
        public Transmitter getTransmitter() {
            throw new UnsupportedOperationException("an output port only");
        }

        @Override
        public List<Transmitter> getTransmitters() {
            return List.of();
        }
    }
}
