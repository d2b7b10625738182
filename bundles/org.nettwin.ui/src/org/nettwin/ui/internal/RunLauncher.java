package org.nettwin.ui.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.nettwin.api.experiment.Unit;
import org.nettwin.lab.Causes;
import org.nettwin.lab.Experiment;
import org.nettwin.lab.ExperimentException;
import org.nettwin.lab.ExperimentRunner;
import org.nettwin.lab.RunFolders;
import org.nettwin.lab.RunListener;
import org.nettwin.lab.RunOptions;
import org.nettwin.lab.RunResult;
import org.nettwin.api.experiment.MetricRow;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Launches experiment files as Eclipse jobs (several may run at once): the lab's
 * {@link ExperimentRunner} validates and runs them into a fresh folder of the runs folder, named
 * as {@code nettwin run} names it, with the lab's progress lines in the console, units as job
 * progress, the job's cancel as the run's cancellation (nothing is then written) and metric rows
 * into live curves.
 */
@Creatable
@Singleton
public final class RunLauncher {

    private final ExperimentRunner runner;
    private final Settings settings;
    private final LabLog log;
    private final IEventBroker events;

    /** Injected by e4. */
    @Inject
    public RunLauncher(ExperimentRunner runner, Settings settings, LabLog log, IEventBroker events) {
        this.runner = runner;
        this.settings = settings;
        this.log = log;
        this.events = events;
    }

    /**
     * Reads and validates {@code file}, then runs it as a job.
     *
     * @return the run, already started
     * @throws ExperimentException the lab's located errors (nothing is started)
     * @throws IOException         if the file cannot be read
     */
    public LiveRun launch(Path file) throws IOException {
        Experiment experiment = runner.load(file);
        runner.validate(experiment);
        Path output = RunFolders.fresh(settings.runsFolder(), experiment.name());
        LiveRun run = new LiveRun(experiment.name(), output);
        Job job = new Job("Run " + experiment.name()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                return execute(experiment, run, monitor);
            }
        };
        job.setUser(true);
        run.job(job);
        log.line("nettwin run: " + experiment.name() + ": a \"" + experiment.type() + "\" experiment, " + experiment.seeds().size()
                + " seed(s), into " + output);
        events.send(Topics.RUN_STARTED, run);
        job.schedule();
        return run;
    }

    private IStatus execute(Experiment experiment, LiveRun run, IProgressMonitor monitor) {
        monitor.beginTask(experiment.name(), IProgressMonitor.UNKNOWN);
        RunListener listener = new RunListener() {
            @Override
            public void unitStarted(Unit unit) {
                monitor.subTask(unit.label());
            }

            @Override
            public void metric(Unit unit, MetricRow row) {
                run.metric(unit, row);
            }

            @Override
            public void unitFinished(Unit unit) {
                run.unitFinished(unit);
                monitor.worked(1);
            }
        };
        try (PrintStream progress = log.stream()) {
            RunResult result = runner.run(experiment, new RunOptions(run.folder(), progress, listener, monitor::isCanceled));
            result.lines().forEach(log::line);
            log.line("results in " + result.folder());
            run.end(LiveRun.State.FINISHED, "results in " + result.folder());
            return Status.OK_STATUS;
        } catch (CancellationException e) {
            run.end(LiveRun.State.CANCELLED, "cancelled; nothing was written");
            log.line("nettwin run: " + experiment.name() + ": cancelled; nothing was written");
            return Status.CANCEL_STATUS;
        } catch (ExperimentException e) {
            e.problems().forEach(log::line);
            run.end(LiveRun.State.FAILED, String.join("\n", e.problems()));
            return Status.error(e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (monitor.isCanceled()) {
                run.end(LiveRun.State.CANCELLED, "cancelled; nothing was written");
                log.line("nettwin run: " + experiment.name() + ": cancelled; nothing was written");
                return Status.CANCEL_STATUS;
            }
            String why = Causes.oneLine(e);
            run.end(LiveRun.State.FAILED, why);
            log.line("nettwin run: " + experiment.name() + ": the run failed: " + why);
            return Status.error(why, e);
        } finally {
            monitor.done();
            events.post(Topics.RUN_ENDED, run);
        }
    }
}
