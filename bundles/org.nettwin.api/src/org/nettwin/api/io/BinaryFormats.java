package org.nettwin.api.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The registry of NetTwin's binary formats: one declaration per format (magic, current version,
 * name, extension), and {@link #identify} to say what any file is from its first bytes. Every
 * reader checks its head against its declaration here, so a file of the wrong kind is refused with
 * a message naming what it is and what was expected. Plugins declare their own formats with
 * {@link BinaryFormat#declare} (magics outside the reserved {@code "NT"} prefix) and pass them to
 * {@link #identify(byte[], Collection)} where they should be recognised.
 *
 * @since 0.1
 */
public final class BinaryFormats {

    /** {@code org.nettwin.api.data.TransitionBinary}: transitions for twins and offline RL. */
    public static final BinaryFormat DATASET = BinaryFormat.builtIn("NTDS", 1, "NetTwin transition dataset (.ntds)", ".ntds");
    /** {@code org.nettwin.nn.NetworkFormat}: one network, optionally with its optimizer; also embedded in policies and checkpoints. */
    public static final BinaryFormat NETWORK = BinaryFormat.builtIn("NTNN", 1, "org.nettwin.nn network", ".ntnn");
    /** {@code rl/random}'s saved policy (spaces and seed). */
    public static final BinaryFormat RANDOM_POLICY = BinaryFormat.builtIn("NTRP", 1, "rl/random policy", ".policy");
    /** {@code rl/q-learning}'s saved policy (the Q table). */
    public static final BinaryFormat Q_LEARNING_POLICY = BinaryFormat.builtIn("NTQL", 1, "rl/q-learning policy", ".policy");
    /** {@code rl/dqn}'s saved policy (input standardiser and Q network); version 2 added the standardiser. */
    public static final BinaryFormat DQN_POLICY = BinaryFormat.builtIn("NTDN", 2, "rl/dqn policy", ".policy");
    /** {@code rl/dqn}'s whole learning state ({@code Checkpointable}). */
    public static final BinaryFormat DQN_CHECKPOINT = BinaryFormat.builtIn("NTDC", 1, "rl/dqn checkpoint", ".checkpoint");
    /** {@code rl/td3}'s saved policy (the actor). */
    public static final BinaryFormat TD3_POLICY = BinaryFormat.builtIn("NTT3", 1, "rl/td3 policy", ".policy");
    /** {@code rl/td3}'s whole learning state ({@code Checkpointable}). */
    public static final BinaryFormat TD3_CHECKPOINT = BinaryFormat.builtIn("NTTC", 1, "rl/td3 checkpoint", ".checkpoint");
    /** {@code rl/ppo}'s saved policy (one agent's actor and log-stds). */
    public static final BinaryFormat PPO_POLICY = BinaryFormat.builtIn("NTPP", 1, "rl/ppo policy", ".policy");
    /** {@code rl/ppo}'s whole learning state ({@code Checkpointable}). */
    public static final BinaryFormat PPO_CHECKPOINT = BinaryFormat.builtIn("NTPC", 1, "rl/ppo checkpoint", ".checkpoint");
    /** The rule-based slicing baselines' saved policy (the rule id and spaces). */
    public static final BinaryFormat SLICING_RULE_POLICY = BinaryFormat.builtIn("NTRB", 1,
            "slicing rule-baseline policy (baseline/equal-split, baseline/traffic-aware)", ".policy");
    /** {@code baseline/stackelberg-equilibrium}'s saved policy (one RSU's equilibrium price). */
    public static final BinaryFormat STACKELBERG_POLICY = BinaryFormat.builtIn("NTSE", 1, "baseline/stackelberg-equilibrium policy", ".policy");
    /**
     * {@code distill/policy}'s student. Version 2: the version-1 layout under its own magic (version
     * 1 files began with the dataset magic {@code NTDS} and are now identified as datasets).
     */
    public static final BinaryFormat STUDENT_POLICY = BinaryFormat.builtIn("NTST", 2, "distill/policy student", ".policy");

    /** A policy trained on normalised observations, with the frozen statistics it reads raw observations through. */
    public static final BinaryFormat NORMALIZED_POLICY = BinaryFormat.builtIn("NTON", 1, "observation-normalising policy", ".policy");

    /** {@code rl/dqn}'s {@code Resumable} state: its checkpoint, random stream and replay buffer. */
    public static final BinaryFormat DQN_STATE = BinaryFormat.builtIn("NTDQ", 1, "rl/dqn learning state", ".state");
    /** {@code rl/td3}'s {@code Resumable} state: its checkpoint, episode counters and every agent's replay buffer. */
    public static final BinaryFormat TD3_STATE = BinaryFormat.builtIn("NTTS", 1, "rl/td3 learning state", ".state");
    /** {@code rl/ppo}'s {@code Resumable} state (PPO and MAPPO): its checkpoint and counters. */
    public static final BinaryFormat PPO_STATE = BinaryFormat.builtIn("NTPS", 1, "rl/ppo learning state", ".state");
    /** {@code rl/q-learning}'s {@code Resumable} state: every agent's Q table, the exploration stream and the counters. */
    public static final BinaryFormat Q_LEARNING_STATE = BinaryFormat.builtIn("NTQS", 1, "rl/q-learning learning state", ".state");
    /** A {@code FixedPolicyAlgorithm}'s {@code Resumable} state (rl/random, the rule and equilibrium baselines): counters and policies' streams. */
    public static final BinaryFormat FIXED_POLICY_STATE = BinaryFormat.builtIn("NTFS", 1, "fixed-policy baseline state", ".state");

    private static final List<BinaryFormat> BUILT_INS = List.of(DATASET, NETWORK, RANDOM_POLICY, Q_LEARNING_POLICY, DQN_POLICY,
            DQN_CHECKPOINT, TD3_POLICY, TD3_CHECKPOINT, PPO_POLICY, PPO_CHECKPOINT, SLICING_RULE_POLICY, STACKELBERG_POLICY,
            STUDENT_POLICY, NORMALIZED_POLICY, DQN_STATE, TD3_STATE, PPO_STATE, Q_LEARNING_STATE, FIXED_POLICY_STATE);

    static {
        Map<String, BinaryFormat> seen = new HashMap<>();
        for (BinaryFormat f : BUILT_INS) {
            BinaryFormat other = seen.put(f.magic(), f);
            if (other != null) {
                throw new IllegalStateException("two NetTwin formats share the magic " + f.magic() + ": " + other.name() + " and " + f.name());
            }
        }
    }

    private BinaryFormats() {
    }

    /** @return every NetTwin format, each magic once */
    public static List<BinaryFormat> builtIns() {
        return BUILT_INS;
    }

    /**
     * Says what a file is from its first bytes, among the NetTwin formats.
     *
     * @param head the file's first bytes (any length; only the first {@value BinaryFormat#MAGIC_LENGTH} are read)
     * @throws NullPointerException if {@code head} is null (the only exception it throws)
     */
    public static Identification identify(byte[] head) {
        return identify(head, List.of());
    }

    /**
     * Says what a file is from its first bytes, among the NetTwin formats and {@code alsoKnown}
     * (plugins' formats; on a shared magic a NetTwin format wins).
     *
     * @throws NullPointerException if an argument is null (the only exception it throws)
     */
    public static Identification identify(byte[] head, Collection<BinaryFormat> alsoKnown) {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(alsoKnown, "alsoKnown");
        if (head.length < BinaryFormat.MAGIC_LENGTH) {
            return new Identification.TooShort(head.length);
        }
        for (BinaryFormat f : BUILT_INS) {
            if (f.matches(head)) {
                return new Identification.Known(f);
            }
        }
        for (BinaryFormat f : alsoKnown) {
            if (f.matches(head)) {
                return new Identification.Known(f);
            }
        }
        byte[] magic = Arrays.copyOf(head, BinaryFormat.MAGIC_LENGTH);
        boolean printable = true;
        boolean readable = true; // a space cannot be in a magic but reads fine in a message
        for (byte b : magic) {
            printable &= BinaryFormat.printable(b);
            readable &= BinaryFormat.printable(b) || b == ' ';
        }
        String text = new String(magic, StandardCharsets.US_ASCII);
        if (printable && text.startsWith(BinaryFormat.RESERVED_PREFIX)) {
            return new Identification.UnknownNetTwin(text);
        }
        return new Identification.Foreign(readable ? "'" + text + "'" : hex(magic));
    }

    /**
     * Says what a file is from its first bytes, among the NetTwin formats and {@code alsoKnown}.
     *
     * @throws IOException if the file cannot be read
     */
    public static Identification identify(Path file, BinaryFormat... alsoKnown) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return identify(in.readNBytes(BinaryFormat.MAGIC_LENGTH), List.of(alsoKnown));
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(s.isEmpty() ? "" : " ").append(String.format("%02X", b & 0xFF));
        }
        return s.toString();
    }
}
