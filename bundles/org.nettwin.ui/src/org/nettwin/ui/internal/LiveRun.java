package org.nettwin.ui.internal;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.jobs.Job;
import org.nettwin.api.experiment.MetricRow;
import org.nettwin.api.experiment.Unit;
import org.nettwin.lab.RunListener;
import org.nettwin.ui.model.LiveCurves;

/**
 * A run launched from the Workbench: its job, its run folder and the curves it has measured so
 * far. It is the run's {@link RunListener}: metric rows go into the curves from the units' threads.
 */
public final class LiveRun implements RunListener {

    /** What became of the run. */
    public enum State {
        /** Still going. */
        RUNNING,
        /** Its folder is complete. */
        FINISHED,
        /** It failed; nothing was written. */
        FAILED,
        /** Cancelled; nothing was written. */
        CANCELLED
    }

    private final String name;
    private final Path folder;
    private final LiveCurves curves = new LiveCurves();
    private final AtomicInteger unitsDone = new AtomicInteger();
    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
    private volatile String message = "";
    private volatile Job job;

    LiveRun(String name, Path folder) {
        this.name = name;
        this.folder = folder;
    }

    @Override
    public void metric(Unit unit, MetricRow row) {
        curves.add(unit.label(), row.metric(), row.step(), row.value());
    }

    @Override
    public void unitFinished(Unit unit) {
        unitsDone.incrementAndGet();
    }

    /** @return the experiment's name */
    public String name() {
        return name;
    }

    /** @return the run folder it writes */
    public Path folder() {
        return folder;
    }

    /** @return the curves so far (they stay after the run) */
    public LiveCurves curves() {
        return curves;
    }

    /** @return units finished so far */
    public int unitsDone() {
        return unitsDone.get();
    }

    /** @return what became of it */
    public State state() {
        return state.get();
    }

    /** @return the last words: results or the error */
    public String message() {
        return message;
    }

    /** @return its job (to cancel it) */
    public Job job() {
        return job;
    }

    void job(Job j) {
        job = j;
    }

    void end(State s, String text) {
        message = text;
        state.set(s);
    }
}
