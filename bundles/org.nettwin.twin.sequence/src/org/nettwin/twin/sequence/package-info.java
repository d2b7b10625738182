/**
 * What the window-based (LSTM) digital twins share: training samples over windows of past
 * (state, action) pairs, z-score normalisation, the split by episode, the epoch loop with early
 * stopping, the twin environment itself with calibration and accuracy evaluation, and the twin
 * report. A twin builder supplies only a {@link org.nettwin.twin.sequence.SequenceModel}.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.1")
package org.nettwin.twin.sequence;
