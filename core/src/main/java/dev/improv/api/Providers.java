package dev.improv.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds providers with {@link ServiceLoader} and picks one: the system property's choice, else the highest rank. */
public final class Providers {
    private Providers() {
    }

    /** Every provider of {@code type} visible to {@code loader}, highest rank first (ties by name). */
    public static <P extends Ranked> List<P> all(Class<P> type, ClassLoader loader) {
        List<P> found = new ArrayList<>();
        for (P p : ServiceLoader.load(type, loader)) {
            found.add(p);
        }
        found.sort(Comparator.comparingInt((P p) -> -p.rank()).thenComparing(Ranked::name));
        return found;
    }

    /**
     * The provider named by system property {@code property}, or else the highest-ranked one.
     *
     * @throws IllegalStateException naming the property and the available providers when none fits
     */
    public static <P extends Ranked> P select(Class<P> type, String property, ClassLoader loader) {
        List<P> found = all(type, loader);
        String wanted = System.getProperty(property);
        if (wanted != null && !wanted.isBlank()) {
            for (P p : found) {
                if (p.name().equals(wanted.trim())) {
                    return p;
                }
            }
            throw new IllegalStateException("-D" + property + "=" + wanted + " names no " + type.getSimpleName()
                    + " on the classpath; available: " + names(found));
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no " + type.getSimpleName() + " on the classpath: add improv-core"
                    + " (built-in engines) or a plugin jar listing one in META-INF/services/" + type.getName());
        }
        return found.get(0);
    }

    private static String names(List<? extends Ranked> found) {
        return found.isEmpty() ? "none" : found.stream().map(p -> p.name() + " (rank " + p.rank() + ")")
                .collect(Collectors.joining(", "));
    }
}
