package org.nettwin.domains;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.nettwin.api.env.Copyable;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.MultiAgentEnvironment;
import org.nettwin.api.env.MultiStep;
import org.nettwin.api.env.Snapshottable;
import org.nettwin.api.env.Step;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Discrete;
import org.nettwin.api.space.MultiDiscrete;
import org.nettwin.api.space.Space;

/**
 * A scenario seen as a team of {@code M} agents with {@code Discrete} actions and {@code Box}
 * observations: one joint observation (the agents' observations concatenated in agent order, a
 * {@code Box}) and one joint action ({@code MultiDiscrete}, an action per agent); {@code M = 1} for
 * a single-agent scenario. The reward is the agents' mean reward (in cooperative scenarios such as
 * {@code uav/Trajectories-v1} every agent's reward, shared). Learners, domains and twins all work on
 * this one form, so a twin of a multi-agent scenario is an ordinary single-agent twin of its joint
 * view. Snapshots pass through to the scenario.
 */
public final class JointView implements Environment<double[], int[]> {

    private final Environment<Object, Object> single;
    private final MultiAgentEnvironment<Object, Object> multi;
    private final int agents;
    private final int width;
    private final Box observations;
    private final MultiDiscrete actions;
    private final int[] starts;
    private final double[] joint;
    private final Step<double[]> out = new Step<>(0);
    private final List<Object> actionList;
    private final List<String> features;

    /** @param scenario single- or multi-agent, with Box observations of equal size and Discrete actions (see {@link #incompatibility}) */
    @SuppressWarnings("unchecked")
    public JointView(Scenario scenario) {
        EnvironmentSpec spec = EnvironmentSpec.of(scenario);
        incompatibility(spec).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        this.agents = spec.agents().size();
        this.width = spec.observationSpaces().get(0).encodedSize();
        double[] low = new double[agents * width];
        double[] high = new double[agents * width];
        int[] nvec = new int[agents];
        this.starts = new int[agents];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            Box box = (Box) spec.observationSpaces().get(i);
            for (int f = 0; f < width; f++) {
                low[i * width + f] = box.low(f);
                high[i * width + f] = box.high(f);
            }
            Discrete d = (Discrete) spec.actionSpaces().get(i);
            nvec[i] = d.n();
            starts[i] = d.start();
        }
        switch (scenario) {
            case Scenario.Single s -> {
                this.single = (Environment<Object, Object>) s.environment();
                this.multi = null;
                names.addAll(single.observationFeatures());
            }
            case Scenario.Multi m -> {
                this.single = null;
                this.multi = (MultiAgentEnvironment<Object, Object>) m.environment();
                for (int i = 0; i < agents; i++) {
                    for (String f : multi.observationFeatures(i)) {
                        names.add(spec.agents().get(i) + "." + f);
                    }
                }
            }
        }
        this.observations = new Box(low, high);
        this.actions = new MultiDiscrete(nvec);
        this.joint = new double[agents * width];
        this.actionList = new ArrayList<>(Collections.nCopies(agents, null));
        this.features = List.copyOf(names);
    }

    /** @return why {@code spec} has no joint view, or empty */
    public static Optional<String> incompatibility(EnvironmentSpec spec) {
        int width = -1;
        for (int i = 0; i < spec.agents().size(); i++) {
            Space<?> o = spec.observationSpaces().get(i);
            Space<?> a = spec.actionSpaces().get(i);
            String who = spec.multiAgent() ? "agent " + spec.agents().get(i) + " " : "";
            if (!(o instanceof Box)) {
                return Optional.of("digital-domain learners need Box observations; " + who + "observes " + o.describe());
            }
            if (!(a instanceof Discrete)) {
                return Optional.of("digital-domain learners need Discrete actions (per agent); " + who + "acts in " + a.describe());
            }
            if (width >= 0 && o.encodedSize() != width) {
                return Optional.of("the agents' observations must have one size; " + who + "observes " + o.describe());
            }
            width = o.encodedSize();
        }
        return Optional.empty();
    }

    /** @return the number of agents */
    public int agents() {
        return agents;
    }

    /** @return the size of one agent's observation (its slice of the joint one) */
    public int width() {
        return width;
    }

    /** @return agent {@code i}'s number of actions (indices {@code 0..n−1}: the scenario's {@code Discrete} start is added) */
    public int actions(int agent) {
        return actions.size(agent);
    }

    @Override
    public Box observationSpace() {
        return observations;
    }

    @Override
    public MultiDiscrete actionSpace() {
        return actions;
    }

    @Override
    public List<String> observationFeatures() {
        return features;
    }

    @Override
    public Step<double[]> reset(long seed) {
        return single != null ? fill(single.reset(seed)) : fill(multi.reset(seed));
    }

    @Override
    public Step<double[]> reset() {
        return single != null ? fill(single.reset()) : fill(multi.reset());
    }

    @Override
    public Step<double[]> step(int[] action) {
        if (single != null) {
            return fill(single.step(Integer.valueOf(starts[0] + action[0])));
        }
        for (int i = 0; i < agents; i++) {
            actionList.set(i, Integer.valueOf(starts[i] + action[i]));
        }
        return fill(multi.step(actionList));
    }

    private Step<double[]> fill(Step<?> s) {
        System.arraycopy((double[]) s.observation(), 0, joint, 0, width);
        return out.set(joint, s.reward(), s.terminated(), s.truncated());
    }

    private Step<double[]> fill(MultiStep<?> s) {
        boolean allTerminated = true;
        for (int i = 0; i < agents; i++) {
            System.arraycopy((double[]) s.observation(i), 0, joint, i * width, width);
            allTerminated &= s.terminated(i);
        }
        return out.set(joint, s.meanReward(), allTerminated, s.allDone() && !allTerminated);
    }

    /** @return the scenario's {@link Snapshottable} or {@link Copyable} ability */
    @Override
    public <C> Optional<C> capability(Class<C> type) {
        return single != null ? single.capability(type) : multi.capability(type);
    }

    @Override
    public void close() {
        if (single != null) {
            single.close();
        } else {
            multi.close();
        }
    }
}
