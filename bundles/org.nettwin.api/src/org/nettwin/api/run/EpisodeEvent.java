package org.nettwin.api.run;

/**
 * An episode finished.
 *
 * @param step          environment steps taken so far in the run (after this episode)
 * @param episode       zero-based episode number
 * @param episodeReturn undiscounted sum of rewards (mean over agents in multi-agent runs)
 * @param length        steps in the episode
 * @since 0.1
 */
public record EpisodeEvent(long step, long episode, double episodeReturn, int length) {
}
