package org.nettwin.rl.ppo.internal;

import java.util.Arrays;

import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.space.Space;

/**
 * Who shares which network and what each network reads (MAPPO, Yu et al. 2022). With parameter
 * sharing every agent is in group 0 (one actor, one critic), and the actor and critic inputs end
 * with the one-hot agent id when {@code agentIdInput} is set; without it each agent is its own
 * group. A centralised critic reads the concatenated flattened observations of all agents (in
 * agent order) instead of the agent's own. A single agent is a team of one: no id, no
 * concatenation.
 */
final class Team {

    private final EnvironmentSpec spec;
    private final boolean shared;
    private final boolean centralised;
    private final int idInputs;
    private final int[] flat;
    private final int jointFlat;

    Team(EnvironmentSpec spec, boolean parameterSharing, boolean agentIdInput, boolean centralisedCritic) {
        this.spec = spec;
        int n = spec.agents().size();
        this.shared = parameterSharing || n == 1;
        this.centralised = centralisedCritic && n > 1;
        this.idInputs = shared && agentIdInput && n > 1 ? n : 0;
        this.flat = new int[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            flat[i] = spec.observationSpaces().get(i).flatSize();
            total += flat[i];
        }
        this.jointFlat = total;
    }

    /**
     * @return why a team of this spec cannot share one actor and critic (spaces differ between
     *         agents), or {@code null}
     */
    static String sharingProblem(EnvironmentSpec spec) {
        Space<?> obs = spec.observationSpaces().get(0);
        Space<?> act = spec.actionSpaces().get(0);
        for (int i = 1; i < spec.agents().size(); i++) {
            if (!spec.observationSpaces().get(i).describe().equals(obs.describe())
                    || !spec.actionSpaces().get(i).describe().equals(act.describe())) {
                return "parameterSharing needs every agent to have the same spaces; agent '" + spec.agents().get(i) + "' has "
                        + spec.observationSpaces().get(i).describe() + " -> " + spec.actionSpaces().get(i).describe() + ", agent '"
                        + spec.agents().get(0) + "' " + obs.describe() + " -> " + act.describe();
            }
        }
        return null;
    }

    int groups() {
        return shared ? 1 : flat.length;
    }

    int groupOf(int agent) {
        return shared ? 0 : agent;
    }

    int[] members(int group) {
        if (!shared) {
            return new int[] {group};
        }
        int[] all = new int[flat.length];
        Arrays.setAll(all, i -> i);
        return all;
    }

    int idInputs() {
        return idInputs;
    }

    int flatSize(int agent) {
        return flat[agent];
    }

    int actorInputSize(int agent) {
        return flat[agent] + idInputs;
    }

    int criticInputSize(int agent) {
        return (centralised ? jointFlat : flat[agent]) + idInputs;
    }

    /** Writes agent {@code agent}'s actor input from its flattened observation at {@code from}. */
    void actorInput(int agent, double[] source, int from, double[] dst, int at) {
        System.arraycopy(source, from, dst, at, flat[agent]);
        oneHot(agent, dst, at + flat[agent]);
    }

    /**
     * Writes agent {@code agent}'s critic input from row {@code row} of the per-agent flattened
     * observation arrays {@code source} (rows of each agent's flat size).
     */
    void criticInput(int agent, double[][] source, int row, double[] dst, int at) {
        int o = at;
        if (centralised) {
            for (int j = 0; j < flat.length; j++) {
                System.arraycopy(source[j], row * flat[j], dst, o, flat[j]);
                o += flat[j];
            }
        } else {
            System.arraycopy(source[agent], row * flat[agent], dst, o, flat[agent]);
            o += flat[agent];
        }
        oneHot(agent, dst, o);
    }

    private void oneHot(int agent, double[] dst, int at) {
        for (int k = 0; k < idInputs; k++) {
            dst[at + k] = k == agent ? 1.0 : 0.0;
        }
    }

    /** Refuses an environment whose spaces are not the ones the algorithm was created for. */
    void checkSpaces(Space<?> observation, Space<?> action, int agent) {
        Space<?> o = spec.observationSpaces().get(agent);
        Space<?> a = spec.actionSpaces().get(agent);
        if (!observation.describe().equals(o.describe()) || !action.describe().equals(a.describe())) {
            throw new IllegalArgumentException("rl/ppo agent '" + spec.agents().get(agent) + "' was created for " + o.describe() + " -> "
                    + a.describe() + ", the scenario has " + observation.describe() + " -> " + action.describe());
        }
    }
}
