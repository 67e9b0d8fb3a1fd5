/**
 * Reading untrusted files with bounds and one-line errors: byte caps that hold for devices and pipes
 * too, strict UTF-8 that names the line, JSON errors that name the file, line and field (never a
 * parser's internals), and the limits of work a command accepts on this machine.
 */
package dev.improv.io;
