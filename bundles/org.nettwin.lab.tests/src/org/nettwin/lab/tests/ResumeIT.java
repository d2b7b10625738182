package org.nettwin.lab.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nettwin.api.experiment.MetricRow;
import org.nettwin.api.experiment.Unit;
import org.nettwin.api.io.AtomicFolder;
import org.nettwin.lab.Experiment;
import org.nettwin.lab.ExperimentRunner;
import org.nettwin.lab.RunListener;
import org.nettwin.lab.RunOptions;

/**
 * Train runs with {@code checkpointEvery}, killed mid-run and resumed through the real runner:
 * what the run had written when it was "killed" (its staging folder and claim, copied while it
 * ran, the claimer then made a dead process) is continued with {@link ExperimentRunner#resume},
 * and gives the uninterrupted run's {@code metrics.csv} byte for byte — for every algorithm that
 * is {@code Resumable}, each unit resumed from its checkpoint mid-learning.
 */
class ResumeIT {

    @TempDir
    Path dir;

    ExperimentRunner runner;

    @BeforeEach
    void setUp() throws InterruptedException {
        LabServices.catalogWith("example/ChannelAccess-v1", "rl/dqn", "rl/ppo", "rl/q-learning", "rl/random");
        runner = LabServices.runner();
    }

    static String experiment(String algorithm) {
        return """
                {"name": "resume", "scenario": {"id": "example/ChannelAccess-v1", "config": {"channels": 3}},
                 "algorithm": %s,
                 "budget": {"steps": 1200, "evalEpisodes": 2, "checkpointEvery": 300}, "seeds": [1, 2]}
                """.formatted(algorithm);
    }

    @Test
    void aTrainRunKilledMidLearningResumesFromItsCheckpointsToTheSameMetricsBytes() throws IOException {
        for (String algorithm : List.of("{\"id\": \"rl/dqn\", \"config\": {\"learningStarts\": 100, \"hidden\": [16]}}",
                "{\"id\": \"rl/ppo\", \"config\": {\"nSteps\": 128, \"minibatches\": 4}}",
                "{\"id\": \"rl/q-learning\", \"config\": {\"bins\": 3}}", "{\"id\": \"rl/random\"}")) {
            Path file = Files.writeString(dir.resolve("e.json"), experiment(algorithm));
            Experiment e = runner.load(file);
            Path reference = dir.resolve("reference");
            runner.run(e, new RunOptions(reference, null));
            byte[] expected = Files.readAllBytes(reference.resolve("metrics.csv"));

            // the run is copied as it stands once seed 2 has reported learning past its second checkpoint
            Path killed = dir.resolve("killed");
            Path copy = dir.resolve("copy");
            Snapshot snapshot = new Snapshot(killed, copy);
            runner.run(e, new RunOptions(killed, null, snapshot, null));
            assertTrue(snapshot.taken, algorithm + ": the run was copied mid-learning");
            AtomicFolder.deleteTree(killed);
            AtomicFolder.Claim claim = snapshot.restore();
            try (Stream<Path> checkpoints = Files.list(claim.staging().resolve(".run/checkpoints"))) {
                assertFalse(checkpoints.toList().isEmpty(), algorithm + ": a unit was killed after a checkpoint");
            }
            assertFalse(claim.alive(), "the copied claim names a process that no longer runs");

            runner.resume(killed, new RunOptions(killed, null));
            assertArrayEquals(expected, Files.readAllBytes(killed.resolve("metrics.csv")),
                    algorithm + ": resumed from checkpoints, the same bytes as the uninterrupted run");
            assertFalse(Files.exists(claim.file()) || Files.exists(claim.staging()), "nothing left beside the run");
            for (Path p : List.of(reference, killed, file)) {
                if (Files.isDirectory(p)) {
                    AtomicFolder.deleteTree(p);
                }
            }
            AtomicFolder.deleteTree(copy);
        }
    }

    /** Copies the staging folder and claim of a run the first time seed 2 reports a row past step 700. */
    private static final class Snapshot implements RunListener {
        private final Path target;
        private final Path copy;
        volatile boolean taken;
        private Path claimFile;
        private Path staging;
        private String host;

        Snapshot(Path target, Path copy) {
            this.target = target;
            this.copy = copy;
        }

        @Override
        public synchronized void metric(Unit unit, MetricRow row) {
            if (taken || unit.seed() != 2 || row.step() <= 700) {
                return;
            }
            try {
                AtomicFolder.Claim claim = AtomicFolder.read(target).orElseThrow();
                claimFile = claim.file();
                host = claim.host();
                staging = claim.staging();
                Files.createDirectories(copy);
                copyTree(staging, copy.resolve("staging"));
                taken = true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Puts the copy back where the run wrote, with a claim whose process start time is not this
         * process's (a dead claimer, as after {@code kill -9}).
         */
        AtomicFolder.Claim restore() throws IOException {
            copyTree(copy.resolve("staging"), staging);
            Files.writeString(claimFile, "pid=" + ProcessHandle.current().pid() + "\nhost=" + host + "\nstarted=1970-01-01T00:00:00Z\nstaging="
                    + staging.getFileName() + "\n", StandardCharsets.UTF_8);
            return AtomicFolder.read(target).orElseThrow();
        }

        /** Copies what is there; a temporary file that vanishes while it is copied is one the run had not written yet. */
        private static void copyTree(Path from, Path to) throws IOException {
            List<Path> all = null;
            for (int attempt = 0; all == null; attempt++) {
                try (Stream<Path> files = Files.walk(from)) {
                    all = files.toList();
                } catch (UncheckedIOException vanished) {
                    if (attempt == 10) {
                        throw vanished; // a temporary file vanished while listed; the next listing will not see it
                    }
                }
            }
            for (Path p : all) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (p.getFileName().toString().endsWith(".tmp")) {
                    continue;
                }
                try {
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(p, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (NoSuchFileException vanished) {
                    // replaced atomically meanwhile: the run would have left the other version
                }
            }
        }
    }
}
