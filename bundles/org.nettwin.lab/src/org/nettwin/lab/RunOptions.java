package org.nettwin.lab;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * How to run an experiment.
 *
 * @param output   the run folder to create; it must not exist (results are written atomically)
 * @param progress where progress lines with an ETA go (usually standard error), or {@code null}
 * @since 0.1
 */
public record RunOptions(Path output, PrintStream progress) {
}
