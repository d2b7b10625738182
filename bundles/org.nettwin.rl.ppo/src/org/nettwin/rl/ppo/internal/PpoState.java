package org.nettwin.rl.ppo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.io.ChecksummedBody;
import org.nettwin.api.rl.Resumable;

/**
 * The {@link Resumable} capability of {@link Ppo} (PPO and MAPPO). Format
 * ({@link BinaryFormats#PPO_STATE}, in a {@link ChecksummedBody}): {@code int} length and that
 * many bytes of the checkpoint ({@link PpoCheckpoint}: networks, Adam moments, log-stds, the
 * random stream, steps, episodes and updates). That is the whole learning state between two
 * {@code learn} calls: a call ends by learning from the rollout it collected (none is left half
 * collected), the update statistics are reported and cleared with each update, and every call
 * starts an episode with a reset seeded from the episode count, so nothing of the environment is
 * needed. The last rollout, kept only for loss surfaces, is not saved.
 */
final class PpoState implements Resumable {

    private final PpoCheckpoint checkpoint;

    PpoState(Ppo ppo) {
        this.checkpoint = new PpoCheckpoint(ppo);
    }

    @Override
    public void saveState(OutputStream out) throws IOException {
        ChecksummedBody.write(BinaryFormats.PPO_STATE, out, body -> ChecksummedBody.writeBlock(body, checkpoint::saveCheckpoint));
    }

    @Override
    public void loadState(InputStream in) throws IOException {
        ChecksummedBody.load(BinaryFormats.PPO_STATE, in, state -> checkpoint.read(state.readBlock("checkpoint")));
    }
}
