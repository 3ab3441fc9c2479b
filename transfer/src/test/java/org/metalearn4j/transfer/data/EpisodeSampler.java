package org.metalearn4j.transfer.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.metalearn4j.core.dataset.LabeledSet;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.metalearn4j.core.task.Rows;

/** N-way K-shot episodes drawn from a labelled set, a pure function of the seed. */
final class EpisodeSampler implements TaskSource {
    private final LabeledSet set;
    private final EpisodeSpec spec;
    private final String domain;
    private final List<List<Integer>> byClass = new ArrayList<>();

    EpisodeSampler(LabeledSet set, EpisodeSpec spec, String domain) {
        this.set = set;
        this.spec = spec;
        this.domain = domain;
        int[] y = set.examples().y().castTo(DataType.INT).toIntVector();
        for (int c = 0; c < set.classes(); c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < y.length; i++) {
            byClass.get(y[i]).add(i);
        }
    }

    @Override
    public Task sample(long seed) {
        Random rnd = new Random(seed);
        List<Integer> classes = new ArrayList<>();
        for (int c = 0; c < set.classes(); c++) {
            classes.add(c);
        }
        Collections.shuffle(classes, rnd);
        List<Long> support = new ArrayList<>();
        List<Long> query = new ArrayList<>();
        List<Integer> sy = new ArrayList<>();
        List<Integer> qy = new ArrayList<>();
        for (int k = 0; k < spec.way(); k++) {
            List<Integer> members = new ArrayList<>(byClass.get(classes.get(k)));
            Collections.shuffle(members, rnd);
            for (int j = 0; j < spec.shot() + spec.query(); j++) {
                (j < spec.shot() ? support : query).add((long) members.get(j));
                (j < spec.shot() ? sy : qy).add(k);
            }
        }
        return new Task(pick(support, sy), pick(query, qy), TaskType.CLASSIFICATION, spec.way(), spec.shot(), domain);
    }

    private Examples pick(List<Long> rows, List<Integer> labels) {
        var x = Rows.gather(set.examples().x(), rows.stream().mapToInt(Long::intValue).toArray());
        var y = Nd4j.createFromArray(labels.stream().mapToInt(Integer::intValue).toArray()).castTo(DataType.FLOAT);
        return new Examples(x, y);
    }
}
