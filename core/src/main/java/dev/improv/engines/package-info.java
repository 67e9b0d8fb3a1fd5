/**
 * The built-in engines: adapters that serve the {@code dev.improv.api} service interfaces with the
 * domain generators in {@code dev.improv.music}, {@code .level} and {@code .dialogue}. Registered
 * in {@code META-INF/services}; games never call these classes directly.
 */
package dev.improv.engines;
