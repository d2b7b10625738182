package org.nettwin.experiment.bsm.internal;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.simple.SimpleMatrix;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;
import org.nettwin.api.env.MdpTables;

/**
 * Exact and iterative solutions of a finite discounted MDP given by its tables. Exact policy values
 * solve {@code (I − γ P_π) V = R_π} with EJML: dense LU ({@code SimpleMatrix.solve}) up to
 * {@code denseUpTo} states, sparse LU with fill-reducing ordering beyond (the tables are sparse,
 * so is {@code I − γ P_π}). Exact optima come from policy iteration started at the greedy policy
 * of value iteration: it stops when no state improves, so the result is optimal up to rounding.
 */
final class MdpSolver {

    /** An action must beat the current one by more than this to replace it (ties keep the current action: no cycling). */
    private static final double IMPROVEMENT = 1e-10;

    private final double gamma;
    private final int denseUpTo;

    MdpSolver(double gamma, int denseUpTo) {
        if (!(gamma >= 0 && gamma < 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1), got " + gamma);
        }
        this.gamma = gamma;
        this.denseUpTo = denseUpTo;
    }

    /** @return the exact value of the deterministic policy {@code policy} (an action per state) */
    double[] evaluate(MdpTables m, int[] policy) {
        int n = m.stateCount();
        return n <= denseUpTo ? evaluateDense(m, policy) : evaluateSparse(m, policy);
    }

    private double[] evaluateDense(MdpTables m, int[] policy) {
        int n = m.stateCount();
        SimpleMatrix a = SimpleMatrix.identity(n);
        SimpleMatrix r = new SimpleMatrix(n, 1);
        for (int s = 0; s < n; s++) {
            int act = policy[s];
            for (int i = 0; i < m.successorCount(s, act); i++) {
                int t = m.successor(s, act, i);
                a.set(s, t, a.get(s, t) - gamma * m.successorProbability(s, act, i));
            }
            r.set(s, 0, m.reward(s, act));
        }
        SimpleMatrix v = a.solve(r);
        double[] out = new double[n];
        for (int s = 0; s < n; s++) {
            out[s] = v.get(s, 0);
        }
        return out;
    }

    private double[] evaluateSparse(MdpTables m, int[] policy) {
        int n = m.stateCount();
        DMatrixSparseTriplet triplet = new DMatrixSparseTriplet(n, n, n * 8);
        DMatrixRMaj r = new DMatrixRMaj(n, 1);
        for (int s = 0; s < n; s++) {
            int act = policy[s];
            double diagonal = 1;
            for (int i = 0; i < m.successorCount(s, act); i++) {
                int t = m.successor(s, act, i);
                if (t == s) {
                    diagonal -= gamma * m.successorProbability(s, act, i);
                } else {
                    triplet.addItem(s, t, -gamma * m.successorProbability(s, act, i));
                }
            }
            triplet.addItem(s, s, diagonal);
            r.set(s, 0, m.reward(s, act));
        }
        DMatrixSparseCSC a = DConvertMatrixStruct.convert(triplet, (DMatrixSparseCSC) null);
        LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> solver = LinearSolverFactory_DSCC.lu(FillReducing.NONE);
        if (!solver.setA(a)) {
            throw new IllegalStateException("I − γP_π is singular (γ = " + gamma + ")");
        }
        DMatrixRMaj v = new DMatrixRMaj(n, 1);
        solver.solve(r, v);
        return v.getData().clone();
    }

    /** @return the policy's value by iterating {@code V ← R_π + γ P_π V} until a sweep changes it by at most {@code tolerance} */
    double[] evaluateIteratively(MdpTables m, int[] policy, double tolerance) {
        int n = m.stateCount();
        double[] v = new double[n];
        double[] next = new double[n];
        double change;
        do {
            change = 0;
            for (int s = 0; s < n; s++) {
                next[s] = q(m, v, s, policy[s]);
                change = Math.max(change, Math.abs(next[s] - v[s]));
            }
            double[] swap = v;
            v = next;
            next = swap;
        } while (change > tolerance);
        return v;
    }

    /**
     * Value iteration from 0 until a sweep changes values by less than {@code tolerance·(1−γ)/(2γ)},
     * so that the greedy policy is {@code tolerance}-optimal (Puterman, Thm. 6.3.1).
     *
     * @return the greedy policy of the last values
     */
    int[] valueIteration(MdpTables m, double tolerance) {
        int n = m.stateCount();
        double[] v = new double[n];
        double[] next = new double[n];
        double stop = gamma == 0 ? Double.POSITIVE_INFINITY : tolerance * (1 - gamma) / (2 * gamma);
        double change;
        do {
            change = 0;
            for (int s = 0; s < n; s++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < m.actionCount(); a++) {
                    best = Math.max(best, q(m, v, s, a));
                }
                next[s] = best;
                change = Math.max(change, Math.abs(best - v[s]));
            }
            double[] swap = v;
            v = next;
            next = swap;
        } while (change >= stop);
        return greedy(m, v, null);
    }

    /** @return an exactly optimal policy: policy iteration from {@code start} */
    int[] optimalPolicy(MdpTables m, int[] start) {
        int[] policy = start.clone();
        while (true) {
            double[] v = evaluate(m, policy);
            int[] improved = greedy(m, v, policy);
            if (java.util.Arrays.equals(improved, policy)) {
                return policy;
            }
            policy = improved;
        }
    }

    /** @return the greedy policy of {@code v}; where {@code current} is given, its action is kept unless another is better by more than 1e-10 */
    int[] greedy(MdpTables m, double[] v, int[] current) {
        int n = m.stateCount();
        int[] policy = new int[n];
        for (int s = 0; s < n; s++) {
            int best = current == null ? 0 : current[s];
            double bestValue = q(m, v, s, best);
            for (int a = 0; a < m.actionCount(); a++) {
                double value = q(m, v, s, a);
                if (value > bestValue + (current == null ? 0 : IMPROVEMENT)) {
                    best = a;
                    bestValue = value;
                }
            }
            policy[s] = best;
        }
        return policy;
    }

    /** @return {@code R(s,a) + γ Σ P(s'|s,a) v(s')} */
    double q(MdpTables m, double[] v, int s, int a) {
        double sum = 0;
        for (int i = 0; i < m.successorCount(s, a); i++) {
            sum += m.successorProbability(s, a, i) * v[m.successor(s, a, i)];
        }
        return m.reward(s, a) + gamma * sum;
    }

    /** @return {@code Σ_s μ0(s) v(s)}, the value from the initial distribution */
    static double initialValue(MdpTables m, double[] v) {
        double sum = 0;
        for (int s = 0; s < m.stateCount(); s++) {
            sum += m.initialProbability(s) * v[s];
        }
        return sum;
    }
}
