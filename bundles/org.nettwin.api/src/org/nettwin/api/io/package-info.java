/**
 * Files that appear whole or not at all: {@link org.nettwin.api.io.AtomicFiles} for single files
 * (reports, charts, policies), {@link org.nettwin.api.io.AtomicFolder} for a run folder.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.nettwin.api.io;
