package org.nettwin.env.slicing.internal;

import java.util.List;

import org.nettwin.api.config.ConfigException;
import org.nettwin.api.config.Param;

/**
 * The configuration of {@code slicing/SingleCell-v1}, each parameter declared once (sources in
 * the docs and the README); {@link SingleCellParameters} derives the simulator's quantities from
 * it. Episodes are truncated by the scenario's {@code timeLimit}, 50 decisions by default. The
 * compact constructor checks what a parameter alone cannot.
 */
public record SingleCellConfig(
        @Param(value = "100", doc = "UEs in the cell (Li et al.: 100)", min = 3, max = 2000) int users,
        @Param(value = "[6, 6, 1]", doc = "relative numbers of VoLTE, video and URLLC UEs (Li et al.: 6:6:1)", min = 0, max = 1000) List<Integer> sliceMix,
        @Param(value = "40.0", doc = "cell radius, m (Li et al.: 40 m)", min = 5, max = 5000) double cellRadiusM,
        @Param(value = "10.0", doc = "closest UE distance to the base station, m (TR 36.814 pico: 10 m)", min = 1, max = 1000) double minDistanceM,
        @Param(value = "10", doc = "total bandwidth in whole MHz, the split unit (Li et al.: 10 MHz)", min = 3, max = 100) int bandwidthMHz,
        @Param(value = "180.0", doc = "resource-block bandwidth, kHz (LTE: 180 kHz, 5 RBs per MHz)", min = 15, max = 1000) double rbKHz,
        @Param(value = "30.0", doc = "base-station transmit power, dBm (TR 36.814 pico: 30 dBm in 10 MHz)", min = 0, max = 50) double txPowerDbm,
        @Param(value = "5.0", doc = "base-station antenna gain, dBi (TR 36.814 pico: 5 dBi)", min = 0, max = 20) double antennaGainDbi,
        @Param(value = "9.0", doc = "UE noise figure, dB (TR 36.814: 9 dB); noise density -174 dBm/Hz", min = 0, max = 20) double noiseFigureDb,
        @Param(value = "145.4", doc = "path loss at 1 km, dB (TR 36.814 pico NLOS: 145.4)", min = 60, max = 200) double pathLossInterceptDb,
        @Param(value = "37.5", doc = "path loss per decade of distance, dB (TR 36.814 pico NLOS: 37.5)", min = 10, max = 60) double pathLossSlopeDb,
        @Param(value = "8.0", doc = "log-normal shadowing standard deviation, dB", min = 0, max = 16) double shadowingDb,
        @Param(value = "true", doc = "i.i.d. Rayleigh fading per resource block and subframe") boolean fading,
        @Param(value = "5.5547", doc = "Shannon rate cap, bit/s/Hz (LTE CQI 15, TS 36.213 Table 7.2.3-1)", min = 0.1, max = 15) double maxSpectralEfficiency,
        @Param(value = "0.5", doc = "scheduling interval, ms (Li et al.: 0.5 ms)", min = 0.0625, max = 10) double subframeMs,
        @Param(value = "2000", doc = "subframes between bandwidth decisions (Li et al.: 2000, i.e. 1 s)", min = 1, max = 1_000_000) int subframesPerDecision,
        @Param(value = "1000.0", doc = "mean talk spurt of the VoLTE on/off source, ms (ITU-T P.59: ~1 s)", min = 1, max = 1e6) double volteTalkMs,
        @Param(value = "1500.0", doc = "mean silence of the VoLTE on/off source, ms (ITU-T P.59: ~1.5 s)", min = 1, max = 1e6) double volteSilenceMs,
        @Param(value = "20.0", doc = "VoLTE packet interval during a talk spurt, ms (AMR frames: 20 ms)", min = 0.5, max = 1000) double volteIntervalMs,
        @Param(value = "40.0", doc = "VoLTE packet size, bytes (Li et al.: 40 B)", min = 1, max = 10_000) double volteBytes,
        @Param(value = "1.2", doc = "Pareto shape of video inter-arrivals and sizes (Li et al., NGMN: 1.2)", min = 1.01, max = 10) double videoShape,
        @Param(value = "6.0", doc = "mean video packet inter-arrival, ms (Li et al.: 6 ms)", min = 0.1, max = 1000) double videoMeanIntervalMs,
        @Param(value = "12.5", doc = "truncation of video inter-arrivals, ms (Li et al.: 12.5 ms)", min = 0.1, max = 10_000) double videoMaxIntervalMs,
        @Param(value = "100.0", doc = "mean video packet size, bytes (Li et al.: 100 B)", min = 1, max = 1e6) double videoMeanBytes,
        @Param(value = "250.0", doc = "truncation of video packet sizes, bytes (Li et al.: 250 B)", min = 1, max = 1e7) double videoMaxBytes,
        @Param(value = "180.0", doc = "mean URLLC burst inter-arrival, exponential, ms (Li et al.: 180 ms)", min = 0.5, max = 1e6) double urllcMeanIntervalMs,
        @Param(value = "500.0", doc = "smallest URLLC burst, bytes (sizes uniform between min and max)", min = 1, max = 1e7) double urllcMinBytes,
        @Param(value = "3000.0", doc = "largest URLLC burst, bytes", min = 1, max = 1e7) double urllcMaxBytes,
        @Param(value = "[10.0, 10.0, 1.0]", doc = "latency budget per slice, ms; a packet not delivered in time is dropped (Li et al.: 10, 10, 1 ms)", min = 0.0625, max = 10_000) List<Double> latencyMs,
        @Param(value = "[0.051, 1.0, 10.0]", doc = "required user rate while backlogged per slice, Mbit/s (Li et al.: 0.051 and 10 for VoLTE and URLLC)", min = 0.0001, max = 10_000) List<Double> rateMbps,
        @Param(value = "[1.0, 1.0, 1.0]", doc = "weights of each slice's satisfaction in the reward (Li et al.: 1)", min = 0, max = 100) List<Double> qoeWeights,
        @Param(value = "0.01", doc = "weight of the spectral efficiency in the reward (Li et al.: 0.01)", min = 0, max = 100) double seWeight,
        @Param(value = "discrete", doc = "discrete: index of a split in whole MHz with every slice >= 1 MHz; simplex: shares rounded to whole RBs", choices = {"discrete", "simplex"}) String action
) {

    /** Decisions per episode unless the experiment sets {@code timeLimit}. */
    static final long DEFAULT_TIME_LIMIT = 50;

    /** @throws ConfigException naming the field and what it must be */
    public SingleCellConfig {
        sliceMix = List.copyOf(sliceMix);
        latencyMs = List.copyOf(latencyMs);
        rateMbps = List.copyOf(rateMbps);
        qoeWeights = List.copyOf(qoeWeights);
        perSlice("latencyMs", latencyMs);
        perSlice("rateMbps", rateMbps);
        perSlice("qoeWeights", qoeWeights);
        if (sliceMix.size() != SingleCellParameters.SLICES.size() || sliceMix.stream().mapToInt(Integer::intValue).sum() == 0) {
            throw new ConfigException("sliceMix", "must be 3 non-negative numbers (VoLTE, video, URLLC) with a positive sum, got " + sliceMix);
        }
        if (minDistanceM >= cellRadiusM) {
            throw new ConfigException("minDistanceM", "must be below cellRadiusM (" + cellRadiusM + "), got " + minDistanceM);
        }
        if (urllcMinBytes > urllcMaxBytes) {
            throw new ConfigException("urllcMinBytes", "must be at most urllcMaxBytes (" + urllcMaxBytes + "), got " + urllcMinBytes);
        }
        if (Math.floor(1000.0 / rbKHz) < 1) {
            throw new ConfigException("rbKHz", "must fit at least one RB in 1 MHz, i.e. be in [15, 1000], got " + rbKHz);
        }
    }

    private static void perSlice(String name, List<Double> values) {
        if (values.size() != SingleCellParameters.SLICES.size()) {
            throw new ConfigException(name, "must have 3 values (VoLTE, video, URLLC), got " + values.size());
        }
    }
}
