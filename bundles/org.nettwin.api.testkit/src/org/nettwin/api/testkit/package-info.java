/**
 * Conformance checks and test doubles for NetTwin plugins, independent of any test framework:
 * {@link org.nettwin.api.testkit.EnvironmentConformance} checks an environment against the
 * contract of {@link org.nettwin.api.env.Environment} and
 * {@link org.nettwin.api.env.MultiAgentEnvironment}, failing with an {@link AssertionError} that
 * lists every problem found; {@link org.nettwin.api.testkit.SteadyStateAllocation} measures what
 * compiled hot loops allocate.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.1")
package org.nettwin.api.testkit;
