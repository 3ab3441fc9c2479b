package org.metalearn4j.model.mann;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.model.BlobEpisodes;
import org.metalearn4j.model.Training;

/**
 * The MANN learns to classify sequences of unseen classes: 2-way episodes of 4 instances per class of 16-dimensional
 * blobs, trained for 150 steps of 16 episodes, scored on 100 fixed sequences of classes it never saw. Untrained, every
 * instance is guessed (about 0.5); trained, the first instance is still a guess but for the second class to appear
 * (it can only be the other label), and the later instances are recognised above chance. Santoro et al.'s memory
 * effect needs far longer training: the Omniglot benchmark measures it.
 */
class MannLearnsTest {

    @Test
    void laterInstancesOfUnseenClassesAreRecognisedAboveChance() {
        TaskSource train = new BlobEpisodes(60, 1, 16, 0.3, 2, 4, 1, new long[] {16});
        TaskSource test = new BlobEpisodes(60, 2, 16, 0.3, 2, 4, 1, new long[] {16});
        MannLearner mann = (MannLearner) Training.learner("mann", "{controllerSize: 32, memorySlots: 8,"
                + " memoryWidth: 8, readHeads: 1, optimizer: {learningRate: 0.01, gradClip: 10}}", train,
                new long[] {16});
        InstanceAccuracy.Result before = InstanceAccuracy.evaluate(mann.sequenceClassifier(), test, 100, 5);
        Training.run(mann, train, 150, 16);
        InstanceAccuracy.Result after = InstanceAccuracy.evaluate(mann.sequenceClassifier(), test, 100, 5);
        System.out.printf("per-instance accuracy %s -> %s%n", Arrays.toString(before.accuracy()),
                Arrays.toString(after.accuracy()));
        assertThat(after.accuracy()).hasSize(4);
        assertThat(mean(before.accuracy())).isBetween(0.35, 0.65);
        assertThat(mean(after.accuracy())).isGreaterThan(0.58).isGreaterThan(mean(before.accuracy()) + 0.1);
    }

    /** Mean accuracy over instances 2 to 4. */
    private static double mean(double[] accuracy) {
        return Arrays.stream(accuracy, 1, accuracy.length).average().orElseThrow();
    }
}
