package org.nettwin.env.uav.internal;

/**
 * The parameters of {@code uav/Trajectories-v1} as the world uses them, from a checked
 * {@link UavConfig}.
 *
 * @param mode            {@code parallel} (one agent per UAV) or {@code joint} (one agent, MultiDiscrete)
 * @param users           number of ground users
 * @param uavs            number of UAVs
 * @param areaSide        side of the square service area, metres
 * @param height          UAV flight height, metres
 * @param speed           UAV speed, m/s
 * @param stepSeconds     duration of one decision step, seconds
 * @param powerMw         transmit power per user link, mW
 * @param noiseDbmPerHz   noise power spectral density, dBm/Hz
 * @param bandwidthHz     OFDM bandwidth given to each user, Hz
 * @param carrierHz       carrier frequency, Hz
 * @param antennaGainDb   sum of transmit and receive antenna gains, dB
 * @param headings        number of compass headings a UAV can fly (plus hover)
 * @param clockSteps      steps over which the observation's elapsed-time feature rises to 1
 * @param hangarX         hangar x, metres
 * @param hangarY         hangar y, metres
 * @param userSpeed       ground users' random-walk speed, m/s (0 = static users)
 * @param perEpisodeUsers whether user positions are redrawn at every reset (else drawn once at creation)
 */
public record UavParameters(String mode, int users, int uavs, double areaSide, double height, double speed, double stepSeconds,
        double powerMw, double noiseDbmPerHz, double bandwidthHz, double carrierHz, double antennaGainDb, int headings, int clockSteps,
        double hangarX, double hangarY, double userSpeed, boolean perEpisodeUsers) {

    /** @return the parameters of a checked configuration */
    public static UavParameters of(UavConfig c) {
        return new UavParameters(c.mode(), c.users(), c.uavs(), c.areaSide(), c.height(), c.speed(), c.stepSeconds(), c.powerMw(),
                c.noiseDbmPerHz(), c.bandwidthHz(), c.carrierHz(), c.antennaGainDb(), c.headings(), c.clockSteps(), c.hangar().get(0),
                c.hangar().get(1), c.userSpeed(), c.userLayout().equals("perEpisode"));
    }

    /** @return whether the parallel multi-agent form was asked for */
    public boolean parallel() {
        return mode.equals("parallel");
    }

    /** @return the distance a UAV covers in one step, metres */
    public double moveDistance() {
        return speed * stepSeconds;
    }
}
