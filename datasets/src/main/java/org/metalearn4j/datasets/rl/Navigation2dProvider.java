package org.metalearn4j.datasets.rl;

import java.util.LinkedHashMap;
import java.util.Map;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetProvider;
import org.metalearn4j.core.env.EnvironmentDataset;

/**
 * {@code nav2d}: 2-D point navigation (Finn et al. 2017) as a family of environments, one per goal. Splits
 * {@code meta-train}, {@code meta-val} and {@code meta-test} draw goals from the same square; a split's goal for seed
 * {@code s} comes from {@code Seeds.derive(s, splitIndex)}, so the 40 test goals of a fixed evaluation seed are the
 * same for every learner. Train with a reinforcement learner ({@code maml-rl}, {@code fomaml-rl},
 * {@code pretrain-rl}); {@code train.shot} and {@code train.query} are trajectories per task.
 */
public final class Navigation2dProvider implements DatasetProvider<Navigation2dConfig> {
    public static final String NAME = "nav2d";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "2-D point navigation to a goal ~ U[-0.5,0.5]^2 (meta-RL, Finn et al. 2017): control tasks";
    }

    @Override
    public Class<Navigation2dConfig> configType() {
        return Navigation2dConfig.class;
    }

    @Override
    public Navigation2dConfig defaults() {
        return new Navigation2dConfig(-0.5, 0.5, 0.1, 100, 0.01);
    }

    @Override
    public Dataset open(Navigation2dConfig config) {
        Navigation2dFamily family = new Navigation2dFamily(config);
        Map<String, EnvironmentDataset.TaskParameters> splits = new LinkedHashMap<>();
        for (String split : new String[] {"meta-train", "meta-val", "meta-test"}) {
            splits.put(split, family::sampleGoal);
        }
        return new EnvironmentDataset(NAME, family, splits);
    }
}
