package org.nettwin.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nettwin.api.SeededRandom;

class SeededRandomTest {

    @Test
    void drawsExactlyTheNumbersOfSplittableRandom() {
        for (long seed : new long[] {0, 1, 42, -7, Long.MAX_VALUE}) {
            SeededRandom ours = new SeededRandom(seed);
            SplittableRandom jdk = new SplittableRandom(seed);
            for (int i = 0; i < 2_000; i++) {
                switch (i % 9) {
                    case 0 -> assertEquals(jdk.nextLong(), ours.nextLong());
                    case 1 -> assertEquals(jdk.nextInt(), ours.nextInt());
                    case 2 -> assertEquals(jdk.nextDouble(), ours.nextDouble());
                    case 3 -> assertEquals(jdk.nextInt(17), ours.nextInt(17));
                    case 4 -> assertEquals(jdk.nextInt(1 << 20), ours.nextInt(1 << 20));
                    case 5 -> assertEquals(jdk.nextGaussian(), ours.nextGaussian());
                    case 6 -> assertEquals(jdk.nextExponential(), ours.nextExponential());
                    case 7 -> assertEquals(jdk.nextBoolean(), ours.nextBoolean());
                    default -> assertEquals(jdk.nextDouble(2.5, 7.0), ours.nextDouble(2.5, 7.0));
                }
            }
        }
    }

    @Test
    void restoringTheStateReplaysTheStream() {
        SeededRandom r = new SeededRandom(9);
        r.nextLong();
        long saved = r.state();
        double a = r.nextGaussian();
        long b = r.nextLong();
        SeededRandom copy = r.copy();
        r.setState(saved);
        assertEquals(a, r.nextGaussian());
        assertEquals(b, r.nextLong());
        assertEquals(copy.nextLong(), r.nextLong());
    }
}
