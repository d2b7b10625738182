package org.nettwin.env.migration.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.nettwin.api.env.BaseMultiAgentEnvironment;
import org.nettwin.api.env.MultiStep;
import org.nettwin.api.env.Snapshottable;
import org.nettwin.api.space.Box;
import org.nettwin.env.migration.MigrationGame;
import org.nettwin.env.migration.StackelbergEquilibrium;

/**
 * {@code migration/UavTwinMigration-v1}: the UAV-twin migration Stackelberg game played
 * repeatedly, with the RSUs (leaders) as learning agents in PettingZoo's parallel form.
 *
 * <p>Each round every RSU {@code n} posts a normalised price {@code u_n} in [0, 1]
 * ({@code Box(0, 1, (1,))}), meaning {@code p_n = c_n + u_n (p_max - c_n)}; the UAVs respond with
 * their exact best responses ({@link MigrationGame#bestResponse}); RSU {@code n}'s reward is its
 * profit {@code (p_n - c_n) sum_m b*_mn}. As in the learning-based Stackelberg literature, a leader
 * sees neither the UAVs' private parameters nor the rivals' profits, only the public history: its
 * observation holds, for each of the last {@code history} rounds (newest first), its own normalised
 * price, the rivals' normalised prices in index order, and the bandwidth it sold divided by the most
 * it could ever sell ({@link MigrationGame#maximumDemand}). Each episode starts from a history of
 * uniformly random prices drawn from the episode seed; the game repeats without end, so only the
 * scenario's time limit ends an episode. Features of RSU {@code n}: {@code price_own_1},
 * {@code price_rsuK_1}, ..., {@code sold_own_1}, then the same for the round before ({@code _2}), ...
 *
 * <p>The game is available as a capability ({@code capability(MigrationGame.class)}) for
 * baselines and analyses, with its equilibrium ({@code capability(StackelbergEquilibrium.class)},
 * empty in the rare instances without one; {@code profit_vs_equilibrium} is then 0).
 * Stepping allocates nothing: demands, history rows and observations are arrays reused in place.
 */
public final class MigrationEnvironment extends BaseMultiAgentEnvironment<double[], double[]> implements Snapshottable {

    /** The info values, in order. */
    static final List<String> INFO = List.of("mean_price", "total_bandwidth_mhz", "mean_immersion", "mean_uav_utility",
            "total_rsu_profit", "profit_vs_equilibrium");

    private final MigrationConfig parameters;
    private final MigrationGame game;
    private final Optional<StackelbergEquilibrium> equilibrium;
    private final int leaders;
    private final int followers;
    private final int history;
    private final double[] maximumDemand;
    private final double[] prices;
    private final double[] demands;
    private final double[] sold;
    private final double[] profits;
    private double[][] pastPrices;   // [round back][leader], normalised; row 0 is the newest
    private double[][] pastSales;    // [round back][leader], normalised
    private final double[][] observations;
    private final double equilibriumProfit;

    /**
     * @param parameters the scenario parameters
     * @param game       the game built from them (at creation, from the creation seed)
     */
    public MigrationEnvironment(MigrationConfig parameters, MigrationGame game) {
        super(MigrationProvider.ID, agents(game.leaders()),
                Collections.nCopies(game.leaders(), new Box(parameters.history() * (game.leaders() + 1), 0.0, 1.0)),
                Collections.nCopies(game.leaders(), new Box(1, 0.0, 1.0)), INFO, features(game.leaders(), parameters.history()));
        this.parameters = parameters;
        this.game = game;
        this.equilibrium = StackelbergEquilibrium.find(game);
        this.leaders = game.leaders();
        this.followers = game.followers();
        this.history = parameters.history();
        this.maximumDemand = new double[leaders];
        for (int n = 0; n < leaders; n++) {
            maximumDemand[n] = game.maximumDemand(n);
        }
        this.prices = new double[leaders];
        this.demands = new double[followers * leaders];
        this.sold = new double[leaders];
        this.profits = new double[leaders];
        this.pastPrices = new double[history][leaders];
        this.pastSales = new double[history][leaders];
        this.observations = new double[leaders][history * (leaders + 1)];
        double total = 0;
        for (int n = 0; n < leaders && equilibrium.isPresent(); n++) {
            total += equilibrium.get().profit(n);
        }
        this.equilibriumProfit = total;
    }

    private static List<String> agents(int leaders) {
        List<String> names = new ArrayList<>(leaders);
        for (int n = 0; n < leaders; n++) {
            names.add("rsu" + n);
        }
        return names;
    }

    /** @return every leader's feature names, in the order {@link #fill} writes them (rounds back numbered from 1) */
    private static List<List<String>> features(int leaders, int history) {
        List<List<String>> all = new ArrayList<>(leaders);
        for (int n = 0; n < leaders; n++) {
            List<String> names = new ArrayList<>();
            for (int r = 1; r <= history; r++) {
                names.add("price_own_" + r);
                for (int j = 0; j < leaders; j++) {
                    if (j != n) {
                        names.add("price_rsu" + j + "_" + r);
                    }
                }
                names.add("sold_own_" + r);
            }
            all.add(names);
        }
        return all;
    }

    /** @return the game the RSUs play */
    public MigrationGame game() {
        return game;
    }

    /**
     * @return the game's Stackelberg equilibrium (computed at creation), or empty when best-response
     *         iteration cycles (see {@link StackelbergEquilibrium#solve})
     */
    public Optional<StackelbergEquilibrium> equilibrium() {
        return equilibrium;
    }

    @Override
    public <C> Optional<C> capability(Class<C> type) {
        if (type == MigrationGame.class) {
            return Optional.of(type.cast(game));
        }
        if (type == StackelbergEquilibrium.class) {
            return equilibrium.map(type::cast);
        }
        return super.capability(type);
    }

    @Override
    protected void resetEpisode(RandomGenerator random, MultiStep<double[]> out) {
        // the oldest round first, so that row 0 ends up the newest as in play
        for (int r = history - 1; r >= 0; r--) {
            for (int n = 0; n < leaders; n++) {
                prices[n] = game.price(n, random.nextDouble());
            }
            play();
            record(r);
        }
        fill(out);
    }

    @Override
    protected void advance(List<double[]> actions, MultiStep<double[]> out) {
        for (int n = 0; n < leaders; n++) {
            prices[n] = game.price(n, actions.get(n)[0]);
        }
        play();
        // rotate the history rows in place: the oldest row is overwritten with this round
        double[] oldestPrices = pastPrices[history - 1];
        double[] oldestSales = pastSales[history - 1];
        System.arraycopy(pastPrices, 0, pastPrices, 1, history - 1);
        System.arraycopy(pastSales, 0, pastSales, 1, history - 1);
        pastPrices[0] = oldestPrices;
        pastSales[0] = oldestSales;
        record(0);
        fill(out);
    }

    /** The followers best-respond to {@link #prices}; sales and profits follow. */
    private void play() {
        game.bestResponses(prices, demands);
        for (int n = 0; n < leaders; n++) {
            sold[n] = 0;
        }
        for (int m = 0; m < followers; m++) {
            for (int n = 0; n < leaders; n++) {
                sold[n] += demands[m * leaders + n];
            }
        }
        for (int n = 0; n < leaders; n++) {
            profits[n] = (prices[n] - game.cost(n)) * sold[n];
        }
    }

    private void record(int row) {
        for (int n = 0; n < leaders; n++) {
            pastPrices[row][n] = clip(game.normalise(n, prices[n]));
            pastSales[row][n] = maximumDemand[n] > 0 ? clip(sold[n] / maximumDemand[n]) : 0.0;
        }
    }

    private static double clip(double v) {
        return Math.min(1.0, Math.max(0.0, v));
    }

    private void fill(MultiStep<double[]> out) {
        for (int n = 0; n < leaders; n++) {
            double[] o = observations[n];
            int k = 0;
            for (int r = 0; r < history; r++) {
                double[] p = pastPrices[r];
                o[k++] = p[n];
                for (int j = 0; j < leaders; j++) {
                    if (j != n) {
                        o[k++] = p[j];
                    }
                }
                o[k++] = pastSales[r][n];
            }
            out.set(n, o, profits[n], false, false);
        }
        double[] info = out.info();
        double priceSum = 0;
        double bandwidth = 0;
        double profit = 0;
        for (int n = 0; n < leaders; n++) {
            priceSum += prices[n];
            bandwidth += sold[n];
            profit += profits[n];
        }
        double immersion = 0;
        double utility = 0;
        for (int m = 0; m < followers; m++) {
            immersion += game.immersion(m, demands, m * leaders);
            utility += game.followerUtility(m, prices, demands, m * leaders);
        }
        info[0] = priceSum / leaders;
        info[1] = bandwidth;
        info[2] = immersion / followers;
        info[3] = utility / followers;
        info[4] = profit;
        info[5] = equilibriumProfit > 0 ? profit / equilibriumProfit : 0.0;
    }

    /** @return RSU n's price in the last round */
    public double price(int n) {
        return prices[n];
    }

    /** @return the bandwidth RSU n sold in the last round, MHz */
    public double sold(int n) {
        return sold[n];
    }

    @Override
    public Object snapshot() {
        double[][] p = new double[history][];
        double[][] s = new double[history][];
        for (int r = 0; r < history; r++) {
            p[r] = pastPrices[r].clone();
            s[r] = pastSales[r].clone();
        }
        return new Snapshot(parameters, game, prices.clone(), p, s, randomState());
    }

    @Override
    public void restore(Object snapshot) {
        if (!(snapshot instanceof Snapshot s)) {
            throw new IllegalArgumentException("not a " + MigrationProvider.ID + " snapshot: "
                    + (snapshot == null ? "null" : snapshot.getClass().getName()));
        }
        if (!s.parameters.equals(parameters) || !s.game.equals(game)) {
            throw new IllegalArgumentException("the snapshot comes from a " + MigrationProvider.ID
                    + " environment with another configuration or creation seed");
        }
        System.arraycopy(s.prices, 0, prices, 0, leaders);
        for (int r = 0; r < history; r++) {
            System.arraycopy(s.pastPrices[r], 0, pastPrices[r], 0, leaders);
            System.arraycopy(s.pastSales[r], 0, pastSales[r], 0, leaders);
        }
        play();
        restored(s.random, false); // same stream from here on; only the time limit ends an episode
    }

    /** A saved state; its arrays are private copies, never handed out. */
    private record Snapshot(MigrationConfig parameters, MigrationGame game, double[] prices, double[][] pastPrices,
            double[][] pastSales, long random) {
    }
}
