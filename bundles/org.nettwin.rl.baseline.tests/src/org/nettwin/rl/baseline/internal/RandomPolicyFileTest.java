package org.nettwin.rl.baseline.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.io.Identification;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Discrete;
import org.nettwin.api.testkit.FormatRefusal;
import org.nettwin.api.testkit.RandomWalkEnvironment;

/** The rl/random policy file: round trip, spaces, and refusal of every other kind of file. */
class RandomPolicyFileTest {

    private final RandomAlgorithmProvider provider = new RandomAlgorithmProvider();
    private final EnvironmentSpec spec = EnvironmentSpec.of(new RandomWalkEnvironment());

    private byte[] saved(long seed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        provider.create(spec, ConfigSchema.EMPTY.defaults(), seed).policy().save(out);
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static int[] actions(Policy<?, ?> policy) {
        Policy<Object, Object> p = (Policy<Object, Object>) policy;
        int[] a = new int[50];
        for (int i = 0; i < a.length; i++) {
            a[i] = (Integer) p.act(new double[] {3});
        }
        return a;
    }

    @Test
    void aSavedPolicyLoadsAndActsTheSame() throws IOException {
        byte[] bytes = saved(77);
        assertArrayEquals(bytes, saved(77), "same seed, same file");
        assertEquals(new Identification.Known(BinaryFormats.RANDOM_POLICY), BinaryFormats.identify(bytes));
        Policy<?, ?> original = provider.create(spec, ConfigSchema.EMPTY.defaults(), 77).policy();
        Policy<?, ?> loaded = provider.loadPolicy(spec, new ByteArrayInputStream(bytes));
        assertArrayEquals(actions(original), actions(loaded), "the saved seed gives the same action stream");
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        loaded.save(again);
        assertArrayEquals(bytes, again.toByteArray());
    }

    @Test
    void otherSpacesAndTruncationAreRefused() throws IOException {
        byte[] bytes = saved(1);
        EnvironmentSpec other = new EnvironmentSpec(List.of("agent"), List.of(new Box(2, 0, 1)), List.of(new Discrete(2)), false);
        assertEquals("rl/random policy was saved for " + spec.observationSpace().describe() + " -> " + spec.actionSpace().describe() + ", not "
                + other.observationSpace().describe() + " -> " + other.actionSpace().describe(),
                assertThrows(IOException.class, () -> provider.loadPolicy(other, new ByteArrayInputStream(bytes))).getMessage());
        assertEquals("rl/random policy file is truncated",
                assertThrows(IOException.class, () -> provider.loadPolicy(spec, new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length - 3))))
                        .getMessage());
    }

    @Test
    void aFileOfAnotherKindIsRefusedByName() {
        FormatRefusal.check(BinaryFormats.RANDOM_POLICY, in -> provider.loadPolicy(spec, in));
        byte[] text = "not a policy".getBytes(StandardCharsets.US_ASCII);
        assertEquals("not a NetTwin file (bad magic 'not '): expected a rl/random policy",
                assertThrows(IOException.class, () -> provider.loadPolicy(spec, new ByteArrayInputStream(text))).getMessage(),
                "what the lab's CollectIT sees for a garbage behaviour policy");
    }
}
