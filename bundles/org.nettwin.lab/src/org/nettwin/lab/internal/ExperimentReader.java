package org.nettwin.lab.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.nettwin.lab.Experiment;
import org.nettwin.lab.ExperimentException;

/**
 * Parses and structurally validates experiment files. Every problem is reported as
 * {@code FILE:LINE:COLUMN: FIELD.PATH: message}; plugin configurations are checked later, against
 * the plugins' schemas.
 */
final class ExperimentReader {

    private static final Set<String> TOP = Set.of("name", "description", "type", "scenario", "algorithm", "budget", "collect", "twin", "loop",
            "landscape", "offline", "distill", "seeds");
    private static final Set<String> OFFLINE = Set.of("dataset", "behaviour", "stochastic", "datasetSteps", "updates", "evaluations",
            "variants");
    private static final Set<String> DISTILL = Set.of("id", "config", "datasetSteps", "heldOutSteps", "timingCalls");
    private static final Set<String> LANDSCAPE = Set.of("network", "range", "points", "gridPoints", "epsilon", "radius");
    private static final Set<String> SCENARIO = Set.of("id", "config");
    private static final Set<String> ALGORITHM = Set.of("id", "config", "policy");
    private static final Set<String> BUDGET = Set.of("steps", "evalEpisodes", "maxEpisodeSteps", "evalEvery");
    private static final Set<String> TWIN = Set.of("id", "config");
    private static final Set<String> LOOP = Set.of("behaviour", "historySteps", "realSteps", "twinSteps", "initialTwinSteps",
            "heldOutSteps", "horizon", "vanilla", "targetFraction");
    private static final Set<String> COLLECT = Set.of("steps", "format", "stochastic");

    private final Path file;
    private final List<String> problems = new ArrayList<>();
    private Map<String, String> locations = Map.of();

    private ExperimentReader(Path file) {
        this.file = file;
    }

    static Experiment read(Path file) throws IOException {
        return new ExperimentReader(file).parse();
    }

    private Experiment parse() throws IOException {
        LocatedJson json;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            json = LocatedJson.read(in);
        } catch (LocatedJson.SyntaxException e) {
            throw new ExperimentException(List.of(file + ":" + e.location + ": " + e.getMessage()));
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ExperimentException(List.of(file + ":1:1: the file is not UTF-8 text"));
        }
        locations = json.locations;
        if (!(json.root instanceof Map<?, ?> root)) {
            throw new ExperimentException(List.of(problem("", "an experiment must be a JSON object")));
        }
        Map<String, Object> top = cast(root);
        unknown(top, TOP, "");
        String name = string(top, "name", "", true);
        String description = string(top, "description", "", false);
        Experiment.Type type = type(top);
        Experiment.PluginRef scenario = plugin(top, "scenario", SCENARIO);
        Experiment.PluginRef algorithm = plugin(top, "algorithm", ALGORITHM);
        Experiment.Budget budget = null;
        Experiment.Collection collection = null;
        Experiment.PluginRef twin = null;
        Experiment.Loop loop = null;
        Experiment.Landscape landscape = null;
        Experiment.Offline offline = null;
        Experiment.Distill distill = null;
        if (type == Experiment.Type.COLLECT) {
            collection = collection(top);
            notFor(top, "budget", type);
        } else if (type == Experiment.Type.OFFLINE) {
            budget = evaluationBudget(top);
            notFor(top, "collect", type);
        } else {
            budget = budget(top);
            notFor(top, "collect", type);
        }
        if (type == Experiment.Type.OFFLINE) {
            offline = offline(top);
        } else {
            notFor(top, "offline", type);
        }
        if (type == Experiment.Type.DISTILL) {
            distill = distill(top);
        } else {
            notFor(top, "distill", type);
        }
        if (type == Experiment.Type.TWIN_LOOP) {
            twin = plugin(top, "twin", TWIN);
            loop = loop(top);
            landscape = top.containsKey("landscape") ? landscape(top) : null;
        } else {
            notFor(top, "landscape", type);
            notFor(top, "twin", type);
            notFor(top, "loop", type);
        }
        List<Long> seeds = seeds(top);
        if (name != null && !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            problems.add(problem("name", "must be letters, digits, '.', '_' or '-' (it names the output folder), got \"" + name + "\""));
        }
        if (!problems.isEmpty()) {
            throw new ExperimentException(problems);
        }
        return new Experiment(file, name, description == null ? "" : description, type, scenario, algorithm, budget, collection, twin, loop,
                landscape, offline, distill, seeds,
                Map.copyOf(locations));
    }

    private String problem(String path, String message) {
        return Experiment.locate(file, locations, path) + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private void unknown(Map<String, Object> obj, Set<String> known, String path) {
        for (String key : obj.keySet()) {
            if (!known.contains(key)) {
                problems.add(problem(join(path, key), "unknown field; known fields: " + String.join(", ", known.stream().sorted().toList())));
            }
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private String string(Map<String, Object> obj, String key, String path, boolean required) {
        Object v = obj.get(key);
        String p = join(path, key);
        if (v == null) {
            if (required) {
                problems.add(problem(p, "is required (text)"));
            }
            return null;
        }
        if (!(v instanceof String s) || s.isBlank()) {
            problems.add(problem(p, "must be non-empty text, got " + render(v)));
            return null;
        }
        return s;
    }

    private Experiment.Type type(Map<String, Object> top) {
        Object v = top.get("type");
        if (v == null || "train".equals(v)) {
            return Experiment.Type.TRAIN;
        }
        for (Experiment.Type t : Experiment.Type.values()) {
            if (t.fileName().equals(v)) {
                return t;
            }
        }
        problems.add(problem("type", "must be one of " + java.util.Arrays.stream(Experiment.Type.values()).map(t -> "\"" + t.fileName() + "\"")
                .collect(java.util.stream.Collectors.joining(", ")) + "; got " + render(v)));
        return Experiment.Type.TRAIN;
    }

    private void notFor(Map<String, Object> top, String key, Experiment.Type type) {
        if (top.containsKey(key)) {
            problems.add(problem(key, "is not used by \"" + type.fileName() + "\" experiments"));
        }
    }

    private Experiment.PluginRef plugin(Map<String, Object> top, String key, Set<String> fields) {
        Object v = top.get(key);
        if (v == null) {
            problems.add(problem(key, "is required: {\"id\": \"...\", \"config\": {...}}"));
            return null;
        }
        if (!(v instanceof Map<?, ?> m)) {
            problems.add(problem(key, "must be an object {\"id\": \"...\", \"config\": {...}}, got " + render(v)));
            return null;
        }
        Map<String, Object> obj = cast(m);
        unknown(obj, fields, key);
        String id = string(obj, "id", key, true);
        Object config = obj.get("config");
        Map<String, Object> cfg = new LinkedHashMap<>();
        if (config instanceof Map<?, ?> c) {
            cfg.putAll(cast(c));
        } else if (config != null) {
            problems.add(problem(key + ".config", "must be an object, got " + render(config)));
        }
        String policy = string(obj, "policy", key, false);
        Path policyFile = null;
        if (policy != null) {
            Path dir = file.toAbsolutePath().getParent();
            policyFile = dir.resolve(policy).normalize();
            if (!Files.isRegularFile(policyFile)) {
                problems.add(problem(key + ".policy", "no such policy file: " + policyFile));
            }
        }
        return new Experiment.PluginRef(id, cfg, policyFile);
    }

    private Experiment.Collection collection(Map<String, Object> top) {
        Object v = top.get("collect");
        if (!(v instanceof Map<?, ?> m)) {
            problems.add(problem("collect", v == null ? "is required for \"collect\" experiments: {\"steps\": N, \"format\": \"binary\"}"
                    : "must be an object, got " + render(v)));
            return null;
        }
        Map<String, Object> obj = cast(m);
        unknown(obj, COLLECT, "collect");
        long steps = whole(obj, "steps", "collect", 1, 1_000_000_000L, null);
        Object f = obj.getOrDefault("format", "binary");
        Experiment.Format format = switch (String.valueOf(f)) {
            case "binary" -> Experiment.Format.BINARY;
            case "csv" -> Experiment.Format.CSV;
            case "both" -> Experiment.Format.BOTH;
            default -> {
                problems.add(problem("collect.format", "must be \"binary\", \"csv\" or \"both\", got " + render(f)));
                yield Experiment.Format.BINARY;
            }
        };
        Object stochastic = obj.getOrDefault("stochastic", Boolean.TRUE);
        if (!(stochastic instanceof Boolean)) {
            problems.add(problem("collect.stochastic", "must be true or false, got " + render(stochastic)));
            stochastic = Boolean.TRUE;
        }
        return new Experiment.Collection(steps, format, (Boolean) stochastic);
    }

    private Experiment.Budget budget(Map<String, Object> top) {
        Object v = top.get("budget");
        if (v == null) {
            problems.add(problem("budget", "is required: {\"steps\": N, \"evalEpisodes\": N, \"maxEpisodeSteps\": N}"));
            return null;
        }
        if (!(v instanceof Map<?, ?> m)) {
            problems.add(problem("budget", "must be an object, got " + render(v)));
            return null;
        }
        Map<String, Object> obj = cast(m);
        unknown(obj, BUDGET, "budget");
        long steps = whole(obj, "steps", "budget", 1, 10_000_000_000L, null);
        long eval = whole(obj, "evalEpisodes", "budget", 0, 100_000, 10L);
        long max = whole(obj, "maxEpisodeSteps", "budget", 1, 100_000_000, 100_000L);
        long every = whole(obj, "evalEvery", "budget", 0, 10_000_000_000L, 0L);
        return new Experiment.Budget(steps, (int) eval, (int) max, every);
    }

    /** Offline experiments learn no environment steps: the budget only says how to evaluate. */
    private Experiment.Budget evaluationBudget(Map<String, Object> top) {
        Object v = top.get("budget");
        if (v == null) {
            return new Experiment.Budget(0, 10, 100_000, 0);
        }
        if (!(v instanceof Map<?, ?> m)) {
            problems.add(problem("budget", "must be an object, got " + render(v)));
            return null;
        }
        Map<String, Object> obj = cast(m);
        unknown(obj, Set.of("evalEpisodes", "maxEpisodeSteps"), "budget");
        long eval = whole(obj, "evalEpisodes", "budget", 1, 100_000, 10L);
        long max = whole(obj, "maxEpisodeSteps", "budget", 1, 100_000_000, 100_000L);
        return new Experiment.Budget(0, (int) eval, (int) max, 0);
    }

    private Experiment.Offline offline(Map<String, Object> top) {
        if (!(top.get("offline") instanceof Map<?, ?> m)) {
            problems.add(problem("offline", top.get("offline") == null
                    ? "is required for \"offline\" experiments: {\"datasetSteps\": N, \"updates\": U, \"variants\": {...}}"
                    : "must be an object, got " + render(top.get("offline"))));
            return null;
        }
        Map<String, Object> obj = cast(m);
        unknown(obj, OFFLINE, "offline");
        String datasetName = string(obj, "dataset", "offline", false);
        Path dataset = null;
        if (datasetName != null) {
            dataset = file.toAbsolutePath().getParent().resolve(datasetName).normalize();
            if (!Files.isRegularFile(dataset)) {
                problems.add(problem("offline.dataset", "no such dataset file: " + dataset));
            } else if (!datasetName.endsWith(".ntds") && !datasetName.endsWith(".csv")) {
                problems.add(problem("offline.dataset", "must be a .ntds (binary) or .csv dataset, got \"" + datasetName + "\""));
            }
        }
        String behaviour = string(obj, "behaviour", "offline", false);
        Object stochastic = obj.getOrDefault("stochastic", Boolean.TRUE);
        if (!(stochastic instanceof Boolean)) {
            problems.add(problem("offline.stochastic", "must be true or false, got " + render(stochastic)));
            stochastic = Boolean.TRUE;
        }
        long steps = whole(obj, "datasetSteps", "offline", 1, 1_000_000_000L, dataset == null ? null : 1L);
        long updates = whole(obj, "updates", "offline", 1, 10_000_000_000L, null);
        long evaluations = whole(obj, "evaluations", "offline", 1, 10_000, 10L);
        Map<String, Map<String, Object>> variants = new java.util.LinkedHashMap<>();
        Object v = obj.get("variants");
        if (v == null) {
            variants.put("default", Map.of());
        } else if (!(v instanceof Map<?, ?> vm) || vm.isEmpty()) {
            problems.add(problem("offline.variants", "must be a non-empty object {\"name\": {config overrides}, ...}, got " + render(v)));
        } else {
            for (Map.Entry<?, ?> entry : vm.entrySet()) {
                if (entry.getValue() instanceof Map<?, ?> overrides) {
                    variants.put(String.valueOf(entry.getKey()), cast(overrides));
                } else {
                    problems.add(problem("offline.variants." + entry.getKey(), "must be an object of configuration values, got "
                            + render(entry.getValue())));
                }
            }
        }
        return new Experiment.Offline(dataset, behaviour == null ? "rl/random" : behaviour, (Boolean) stochastic, steps, updates,
                (int) evaluations, variants);
    }

    private Experiment.Distill distill(Map<String, Object> top) {
        if (!(top.get("distill") instanceof Map<?, ?> m)) {
            problems.add(problem("distill", top.get("distill") == null
                    ? "is required for \"distill\" experiments: {\"id\": \"distill/policy\", \"datasetSteps\": N}"
                    : "must be an object, got " + render(top.get("distill"))));
            return null;
        }
        Map<String, Object> obj = cast(m);
        Experiment.PluginRef distiller = plugin(top, "distill", DISTILL);
        long steps = whole(obj, "datasetSteps", "distill", 1, 1_000_000_000L, null);
        long heldOut = whole(obj, "heldOutSteps", "distill", 1, 1_000_000_000L, Math.max(1, steps / 4));
        long timing = whole(obj, "timingCalls", "distill", 1, 100_000_000, 20_000L);
        return new Experiment.Distill(distiller, steps, heldOut, (int) timing);
    }

    private Experiment.Landscape landscape(Map<String, Object> top) {
        if (!(top.get("landscape") instanceof Map<?, ?> m)) {
            problems.add(problem("landscape", "must be an object {\"network\": \"q\", \"range\": 1.0, \"points\": 21}, got "
                    + render(top.get("landscape"))));
            return null;
        }
        Map<String, Object> obj = cast(m);
        unknown(obj, LANDSCAPE, "landscape");
        String network = string(obj, "network", "landscape", true);
        double range = number(obj, "range", "landscape", 1.0);
        long points = whole(obj, "points", "landscape", 3, 10_001, 21L);
        long grid = whole(obj, "gridPoints", "landscape", 0, 201, 0L);
        double epsilon = number(obj, "epsilon", "landscape", 0.1);
        double radius = number(obj, "radius", "landscape", 0.5);
        if (points % 2 == 0) {
            problems.add(problem("landscape.points", "must be odd (so that the trained parameters are a sample), got " + points));
        }
        if (grid != 0 && (grid < 3 || grid % 2 == 0)) {
            problems.add(problem("landscape.gridPoints", "must be 0 or odd and at least 3, got " + grid));
        }
        return new Experiment.Landscape(network, range, (int) points, (int) grid, epsilon, radius);
    }

    /** A positive finite number, or {@code def} when absent. */
    private double number(Map<String, Object> obj, String key, String path, double def) {
        Object v = obj.getOrDefault(key, def);
        if (v instanceof Long l) {
            v = l.doubleValue();
        }
        if (!(v instanceof Double d) || !(d > 0) || d.isInfinite()) {
            problems.add(problem(join(path, key), "must be a positive number, got " + render(v)));
            return def;
        }
        return d;
    }

    private Experiment.Loop loop(Map<String, Object> top) {
        Object v = top.get("loop");
        if (!(v instanceof Map<?, ?> m)) {
            problems.add(problem("loop", v == null
                    ? "is required for \"twin-loop\" experiments: {\"historySteps\": N, \"realSteps\": K, \"twinSteps\": M}"
                    : "must be an object, got " + render(v)));
            return null;
        }
        Map<String, Object> obj = cast(m);
        unknown(obj, LOOP, "loop");
        String behaviour = string(obj, "behaviour", "loop", false);
        long history = whole(obj, "historySteps", "loop", 1, 1_000_000_000L, null);
        long real = whole(obj, "realSteps", "loop", 1, 1_000_000_000L, null);
        long twin = whole(obj, "twinSteps", "loop", 0, 10_000_000_000L, null);
        long initial = whole(obj, "initialTwinSteps", "loop", 0, 10_000_000_000L, twin);
        long heldOut = whole(obj, "heldOutSteps", "loop", 2, 1_000_000_000L, Math.max(2, history / 4));
        long horizon = whole(obj, "horizon", "loop", 1, 1_000, 5L);
        Object vanilla = obj.getOrDefault("vanilla", Boolean.TRUE);
        if (!(vanilla instanceof Boolean)) {
            problems.add(problem("loop.vanilla", "must be true or false, got " + render(vanilla)));
            vanilla = Boolean.TRUE;
        }
        Object fraction = obj.getOrDefault("targetFraction", 1.0);
        if (fraction instanceof Long l) {
            fraction = l.doubleValue();
        }
        if (!(fraction instanceof Double f) || !(f > 0 && f <= 1)) {
            problems.add(problem("loop.targetFraction", "must be a number in (0, 1], got " + render(fraction)));
            fraction = 1.0;
        }
        return new Experiment.Loop(behaviour == null ? "rl/random" : behaviour, history, real, twin, initial, heldOut, (int) horizon,
                (Boolean) vanilla, (Double) fraction);
    }

    private long whole(Map<String, Object> obj, String key, String path, long min, long max, Long def) {
        Object v = obj.get(key);
        String p = join(path, key);
        if (v == null) {
            if (def == null) {
                problems.add(problem(p, "is required (a whole number in [" + min + ", " + max + "])"));
                return min;
            }
            return def;
        }
        if (!(v instanceof Long l) || l < min || l > max) {
            problems.add(problem(p, "must be a whole number in [" + min + ", " + max + "], got " + render(v)));
            return min;
        }
        return l;
    }

    private List<Long> seeds(Map<String, Object> top) {
        Object v = top.get("seeds");
        if (v == null) {
            return List.of(1L);
        }
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            problems.add(problem("seeds", "must be a non-empty array of whole numbers, got " + render(v)));
            return List.of();
        }
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof Long l) {
                if (seeds.contains(l)) {
                    problems.add(problem("seeds[" + i + "]", "seed " + l + " is listed twice"));
                }
                seeds.add(l);
            } else {
                problems.add(problem("seeds[" + i + "]", "must be a whole number, got " + render(list.get(i))));
            }
        }
        return List.copyOf(seeds);
    }

    static String render(Object v) {
        if (v instanceof String s) {
            return "\"" + s + "\"";
        }
        if (v instanceof Map) {
            return "an object";
        }
        if (v instanceof List) {
            return "an array";
        }
        return String.valueOf(v);
    }
}
