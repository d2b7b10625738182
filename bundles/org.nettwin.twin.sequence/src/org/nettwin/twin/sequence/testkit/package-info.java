/**
 * Test support for window twins and their users: a cheap continuous environment with a known,
 * shiftable dynamics, a recorder of behaviour transitions, and the persistence baseline.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.nettwin.twin.sequence.testkit;
