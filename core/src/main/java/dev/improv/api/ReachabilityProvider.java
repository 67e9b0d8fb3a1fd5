package dev.improv.api;

import java.util.List;
import java.util.Map;

/**
 * Registers a {@link Reachability}: list the class in
 * {@code META-INF/services/dev.improv.api.ReachabilityProvider}; override with {@code -Dimprov.reachability=NAME}.
 */
public interface ReachabilityProvider extends Ranked {
    /** System property naming the provider to use instead of the highest-ranked one. */
    String PROPERTY = "improv.reachability";

    /** Reachability for this legend (character to VGLC tags) and these jumps; see {@link Reachability#of}. */
    Reachability newReachability(Map<Character, List<String>> legend, List<JumpArc> jumps);
}
