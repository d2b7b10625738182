/**
 * Small, fast, allocation-free neural networks for agents and twins: dense stacks ({@link org.nettwin.nn.Mlp}),
 * an LSTM with backpropagation through time ({@link org.nettwin.nn.Lstm}), a variational
 * autoencoder ({@link org.nettwin.nn.Vae}), losses ({@link org.nettwin.nn.Loss}), optimizers
 * ({@link org.nettwin.nn.Adam}, {@link org.nettwin.nn.Sgd}), gradient clipping
 * ({@link org.nettwin.nn.Gradients}) and a versioned binary format ({@link org.nettwin.nn.NetworkFormat}).
 *
 * <p>Every network keeps all its parameters in one contiguous {@code double[]} and its gradients in
 * another of the same layout, so optimizers, target-network updates, copies and pruning masks are
 * plain array loops. Batches are flat row-major {@code double[]} buffers. Returned output buffers
 * belong to the network and are valid until its next call of the same kind.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.nettwin.nn;
