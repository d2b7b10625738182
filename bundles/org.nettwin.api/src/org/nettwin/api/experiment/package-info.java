/**
 * Experiment kinds as plugins: an {@link org.nettwin.api.experiment.ExperimentKind} is the
 * {@code type} of an experiment file (train, collect, twin-loop, ...). It declares the sections of
 * the file it reads, checks a parsed file ({@link org.nettwin.api.experiment.ExperimentPlan}) and
 * turns it into a {@link org.nettwin.api.experiment.Study}: independent
 * {@link org.nettwin.api.experiment.Unit}s (seeds, arms, points) whose results are plain data, and a
 * report that writes the kind's files. The host (the lab) reads files with located errors, leases
 * plugins, runs units (in parallel, or elsewhere), writes {@code metrics.csv}, {@code summary.json}
 * and {@code experiment.json}, and publishes the run folder atomically.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.nettwin.api.experiment;
