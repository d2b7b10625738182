package org.nettwin.api.testkit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Predicate;

import org.nettwin.api.run.EpisodeEvent;
import org.nettwin.api.run.TrainingListener;

/**
 * A {@link TrainingListener} that records everything it receives, so a test can assert what an
 * algorithm or collector reported: episodes, metrics, progress, and how often it asked whether it
 * was cancelled. It can also cancel the run (after a number of episodes or steps, or on any
 * condition), to test that the process stops early and returns normally.
 *
 * <p>{@link #problems()} lists the ways the reports broke the listener contract as seen by one
 * listener per {@code learn} call: episode numbers that do not count up by one, step counts that
 * decrease, progress beyond its total, empty episodes, non-finite returns, NaN metrics, fewer
 * progress calls than episodes. {@link #assertNoProblems()} turns them into an
 * {@link AssertionError}.
 *
 * <p>Callbacks may come from the learning thread while a test thread reads; every method is
 * synchronized and accessors return copies.
 *
 * @since 0.1
 */
public final class RecordingListener implements TrainingListener {

    /**
     * One reported metric.
     *
     * @param step  environment step at which it was measured
     * @param name  metric name, e.g. {@code loss}
     * @param value the value
     * @since 0.1
     */
    public record Metric(long step, String name, double value) {
    }

    private final Predicate<RecordingListener> cancelWhen;
    private final List<EpisodeEvent> episodes = new ArrayList<>();
    private final List<Metric> metrics = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private long lastProgressStep = -1;
    private long lastProgressTotal = -1;
    private int progressCalls;
    private int cancellationChecks;
    private boolean cancelled;

    /** A listener that records and never cancels. */
    public RecordingListener() {
        this(l -> false);
    }

    private RecordingListener(Predicate<RecordingListener> cancelWhen) {
        this.cancelWhen = cancelWhen;
    }

    /** @return a listener that reports cancellation once {@code episodes} episodes have ended */
    public static RecordingListener cancellingAfterEpisodes(int episodes) {
        return new RecordingListener(l -> l.episodes.size() >= episodes);
    }

    /** @return a listener that reports cancellation once progress or an episode reaches {@code steps} environment steps */
    public static RecordingListener cancellingAfterSteps(long steps) {
        return new RecordingListener(l -> l.stepsSeen() >= steps);
    }

    /**
     * @param condition evaluated on every {@link #isCancelled()} call (under this listener's lock);
     *                  once true, the listener stays cancelled
     * @return a listener that reports cancellation when {@code condition} holds
     */
    public static RecordingListener cancellingWhen(Predicate<RecordingListener> condition) {
        return new RecordingListener(condition);
    }

    @Override
    public synchronized void onEpisode(EpisodeEvent event) {
        if (event == null) {
            problems.add("onEpisode(null)");
            return;
        }
        EpisodeEvent previous = episodes.isEmpty() ? null : episodes.get(episodes.size() - 1);
        String where = "episode event " + episodes.size() + " " + event;
        if (previous == null ? event.episode() < 0 : event.episode() != previous.episode() + 1) {
            problems.add(where + ": episode number " + event.episode() + " does not follow "
                    + (previous == null ? "(none; expected >= 0)" : String.valueOf(previous.episode())));
        }
        if (previous != null && event.step() < previous.step()) {
            problems.add(where + ": step count went back from " + previous.step() + " to " + event.step());
        }
        if (event.length() < 1) {
            problems.add(where + ": episode length " + event.length() + " (an episode has at least one step)");
        }
        if (event.step() < event.length()) {
            problems.add(where + ": " + event.step() + " steps so far cannot hold an episode of " + event.length());
        }
        if (!Double.isFinite(event.episodeReturn())) {
            problems.add(where + ": non-finite return " + event.episodeReturn());
        }
        episodes.add(event);
    }

    @Override
    public synchronized void onMetric(long step, String name, double value) {
        if (name == null || name.isBlank()) {
            problems.add("metric at step " + step + " has no name");
        }
        if (Double.isNaN(value)) {
            problems.add("metric '" + name + "' at step " + step + " is NaN");
        }
        metrics.add(new Metric(step, name, value));
    }

    @Override
    public synchronized void onProgress(long step, long total) {
        if (step < lastProgressStep) {
            problems.add("progress went back from " + lastProgressStep + " to " + step);
        }
        if (step < 0 || total < 0 || step > total) {
            problems.add("progress " + step + " of " + total + " is out of range");
        }
        lastProgressStep = step;
        lastProgressTotal = total;
        progressCalls++;
    }

    @Override
    public synchronized boolean isCancelled() {
        cancellationChecks++;
        if (!cancelled && cancelWhen.test(this)) {
            cancelled = true;
        }
        return cancelled;
    }

    /** @return the episodes reported, in order */
    public synchronized List<EpisodeEvent> episodes() {
        return List.copyOf(episodes);
    }

    /** @return the episode returns, in order */
    public synchronized double[] returns() {
        return episodes.stream().mapToDouble(EpisodeEvent::episodeReturn).toArray();
    }

    /** @return the mean return of the last {@code n} episodes (all of them if fewer), or empty before the first */
    public synchronized OptionalDouble meanReturnOfLast(int n) {
        return episodes.subList(Math.max(0, episodes.size() - n), episodes.size()).stream()
                .mapToDouble(EpisodeEvent::episodeReturn).average();
    }

    /** @return every metric reported, in order */
    public synchronized List<Metric> metrics() {
        return List.copyOf(metrics);
    }

    /** @return the names of the metrics reported, in order of first appearance */
    public synchronized Set<String> metricNames() {
        Set<String> names = new LinkedHashSet<>();
        metrics.forEach(m -> names.add(m.name()));
        return names;
    }

    /** @return the values reported under {@code name}, in order */
    public synchronized double[] metricValues(String name) {
        return metrics.stream().filter(m -> java.util.Objects.equals(m.name(), name)).mapToDouble(Metric::value).toArray();
    }

    /** @return the last value reported under {@code name}, if any */
    public synchronized OptionalDouble lastMetric(String name) {
        double[] v = metricValues(name);
        return v.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(v[v.length - 1]);
    }

    /** @return the number of {@link #onProgress} calls */
    public synchronized int progressCalls() {
        return progressCalls;
    }

    /** @return the step of the last {@link #onProgress} call, or -1 before the first */
    public synchronized long lastProgressStep() {
        return lastProgressStep;
    }

    /** @return the total of the last {@link #onProgress} call, or -1 before the first */
    public synchronized long lastProgressTotal() {
        return lastProgressTotal;
    }

    /** @return the largest step count reported by progress or episodes, or -1 before any */
    public synchronized long stepsSeen() {
        long episodeSteps = episodes.isEmpty() ? -1 : episodes.get(episodes.size() - 1).step();
        return Math.max(lastProgressStep, episodeSteps);
    }

    /** @return how often {@link #isCancelled()} was called */
    public synchronized int cancellationChecks() {
        return cancellationChecks;
    }

    /** @return whether this listener has reported cancellation */
    public synchronized boolean cancelled() {
        return cancelled;
    }

    /** @return the contract problems seen so far (see the class description); empty when all is well */
    public synchronized List<String> problems() {
        List<String> all = new ArrayList<>(problems);
        if (!episodes.isEmpty() && progressCalls < episodes.size()) {
            all.add("onProgress was called " + progressCalls + (progressCalls == 1 ? " time" : " times") + " for " + episodes.size()
                    + " episodes; it must be called at least once per episode");
        }
        return all;
    }

    /**
     * @throws AssertionError listing {@link #problems()}, if there are any
     */
    public synchronized void assertNoProblems() {
        List<String> all = problems();
        if (!all.isEmpty()) {
            throw new AssertionError("the training listener received reports that break its contract:\n  - "
                    + String.join("\n  - ", all));
        }
    }
}
