package org.nettwin.env.migration;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Stackelberg equilibrium of a {@link MigrationGame}: the leaders' prices form a Nash
 * equilibrium of the pricing game in which every leader's profit is evaluated with the followers'
 * exact best responses (backward induction).
 *
 * <p>{@link #solve(MigrationGame)} finds it by Gauss-Seidel best-response iteration: each RSU in
 * turn maximises its exact profit {@code V_n(p_n, p_-n)} over {@code [c_n, p_max]}, by a dense grid
 * ({@value #GRID} points, so that a profit with kinks where a UAV stops buying is not trapped in a
 * local maximum) refined by bisection on the exact profit derivative around the best grid point
 * ({@link MigrationGame#leaderProfitDerivative}), until no price moves
 * by more than {@value #TOLERANCE} (relative to the price range). {@link #maxUnilateralGain} checks
 * the result independently.
 *
 * @param prices     the leaders' equilibrium prices
 * @param demands    the followers' best responses at those prices, {@code demands[m * N + n]}
 * @param profits    the leaders' profits at equilibrium
 * @param iterations best-response rounds until convergence
 * @since 0.1
 */
public record StackelbergEquilibrium(double[] prices, double[] demands, double[] profits, int iterations) {

    /** Grid points of a leader's best-response search before refinement. */
    public static final int GRID = 400;

    /** Convergence tolerance of the best-response iteration, relative to {@code p_max - c_n}. */
    public static final double TOLERANCE = 1e-12;

    private static final int MAX_ROUNDS = 500;

    /** Copies the arrays, so the record is immutable. */
    public StackelbergEquilibrium {
        prices = prices.clone();
        demands = demands.clone();
        profits = profits.clone();
    }

    @Override
    public double[] prices() {
        return prices.clone();
    }

    @Override
    public double[] demands() {
        return demands.clone();
    }

    @Override
    public double[] profits() {
        return profits.clone();
    }

    /** @return leader n's equilibrium price */
    public double price(int n) {
        return prices[n];
    }

    /** @return leader n's equilibrium profit */
    public double profit(int n) {
        return profits[n];
    }

    /**
     * Computes the equilibrium by best-response iteration from every price at its cost, then, if
     * that cycles, from every price at the cap and at the middle of its range.
     *
     * @throws IllegalStateException if no start converges: with strongly heterogeneous UAVs a
     *                               leader's profit can have two peaks and its best response jump
     *                               between them, and then the game may have no pure equilibrium
     */
    public static StackelbergEquilibrium solve(MigrationGame game) {
        return find(game).orElseThrow(() -> new IllegalStateException("best-response iteration of " + game
                + " cycles from every start (cost, cap, middle): the game has no pure-strategy equilibrium that"
                + " best responses reach; raise kappa or narrow the UAVs' heterogeneity"));
    }

    /** As {@link #solve}, returning empty instead of throwing when the iteration cycles from every start. */
    public static Optional<StackelbergEquilibrium> find(MigrationGame game) {
        for (double start : new double[] {0.0, 1.0, 0.5}) {
            StackelbergEquilibrium e = iterate(game, start);
            if (e != null) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static StackelbergEquilibrium iterate(MigrationGame game, double start) {
        int leaders = game.leaders();
        double[] prices = new double[leaders];
        for (int n = 0; n < leaders; n++) {
            prices[n] = game.price(n, start);
        }
        double[] scratch = new double[game.followers() * leaders];
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            double moved = 0;
            for (int n = 0; n < leaders; n++) {
                double best = bestResponse(game, n, prices, scratch);
                moved = Math.max(moved, Math.abs(best - prices[n]) / (game.priceCap() - game.cost(n)));
                prices[n] = best;
            }
            if (moved <= TOLERANCE) {
                double[] demands = new double[scratch.length];
                game.bestResponses(prices, demands);
                double[] profits = new double[leaders];
                for (int n = 0; n < leaders; n++) {
                    profits[n] = game.leaderProfit(n, prices, demands);
                }
                return new StackelbergEquilibrium(prices, demands, profits, round);
            }
        }
        return null;
    }

    /**
     * Leader n's exact best response to the other leaders' prices in {@code prices} (its own entry
     * is used as scratch and restored).
     *
     * @param scratch length {@code followers * leaders}
     * @return the profit-maximising price in {@code [c_n, p_max]}
     */
    public static double bestResponse(MigrationGame game, int n, double[] prices, double[] scratch) {
        double own = prices[n];
        double low = game.cost(n);
        double high = game.priceCap();
        double step = (high - low) / GRID;
        int bestIndex = 0;
        double bestProfit = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= GRID; i++) {
            double v = profit(game, n, low + i * step, prices, scratch);
            if (v > bestProfit) {
                bestProfit = v;
                bestIndex = i;
            }
        }
        // the maximum lies within one grid step of the best grid point: find where the exact
        // derivative changes sign by bisection, which stays accurate where profits are flat
        double a = low + Math.max(0, bestIndex - 1) * step;
        double b = low + Math.min(GRID, bestIndex + 1) * step;
        double best = low + bestIndex * step;
        if (derivative(game, n, a, prices, scratch) > 0 && derivative(game, n, b, prices, scratch) < 0) {
            for (int i = 0; i < 200 && b - a > 1e-15 * (high - low); i++) {
                double mid = 0.5 * (a + b);
                if (derivative(game, n, mid, prices, scratch) > 0) {
                    a = mid;
                } else {
                    b = mid;
                }
            }
            double refined = 0.5 * (a + b);
            if (profit(game, n, refined, prices, scratch) >= bestProfit - 1e-12 * Math.abs(bestProfit)) {
                best = refined;
            }
        }
        prices[n] = own;
        return best;
    }

    private static double derivative(MigrationGame game, int n, double price, double[] prices, double[] scratch) {
        prices[n] = price;
        return game.leaderProfitDerivative(n, prices, scratch);
    }

    private static double profit(MigrationGame game, int n, double price, double[] prices, double[] scratch) {
        prices[n] = price;
        game.bestResponses(prices, scratch);
        return game.leaderProfit(n, prices, scratch);
    }

    /**
     * The largest profit any single leader gains by deviating from the equilibrium to one of
     * {@code gridPoints + 1} evenly spaced prices in {@code [c_n, p_max]}, the others keeping
     * their equilibrium prices; at most a rounding error for a true equilibrium.
     *
     * @return {@code max_n max_x V_n(x, p*_-n) - V_n(p*)}, which is {@code <= 0} up to rounding at an equilibrium
     */
    public double maxUnilateralGain(MigrationGame game, int gridPoints) {
        double[] p = prices.clone();
        double[] scratch = new double[game.followers() * game.leaders()];
        double gain = Double.NEGATIVE_INFINITY;
        for (int n = 0; n < p.length; n++) {
            for (int i = 0; i <= gridPoints; i++) {
                double x = game.cost(n) + (game.priceCap() - game.cost(n)) * i / gridPoints;
                gain = Math.max(gain, profit(game, n, x, p, scratch) - profits[n]);
            }
            p[n] = prices[n];
        }
        return gain;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StackelbergEquilibrium e && Arrays.equals(prices, e.prices) && Arrays.equals(demands, e.demands)
                && Arrays.equals(profits, e.profits) && iterations == e.iterations;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(prices);
    }

    @Override
    public String toString() {
        return "StackelbergEquilibrium(prices=" + Arrays.toString(prices) + ", profits=" + Arrays.toString(profits) + ", iterations="
                + iterations + ")";
    }
}
