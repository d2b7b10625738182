package org.nettwin.env.migration;

import java.util.Arrays;

/**
 * The one-shot multi-leader multi-follower Stackelberg game of UAV-twin migration: {@code N} RSUs
 * (leaders) post bandwidth prices, then {@code M} UAVs (followers) buy bandwidth from them to
 * migrate their twins.
 *
 * <p><b>Follower m</b> (UAV) chooses demands {@code b_mn >= 0} (MHz) from every RSU {@code n},
 * maximising
 *
 * <pre>
 *   U_m(b_m; p) = alpha_m * ln(1 + sum_n gamma_mn b_mn) - sum_n p_n b_mn - (kappa / 2) sum_n b_mn^2
 * </pre>
 *
 * where {@code ln(1 + sum_n gamma_mn b_mn)} is the Weber-Fechner immersion: the perceived
 * immersion grows with the logarithm of the stimulus, here the twin-migration rate
 * {@code sum_n e_mn b_mn} (Mbit/s, {@code e_mn} the spectral efficiency of the UAV-RSU link)
 * relative to the just-sufficient rate {@code D_m / T_m} (twin size over tolerable migration
 * latency), so {@code gamma_mn = e_mn T_m / D_m}. {@code alpha_m} is the UAV's valuation of
 * immersion and {@code kappa} a convex cost of occupying bandwidth on a link (energy and handling
 * overhead); it makes a UAV spread its demand over RSUs, so the leaders compete as differentiated
 * sellers instead of in a Bertrand race.
 *
 * <p><b>Leader n</b> (RSU) earns {@code V_n(p) = (p_n - c_n) sum_m b*_mn(p)} with
 * {@code c_n <= p_n <= p_max}.
 *
 * <p>The follower's problem is strictly concave; {@link #bestResponse} solves it exactly from its
 * KKT conditions: with {@code lambda = alpha_m / (1 + X)} and {@code X = sum_n gamma_mn b_mn},
 * {@code b_mn = max(0, (gamma_mn lambda - p_n) / kappa)}, and {@code lambda (1 + X(lambda)) = alpha_m}
 * is a strictly increasing, piecewise quadratic equation in {@code lambda} whose active piece is
 * found among the breakpoints {@code p_n / gamma_mn} and solved in closed form.
 *
 * <p>Instances are immutable and thread-safe; methods that write results take the output arrays.
 *
 * @since 0.1
 */
public final class MigrationGame {

    private final int leaders;
    private final int followers;
    private final double[] gamma;   // followers x leaders, row-major
    private final double[] alpha;
    private final double kappa;
    private final double[] cost;
    private final double priceCap;

    /**
     * @param gamma    {@code gamma[m][n] > 0}: UAV m's immersion gain per MHz bought from RSU n
     * @param alpha    {@code alpha[m] > 0}: UAV m's valuation of immersion
     * @param kappa    {@code > 0}: the convex bandwidth cost coefficient
     * @param cost     {@code cost[n] > 0}: RSU n's unit cost of bandwidth, the lowest price it may post
     * @param priceCap the highest price any RSU may post, above every cost
     * @throws IllegalArgumentException if a value is out of range or the shapes disagree
     */
    public MigrationGame(double[][] gamma, double[] alpha, double kappa, double[] cost, double priceCap) {
        this.followers = alpha.length;
        this.leaders = cost.length;
        if (followers == 0 || leaders == 0 || gamma.length != followers) {
            throw new IllegalArgumentException("need at least one UAV and one RSU, and one gamma row per UAV");
        }
        if (!(kappa > 0) || !Double.isFinite(kappa)) {
            throw new IllegalArgumentException("kappa must be positive and finite, got " + kappa);
        }
        this.gamma = new double[followers * leaders];
        for (int m = 0; m < followers; m++) {
            if (gamma[m].length != leaders) {
                throw new IllegalArgumentException("gamma row " + m + " has " + gamma[m].length + " values, expected " + leaders);
            }
            if (!(alpha[m] > 0) || !Double.isFinite(alpha[m])) {
                throw new IllegalArgumentException("alpha[" + m + "] must be positive and finite, got " + alpha[m]);
            }
            for (int n = 0; n < leaders; n++) {
                if (!(gamma[m][n] > 0) || !Double.isFinite(gamma[m][n])) {
                    throw new IllegalArgumentException("gamma[" + m + "][" + n + "] must be positive and finite, got " + gamma[m][n]);
                }
                this.gamma[m * leaders + n] = gamma[m][n];
            }
        }
        for (int n = 0; n < leaders; n++) {
            if (!(cost[n] > 0) || !(cost[n] < priceCap) || !Double.isFinite(priceCap)) {
                throw new IllegalArgumentException("cost[" + n + "] must lie in (0, priceCap = " + priceCap + "), got " + cost[n]);
            }
        }
        this.alpha = alpha.clone();
        this.kappa = kappa;
        this.cost = cost.clone();
        this.priceCap = priceCap;
    }

    /** @return the number of RSUs (leaders) */
    public int leaders() {
        return leaders;
    }

    /** @return the number of UAVs (followers) */
    public int followers() {
        return followers;
    }

    /** @return {@code gamma_mn}, UAV m's immersion gain per MHz from RSU n */
    public double gamma(int m, int n) {
        return gamma[m * leaders + n];
    }

    /** @return {@code alpha_m}, UAV m's valuation of immersion */
    public double alpha(int m) {
        return alpha[m];
    }

    /** @return {@code kappa}, the convex bandwidth cost coefficient */
    public double kappa() {
        return kappa;
    }

    /** @return {@code c_n}, RSU n's unit cost and lowest price */
    public double cost(int n) {
        return cost[n];
    }

    /** @return the price cap {@code p_max} */
    public double priceCap() {
        return priceCap;
    }

    /** @return the price of RSU n for a normalised action {@code u} in [0, 1]: {@code c_n + u (p_max - c_n)} */
    public double price(int n, double u) {
        return cost[n] + u * (priceCap - cost[n]);
    }

    /** @return the normalised action in [0, 1] of price {@code p} for RSU n */
    public double normalise(int n, double p) {
        return (p - cost[n]) / (priceCap - cost[n]);
    }

    /**
     * UAV m's exact best response to {@code prices}.
     *
     * @param prices  one positive price per RSU
     * @param demands receives the optimal demand from every RSU, MHz (length {@link #leaders()})
     * @return the multiplier {@code lambda = alpha_m / (1 + X)} at the optimum
     */
    public double bestResponse(int m, double[] prices, double[] demands) {
        return bestResponse(m, prices, demands, 0);
    }

    /** As {@link #bestResponse(int, double[], double[])}, writing into {@code demands} from {@code offset}. */
    public double bestResponse(int m, double[] prices, double[] demands, int offset) {
        int row = m * leaders;
        double a = alpha[m];
        // the active piece starts at the largest breakpoint p_n / gamma_n where f(lambda) <= alpha
        double start = 0;
        for (int n = 0; n < leaders; n++) {
            double t = prices[n] / gamma[row + n];
            if (t > start && f(row, prices, t) <= a) {
                start = t;
            }
        }
        double g = 0;
        double q = 0;
        for (int n = 0; n < leaders; n++) {
            if (prices[n] / gamma[row + n] <= start) {
                double gn = gamma[row + n];
                g += gn * gn;
                q += gn * prices[n];
            }
        }
        // solve (g/kappa) l^2 + (1 - q/kappa) l - alpha = 0 for its positive root, in a cancellation-free form
        double qa = g / kappa;
        double qb = 1.0 - q / kappa;
        double lambda;
        if (qa == 0) {
            lambda = a;
        } else {
            double root = Math.sqrt(qb * qb + 4.0 * qa * a);
            lambda = qb >= 0 ? 2.0 * a / (qb + root) : (root - qb) / (2.0 * qa);
        }
        for (int n = 0; n < leaders; n++) {
            demands[offset + n] = Math.max(0.0, (gamma[row + n] * lambda - prices[n]) / kappa);
        }
        return lambda;
    }

    /** {@code f(lambda) = lambda (1 + X(lambda))}, strictly increasing; its root of f = alpha_m is the optimum. */
    private double f(int row, double[] prices, double lambda) {
        double x = 0;
        for (int n = 0; n < leaders; n++) {
            double gn = gamma[row + n];
            double b = gn * lambda - prices[n];
            if (b > 0) {
                x += gn * b / kappa;
            }
        }
        return lambda * (1.0 + x);
    }

    /** @return UAV m's immersion {@code ln(1 + sum_n gamma_mn b_mn)} for its demands starting at {@code offset} */
    public double immersion(int m, double[] demands, int offset) {
        int row = m * leaders;
        double x = 0;
        for (int n = 0; n < leaders; n++) {
            x += gamma[row + n] * demands[offset + n];
        }
        return Math.log1p(x);
    }

    /** @return UAV m's utility {@code U_m} for its demands starting at {@code offset} */
    public double followerUtility(int m, double[] prices, double[] demands, int offset) {
        double paid = 0;
        double congestion = 0;
        for (int n = 0; n < leaders; n++) {
            double b = demands[offset + n];
            paid += prices[n] * b;
            congestion += b * b;
        }
        return alpha[m] * immersion(m, demands, offset) - paid - 0.5 * kappa * congestion;
    }

    /**
     * Every follower's best response to {@code prices}: {@code demands[m * leaders + n]}.
     *
     * @param demands length {@code followers * leaders}
     */
    public void bestResponses(double[] prices, double[] demands) {
        for (int m = 0; m < followers; m++) {
            bestResponse(m, prices, demands, m * leaders);
        }
    }

    /** @return RSU n's profit {@code (p_n - c_n) sum_m b_mn} given the followers' demands (as from {@link #bestResponses}) */
    public double leaderProfit(int n, double[] prices, double[] demands) {
        double sold = 0;
        for (int m = 0; m < followers; m++) {
            sold += demands[m * leaders + n];
        }
        return (prices[n] - cost[n]) * sold;
    }

    /**
     * The exact derivative {@code dV_n / dp_n} of RSU n's profit in its own price, the followers
     * best-responding: {@code sum_m b_mn + (p_n - c_n) sum_m db_mn/dp_n}. On a UAV's active set the
     * implicit function theorem applied to {@code lambda (1 + (G lambda - Q) / kappa) = alpha_m}
     * (G, Q: sums of {@code gamma^2} and {@code gamma p} over the active RSUs) gives
     * {@code dlambda/dp_n = (lambda gamma_n / kappa) / (1 + (2 G lambda - Q) / kappa)} and
     * {@code db_mn/dp_n = (gamma_n dlambda/dp_n - 1) / kappa}; an inactive RSU's demand is locally 0.
     * Root-finding on this derivative locates a best response to machine precision where comparing
     * profit values (flat at the optimum) could not.
     *
     * @param demands scratch of length {@code followers * leaders}; receives the best responses
     */
    public double leaderProfitDerivative(int n, double[] prices, double[] demands) {
        double sold = 0;
        double slope = 0;
        for (int m = 0; m < followers; m++) {
            int offset = m * leaders;
            double lambda = bestResponse(m, prices, demands, offset);
            sold += demands[offset + n];
            if (demands[offset + n] > 0) {
                double g = 0;
                double q = 0;
                for (int k = 0; k < leaders; k++) {
                    if (demands[offset + k] > 0) {
                        double gk = gamma[offset + k];
                        g += gk * gk;
                        q += gk * prices[k];
                    }
                }
                double gn = gamma[offset + n];
                double dLambda = (lambda * gn / kappa) / (1.0 + (2.0 * g * lambda - q) / kappa);
                slope += (gn * dLambda - 1.0) / kappa;
            }
        }
        return sold + (prices[n] - cost[n]) * slope;
    }

    /** @return RSU n's profit when the followers best-respond to {@code prices} (allocates a scratch array) */
    public double leaderProfit(int n, double[] prices) {
        double[] demands = new double[followers * leaders];
        bestResponses(prices, demands);
        return leaderProfit(n, prices, demands);
    }

    /**
     * @return the largest total demand RSU n can ever see: at its own lowest price (its cost) with
     *         every rival at the cap, since the RSUs' bandwidth are substitutes
     */
    public double maximumDemand(int n) {
        double[] prices = new double[leaders];
        Arrays.fill(prices, priceCap);
        prices[n] = cost[n];
        double[] demands = new double[followers * leaders];
        bestResponses(prices, demands);
        double sold = 0;
        for (int m = 0; m < followers; m++) {
            sold += demands[m * leaders + n];
        }
        return sold;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MigrationGame g && leaders == g.leaders && kappa == g.kappa && priceCap == g.priceCap
                && Arrays.equals(gamma, g.gamma) && Arrays.equals(alpha, g.alpha) && Arrays.equals(cost, g.cost);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(gamma) + Arrays.hashCode(alpha) + Double.hashCode(kappa);
    }

    @Override
    public String toString() {
        return "MigrationGame(" + leaders + " RSUs, " + followers + " UAVs, kappa=" + kappa + ", cost=" + Arrays.toString(cost)
                + ", cap=" + priceCap + ")";
    }
}
