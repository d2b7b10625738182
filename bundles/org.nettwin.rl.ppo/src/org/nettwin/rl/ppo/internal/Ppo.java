package org.nettwin.rl.ppo.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.nettwin.api.SeededRandom;
import org.nettwin.api.Seeds;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.MultiAgentEnvironment;
import org.nettwin.api.env.MultiStep;
import org.nettwin.api.env.Step;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.Checkpointable;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.LossSurface;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.rl.Resumable;
import org.nettwin.api.rl.Schedule;
import org.nettwin.api.run.EpisodeTracker;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.space.Space;
import org.nettwin.nn.Gradients;

/**
 * Proximal policy optimisation (Schulman et al. 2017) and its multi-agent form MAPPO (Yu et al.
 * 2022). A single-agent environment is a team of one. Every {@code nSteps} environment steps the
 * rollout is turned into per-agent GAE advantages and returns and the team's networks are
 * trained for {@code epochs} passes of {@code minibatches} shuffled minibatches on the clipped
 * surrogate, the (optionally clipped) value loss and the entropy bonus, under one global
 * gradient-norm clip per network group. The rollout, the minibatch buffers and the updates
 * allocate nothing after construction.
 */
final class Ppo implements Algorithm {

    final PpoConfig s;
    /** {@code s.learningRate()}, built once. */
    private final Schedule learningRate;
    final EnvironmentSpec spec;
    final long seed;
    final Team team;
    final PpoGroup[] groups;
    final PpoPolicy[] policies;
    SeededRandom random;
    final EpisodeTracker tracker = new EpisodeTracker();
    long updates;
    private final int agents;
    private final int nSteps;

    // rollout storage, per agent, rows of nSteps
    final double[][] observations;
    final double[][] rawActions;
    final double[][] logProbs;
    final double[][] values;
    private final double[][] nextValues;
    private final double[][] rewards;
    final double[][] advantages;
    final double[][] returns;
    private final boolean[][] done;
    final boolean[][] active;
    int rolloutLength;
    /** Length of the rollout of the last update, still held for loss surfaces (0: none). */
    int lastRolloutLength;

    // acting state
    private final double[][] currentFlat;
    private final boolean[] finished;
    private final double[][] actorInput;
    private final double[][] criticInput;
    private final Object[] actionValues;
    private final List<Object> actionList;
    private Environment<Object, Object> single;
    private MultiAgentEnvironment<Object, Object> multi;
    private Step<Object> singleStep;
    private MultiStep<Object> multiStep;

    // update statistics since the last report
    private double policyLossSum;
    private double valueLossSum;
    private double entropySum;
    private double klSum;
    private double clipSum;
    private int minibatchCount;

    @SuppressWarnings("unchecked")
    Ppo(EnvironmentSpec spec, PpoConfig settings, long seed) {
        this.s = settings;
        this.learningRate = settings.learningRate();
        this.spec = spec;
        this.seed = seed;
        this.agents = spec.agents().size();
        this.nSteps = settings.nSteps();
        this.team = new Team(spec, settings.parameterSharing(), settings.agentIdInput(), settings.centralisedCritic());
        this.random = Seeds.generator(Seeds.derive(seed, "ppo"));
        this.groups = new PpoGroup[team.groups()];
        for (int g = 0; g < groups.length; g++) {
            int[] members = team.members(g);
            int first = members[0];
            int maxBatch = (members.length * nSteps + settings.minibatches() - 1) / settings.minibatches();
            groups[g] = new PpoGroup(g, members, ActionHead.of(spec.actionSpaces().get(first)), team.actorInputSize(first),
                    team.criticInputSize(first), maxBatch, members.length * nSteps, settings, seed);
        }
        this.policies = new PpoPolicy[agents];
        this.observations = new double[agents][];
        this.rawActions = new double[agents][];
        this.logProbs = new double[agents][nSteps];
        this.values = new double[agents][nSteps];
        this.nextValues = new double[agents][nSteps];
        this.rewards = new double[agents][nSteps];
        this.advantages = new double[agents][nSteps];
        this.returns = new double[agents][nSteps];
        this.done = new boolean[agents][nSteps];
        this.active = new boolean[agents][nSteps];
        this.currentFlat = new double[agents][];
        this.finished = new boolean[agents];
        this.actorInput = new double[agents][];
        this.criticInput = new double[agents][];
        this.actionValues = new Object[agents];
        this.actionList = new ArrayList<>(Collections.nCopies(agents, null));
        for (int i = 0; i < agents; i++) {
            PpoGroup g = group(i);
            Space<Object> obs = (Space<Object>) spec.observationSpaces().get(i);
            policies[i] = new PpoPolicy(obs, (Space<Object>) spec.actionSpaces().get(i), g.head, g.actor, g.logStd, i, team.idInputs());
            observations[i] = new double[nSteps * team.flatSize(i)];
            rawActions[i] = new double[nSteps * g.head.rawSize()];
            currentFlat[i] = new double[team.flatSize(i)];
            actorInput[i] = new double[team.actorInputSize(i)];
            criticInput[i] = new double[team.criticInputSize(i)];
        }
    }

    PpoGroup group(int agent) {
        return groups[team.groupOf(agent)];
    }

    @Override
    @SuppressWarnings("unchecked")
    public long learn(Scenario scenario, long steps, TrainingListener listener) {
        attach(scenario);
        tracker.begin(steps, listener);
        tracker.abandonEpisode();
        resetEnvironment(true);
        rolloutLength = 0;
        lastRolloutLength = 0; // the rollout buffers are about to be overwritten
        while (tracker.running()) {
            collect(rolloutLength++);
            if (rolloutLength == nSteps) {
                finishRolloutAndUpdate();
            }
        }
        if (rolloutLength > 0) {
            finishRolloutAndUpdate(); // a budget that ends mid-rollout still learns from what it saw
        }
        detach();
        return tracker.budgetSteps();
    }

    @SuppressWarnings("unchecked")
    private void attach(Scenario scenario) {
        switch (scenario) {
            case Scenario.Single one -> {
                if (spec.multiAgent()) {
                    throw new IllegalArgumentException("rl/ppo was created for a parallel scenario of " + agents + " agents, got a single-agent one");
                }
                single = (Environment<Object, Object>) one.environment();
                team.checkSpaces(single.observationSpace(), single.actionSpace(), 0);
            }
            case Scenario.Multi many -> {
                if (!spec.multiAgent() || many.environment().possibleAgents().size() != agents) {
                    throw new IllegalArgumentException("rl/ppo was created for " + (spec.multiAgent() ? agents + " parallel agents" : "a single agent")
                            + ", got a parallel scenario of " + many.environment().possibleAgents().size() + " agents");
                }
                multi = (MultiAgentEnvironment<Object, Object>) many.environment();
                for (int i = 0; i < agents; i++) {
                    team.checkSpaces(multi.observationSpace(i), multi.actionSpace(i), i);
                }
            }
        }
    }

    private void detach() {
        single = null;
        multi = null;
        singleStep = null;
        multiStep = null;
    }

    private void resetEnvironment(boolean seeded) {
        long episodeSeed = Seeds.derive(seed, "episodes" + tracker.episodes());
        if (single != null) {
            singleStep = seeded ? single.reset(episodeSeed) : single.reset();
        } else {
            multiStep = seeded ? multi.reset(episodeSeed) : multi.reset();
        }
        for (int i = 0; i < agents; i++) {
            observationSpace(i).flatten(observation(i), currentFlat[i], 0);
            finished[i] = false;
        }
    }

    @SuppressWarnings("unchecked")
    private Space<Object> observationSpace(int agent) {
        return (Space<Object>) spec.observationSpaces().get(agent);
    }

    private Object observation(int agent) {
        return single != null ? singleStep.observation() : multiStep.observation(agent);
    }

    private double reward(int agent) {
        return single != null ? singleStep.reward() : multiStep.reward(agent);
    }

    private boolean terminated(int agent) {
        return single != null ? singleStep.terminated() : multiStep.terminated(agent);
    }

    private boolean truncated(int agent) {
        return single != null ? singleStep.truncated() : multiStep.truncated(agent);
    }

    /** One environment step of the whole team, stored at rollout row {@code t}. */
    private void collect(int t) {
        for (int i = 0; i < agents; i++) {
            PpoGroup g = group(i);
            int flat = currentFlat[i].length;
            System.arraycopy(currentFlat[i], 0, observations[i], t * flat, flat);
            team.actorInput(i, currentFlat[i], 0, actorInput[i], 0);
            double[] out = g.actor.predict(actorInput[i]);
            int rs = g.head.rawSize();
            logProbs[i][t] = g.head.sample(out, 0, g.logStd, random, rawActions[i], t * rs);
            values[i][t] = value(i, currentFlat, 0);
            active[i][t] = !finished[i];
            if (t > 0 && !done[i][t - 1]) {
                nextValues[i][t - 1] = values[i][t];
            }
            actionValues[i] = g.head.toAction(rawActions[i], t * rs, actionValues[i]);
        }
        double meanReward;
        boolean allDone;
        if (single != null) {
            singleStep = single.step(actionValues[0]);
            meanReward = singleStep.reward();
            allDone = singleStep.done();
        } else {
            for (int i = 0; i < agents; i++) {
                actionList.set(i, actionValues[i]);
            }
            multiStep = multi.step(actionList);
            meanReward = multiStep.meanReward();
            allDone = multiStep.allDone();
        }
        for (int i = 0; i < agents; i++) {
            rewards[i][t] = reward(i) * s.rewardScale();
            observationSpace(i).flatten(observation(i), currentFlat[i], 0);
        }
        for (int i = 0; i < agents; i++) {
            boolean agentDone = terminated(i) || truncated(i) || allDone;
            if (active[i][t] && agentDone) {
                // a time limit is not a terminal state: bootstrap from the value of the final observation
                nextValues[i][t] = terminated(i) ? 0.0 : value(i, currentFlat, 0);
                finished[i] = true;
            }
            done[i][t] = agentDone || !active[i][t];
        }
        if (tracker.step(meanReward, allDone)) {
            resetEnvironment(false);
        }
    }

    /** The critic's value for agent {@code agent} of the observations in row {@code row} of {@code source}. */
    private double value(int agent, double[][] source, int row) {
        team.criticInput(agent, source, row, criticInput[agent], 0);
        return group(agent).critic.predict(criticInput[agent])[0];
    }

    private void finishRolloutAndUpdate() {
        int length = rolloutLength;
        for (int i = 0; i < agents; i++) {
            if (!done[i][length - 1]) {
                nextValues[i][length - 1] = value(i, currentFlat, 0);
            }
            computeAdvantages(i, length);
        }
        double rate = learningRate.at(tracker.totalSteps());
        for (PpoGroup g : groups) {
            g.train(this, length, rate);
        }
        updates++;
        lastRolloutLength = length;
        rolloutLength = 0;
        if (minibatchCount > 0) {
            tracker.metric("policyLoss", policyLossSum / minibatchCount);
            tracker.metric("valueLoss", valueLossSum / minibatchCount);
            tracker.metric("entropy", entropySum / minibatchCount);
            tracker.metric("approxKl", klSum / minibatchCount);
            tracker.metric("clipFraction", clipSum / minibatchCount);
        }
        tracker.metric("learningRate", rate);
        policyLossSum = valueLossSum = entropySum = klSum = clipSum = 0;
        minibatchCount = 0;
    }

    /**
     * Generalised advantage estimation (Schulman et al. 2016), per agent:
     * {@code δ_t = r_t + γ V(s_{t+1}) − V(s_t)} with {@code V(s_{t+1})} = 0 after a terminal state
     * and the value of the final observation after a truncation;
     * {@code A_t = δ_t + γλ (1 − done_t) A_{t+1}}; returns {@code R_t = A_t + V(s_t)}. Steps of an
     * agent that had already finished its episode are inactive and left out.
     */
    private void computeAdvantages(int agent, int length) {
        double gl = s.gamma() * s.gaeLambda();
        double carried = 0;
        for (int t = length - 1; t >= 0; t--) {
            if (!active[agent][t]) {
                advantages[agent][t] = 0;
                returns[agent][t] = 0;
                carried = 0;
                continue;
            }
            double delta = rewards[agent][t] + s.gamma() * nextValues[agent][t] - values[agent][t];
            carried = delta + (done[agent][t] ? 0.0 : gl * carried);
            advantages[agent][t] = carried;
            returns[agent][t] = carried + values[agent][t];
        }
    }

    /** Accumulates one minibatch's statistics for the metrics of the update. */
    void record(double policyLoss, double valueLoss, double entropy, double approxKl, double clipFraction) {
        policyLossSum += policyLoss;
        valueLossSum += valueLoss;
        entropySum += entropy;
        klSum += approxKl;
        clipSum += clipFraction;
        minibatchCount++;
    }

    /** Joint global-norm clip of every gradient one loss produced (as {@code clip_grad_norm_} over all parameters). */
    static void clipJointly(double maxNorm, double[] a, double[] b, double[] c) {
        if (maxNorm <= 0) {
            return;
        }
        double norm = Math.sqrt(Gradients.sumOfSquares(a) + Gradients.sumOfSquares(b) + Gradients.sumOfSquares(c));
        if (norm > maxNorm) {
            double f = maxNorm / (norm + 1e-12);
            Gradients.scale(a, f);
            Gradients.scale(b, f);
            Gradients.scale(c, f);
        }
    }

    int steps() {
        return nSteps;
    }

    @Override
    public <C> Optional<C> capability(Class<C> type) {
        if (type == Checkpointable.class) {
            return Optional.of(type.cast(new PpoCheckpoint(this)));
        }
        if (type == Resumable.class) {
            return Optional.of(type.cast(new PpoState(this)));
        }
        if (type == LossSurface.class) {
            return Optional.of(type.cast(new PpoLossSurface(this)));
        }
        return Algorithm.super.capability(type);
    }

    @Override
    public Policy<?, ?> policy(int agent) {
        if (agent < 0 || agent >= agents) {
            throw new IndexOutOfBoundsException("rl/ppo has " + agents + " agent(s), asked for " + agent);
        }
        return policies[agent];
    }
}
