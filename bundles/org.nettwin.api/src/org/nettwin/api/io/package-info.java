/**
 * Files: {@link org.nettwin.api.io.AtomicFiles} for single files that appear whole or not at all
 * (reports, charts, policies), {@link org.nettwin.api.io.AtomicFolder} for a run folder; and the
 * registry of binary formats, {@link org.nettwin.api.io.BinaryFormats} (one
 * {@link org.nettwin.api.io.BinaryFormat} per format: magic, version, name, extension), which says
 * what any file is ({@link org.nettwin.api.io.Identification}) and refuses a file of the wrong kind
 * or version with a {@link org.nettwin.api.io.FormatMismatchException} naming both.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.1")
package org.nettwin.api.io;
