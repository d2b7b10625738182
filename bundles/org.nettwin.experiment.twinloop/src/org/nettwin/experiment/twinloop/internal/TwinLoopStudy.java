package org.nettwin.experiment.twinloop.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.nettwin.api.experiment.Report;
import org.nettwin.api.experiment.ReportContext;
import org.nettwin.api.experiment.Study;
import org.nettwin.api.experiment.Unit;
import org.nettwin.api.experiment.UnitContext;
import org.nettwin.api.experiment.UnitData;
import org.nettwin.api.experiment.UnitResult;

/**
 * Two units per seed — the vanilla arm and the DT-enhanced arm — each with its own environments
 * and agents, so they may run in any order or in parallel; {@code metrics.csv} has, per seed,
 * the vanilla arm's rows, then the DT-enhanced arm's.
 */
final class TwinLoopStudy implements Study {

    private final String name;
    private final List<Long> seeds;
    private final TwinLoopArms arms;
    private final TwinLoopSettings settings;

    TwinLoopStudy(String name, List<Long> seeds, TwinLoopArms arms, TwinLoopSettings settings) {
        this.name = name;
        this.seeds = seeds;
        this.arms = arms;
        this.settings = settings;
    }

    @Override
    public List<Unit> units() {
        List<Unit> units = new ArrayList<>();
        for (long seed : seeds) {
            if (settings.vanilla()) {
                units.add(new Unit("seed-" + seed + "-" + TwinLoopArms.VANILLA, seed, "seed " + seed + " vanilla", settings.budget()));
            }
            units.add(new Unit("seed-" + seed + "-" + TwinLoopArms.TWIN, seed, "seed " + seed + " twin", settings.twinArmWork()));
        }
        return units;
    }

    @Override
    public UnitData run(Unit unit, UnitContext context) {
        return unit.key().endsWith("-" + TwinLoopArms.TWIN) ? arms.twinArm(unit.seed(), context) : arms.vanilla(unit.seed(), context);
    }

    @Override
    public Report report(List<UnitResult> results, ReportContext context) throws IOException {
        List<UnitResult> vanilla = new ArrayList<>();
        List<UnitResult> twin = new ArrayList<>();
        for (UnitResult r : results) {
            (r.unit().key().endsWith("-" + TwinLoopArms.TWIN) ? twin : vanilla).add(r);
        }
        return new TwinLoopReport(name, arms, settings, vanilla, twin).write(context.folder());
    }

    @Override
    public Map<String, Object> resolved() {
        return Map.of("seedDerivation", "scenario: Seeds.derive(seed, \"scenario\"), vanilla algorithm: Seeds.derive(seed, \"algorithm\"), "
                + "agents 1 and 2: Seeds.derive(seed, \"agent1\"|\"agent2\"), twin: Seeds.derive(seed, \"twin\"), behaviour: "
                + "Seeds.derive(seed, \"behaviour\"), history and held-out data: resets Seeds.derive(seed, \"history\"|\"held-out\"), actions "
                + "Seeds.derive(seed, \"history-actions\"|\"held-out-actions\"), evaluation episode i: "
                + "Seeds.derive(Seeds.derive(seed, \"evaluation\"), i), landscape directions: Seeds.derive(seed, \"landscape\")");
    }
}
