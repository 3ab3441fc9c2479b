package org.metalearn4j.datasets.mixture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;

/**
 * Tasks drawn from several data sets: for seed s a family is chosen with the configured probabilities, then that
 * family's task for a seed derived from s is returned unchanged, so its domain names the family it came from
 * ({@code sinusoid/meta-test}). The splits are those every family has.
 */
final class MixtureDataset implements Dataset {
    private final String name;
    private final List<Dataset> families;
    private final double[] cumulative;

    MixtureDataset(String name, List<Dataset> families, double[] probabilities) {
        Dataset first = families.get(0);
        for (int i = 1; i < families.size(); i++) {
            Dataset d = families.get(i);
            if (d.type() != first.type() || !Arrays.equals(d.inputShape(), first.inputShape())) {
                throw new IllegalArgumentException("families[" + i + "]: " + d.name() + " has " + d.type() + " tasks"
                        + " with inputs " + Arrays.toString(d.inputShape()) + ", but " + first.name() + " has "
                        + first.type() + " tasks with inputs " + Arrays.toString(first.inputShape()));
            }
        }
        this.name = name;
        this.families = List.copyOf(families);
        this.cumulative = new double[probabilities.length];
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            sum += probabilities[i];
            cumulative[i] = sum;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public TaskType type() {
        return families.get(0).type();
    }

    @Override
    public long[] inputShape() {
        return families.get(0).inputShape();
    }

    @Override
    public List<String> splits() {
        List<String> common = new ArrayList<>(families.get(0).splits());
        families.forEach(d -> common.retainAll(d.splits()));
        return common;
    }

    @Override
    public TaskSource episodes(String split, EpisodeSpec spec) {
        if (!splits().contains(split)) {
            throw new DatasetException(name + " has no split '" + split + "' in every family; available: " + splits());
        }
        List<TaskSource> sources = families.stream().map(d -> d.episodes(split, spec)).toList();
        return seed -> {
            int family = choose(new SplittableRandom(Seeds.derive(seed, 0)).nextDouble());
            return sources.get(family).sample(Seeds.derive(seed, 1 + family));
        };
    }

    private int choose(double u) {
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }
}
