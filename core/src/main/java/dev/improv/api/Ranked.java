package dev.improv.api;

/**
 * What every provider found through {@link java.util.ServiceLoader} tells Improv: a name a system
 * property can select it by, and a rank that picks the default (highest wins), as DJL's
 * EngineProvider does.
 */
public interface Ranked {
    /** Short unique name, e.g. "transformer"; selects this provider via its system property. */
    String name();

    /** Higher ranks win when no system property names a provider; the built-in ones use 10. */
    int rank();
}
