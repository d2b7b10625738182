package org.nettwin.env.slicing.internal;

import java.util.List;

/**
 * The simulator's parameters of {@code slicing/SingleCell-v1}, derived from {@link SingleCellConfig}, after Li et al., "Deep
 * reinforcement learning for resource management in network slicing", IEEE Access 2018
 * (Section IV.A and its simulation table), with 3GPP sources for what the paper leaves open
 * (README).
 *
 * @param users                  UEs in the cell
 * @param sliceUsers             UEs per slice (VoLTE, video, URLLC), from the slice mix
 * @param cellRadiusM            cell radius, m
 * @param minDistanceM           closest UE distance, m
 * @param bandwidthMHz           total bandwidth, whole MHz (the split unit is 1 MHz)
 * @param rbPerMHz               resource blocks per MHz (1 MHz / 180 kHz, rounded down)
 * @param rbHz                   resource-block bandwidth, Hz
 * @param txPowerDbm             base-station transmit power, dBm
 * @param antennaGainDbi         antenna gain, dBi
 * @param noiseFigureDb          UE noise figure, dB
 * @param pathLossInterceptDb    path loss at 1 km, dB
 * @param pathLossSlopeDb        path loss per decade of distance, dB
 * @param shadowingDb            log-normal shadowing standard deviation, dB
 * @param fading                 whether each RB in each subframe sees i.i.d. Rayleigh fading
 * @param maxSpectralEfficiency  spectral-efficiency cap, bit/s/Hz
 * @param subframeMs             scheduling interval, ms
 * @param subframesPerDecision   subframes between two bandwidth decisions
 * @param volteTalkMs            mean talk spurt, ms
 * @param volteSilenceMs         mean silence, ms
 * @param volteIntervalMs        packet interval during a talk spurt, ms
 * @param volteBytes             VoLTE packet size, bytes
 * @param videoShape             Pareto shape of video inter-arrivals and sizes
 * @param videoMeanIntervalMs    mean video inter-arrival before truncation, ms
 * @param videoMaxIntervalMs     truncation of video inter-arrivals, ms
 * @param videoMeanBytes         mean video packet size before truncation, bytes
 * @param videoMaxBytes          truncation of video packet sizes, bytes
 * @param urllcMeanIntervalMs    mean URLLC burst inter-arrival (exponential), ms
 * @param urllcMinBytes          smallest URLLC burst, bytes
 * @param urllcMaxBytes          largest URLLC burst, bytes
 * @param latencyMs              per-slice latency budget; later packets are dropped, ms
 * @param rateBps                per-slice required user rate while backlogged, bit/s
 * @param qoeWeights             per-slice weights of the satisfaction in the reward
 * @param seWeight               weight of the spectral efficiency in the reward
 * @param simplexAction          whether the action is a {@code Simplex} of shares instead of a split index
 */
record SingleCellParameters(int users, int[] sliceUsers, double cellRadiusM, double minDistanceM, int bandwidthMHz, int rbPerMHz,
        double rbHz, double txPowerDbm, double antennaGainDbi, double noiseFigureDb, double pathLossInterceptDb,
        double pathLossSlopeDb, double shadowingDb, boolean fading, double maxSpectralEfficiency, double subframeMs,
        int subframesPerDecision, double volteTalkMs, double volteSilenceMs, double volteIntervalMs, double volteBytes,
        double videoShape, double videoMeanIntervalMs, double videoMaxIntervalMs, double videoMeanBytes, double videoMaxBytes,
        double urllcMeanIntervalMs, double urllcMinBytes, double urllcMaxBytes, double[] latencyMs, double[] rateBps,
        double[] qoeWeights, double seWeight, boolean simplexAction) {

    /** The slices, in observation and action order. */
    static final List<String> SLICES = List.of("volte", "video", "urllc");

    /** Derives the simulator's quantities from a checked configuration. */
    static SingleCellParameters of(SingleCellConfig c) {
        int users = c.users();
        double[] rate = c.rateMbps().stream().mapToDouble(r -> r * 1e6).toArray();
        return new SingleCellParameters(users, apportion(users, c.sliceMix().stream().mapToInt(Integer::intValue).toArray()),
                c.cellRadiusM(), c.minDistanceM(), c.bandwidthMHz(), (int) Math.floor(1000.0 / c.rbKHz()), c.rbKHz() * 1e3,
                c.txPowerDbm(), c.antennaGainDbi(), c.noiseFigureDb(), c.pathLossInterceptDb(), c.pathLossSlopeDb(), c.shadowingDb(),
                c.fading(), c.maxSpectralEfficiency(), c.subframeMs(), c.subframesPerDecision(), c.volteTalkMs(), c.volteSilenceMs(),
                c.volteIntervalMs(), c.volteBytes(), c.videoShape(), c.videoMeanIntervalMs(), c.videoMaxIntervalMs(), c.videoMeanBytes(),
                c.videoMaxBytes(), c.urllcMeanIntervalMs(), c.urllcMinBytes(), c.urllcMaxBytes(), doubles(c.latencyMs()), rate,
                doubles(c.qoeWeights()), c.seWeight(), c.action().equals("simplex"));
    }

    private static double[] doubles(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Splits {@code total} UEs in the ratio {@code mix} by largest remainders (100 at 6:6:1 gives 46, 46, 8). */
    static int[] apportion(int total, int[] mix) {
        double sum = 0;
        for (int m : mix) {
            sum += m;
        }
        double[] shares = new double[mix.length];
        for (int i = 0; i < mix.length; i++) {
            shares[i] = mix[i] / sum;
        }
        int[] out = new int[mix.length];
        Splits.roundShares(shares, total, out, new double[mix.length]);
        return out;
    }

    /** @return total resource blocks */
    int resourceBlocks() {
        return bandwidthMHz * rbPerMHz;
    }

    /** @return the duration of one decision, s */
    double decisionSeconds() {
        return subframesPerDecision * subframeMs / 1e3;
    }
}
