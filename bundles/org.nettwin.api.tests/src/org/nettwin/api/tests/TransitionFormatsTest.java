package org.nettwin.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nettwin.api.Seeds;
import org.nettwin.api.data.DatasetCheck;
import org.nettwin.api.data.DatasetFormatException;
import org.nettwin.api.data.TransitionBinary;
import org.nettwin.api.data.TransitionCsv;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.data.TransitionFiles;
import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.io.FormatMismatchException;
import org.nettwin.api.io.Identification;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Discrete;

class TransitionFormatsTest {

    /** A dataset whose numbers are hard to round-trip through text: tiny, huge, negative zero, thirds, random bits. */
    private static TransitionDataset awkwardDataset() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("scenario", "slicing/MultiCell-v1");
        metadata.put("observationSpace", "Box(0.0, 1.0, (3,))");
        metadata.put("policy", "epsilon=0.1, greedy");
        metadata.put("seed", "42");
        TransitionDataset d = new TransitionDataset(3, 2, metadata);
        double[][] special = {
            {0.1, -0.0, 1.0 / 3}, {Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE}, {1e-300, 123456789.123456789, Math.PI}};
        RandomGenerator r = Seeds.generator(5);
        for (int i = 0; i < 40; i++) {
            double[] o = i < special.length ? special[i] : new double[] {r.nextGaussian(), r.nextDouble(), r.nextLong() * 1e-10};
            double[] a = {i % 3, r.nextDouble() - 0.5};
            double[] next = {r.nextGaussian() * 1e6, -r.nextDouble(), Math.ulp(1.0) * i};
            boolean end = i % 10 == 9;
            d.add(i / 10, o, a, i == 0 ? -0.0 : r.nextGaussian(), next, end && i != 39, i == 39);
        }
        return d;
    }

    private static TransitionDataset csvRoundTrip(TransitionDataset d) throws IOException {
        StringWriter w = new StringWriter();
        TransitionCsv.write(d, w);
        return TransitionCsv.read(new BufferedReader(new StringReader(w.toString())), "memory.csv");
    }

    private static byte[] binary(TransitionDataset d) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransitionBinary.write(d, out);
        return out.toByteArray();
    }

    private static TransitionDataset readBinary(byte[] bytes) throws IOException {
        return TransitionBinary.read(new ByteArrayInputStream(bytes), "data.ntds");
    }

    @Test
    void csvRoundTripIsExactIncludingMetadata() throws IOException {
        TransitionDataset d = awkwardDataset();
        TransitionDataset back = csvRoundTrip(d);
        assertTrue(d.sameContent(back));
        assertEquals(d.metadata(), back.metadata());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.observation(0, 1)), "negative zero survives");
        assertEquals(Double.MIN_VALUE, back.observation(1, 0));
        assertEquals(3, back.episode(39));
        assertTrue(back.truncated(39));
        assertFalse(back.terminated(39));
        assertTrue(back.terminated(9));
    }

    @Test
    void binaryRoundTripIsExactIncludingMetadata() throws IOException {
        TransitionDataset d = awkwardDataset();
        TransitionDataset back = readBinary(binary(d));
        assertTrue(d.sameContent(back));
        assertEquals(d.metadata(), back.metadata());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.reward(0)));
    }

    @Test
    void emptyDatasetsRoundTrip() throws IOException {
        TransitionDataset empty = new TransitionDataset(2, 1, Map.of("scenario", "x/Y-v1"));
        assertTrue(empty.sameContent(csvRoundTrip(empty)));
        assertTrue(empty.sameContent(readBinary(binary(empty))));
        assertEquals(0, csvRoundTrip(empty).size());
    }

    @Test
    void sameContentNoticesEveryKindOfDifference() {
        TransitionDataset d = awkwardDataset();
        assertTrue(d.sameContent(d.slice(0, d.size())));
        assertFalse(d.sameContent(d.slice(0, d.size() - 1)), "one transition fewer");
        TransitionDataset otherMetadata = d.slice(0, d.size());
        otherMetadata.metadata().put("seed", "43");
        assertFalse(d.sameContent(otherMetadata), "metadata is part of the content");
        TransitionDataset otherZero = d.slice(0, 0);
        double[] o = new double[3];
        double[] a = new double[2];
        double[] n = new double[3];
        for (int i = 0; i < d.size(); i++) {
            d.observation(i, o, 0);
            d.action(i, a, 0);
            d.nextObservation(i, n, 0);
            otherZero.add(d.episode(i), o, a, i == 0 ? 0.0 : d.reward(i), n, d.terminated(i), d.truncated(i));
        }
        assertFalse(d.sameContent(otherZero), "0.0 and -0.0 are different bits");
    }

    @Test
    void aBadCsvNumberIsReportedWithSourceLineAndColumn() {
        String csv = """
                # scenario=test/Walk-v1
                episode,obs_0,obs_1,act_0,reward,next_0,next_1,terminated,truncated
                0,0.5,0.25,1,0.0,0.75,0.25,false,false
                0,0.75,0.25,1,oops,1.0,0.25,true,false
                """;
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> TransitionCsv.read(new BufferedReader(new StringReader(csv)), "runs/walk.csv"));
        assertEquals("runs/walk.csv:4: column 5 (reward): 'oops' is not a finite number", e.getMessage());
    }

    @Test
    void otherCsvMistakesAreNamedToo() {
        String header = "episode,obs_0,act_0,reward,next_0,terminated,truncated\n";
        assertEquals("a.csv:2: column 2 (obs_0): 'NaN' is not a finite number",
                csvError(header + "0,NaN,1,0,1,false,false\n"));
        assertEquals("a.csv:2: column 1 (episode): '1.5' is not a whole number",
                csvError(header + "1.5,0,1,0,1,false,false\n"));
        assertEquals("a.csv:3: column 7 (truncated): 'maybe' is not true/false/1/0",
                csvError(header + "0,0,1,0,1,0,1\n0,0,1,0,1,false,maybe\n"));
        assertEquals("a.csv:2: expected 7 fields, found 6", csvError(header + "0,0,1,0,1,false\n"));
        assertEquals("a.csv:1: header must be episode,obs_0,act_0,reward,next_0,terminated,truncated",
                csvError("episode,obs_0,act_0,reward,next_0,done,truncated\n"));
        assertTrue(csvError("# only=metadata\n").startsWith("a.csv: no header line"));
        assertEquals("a.csv:1: metadata line must be '# key=value'", csvError("# no equals sign\n" + header));
    }

    private static String csvError(String csv) {
        return assertThrows(DatasetFormatException.class, () -> TransitionCsv.read(new BufferedReader(new StringReader(csv)), "a.csv"))
                .getMessage();
    }

    @Test
    void aFlippedPayloadByteFailsTheChecksum() throws IOException {
        byte[] bytes = binary(awkwardDataset());
        for (int position : new int[] {16, 16 + 40, bytes.length / 2, bytes.length - 9}) {
            byte[] corrupt = bytes.clone();
            corrupt[position] ^= 0x10;
            DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> readBinary(corrupt), "flipped byte " + position);
            assertEquals("data.ntds: checksum mismatch: the file is corrupt", e.getMessage());
        }
        byte[] corruptCrc = bytes.clone();
        corruptCrc[bytes.length - 1] ^= 0x01;
        assertEquals("data.ntds: checksum mismatch: the file is corrupt",
                assertThrows(DatasetFormatException.class, () -> readBinary(corruptCrc)).getMessage());
    }

    @Test
    void aTruncatedFileIsRefused() throws IOException {
        byte[] bytes = binary(awkwardDataset());
        long payload = ByteBuffer.wrap(bytes, 8, 8).getLong();
        assertEquals(bytes.length - 24, payload, "magic, version and length, then the payload and its CRC");
        DatasetFormatException cutInPayload = assertThrows(DatasetFormatException.class,
                () -> readBinary(Arrays.copyOf(bytes, bytes.length / 2)));
        assertEquals("data.ntds: truncated: payload has " + (bytes.length / 2 - 16) + " of " + payload + " bytes",
                cutInPayload.getMessage());
        DatasetFormatException cutInCrc = assertThrows(DatasetFormatException.class, () -> readBinary(Arrays.copyOf(bytes, bytes.length - 3)));
        assertEquals("data.ntds: truncated file", cutInCrc.getMessage());
        DatasetFormatException cutInHeader = assertThrows(DatasetFormatException.class, () -> readBinary(Arrays.copyOf(bytes, 6)));
        assertEquals("data.ntds: truncated file", cutInHeader.getMessage());
    }

    @Test
    void aWrongMagicOrVersionIsRefused() throws IOException {
        byte[] bytes = binary(awkwardDataset());
        byte[] csvBytes = "episode,obs_0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals("data.ntds: not a NetTwin file (bad magic 'epis'): expected a NetTwin transition dataset (.ntds)",
                assertThrows(DatasetFormatException.class, () -> readBinary(csvBytes)).getMessage());
        byte[] magic = bytes.clone();
        magic[0] = 'X';
        assertEquals("data.ntds: not a NetTwin file (bad magic 'XTDS'): expected a NetTwin transition dataset (.ntds)",
                assertThrows(DatasetFormatException.class, () -> readBinary(magic)).getMessage());
        byte[] version = bytes.clone();
        ByteBuffer.wrap(version).putInt(4, BinaryFormats.DATASET.version() + 1);
        DatasetFormatException newer = assertThrows(DatasetFormatException.class, () -> readBinary(version));
        assertEquals("data.ntds: this is a NetTwin transition dataset (.ntds) of format version 2; this build reads version 1",
                newer.getMessage());
        assertEquals(2, ((FormatMismatchException) newer.getCause()).savedVersion().getAsInt(), "the cause says what was found");
        byte[] policy = bytes.clone();
        ByteBuffer.wrap(policy).putInt(0, BinaryFormats.DQN_POLICY.magicNumber());
        DatasetFormatException other = assertThrows(DatasetFormatException.class, () -> readBinary(policy));
        assertEquals("data.ntds: this is a rl/dqn policy, not a NetTwin transition dataset (.ntds)", other.getMessage());
        assertEquals(new Identification.Known(BinaryFormats.DQN_POLICY), ((FormatMismatchException) other.getCause()).found());
        assertEquals("data.ntds: the file is empty: expected a NetTwin transition dataset (.ntds)",
                assertThrows(DatasetFormatException.class, () -> readBinary(new byte[0])).getMessage());
        byte[] length = bytes.clone();
        ByteBuffer.wrap(length).putLong(8, -5);
        assertEquals("data.ntds: corrupt header (payload length -5)",
                assertThrows(DatasetFormatException.class, () -> readBinary(length)).getMessage());
    }

    @Test
    void aCsvCutAtARowBoundaryIsNoticedAndDatasetsAreCheckedAgainstTheirSpaces(@TempDir Path dir)
            throws IOException {
        TransitionDataset data = new TransitionDataset(2, 1, Map.of("scenario", "test/Line-v1"));
        for (int i = 0; i < 5; i++) {
            data.add(0, new double[] {i, 0.5}, new double[] {i % 3}, 1, new double[] {i + 1, 0.5}, false, false);
        }
        StringWriter csv = new StringWriter();
        TransitionCsv.write(data, csv);
        String text = csv.toString();
        assertTrue(text.startsWith("# rows=5\n"), text);
        String cut = text.substring(0, text.lastIndexOf('\n', text.length() - 2) + 1);
        Path cutFile = Files.writeString(dir.resolve("cut.csv"), cut);
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> TransitionFiles.read(cutFile));
        assertTrue(e.getMessage().contains("says it holds 5 transitions (# rows=) but has 4; it was cut short"), e.getMessage());

        Path bad = Files.writeString(dir.resolve("bad.csv"), text.replace(",2.0,1.0,", ",1.0E300,1.0,"));
        TransitionFiles.Loaded loaded = TransitionFiles.load(bad);
        List<String> problems = DatasetCheck.problems(loaded.data(), new Box(2, 0, 10),
                new Discrete(3), "test/Other-v1", loaded.where(), bad.toString(), 10);
        assertTrue(problems.get(0).contains("recorded on test/Line-v1, the experiment's scenario is test/Other-v1"), problems.toString());
        assertTrue(problems.get(1).startsWith(bad + ":6: action 1.0E300 is not in Discrete(3)"), problems.toString());
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(DatasetCheck.problems(loaded.data(), new Box(3, 0, 10), new Discrete(3),
                null, loaded.where(), bad.toString(), 10).get(0).contains("do not fit"), "a dataset of the wrong shape is refused, located");
    }
}
