import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code ./nettwin new-plugin --kind KIND --id family/Name-v1 [--sdk URL] DIR}: writes a standalone
 * plugin project from {@code templates/plugin/common} and {@code templates/plugin/KIND}, its tokens
 * ({@code __ID__}, {@code __BSN__}, {@code __CLASS__}, ...) replaced in file names and contents. Run
 * by the script with Java's source launcher and {@code -Dnettwin.home=ROOT}; needs no build. The
 * project is written into a hidden sibling and renamed into place: nothing partial is left.
 * Bad usage (unknown kind, a malformed id, a folder that exists): a message and exit status 2.
 */
public final class NewPlugin {

    static final List<String> KINDS = List.of("scenario", "algorithm", "twin", "metric", "kind");

    /** The id shape of PluginDescriptor; scenarios also carry a version suffix, experiment kinds are lower case. */
    static final Pattern ID = Pattern.compile("([a-z][a-z0-9.-]*)/([A-Za-z0-9][A-Za-z0-9._-]*)");

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (UncheckedIOException e) {
            System.err.println("nettwin new-plugin: " + e.getCause().getMessage());
            System.exit(1);
        }
    }

    static int usage(String problem) {
        System.err.println("nettwin new-plugin: " + problem);
        System.err.println("usage: ./nettwin new-plugin --kind " + String.join("|", KINDS) + " --id family/Name-v1 [--sdk URL] DIR");
        return 2;
    }

    static int run(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (!List.of("--kind", "--id", "--sdk").contains(args[i])) {
                    return usage("unknown option " + args[i]);
                }
                if (i + 1 >= args.length) {
                    return usage(args[i] + " needs a value");
                }
                options.put(args[i], args[++i]);
            } else {
                rest.add(args[i]);
            }
        }
        String kind = options.get("--kind");
        String id = options.get("--id");
        if (kind == null || id == null || rest.size() != 1) {
            return usage("give --kind, --id and one folder");
        }
        if (!KINDS.contains(kind)) {
            return usage("unknown kind '" + kind + "'; one of " + String.join(", ", KINDS));
        }
        Matcher m = ID.matcher(id);
        if (!m.matches()) {
            return usage("--id '" + id + "' must look like family/Name, e.g. myfamily/GridWorld-v1 (lower-case family, then letters,"
                    + " digits, '.', '_' or '-')");
        }
        if (kind.equals("scenario") && !id.matches(".*-v[0-9]+")) {
            return usage("--id '" + id + "': a scenario id carries its version, e.g. " + id + "-v1 (a changed dynamics is a new version)");
        }
        if (kind.equals("kind") && !m.group(2).matches("[a-z][a-z0-9-]*")) {
            return usage("--id '" + id + "': an experiment kind is family/name in lower case, e.g. " + m.group(1) + "/"
                    + m.group(2).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "") + " (it is the \"type\" of experiment files)");
        }
        Path dir = Path.of(rest.get(0)).toAbsolutePath().normalize();
        if (Files.exists(dir)) {
            return usage(dir + " exists; give a new folder (nothing was written)");
        }
        Path home = Path.of(System.getProperty("nettwin.home", ".")).toAbsolutePath().normalize();
        if (!Files.isDirectory(home.resolve("templates/plugin/" + kind))) {
            return usage("there is no template for a " + kind + " plugin yet (templates/plugin/" + kind
                    + "); write it on the example plugin bundles/org.nettwin.example.channel and the README's guide");
        }
        Path sdkRepository = home.resolve("releng/org.nettwin.sdk.repository/target/repository");
        String sdk = options.getOrDefault("--sdk", sdkRepository.toUri().toString());
        if (!options.containsKey("--sdk") && !Files.isDirectory(sdkRepository)) {
            System.err.println("nettwin new-plugin: note: the SDK repository " + sdkRepository + " is not built yet; ./nettwin build makes it");
        }
        Map<String, String> tokens = tokens(home, kind, id, m.group(1), m.group(2), sdk);
        generate(home, kind, dir, tokens);
        System.out.println("wrote " + dir + ": a " + kind + " plugin " + id + " (bundle " + tokens.get("__BSN__") + "); build it with"
                + " cd " + dir + " && ./mvnw verify");
        return 0;
    }

    static Map<String, String> tokens(Path home, String kind, String id, String family, String name, String sdk) {
        String base = name.replaceAll("-v[0-9]+$", "");
        StringBuilder cls = new StringBuilder();
        for (String part : base.split("[-_.]+")) {
            if (!part.isEmpty()) {
                cls.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        String className = cls.length() == 0 || !Character.isJavaIdentifierStart(cls.charAt(0)) ? "Plugin" + cls : cls.toString();
        List<String> segments = new ArrayList<>();
        for (String s : (family + "." + base).toLowerCase(Locale.ROOT).split("\\.")) {
            String clean = s.replaceAll("[^a-z0-9]", "");
            if (!clean.isEmpty()) {
                segments.add(Character.isDigit(clean.charAt(0)) ? "p" + clean : clean);
            }
        }
        String bsn = String.join(".", segments);
        String pom = read(home.resolve("pom.xml"));
        String version = first(pom, "<version>([0-9.]+)[^<]*</version>", "pom.xml version");
        Map<String, String> t = new LinkedHashMap<>();
        // first: the kind's rows of the README's file table carry tokens themselves
        t.put("__FILES__", read(home.resolve("templates/plugin/" + kind + "/files.md")).strip());
        t.put("__ID__", id);
        t.put("__NAME__", base.toLowerCase(Locale.ROOT));
        t.put("__BSN__", bsn);
        t.put("__PKG_PATH__", bsn.replace('.', '/'));
        t.put("__PACKAGE__", bsn);
        t.put("__CLASS__", className);
        t.put("__TITLE__", base + " (" + kind + " plugin)");
        t.put("__TYCHO__", first(pom, "<tycho.version>([^<]+)</tycho.version>", "tycho.version"));
        t.put("__SDK__", sdk);
        t.put("__SDK_VERSION__", version);
        t.put("__UNITS__", units(home));
        t.put("__KIND_NOUN__", kind.equals("kind") ? "experiment-kind" : kind);
        t.put("__KIND__", kind);
        t.put("__MAGIC__", magic(className));
        t.put("__IMPORTS__", String.join(",\n ", read(home.resolve("templates/plugin/" + kind + "/imports.txt")).strip().split("\n")));

        return t;
    }

    /** @return a 4-character magic for the plugin's own file format: its name's letters, never NetTwin's NT prefix */
    static String magic(String className) {
        String m = (className.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "") + "XXXX").substring(0, 4);
        return m.startsWith("NT") ? "X" + m.substring(0, 3) : m;
    }

    /** @return the target's unit lines: every bundle the SDK repository's category.xml names */
    static String units(Path home) {
        String category = read(home.resolve("releng/org.nettwin.sdk.repository/category.xml"));
        Matcher m = Pattern.compile("<bundle id=\"([^\"]+)\"").matcher(category);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            out.append(out.isEmpty() ? "" : "\n").append("      <unit id=\"").append(m.group(1)).append("\" version=\"0.0.0\"/>");
        }
        return out.toString();
    }

    static void generate(Path home, String kind, Path dir, Map<String, String> tokens) {
        Path staging = dir.resolveSibling("." + dir.getFileName() + ".new-plugin-" + ProcessHandle.current().pid());
        try {
            for (String part : List.of("common", kind)) {
                copyTree(home.resolve("templates/plugin/" + part), staging, tokens);
            }
            Files.deleteIfExists(staging.resolve("imports.txt"));
            Files.deleteIfExists(staging.resolve("files.md"));
            Files.createDirectories(staging.resolve(".mvn/wrapper"));
            Files.copy(home.resolve(".mvn/wrapper/maven-wrapper.properties"), staging.resolve(".mvn/wrapper/maven-wrapper.properties"));
            Files.copy(home.resolve("mvnw"), staging.resolve("mvnw"), StandardCopyOption.COPY_ATTRIBUTES);
            Files.setPosixFilePermissions(staging.resolve("mvnw"), PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(staging, dir);
        } catch (IOException | RuntimeException e) {
            delete(staging);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    static void copyTree(Path from, Path to, Map<String, String> tokens) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(replace(from.relativize(f).toString(), tokens));
                Files.createDirectories(target.getParent());
                Files.writeString(target, replace(read(f), tokens), StandardCharsets.UTF_8);
            }
        }
    }

    static String replace(String text, Map<String, String> tokens) {
        String out = text;
        for (Map.Entry<String, String> t : tokens.entrySet()) {
            out = out.replace(t.getKey(), t.getValue());
        }
        return out;
    }

    static String first(String text, String regex, String what) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + what + " in NetTwin's pom.xml");
        }
        return m.group(1);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("nettwin new-plugin: could not remove " + folder + ": " + e.getMessage());
        }
    }
}
