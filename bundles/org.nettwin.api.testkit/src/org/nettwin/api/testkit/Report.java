package org.nettwin.api.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the problems one conformance run finds. A problem that recurs (e.g. the same kind of
 * bad observation at many steps) is reported once, with the number of further occurrences.
 */
final class Report {

    private final List<String> problems = new ArrayList<>();
    private final Map<String, Integer> recurringIndex = new HashMap<>();
    private final Map<String, Integer> recurringCount = new HashMap<>();
    private Throwable firstFailure;

    /** Records a problem. */
    void add(String problem) {
        problems.add(problem);
    }

    /** Records a problem caused by an exception the environment threw. */
    void add(String problem, Throwable failure) {
        problems.add(problem + ": " + Render.failure(failure));
        if (firstFailure == null) {
            firstFailure = failure;
        }
    }

    /** Records the first problem of kind {@code key}; later ones of that kind are only counted. */
    void recurring(String key, String problem) {
        Integer index = recurringIndex.get(key);
        if (index == null) {
            recurringIndex.put(key, problems.size());
            recurringCount.put(key, 0);
            problems.add(problem);
        } else {
            recurringCount.merge(key, 1, Integer::sum);
        }
    }

    /** As {@link #recurring(String, String)}, for a problem caused by an exception the environment threw. */
    void recurring(String key, String problem, Throwable failure) {
        if (!recurringIndex.containsKey(key) && firstFailure == null) {
            firstFailure = failure;
        }
        recurring(key, problem + ": " + Render.failure(failure));
    }

    /** @return whether no problem was recorded */
    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** @return the problems in the order found, recurring ones with their further count */
    List<String> problems() {
        List<String> out = new ArrayList<>(problems);
        recurringIndex.forEach((key, index) -> {
            int more = recurringCount.get(key);
            if (more > 0) {
                out.set(index, out.get(index) + " (and " + more + " more time" + (more == 1 ? "" : "s") + ")");
            }
        });
        return out;
    }

    /** @return the first exception the environment threw, if any */
    Throwable firstFailure() {
        return firstFailure;
    }

    /** Throws an {@link AssertionError} listing every problem, if there is one. */
    void throwIfAny(String subject) {
        if (problems.isEmpty()) {
            return;
        }
        List<String> all = problems();
        StringBuilder sb = new StringBuilder(subject).append(" failed ").append(all.size())
                .append(all.size() == 1 ? " conformance check:" : " conformance checks:");
        for (int i = 0; i < all.size(); i++) {
            sb.append("\n  ").append(i + 1).append(". ").append(all.get(i));
        }
        throw firstFailure == null ? new AssertionError(sb.toString()) : new AssertionError(sb.toString(), firstFailure);
    }
}
