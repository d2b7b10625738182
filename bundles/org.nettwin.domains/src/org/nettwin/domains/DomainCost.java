package org.nettwin.domains;

/**
 * The price of the speed-up: what a run spent on the physical environment and in its domains.
 *
 * @param physicalSteps      steps taken on the physical environment
 * @param physicalEpisodes   episodes on the physical environment
 * @param domainSteps        steps taken in all domains together
 * @param syncs              domain synchronisations
 * @param storedTransitions  transitions written to the domains' storage spaces
 * @param physicalSeconds    wall time of the physical steps
 * @param domainSeconds      wall time of domain work (synchronisations, steps, the twin agents' action choices)
 * @param twinDataSteps      physical steps spent recording data to learn a twin (0 for perfect copies)
 * @param twinBuildSeconds   wall time of learning the twin (0 for perfect copies)
 */
public record DomainCost(long physicalSteps, long physicalEpisodes, long domainSteps, long syncs, long storedTransitions,
        double physicalSeconds, double domainSeconds, long twinDataSteps, double twinBuildSeconds) {

    /** @return domain steps per physical step */
    public double domainStepsPerPhysicalStep() {
        return physicalSteps == 0 ? 0 : (double) domainSteps / physicalSteps;
    }

    /** @return time in domains over time on the physical environment */
    public double domainTimeRatio() {
        return physicalSeconds == 0 ? 0 : domainSeconds / physicalSeconds;
    }
}
