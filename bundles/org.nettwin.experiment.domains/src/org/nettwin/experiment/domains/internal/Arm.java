package org.nettwin.experiment.domains.internal;

/**
 * One compared setting of a study.
 *
 * @param group   the summary object it belongs to ({@code n_trials}, {@code k_step}, {@code domains_ablation})
 * @param value   its key there (n, k or D)
 * @param trials  n (n-trials studies; 0 otherwise)
 * @param k       prediction steps (k-step studies; 0 otherwise)
 * @param domains the number of domains the learner uses
 * @param source  copy or twin
 * @param observationNoise the domains' observation noise (see {@link DomainSettings})
 * @param rewardNoise      the domains' reward noise
 */
record Arm(String group, int value, int trials, int k, int domains, String source, double observationNoise, double rewardNoise) {

    /** @return the unit-key prefix and metric prefix, e.g. {@code n_trials-5} */
    String key() {
        return group + "-" + value;
    }

    /** @return a legend label */
    String label() {
        return switch (group) {
            case "n_trials" -> "n = " + value + (value == 1 ? " (plain Q-learning)" : "");
            case "k_step" -> "k = " + value + (value == 1 ? " (plain DQN)" : ", D = " + domains);
            default -> "D = " + value + ", k = " + k + " (" + source + (observationNoise > 0 || rewardNoise > 0 ? " + noise" : "") + ")";
        };
    }
}
