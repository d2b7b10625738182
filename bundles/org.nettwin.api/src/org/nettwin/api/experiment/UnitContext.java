package org.nettwin.api.experiment;

import java.io.IOException;
import java.io.OutputStream;

import org.nettwin.api.run.EpisodeEvent;
import org.nettwin.api.run.TrainingListener;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a running unit reports to the host. Calls come from the unit's thread.
 *
 * @since 0.1
 */
@ProviderType
public interface UnitContext {

    /** Records a row of {@code metrics.csv} (and shows it to live listeners, e.g. charts). */
    void metric(long step, String metric, double value);

    /** Reports progress: {@code done} out of the unit's {@link Unit#work()}. */
    void progress(long done);

    /** @return whether the run was cancelled: the unit should stop as soon as it can */
    boolean cancelled();

    /**
     * Opens a new file of the run folder for writing (datasets, saved policies); closing it
     * finishes the file. Names must be unique in the run; the folder is published only when the
     * whole run succeeds.
     */
    OutputStream file(String name) throws IOException;

    /**
     * @return the state the unit saved with {@link #saveCheckpoint} before its run was killed, when
     *         the run is resumed (its metric rows up to then are restored too); empty otherwise
     */
    java.util.Optional<byte[]> checkpoint();

    /**
     * Saves the unit's state so far, atomically with its metric rows so far: if the process dies, a
     * resumed run starts this unit from here (through {@link #checkpoint()}) instead of from the
     * beginning. The state must let the unit continue exactly as it would have — same bytes.
     */
    void saveCheckpoint(byte[] state) throws IOException;

    /**
     * A listener for {@code Algorithm.learn} and recorders: each finished episode becomes rows
     * {@code PREFIX episode_return} and {@code PREFIX episode_length}, each metric a row
     * {@code PREFIX name}, at {@code offset +} the learner's step; progress is reported as
     * {@code offset + step}, and cancellation is passed on.
     */
    default TrainingListener trainingListener(String prefix, long offset) {
        UnitContext context = this;
        return new TrainingListener() {
            @Override
            public void onEpisode(EpisodeEvent event) {
                context.metric(offset + event.step(), prefix + "episode_return", event.episodeReturn());
                context.metric(offset + event.step(), prefix + "episode_length", event.length());
            }

            @Override
            public void onMetric(long step, String name, double value) {
                context.metric(offset + step, prefix + name, value);
            }

            @Override
            public void onProgress(long step, long total) {
                context.progress(offset + step);
            }

            @Override
            public boolean isCancelled() {
                return context.cancelled();
            }
        };
    }
}
