package org.nettwin.api.testkit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nettwin.api.data.TransitionBinary;
import org.nettwin.api.io.BinaryFormat;
import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.testkit.FormatRefusal;

class FormatRefusalTest {

    @Test
    void theDatasetReaderRefusesEveryOtherKindOfFileByName() {
        FormatRefusal.check(BinaryFormats.DATASET, in -> TransitionBinary.read(in, "data.ntds"));
    }

    @Test
    void aPluginFormatReadThroughItsHeadPasses() {
        BinaryFormat mine = BinaryFormat.declare("XCHP", 3, "example/channel policy", ".policy");
        FormatRefusal.check(mine, mine::readHead);
    }

    @Test
    void aReaderThatOnlySaysBadMagicFailsEveryCaseWithItsMessage() {
        BinaryFormat expected = BinaryFormats.TD3_POLICY;
        FormatRefusal.Reader sloppy = in -> {
            if (new DataInputStream(in).readInt() != expected.magicNumber()) {
                throw new IOException("bad magic");
            }
            throw new IOException("body");
        };
        List<String> problems = FormatRefusal.problems(expected, sloppy, false);
        int others = BinaryFormats.builtIns().size() - 1;
        assertEquals(others + 7, problems.size(), String.join("\n", problems));
        assertTrue(problems.contains("rl/dqn policy file: message \"bad magic\" lacks \"this is a rl/dqn policy, not a rl/td3 policy\""),
                String.join("\n", problems));
        assertTrue(problems.contains("empty file: message \"null\" lacks \"the file is empty: expected a rl/td3 policy\""),
                String.join("\n", problems));
        AssertionError e = assertThrows(AssertionError.class, () -> FormatRefusal.check(expected, sloppy));
        assertTrue(e.getMessage().startsWith("the reader of rl/td3 policy did not refuse " + (others + 7 + 1 + 4) + " file(s) as it should:"),
                e.getMessage());
    }

    @Test
    void aReaderThatAcceptsAnythingOrThrowsUncheckedIsReported() {
        List<String> accepted = FormatRefusal.problems(BinaryFormats.NETWORK, in -> in.readAllBytes(), false);
        assertTrue(accepted.stream().allMatch(p -> p.endsWith(": accepted")) && accepted.size() == BinaryFormats.builtIns().size() - 1 + 7,
                String.join("\n", accepted));
        List<String> unchecked = FormatRefusal.problems(BinaryFormats.NETWORK, in -> {
            throw new IllegalStateException("boom");
        }, false);
        assertTrue(unchecked.contains("empty file: java.lang.IllegalStateException: boom instead of an IOException"), String.join("\n", unchecked));
    }
}
