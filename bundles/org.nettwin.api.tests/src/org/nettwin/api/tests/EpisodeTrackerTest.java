package org.nettwin.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nettwin.api.run.EpisodeEvent;
import org.nettwin.api.run.EpisodeTracker;
import org.nettwin.api.run.TrainingListener;

class EpisodeTrackerTest {

    @Test
    void reportsEpisodesWithReturnsLengthsAndRunningStepCountsAcrossBudgets() {
        List<EpisodeEvent> events = new ArrayList<>();
        List<long[]> progress = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEpisode(EpisodeEvent e) {
                events.add(e);
            }

            @Override
            public void onProgress(long step, long total) {
                progress.add(new long[] {step, total});
            }
        };
        EpisodeTracker t = new EpisodeTracker();
        t.begin(5, listener);
        int k = 0;
        while (t.running()) {
            k++;
            t.step(1.5, k % 2 == 0);
        }
        assertEquals(5, t.budgetSteps());
        assertEquals(List.of(new EpisodeEvent(2, 0, 3.0, 2), new EpisodeEvent(4, 1, 3.0, 2)), events);
        t.begin(3, listener);
        t.abandonEpisode(); // the unfinished fifth step's reward is dropped with its episode
        t.step(2.0, true);
        assertEquals(new EpisodeEvent(6, 2, 2.0, 1), events.get(2), "steps and episodes keep counting across budgets");
        assertEquals(1, t.budgetSteps());
        assertEquals(6, t.totalSteps());
        assertEquals(3, progress.get(progress.size() - 1)[1], "progress is relative to the current budget");
    }

    @Test
    void cancellationStopsTheLoop() {
        boolean[] cancel = {false};
        EpisodeTracker t = new EpisodeTracker();
        t.begin(100, new TrainingListener() {
            @Override
            public boolean isCancelled() {
                return cancel[0];
            }
        });
        assertTrue(t.running());
        t.step(0, false);
        cancel[0] = true;
        assertFalse(t.running());
    }
}
