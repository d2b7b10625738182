package org.nettwin.lab;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Loads, validates and runs experiment files with the installed plugins.
 *
 * @since 0.1
 */
@ProviderType
public interface ExperimentRunner {

    /**
     * Parses an experiment file.
     *
     * @throws ExperimentException for malformed JSON or a wrong structure, naming file, line, column and field
     * @throws IOException         if the file cannot be read
     */
    Experiment load(Path file) throws IOException;

    /**
     * Parses the text of an experiment file that is not (yet) saved, as {@link #load} would read it
     * from {@code file}: an editor's buffer. Errors name {@code file}, and file names in the
     * experiment resolve against its folder.
     *
     * @throws ExperimentException for malformed JSON or a wrong structure, naming file, line, column and field
     * @throws IOException         never for the text itself; declared as {@link #load} does
     * @since 0.1.1
     */
    Experiment read(Path file, byte[] content) throws IOException;

    /**
     * Checks that every plugin exists, fits the others and accepts its configuration.
     *
     * @throws ExperimentException naming file, line, column and field of every problem
     * @throws UnknownPluginException (inside the message) listing known ids
     */
    void validate(Experiment experiment);

    /**
     * Validates, then runs every seed and writes the run folder atomically: it appears complete
     * or not at all.
     *
     * @throws ExperimentException for an invalid experiment (nothing is written)
     * @throws IOException         if results cannot be written (nothing is left behind)
     */
    RunResult run(Experiment experiment, RunOptions options) throws IOException;

    /**
     * Continues a run that was killed before it finished (its claim and staging folder beside
     * {@code folder}): the experiment as the run read it, units that finished kept, unfinished units
     * from their last checkpoint or from the start. The result is the same as an uninterrupted run's,
     * byte for byte.
     *
     * @throws ExperimentException if the experiment no longer validates, or the installed plugins are
     *                             not the versions the run started with
     * @throws IOException         if nothing unfinished claims {@code folder}, or its claimer still runs
     */
    RunResult resume(Path folder, RunOptions options) throws IOException;
}
