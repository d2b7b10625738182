package org.nettwin.api.transfer;

/**
 * What a transfer moved.
 *
 * @param parametersCopied   model parameters copied into the target
 * @param transitionsCopied  experience instances added to the target
 * @param description        a sentence for logs
 * @since 0.1
 */
public record TransferReport(long parametersCopied, long transitionsCopied, String description) {
}
