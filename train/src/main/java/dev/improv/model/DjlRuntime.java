package dev.improv.model;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * Starts DJL the way Improv needs it: offline (no model-zoo or native downloads, no telemetry),
 * whatever the user's environment says, and on the device the user asked for.
 */
public final class DjlRuntime {
    private static volatile boolean configured;

    private DjlRuntime() {
    }

    /** Sets offline mode and the tracking opt-out; call before anything touches DJL. Idempotent. */
    public static synchronized void configure() {
        if (configured) {
            return;
        }
        // DJL reads both as "environment variable or system property"; the property is ours to set.
        // The one exception is explicit: a CUDA user may let DJL fetch its GPU libtorch (docs/gpu.md).
        if (!Boolean.getBoolean("improv.allowNativeDownload")) {
            System.setProperty("ai.djl.offline", "true");
        }
        System.setProperty("OPT_OUT_TRACKING", "true");
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads",
                    String.valueOf(Math.max(1, Runtime.getRuntime().availableProcessors())));
        }
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        String forced = System.getenv("PYTORCH_VERSION");
        if (forced != null && !forced.isBlank()) {
            throw new IllegalStateException("PYTORCH_VERSION=" + forced + " is set: DJL would try to download "
                    + "that libtorch. Unset it; Improv ships the PyTorch 2.7.1 natives it needs.");
        }
        configured = true;
    }

    /** True when DJL has been configured offline by {@link #configure()}. */
    public static boolean isOffline() {
        return configured && Boolean.getBoolean("ai.djl.offline");
    }

    /**
     * The device for {@code name}: "cpu", "gpu" (fails clearly if none), or "auto" (a GPU when
     * PyTorch sees one).
     */
    public static Device device(String name) {
        configure();
        int gpus = Engine.getInstance().getGpuCount();
        switch (name) {
            case "cpu":
                return Device.cpu();
            case "gpu":
                if (gpus == 0) {
                    throw new IllegalArgumentException("--device gpu: PyTorch sees no GPU here (this build ships the "
                            + "CPU natives; see docs/gpu.md for the CUDA setup)");
                }
                return Device.gpu();
            case "auto":
                return gpus > 0 ? Device.gpu() : Device.cpu();
            default:
                throw new IllegalArgumentException("device must be auto, cpu or gpu, got '" + name + "'");
        }
    }
}
