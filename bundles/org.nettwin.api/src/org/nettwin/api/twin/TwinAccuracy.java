package org.nettwin.api.twin;

import java.util.List;

/**
 * How well a twin reproduces held-out real transitions.
 *
 * @param featureNames        names of the state features (encoded observation coordinates)
 * @param oneStepError        per feature: root-mean-square error of one-step predictions
 * @param rolloutError        {@code rolloutError[k-1]}: RMSE over all features of open-loop
 *                            predictions {@code k} steps ahead from real starting points, fed
 *                            the real actions
 * @param rewardError         root-mean-square error of predicted rewards
 * @param samples             number of held-out transitions used
 * @since 0.1
 */
public record TwinAccuracy(List<String> featureNames, double[] oneStepError, double[] rolloutError, double rewardError, int samples) {

    /** @return the mean of the per-feature one-step errors */
    public double meanOneStepError() {
        double s = 0;
        for (double e : oneStepError) {
            s += e;
        }
        return oneStepError.length == 0 ? 0 : s / oneStepError.length;
    }
}
