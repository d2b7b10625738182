/**
 * Environments with Gymnasium semantics (single agent) and PettingZoo parallel semantics (multi agent), plus optional capabilities such as snapshots and exact finite-MDP tables.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.nettwin.api.env;
