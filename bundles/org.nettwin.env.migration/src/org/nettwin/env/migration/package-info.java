/**
 * The UAV-twin migration Stackelberg game of {@code migration/UavTwinMigration-v1}: the game with
 * the UAVs' exact best responses ({@link org.nettwin.env.migration.MigrationGame}) and its
 * equilibrium ({@link org.nettwin.env.migration.StackelbergEquilibrium}), for baselines and
 * analyses outside the bundle.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.nettwin.env.migration;
