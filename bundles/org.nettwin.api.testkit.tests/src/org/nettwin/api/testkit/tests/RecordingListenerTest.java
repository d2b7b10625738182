package org.nettwin.api.testkit.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.Step;
import org.nettwin.api.run.EpisodeEvent;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.testkit.RandomWalkEnvironment;
import org.nettwin.api.testkit.RecordingListener;

class RecordingListenerTest {

    /**
     * A collector that keeps the listener contract: steps an environment with a fixed action,
     * reports each episode, progress and a metric, and stops when cancelled.
     *
     * @return the steps taken
     */
    private static long collect(Environment<double[], Integer> env, long steps, TrainingListener listener) {
        Step<double[]> s = env.reset(17);
        long taken = 0;
        long episode = 0;
        double ret = 0;
        int length = 0;
        while (taken < steps && !listener.isCancelled()) {
            s = env.step(RandomWalkEnvironment.RIGHT);
            taken++;
            ret += s.reward();
            length++;
            if (s.done()) {
                listener.onEpisode(new EpisodeEvent(taken, episode++, ret, length));
                listener.onMetric(taken, "length", length);
                listener.onProgress(taken, steps);
                ret = 0;
                length = 0;
                s = env.reset();
            }
        }
        listener.onProgress(taken, steps);
        return taken;
    }

    @Test
    void recordsWhatACollectorReports() {
        RecordingListener listener = new RecordingListener();
        long taken = collect(new RandomWalkEnvironment(4, 0.2, 30), 2000, listener);
        assertEquals(2000, taken);
        List<EpisodeEvent> episodes = listener.episodes();
        assertTrue(episodes.size() > 50, "episodes: " + episodes.size());
        for (int i = 0; i < episodes.size(); i++) {
            assertEquals(i, episodes.get(i).episode());
            double r = episodes.get(i).episodeReturn();
            assertTrue(r == 1.0 || r == -1.0 || r == 0.0, "a walk ends at an end or is truncated: " + r);
        }
        assertEquals(episodes.size(), listener.returns().length);
        assertEquals(List.of("length"), List.copyOf(listener.metricNames()));
        double[] lengths = listener.metricValues("length");
        assertEquals(episodes.size(), lengths.length);
        assertEquals(episodes.get(episodes.size() - 1).length(), listener.lastMetric("length").getAsDouble());
        assertEquals(OptionalDouble.empty(), listener.lastMetric("loss"));
        assertEquals(2000, listener.lastProgressStep());
        assertEquals(2000, listener.lastProgressTotal());
        assertEquals(episodes.size() + 1, listener.progressCalls());
        assertTrue(listener.cancellationChecks() >= 2000, "the collector polls cancellation every step");
        assertFalse(listener.cancelled());
        double mean = listener.meanReturnOfLast(10).getAsDouble();
        double expected = 0;
        for (int i = episodes.size() - 10; i < episodes.size(); i++) {
            expected += episodes.get(i).episodeReturn() / 10;
        }
        assertEquals(expected, mean, 1e-12);
        assertEquals(List.of(), listener.problems());
        listener.assertNoProblems();
    }

    @Test
    void cancelsAfterEpisodesAndStaysCancelled() {
        RecordingListener listener = RecordingListener.cancellingAfterEpisodes(3);
        long taken = collect(new RandomWalkEnvironment(3, 0.0, 30), 10_000, listener);
        assertEquals(3, listener.episodes().size(), "the collector stopped after the third episode");
        assertEquals(listener.episodes().get(2).step(), taken);
        assertTrue(listener.cancelled());
        assertTrue(listener.isCancelled());
        assertTrue(listener.isCancelled(), "once cancelled, always cancelled");
    }

    @Test
    void cancelsAfterSteps() {
        RecordingListener listener = RecordingListener.cancellingAfterSteps(100);
        long taken = collect(new RandomWalkEnvironment(50, 0.5, 1000), 10_000, listener);
        assertTrue(listener.stepsSeen() >= 100);
        assertTrue(taken >= 100 && taken < 10_000, "stopped early at " + taken);
        RecordingListener custom = RecordingListener.cancellingWhen(l -> l.metricValues("length").length == 2);
        collect(new RandomWalkEnvironment(3, 0.0, 30), 10_000, custom);
        assertEquals(2, custom.episodes().size());
    }

    @Test
    void listsContractViolations() {
        RecordingListener listener = new RecordingListener();
        listener.onEpisode(new EpisodeEvent(10, 0, 1.0, 10));
        listener.onEpisode(new EpisodeEvent(8, 2, Double.NaN, 0));
        listener.onMetric(8, "loss", Double.NaN);
        listener.onProgress(20, 10);
        listener.onProgress(5, 10);
        List<String> problems = listener.problems();
        assertEquals(List.of(
                "episode event 1 EpisodeEvent[step=8, episode=2, episodeReturn=NaN, length=0]: episode number 2 does not follow 0",
                "episode event 1 EpisodeEvent[step=8, episode=2, episodeReturn=NaN, length=0]: step count went back from 10 to 8",
                "episode event 1 EpisodeEvent[step=8, episode=2, episodeReturn=NaN, length=0]: episode length 0 (an episode has at least one step)",
                "episode event 1 EpisodeEvent[step=8, episode=2, episodeReturn=NaN, length=0]: non-finite return NaN",
                "metric 'loss' at step 8 is NaN",
                "progress 20 of 10 is out of range",
                "progress went back from 20 to 5"), problems);
        AssertionError e = assertThrows(AssertionError.class, listener::assertNoProblems);
        assertTrue(e.getMessage().startsWith("the training listener received reports that break its contract:\n  - episode event 1"),
                e.getMessage());

        RecordingListener silent = new RecordingListener();
        silent.onEpisode(new EpisodeEvent(5, 0, 0.0, 5));
        silent.onEpisode(new EpisodeEvent(9, 1, 0.0, 4));
        silent.onProgress(9, 100);
        assertEquals(List.of("onProgress was called 1 time for 2 episodes; it must be called at least once per episode"),
                silent.problems());
        assertArrayEquals(new double[] {0.0, 0.0}, silent.returns());
    }
}
