package org.nettwin.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nettwin.api.Seeds;
import org.nettwin.api.io.BinaryFormat;
import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.io.FormatMismatchException;
import org.nettwin.api.io.Identification;

class BinaryFormatsTest {

    private static byte[] head(BinaryFormat f) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.writeHead(new DataOutputStream(out));
        return out.toByteArray();
    }

    @Test
    void everyNetTwinFormatHasItsOwnMagicAndName() {
        Set<String> magics = new HashSet<>();
        Set<Integer> numbers = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (BinaryFormat f : BinaryFormats.builtIns()) {
            assertTrue(f.magic().matches("NT[A-Z0-9]{2}"), f.toString());
            assertTrue(magics.add(f.magic()), "magic " + f.magic() + " used twice");
            assertTrue(numbers.add(f.magicNumber()), f.toString());
            assertTrue(names.add(f.name()), "name " + f.name() + " used twice");
            assertTrue(f.version() >= 1 && f.extension().startsWith("."), f.toString());
        }
        assertEquals(19, BinaryFormats.builtIns().size(),
                "datasets, networks, 10 policies (with the observation-normalising wrapper) and students, 3 checkpoints, 5 resumable states");
        assertTrue(!BinaryFormats.STUDENT_POLICY.magic().equals(BinaryFormats.DATASET.magic()), "students no longer share the dataset magic");
        assertEquals(0x4E544E4E, BinaryFormats.NETWORK.magicNumber(), "the magic as DataOutput.writeInt writes it: \"NTNN\"");
    }

    @Test
    void eachHeadIsIdentifiedAsItsOwnFormatAndRefusedByEveryOther() throws IOException {
        for (BinaryFormat file : BinaryFormats.builtIns()) {
            byte[] bytes = head(file);
            assertEquals(new Identification.Known(file), BinaryFormats.identify(bytes));
            assertEquals(new Identification.Known(file), BinaryFormats.identify(Arrays.copyOf(bytes, 4)), "the magic alone identifies");
            for (BinaryFormat expected : BinaryFormats.builtIns()) {
                if (expected == file) {
                    expected.readHead(new ByteArrayInputStream(bytes));
                    continue;
                }
                FormatMismatchException e = assertThrows(FormatMismatchException.class,
                        () -> expected.readHead(new ByteArrayInputStream(bytes)));
                assertEquals("this is " + file.description() + ", not " + expected.description(), e.getMessage());
                assertEquals(new Identification.Known(file), e.found());
                assertEquals(expected, e.expected());
                assertTrue(e.savedVersion().isEmpty());
            }
        }
    }

    @Test
    void theMessagesReadAsSentences() throws IOException {
        FormatMismatchException e = assertThrows(FormatMismatchException.class,
                () -> BinaryFormats.STUDENT_POLICY.readHead(new ByteArrayInputStream(head(BinaryFormats.DATASET))));
        assertEquals("this is a NetTwin transition dataset (.ntds), not a distill/policy student", e.getMessage());
        e = assertThrows(FormatMismatchException.class,
                () -> BinaryFormats.NETWORK.checkMagic(head(BinaryFormats.TD3_CHECKPOINT)));
        assertEquals("this is a rl/td3 checkpoint, not an org.nettwin.nn network", e.getMessage());
    }

    @Test
    void anotherVersionIsRefusedNamingBoth() throws IOException {
        byte[] old = head(BinaryFormats.DQN_POLICY);
        old[7] = 1;
        FormatMismatchException e = assertThrows(FormatMismatchException.class,
                () -> BinaryFormats.DQN_POLICY.readHead(new ByteArrayInputStream(old)));
        assertEquals("this is a rl/dqn policy of format version 1; this build reads version 2", e.getMessage());
        assertEquals(1, e.savedVersion().getAsInt());
        assertEquals(new Identification.Known(BinaryFormats.DQN_POLICY), e.found());
        e = assertThrows(FormatMismatchException.class, () -> BinaryFormats.NETWORK.checkVersion(-7));
        assertEquals("this is an org.nettwin.nn network of format version -7; this build reads version 1", e.getMessage());
        assertEquals(-7, e.savedVersion().getAsInt(), "even a negative version is reported as found");
    }

    @Test
    void shortAndForeignInputsAreIdentifiedWithoutExceptions() {
        assertEquals(new Identification.TooShort(0), BinaryFormats.identify(new byte[0]));
        assertEquals("an empty file", BinaryFormats.identify(new byte[0]).description());
        assertEquals(new Identification.TooShort(3), BinaryFormats.identify(new byte[] {'N', 'T', 'D'}));
        assertEquals("a file of 1 byte, too short for a magic", BinaryFormats.identify(new byte[] {'N'}).description());
        assertEquals(new Identification.Foreign("50 4B 03 04"), BinaryFormats.identify(new byte[] {'P', 'K', 3, 4, 20, 0}));
        assertEquals("not a NetTwin file (bad magic 'epis')", BinaryFormats.identify("episode,obs_0".getBytes()).description());
        assertEquals(new Identification.Foreign("'not '"), BinaryFormats.identify("not a policy".getBytes()), "spaces read fine");
        assertEquals(new Identification.Foreign("'NT a'"), BinaryFormats.identify("NT a".getBytes()), "a magic has no spaces");
        assertEquals(new Identification.UnknownNetTwin("NTzz"), BinaryFormats.identify("NTzz and more".getBytes()));
        assertEquals("an unknown NetTwin format with magic 'NTzz'", BinaryFormats.identify("NTzz".getBytes()).description());
        assertEquals(new Identification.Foreign("4E 54 00 01"), BinaryFormats.identify(new byte[] {'N', 'T', 0, 1}),
                "a NetTwin magic is printable");
        assertThrows(NullPointerException.class, () -> BinaryFormats.identify(null), "the one documented exception");
    }

    @Test
    void identificationNeverThrowsOnAnyBytes() {
        RandomGenerator random = Seeds.generator(Seeds.derive(3, "formats"));
        List<BinaryFormat> all = BinaryFormats.builtIns();
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(9)];
            random.nextBytes(bytes);
            if (i % 3 == 0 && bytes.length >= 2) {
                bytes[0] = 'N';
                bytes[1] = 'T';
            }
            if (i % 7 == 0 && bytes.length >= 4) {
                System.arraycopy(all.get(i % all.size()).magic().getBytes(), 0, bytes, 0, 4);
            }
            Identification id = BinaryFormats.identify(bytes);
            assertFalse(id.description().isBlank());
            boolean known = all.stream().anyMatch(f -> f.matches(bytes));
            assertEquals(known, id instanceof Identification.Known, Arrays.toString(bytes));
            assertEquals(bytes.length < 4, id instanceof Identification.TooShort, Arrays.toString(bytes));
        }
    }

    @Test
    void shortHeadsAreRefusedAsEmptyTruncatedOrCutInTheVersion() throws IOException {
        BinaryFormat f = BinaryFormats.PPO_POLICY;
        assertEquals("the file is empty: expected a rl/ppo policy",
                assertThrows(FormatMismatchException.class, () -> f.readHead(new ByteArrayInputStream(new byte[0]))).getMessage());
        assertEquals("truncated: the file has 2 bytes, fewer than the magic of a rl/ppo policy",
                assertThrows(FormatMismatchException.class, () -> f.readHead(new ByteArrayInputStream(new byte[] {'N', 'T'}))).getMessage());
        byte[] cut = Arrays.copyOf(head(f), 6);
        assertEquals("truncated rl/ppo policy: the file ends inside its head",
                assertThrows(EOFException.class, () -> f.readHead(new ByteArrayInputStream(cut))).getMessage());
        assertEquals("not a NetTwin file (bad magic 50 4B 03 04): expected a rl/ppo policy",
                assertThrows(FormatMismatchException.class, () -> f.readHead(new ByteArrayInputStream(new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0})))
                        .getMessage());
        assertEquals("this is an unknown NetTwin format with magic 'NT99', not a rl/ppo policy",
                assertThrows(FormatMismatchException.class, () -> f.checkMagic("NT99".getBytes())).getMessage());
    }

    @Test
    void aPluginDeclaresItsOwnFormatOutsideTheReservedPrefix() throws IOException {
        BinaryFormat plugin = BinaryFormat.declare("XCHP", 1, "example/channel policy", ".policy");
        byte[] bytes = head(plugin);
        assertEquals(new Identification.Foreign("'XCHP'"), BinaryFormats.identify(bytes), "unknown unless named");
        assertEquals(new Identification.Known(plugin), BinaryFormats.identify(bytes, List.of(plugin)));
        plugin.readHead(new ByteArrayInputStream(bytes));
        assertEquals("this is a rl/q-learning policy, not an example/channel policy", assertThrows(FormatMismatchException.class,
                () -> plugin.readHead(new ByteArrayInputStream(head(BinaryFormats.Q_LEARNING_POLICY)))).getMessage());
        assertEquals("not a NetTwin file (bad magic 'XCHP'): expected a rl/q-learning policy", assertThrows(FormatMismatchException.class,
                () -> BinaryFormats.Q_LEARNING_POLICY.readHead(new ByteArrayInputStream(bytes))).getMessage());
        assertEquals(plugin, BinaryFormat.declare("XCHP", 1, "example/channel policy", ".policy"));

        IllegalArgumentException reserved = assertThrows(IllegalArgumentException.class,
                () -> BinaryFormat.declare("NTXY", 1, "mine", ".policy"));
        assertTrue(reserved.getMessage().contains("reserved for NetTwin's own formats"), reserved.getMessage());
        for (String bad : new String[] {"ABC", "ABCDE", "AB D", "AB\u00e9D", "AB\tD"}) {
            assertThrows(IllegalArgumentException.class, () -> BinaryFormat.declare(bad, 1, "mine", ".policy"), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> BinaryFormat.declare(null, 1, "mine", ".policy"));
        assertThrows(IllegalArgumentException.class, () -> BinaryFormat.declare("XCHP", 0, "mine", ".policy"));
        assertThrows(IllegalArgumentException.class, () -> BinaryFormat.declare("XCHP", 1, " ", ".policy"));
        assertThrows(IllegalArgumentException.class, () -> BinaryFormat.declare("XCHP", 1, "mine", "policy"));
    }

    @Test
    void aFileIsIdentifiedFromItsFirstBytes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("student-1.policy");
        Files.write(file, head(BinaryFormats.DATASET));
        assertEquals(new Identification.Known(BinaryFormats.DATASET), BinaryFormats.identify(file));
        Files.write(file, new byte[0]);
        assertEquals(new Identification.TooShort(0), BinaryFormats.identify(file));
        BinaryFormat plugin = BinaryFormat.declare("XCHP", 1, "example/channel policy", ".policy");
        Files.write(file, head(plugin));
        assertEquals(new Identification.Known(plugin), BinaryFormats.identify(file, plugin));
        assertThrows(IOException.class, () -> BinaryFormats.identify(dir.resolve("missing.policy")));
    }
}
