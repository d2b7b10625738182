package org.nettwin.lab;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * How to run an experiment.
 *
 * @param output    the run folder to create; it must not exist (results are written atomically)
 * @param progress  where progress lines with an ETA go (usually standard error), or {@code null}
 * @param listener  receives units and metric rows as they are measured (live charts); never {@code null}
 * @param cancelled polled by the units; when it turns true the run stops and writes nothing
 * @since 0.1
 */
public record RunOptions(Path output, PrintStream progress, RunListener listener, BooleanSupplier cancelled) {

    /** Fills in the defaults: no listener, never cancelled. */
    public RunOptions {
        listener = listener == null ? RunListener.NONE : listener;
        cancelled = cancelled == null ? () -> false : cancelled;
    }

    /** A run with progress lines only. */
    public RunOptions(Path output, PrintStream progress) {
        this(output, progress, null, null);
    }
}
