package org.nettwin.api.data;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.nettwin.api.env.Environment;
import org.nettwin.api.env.Step;
import org.nettwin.api.space.Space;

/**
 * Passes everything through to the real environment and records each transition, in the spaces'
 * compact encoding, so the outer closed loop can re-calibrate the twin with the fresh real data an
 * agent produced while it learned. Episode numbers increase over the decorator's life, so drained
 * batches concatenate into one consistent dataset.
 *
 * @param <O> observation type
 * @param <A> action type
 * @since 0.1
 */
public final class RecordingEnvironment<O, A> implements Environment<O, A> {

    private final Environment<O, A> real;
    private final Map<String, String> metadata;
    private final double[] observation;
    private final double[] action;
    private final double[] next;
    private final boolean recording;
    private TransitionDataset fresh;
    private int episode = -1;
    private long steps;

    /** @param recording whether to keep the transitions (else only count the steps) */
    public RecordingEnvironment(Environment<O, A> real, Map<String, String> metadata, boolean recording) {
        this.real = real;
        this.recording = recording;
        this.metadata = Map.copyOf(metadata);
        this.observation = new double[real.observationSpace().encodedSize()];
        this.action = new double[real.actionSpace().encodedSize()];
        this.next = new double[observation.length];
        this.fresh = emptyDataset();
    }

    private TransitionDataset emptyDataset() {
        return new TransitionDataset(observation.length, action.length, metadata);
    }

    /** @return the transitions recorded since the last call, and starts a new batch */
    public TransitionDataset drain() {
        TransitionDataset out = fresh;
        fresh = emptyDataset();
        return out;
    }

    /** @return real steps taken through this decorator */
    public long steps() {
        return steps;
    }

    @Override
    public Space<O> observationSpace() {
        return real.observationSpace();
    }

    @Override
    public Space<A> actionSpace() {
        return real.actionSpace();
    }

    @Override
    public List<String> infoNames() {
        return real.infoNames();
    }

    @Override
    public Step<O> reset(long seed) {
        return started(real.reset(seed));
    }

    @Override
    public Step<O> reset() {
        return started(real.reset());
    }

    private Step<O> started(Step<O> first) {
        episode++;
        if (recording) {
            real.observationSpace().encode(first.observation(), observation, 0);
        }
        return first;
    }

    @Override
    public Step<O> step(A a) {
        if (episode < 0) {
            throw new IllegalStateException("step before the first reset");
        }
        Step<O> s = real.step(a); // refuses an invalid action before anything is recorded
        steps++;
        if (!recording) {
            return s;
        }
        real.actionSpace().encode(a, action, 0);
        real.observationSpace().encode(s.observation(), next, 0);
        fresh.add(episode, observation, action, s.reward(), next, s.terminated(), s.truncated());
        System.arraycopy(next, 0, observation, 0, next.length);
        return s;
    }

    @Override
    public <C> Optional<C> capability(Class<C> type) {
        return Optional.empty(); // snapshots of the real environment would bypass the recording
    }
}
