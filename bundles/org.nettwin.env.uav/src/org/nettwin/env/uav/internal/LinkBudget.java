package org.nettwin.env.uav.internal;

/**
 * The free-space (Friis) link budget of one OFDM user subchannel: received power
 * {@code P_r = P_t G (c / (4 pi f d))^2}, noise {@code N_0 W}, and Shannon rate
 * {@code R(d) = W log2(1 + P_r / (N_0 W))}. Because OFDM subchannels are orthogonal there is no
 * interference term, so the rate depends on the distance alone and falls monotonically with it.
 *
 * <p>The constant part of the SNR, {@code snrAtOneMetre = P_t G (c/4 pi f)^2 / (N_0 W)}, is
 * computed once so that a rate costs one division and one logarithm.
 */
public final class LinkBudget {

    /** Speed of light, m/s. */
    public static final double SPEED_OF_LIGHT = 299_792_458.0;

    private static final double LN2 = Math.log(2.0);

    private final double bandwidthHz;
    private final double snrAtOneMetre;

    /**
     * @param powerMw       transmit power, mW
     * @param noiseDbmPerHz noise power spectral density, dBm/Hz
     * @param bandwidthHz   subchannel bandwidth, Hz
     * @param carrierHz     carrier frequency, Hz
     * @param antennaGainDb transmit plus receive antenna gain, dB
     */
    public LinkBudget(double powerMw, double noiseDbmPerHz, double bandwidthHz, double carrierHz, double antennaGainDb) {
        double powerW = powerMw * 1e-3;
        double noiseWPerHz = Math.pow(10.0, (noiseDbmPerHz - 30.0) / 10.0);
        double wavelength = SPEED_OF_LIGHT / carrierHz;
        double friisAtOneMetre = Math.pow(wavelength / (4.0 * Math.PI), 2.0);
        this.bandwidthHz = bandwidthHz;
        this.snrAtOneMetre = powerW * Math.pow(10.0, antennaGainDb / 10.0) * friisAtOneMetre / (noiseWPerHz * bandwidthHz);
    }

    /** @return the linear SNR at a squared distance of {@code squaredMetres} */
    public double snr(double squaredMetres) {
        return snrAtOneMetre / squaredMetres;
    }

    /** @return the Shannon rate in Mbit/s at a squared distance of {@code squaredMetres} (> 0) */
    public double rateMbps(double squaredMetres) {
        return bandwidthHz * Math.log1p(snrAtOneMetre / squaredMetres) / LN2 * 1e-6;
    }

    /** @return the Shannon rate in Mbit/s at a distance of {@code metres} (> 0) */
    public double rateMbpsAtDistance(double metres) {
        return rateMbps(metres * metres);
    }
}
