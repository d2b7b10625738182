package org.nettwin.env.slicing.internal;

/**
 * The inter-cell load coupling of Siomina and Yuan (IEEE TWC 2012), extended to slices: a cell's
 * load is the fraction of its resources in use, interference from cell {@code i} is scaled by its
 * load {@code rho_i}, and each slice uses {@code min(share, need)} of its cell's resources where
 * its need is {@code sum_users demand / (B * se(SINR))}. The fixed point {@code rho = f(rho)} is
 * approached by Jacobi iterations warm-started from the previous step's loads; {@code f} is a
 * standard interference function, so the iteration converges to the unique fixed point.
 *
 * <p>Arrays are indexed {@code [cell * slices + slice]} and {@code [(cell * slices + slice) *
 * positions + position]} for user counts. Allocation-free after construction.
 */
final class LoadCoupling {

    private final CellNetwork net;
    private final int slices;
    private final double bandwidthHz;
    private final double[] demandBps;
    private final double alpha;
    private final double minSinr;
    private final double seMax;

    /** 1 / spectral efficiency at every position, from the last iteration. */
    final double[] inverseSe;
    /** Per cell load in [0, 1]; the iteration's state, kept between steps as the warm start. */
    final double[] cellLoad;
    /** Per slice resource need as a fraction of the cell's resources (may exceed 1). */
    final double[] need;
    /** Per slice sum over its active users of 1 / se. */
    final double[] inverseSeSum;
    /** Per slice load {@code min(share, need)}. */
    final double[] sliceLoad;
    private final double[] nextLoad;
    private final double[] interference;
    private double residual;

    /** @param demandBps offered traffic of one active user, [cell * slices + slice], bit/s */
    LoadCoupling(CellNetwork net, int slices, double bandwidthHz, double[] demandBps, double alpha, double minSinr, double seMax) {
        this.net = net;
        this.slices = slices;
        this.bandwidthHz = bandwidthHz;
        this.demandBps = demandBps.clone();
        this.alpha = alpha;
        this.minSinr = minSinr;
        this.seMax = seMax;
        this.inverseSe = new double[net.cells * net.positions];
        this.cellLoad = new double[net.cells];
        this.nextLoad = new double[net.cells];
        this.interference = new double[net.cells * net.positions];
        this.need = new double[net.cells * slices];
        this.inverseSeSum = new double[net.cells * slices];
        this.sliceLoad = new double[net.cells * slices];
    }

    /** Sets every cell's load to full, the upper bound from which the iteration descends. */
    void startFullyLoaded() {
        java.util.Arrays.fill(cellLoad, 1.0);
    }

    /**
     * Runs {@code iterations} Jacobi iterations for the given shares and user counts.
     *
     * @param shares [cell * slices + slice], each cell's shares summing to 1
     * @param counts active users per position: [(cell * slices + slice) * positions + position]
     */
    void solve(double[] shares, int[] counts, int iterations) {
        int cells = net.cells;
        int positions = net.positions;
        double res = 0;
        int points = cells * positions;
        double[] gains = net.interference;
        for (int it = 0; it < iterations; it++) {
            java.util.Arrays.fill(interference, net.noise);
            for (int i = 0; i < cells; i++) {
                double load = cellLoad[i];
                if (load > 0) {
                    int base = i * points;
                    for (int point = 0; point < points; point++) {
                        interference[point] += load * gains[base + point];
                    }
                }
            }
            for (int point = 0; point < points; point++) {
                inverseSe[point] = 1.0 / Radio.spectralEfficiency(net.signal[point] / interference[point], alpha, minSinr, seMax);
            }
            for (int k = 0; k < cells; k++) {
                double load = 0;
                for (int n = 0; n < slices; n++) {
                    int kn = k * slices + n;
                    int c = kn * positions;
                    double sum = 0;
                    for (int m = 0; m < positions; m++) {
                        sum += counts[c + m] * inverseSe[k * positions + m];
                    }
                    inverseSeSum[kn] = sum;
                    need[kn] = demandBps[kn] * sum / bandwidthHz;
                    sliceLoad[kn] = Math.min(shares[kn], need[kn]);
                    load += sliceLoad[kn];
                }
                nextLoad[k] = Math.min(1.0, load);
            }
            res = 0;
            for (int k = 0; k < cells; k++) {
                res = Math.max(res, Math.abs(nextLoad[k] - cellLoad[k]));
                cellLoad[k] = nextLoad[k];
            }
        }
        residual = res;
    }

    /** @return the largest change of a cell load in the last iteration (0 at the fixed point) */
    double residual() {
        return residual;
    }
}
