package org.nettwin.api.run;

/**
 * Episode bookkeeping every learner needs: accumulates rewards and lengths, counts steps and
 * episodes across {@code learn} calls, and reports finished episodes and progress to a
 * {@link TrainingListener}. Allocates nothing per step.
 *
 * @since 0.1
 */
public final class EpisodeTracker {

    private static final int PROGRESS_EVERY = 1024;

    private long totalSteps;
    private long episodes;
    private double episodeReturn;
    private int episodeLength;
    private long budgetSteps;
    private long budgetTotal;
    private TrainingListener listener = TrainingListener.NONE;

    /** Starts a budget of {@code steps} environment steps reported to {@code to}. */
    public void begin(long steps, TrainingListener to) {
        this.budgetTotal = steps;
        this.budgetSteps = 0;
        this.listener = to;
    }

    /** @return whether the budget is not used up and the listener has not cancelled */
    public boolean running() {
        return budgetSteps < budgetTotal && !listener.isCancelled();
    }

    /**
     * Records one environment step.
     *
     * @param reward the step's reward (the mean over agents in multi-agent environments)
     * @param done   whether the episode ended with this step (terminated or truncated)
     * @return {@code done}, so callers can reset in the same expression
     */
    public boolean step(double reward, boolean done) {
        budgetSteps++;
        totalSteps++;
        episodeReturn += reward;
        episodeLength++;
        if (done) {
            listener.onEpisode(new EpisodeEvent(totalSteps, episodes++, episodeReturn, episodeLength));
            listener.onProgress(budgetSteps, budgetTotal);
            episodeReturn = 0;
            episodeLength = 0;
        } else if (budgetSteps % PROGRESS_EVERY == 0) {
            listener.onProgress(budgetSteps, budgetTotal);
        }
        return done;
    }

    /** Discards the unfinished episode's partial return (e.g. before a reset that cuts it off). */
    public void abandonEpisode() {
        episodeReturn = 0;
        episodeLength = 0;
    }

    /** @return steps taken in the current budget */
    public long budgetSteps() {
        return budgetSteps;
    }

    /** @return steps taken over every budget */
    public long totalSteps() {
        return totalSteps;
    }

    /** @return episodes finished over every budget */
    public long episodes() {
        return episodes;
    }

    /**
     * Sets the counters over every budget, as a checkpoint read back holds them (schedules that
     * anneal over {@link #totalSteps()} continue from there); the current episode is abandoned.
     */
    public void restore(long totalStepsSoFar, long episodesSoFar) {
        if (totalStepsSoFar < 0 || episodesSoFar < 0) {
            throw new IllegalArgumentException("counters must not be negative: " + totalStepsSoFar + ", " + episodesSoFar);
        }
        this.totalSteps = totalStepsSoFar;
        this.episodes = episodesSoFar;
        abandonEpisode();
    }

    /** Reports a named metric at the current total step. */
    public void metric(String name, double value) {
        listener.onMetric(totalSteps, name, value);
    }
}
