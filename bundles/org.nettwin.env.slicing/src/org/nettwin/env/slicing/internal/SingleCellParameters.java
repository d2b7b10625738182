package org.nettwin.env.slicing.internal;

import java.util.List;

import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigException;
import org.nettwin.api.config.ConfigSchema;

/**
 * The validated parameters of {@code slicing/SingleCell-v1}, after Li et al., "Deep
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
 * @param decisions              decisions before the episode is truncated
 * @param simplexAction          whether the action is a {@code Simplex} of shares instead of a split index
 */
record SingleCellParameters(int users, int[] sliceUsers, double cellRadiusM, double minDistanceM, int bandwidthMHz, int rbPerMHz,
        double rbHz, double txPowerDbm, double antennaGainDbi, double noiseFigureDb, double pathLossInterceptDb,
        double pathLossSlopeDb, double shadowingDb, boolean fading, double maxSpectralEfficiency, double subframeMs,
        int subframesPerDecision, double volteTalkMs, double volteSilenceMs, double volteIntervalMs, double volteBytes,
        double videoShape, double videoMeanIntervalMs, double videoMaxIntervalMs, double videoMeanBytes, double videoMaxBytes,
        double urllcMeanIntervalMs, double urllcMinBytes, double urllcMaxBytes, double[] latencyMs, double[] rateBps,
        double[] qoeWeights, double seWeight, int decisions, boolean simplexAction) {

    /** The slices, in observation and action order. */
    static final List<String> SLICES = List.of("volte", "video", "urllc");

    /** The typed configuration, with defaults and ranges. */
    static final ConfigSchema SCHEMA = ConfigSchema.builder()
            .intParam("users", 100, 3, 2000, "UEs in the cell (Li et al.: 100)")
            .intListParam("sliceMix", List.of(6, 6, 1), 0, 1000, "relative numbers of VoLTE, video and URLLC UEs (Li et al.: 6:6:1)")
            .doubleParam("cellRadiusM", 40, 5, 5000, "cell radius, m (Li et al.: 40 m)")
            .doubleParam("minDistanceM", 10, 1, 1000, "closest UE distance to the base station, m (TR 36.814 pico: 10 m)")
            .intParam("bandwidthMHz", 10, 3, 100, "total bandwidth in whole MHz, the split unit (Li et al.: 10 MHz)")
            .doubleParam("rbKHz", 180, 15, 1000, "resource-block bandwidth, kHz (LTE: 180 kHz, 5 RBs per MHz)")
            .doubleParam("txPowerDbm", 30, 0, 50, "base-station transmit power, dBm (TR 36.814 pico: 30 dBm in 10 MHz)")
            .doubleParam("antennaGainDbi", 5, 0, 20, "base-station antenna gain, dBi (TR 36.814 pico: 5 dBi)")
            .doubleParam("noiseFigureDb", 9, 0, 20, "UE noise figure, dB (TR 36.814: 9 dB); noise density -174 dBm/Hz")
            .doubleParam("pathLossInterceptDb", 145.4, 60, 200, "path loss at 1 km, dB (TR 36.814 pico NLOS: 145.4)")
            .doubleParam("pathLossSlopeDb", 37.5, 10, 60, "path loss per decade of distance, dB (TR 36.814 pico NLOS: 37.5)")
            .doubleParam("shadowingDb", 8, 0, 16, "log-normal shadowing standard deviation, dB")
            .boolParam("fading", true, "i.i.d. Rayleigh fading per resource block and subframe")
            .doubleParam("maxSpectralEfficiency", 5.5547, 0.1, 15, "Shannon rate cap, bit/s/Hz (LTE CQI 15, TS 36.213 Table 7.2.3-1)")
            .doubleParam("subframeMs", 0.5, 0.0625, 10, "scheduling interval, ms (Li et al.: 0.5 ms)")
            .intParam("subframesPerDecision", 2000, 1, 1_000_000, "subframes between bandwidth decisions (Li et al.: 2000, i.e. 1 s)")
            .doubleParam("volteTalkMs", 1000, 1, 1e6, "mean talk spurt of the VoLTE on/off source, ms (ITU-T P.59: ~1 s)")
            .doubleParam("volteSilenceMs", 1500, 1, 1e6, "mean silence of the VoLTE on/off source, ms (ITU-T P.59: ~1.5 s)")
            .doubleParam("volteIntervalMs", 20, 0.5, 1000, "VoLTE packet interval during a talk spurt, ms (AMR frames: 20 ms)")
            .doubleParam("volteBytes", 40, 1, 10_000, "VoLTE packet size, bytes (Li et al.: 40 B)")
            .doubleParam("videoShape", 1.2, 1.01, 10, "Pareto shape of video inter-arrivals and sizes (Li et al., NGMN: 1.2)")
            .doubleParam("videoMeanIntervalMs", 6, 0.1, 1000, "mean video packet inter-arrival, ms (Li et al.: 6 ms)")
            .doubleParam("videoMaxIntervalMs", 12.5, 0.1, 10_000, "truncation of video inter-arrivals, ms (Li et al.: 12.5 ms)")
            .doubleParam("videoMeanBytes", 100, 1, 1e6, "mean video packet size, bytes (Li et al.: 100 B)")
            .doubleParam("videoMaxBytes", 250, 1, 1e7, "truncation of video packet sizes, bytes (Li et al.: 250 B)")
            .doubleParam("urllcMeanIntervalMs", 180, 0.5, 1e6, "mean URLLC burst inter-arrival, exponential, ms (Li et al.: 180 ms)")
            .doubleParam("urllcMinBytes", 500, 1, 1e7, "smallest URLLC burst, bytes (sizes uniform between min and max)")
            .doubleParam("urllcMaxBytes", 3000, 1, 1e7, "largest URLLC burst, bytes")
            .doubleListParam("latencyMs", List.of(10.0, 10.0, 1.0), 0.0625, 10_000,
                    "latency budget per slice, ms; a packet not delivered in time is dropped (Li et al.: 10, 10, 1 ms)")
            .doubleListParam("rateMbps", List.of(0.051, 1.0, 10.0), 0.0001, 10_000,
                    "required user rate while backlogged per slice, Mbit/s (Li et al.: 0.051 and 10 for VoLTE and URLLC)")
            .doubleListParam("qoeWeights", List.of(1.0, 1.0, 1.0), 0, 100, "weights of each slice's satisfaction in the reward (Li et al.: 1)")
            .doubleParam("seWeight", 0.01, 0, 100, "weight of the spectral efficiency in the reward (Li et al.: 0.01)")
            .intParam("decisions", 50, 1, 10_000_000, "decisions before an episode is truncated")
            .choiceParam("action", "discrete", List.of("discrete", "simplex"),
                    "discrete: index of a split in whole MHz with every slice >= 1 MHz; simplex: shares rounded to whole RBs")
            .build();

    /** Reads a validated config and checks what the schema cannot. */
    static SingleCellParameters of(Config c) {
        int[] mix = c.getInts("sliceMix");
        for (String list : List.of("latencyMs", "rateMbps", "qoeWeights")) {
            if (c.getDoubles(list).length != SLICES.size()) {
                throw new ConfigException(list, "must have 3 values (VoLTE, video, URLLC), got " + c.getDoubles(list).length);
            }
        }
        if (mix.length != SLICES.size() || mix[0] + mix[1] + mix[2] == 0) {
            throw new ConfigException("sliceMix", "must be 3 non-negative numbers (VoLTE, video, URLLC) with a positive sum, got "
                    + java.util.Arrays.toString(mix));
        }
        if (c.getDouble("minDistanceM") >= c.getDouble("cellRadiusM")) {
            throw new ConfigException("minDistanceM", "must be below cellRadiusM (" + c.getDouble("cellRadiusM") + "), got "
                    + c.getDouble("minDistanceM"));
        }
        if (c.getDouble("urllcMinBytes") > c.getDouble("urllcMaxBytes")) {
            throw new ConfigException("urllcMinBytes", "must be at most urllcMaxBytes (" + c.getDouble("urllcMaxBytes") + "), got "
                    + c.getDouble("urllcMinBytes"));
        }
        int rbPerMHz = (int) Math.floor(1000.0 / c.getDouble("rbKHz"));
        if (rbPerMHz < 1) {
            throw new ConfigException("rbKHz", "must fit at least one RB in 1 MHz, i.e. be in [15, 1000], got " + c.getDouble("rbKHz"));
        }
        int users = c.getInt("users");
        double[] rate = c.getDoubles("rateMbps");
        for (int i = 0; i < rate.length; i++) {
            rate[i] *= 1e6;
        }
        return new SingleCellParameters(users, apportion(users, mix), c.getDouble("cellRadiusM"), c.getDouble("minDistanceM"),
                c.getInt("bandwidthMHz"), rbPerMHz, c.getDouble("rbKHz") * 1e3, c.getDouble("txPowerDbm"), c.getDouble("antennaGainDbi"),
                c.getDouble("noiseFigureDb"), c.getDouble("pathLossInterceptDb"), c.getDouble("pathLossSlopeDb"),
                c.getDouble("shadowingDb"), c.getBoolean("fading"), c.getDouble("maxSpectralEfficiency"), c.getDouble("subframeMs"),
                c.getInt("subframesPerDecision"), c.getDouble("volteTalkMs"), c.getDouble("volteSilenceMs"),
                c.getDouble("volteIntervalMs"), c.getDouble("volteBytes"), c.getDouble("videoShape"),
                c.getDouble("videoMeanIntervalMs"), c.getDouble("videoMaxIntervalMs"), c.getDouble("videoMeanBytes"),
                c.getDouble("videoMaxBytes"), c.getDouble("urllcMeanIntervalMs"), c.getDouble("urllcMinBytes"),
                c.getDouble("urllcMaxBytes"), c.getDoubles("latencyMs"), rate, c.getDoubles("qoeWeights"), c.getDouble("seWeight"),
                c.getInt("decisions"), c.getString("action").equals("simplex"));
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
