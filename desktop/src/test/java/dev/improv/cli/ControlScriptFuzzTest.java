package dev.improv.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.improv.io.ParserContract;

/** Fuzzes control scripts (improv play --controls): a script or one clean error, and a timeline of bounded size. */
public class ControlScriptFuzzTest {

    public static void fuzzerTestOneInput(byte[] data) {
        ControlScript script;
        try {
            script = ControlScript.parse(data, "controls.json");
        } catch (IllegalArgumentException e) {
            ParserContract.cleanFailure(e, "controls.json", data);
            return;
        }
        script.timeline(64); // a session asks for the next bars' changes: this must end, and stay small
    }

    @FuzzTest(maxDuration = "4s")
    void controlScripts(byte[] data) {
        fuzzerTestOneInput(data);
    }
}
