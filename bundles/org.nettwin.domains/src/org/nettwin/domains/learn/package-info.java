/**
 * The two DT-enhanced learners of paper 001's case studies: Q-learning with simultaneous n-action
 * trials ({@link org.nettwin.domains.learn.TrialsQLearning}) and DQN with k-step twin-prediction
 * targets averaged over D domains ({@link org.nettwin.domains.learn.KStepDqn}).
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.nettwin.domains.learn;
