package org.metalearn4j.model.hyper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.train.Evaluator;
import org.metalearn4j.model.BlobEpisodes;
import org.metalearn4j.model.LineTasks;
import org.metalearn4j.model.Training;

/**
 * Weight generation and the hypernetwork learn from episodes: seeded tasks, fixed test episodes, thresholds far from
 * the printed measurements but failing if training were broken.
 */
class GeneratorsLearnTest {

    /**
     * 5-way 1-shot on 16-dimensional blobs of unseen classes whose centres differ in 4 values while noise fills all 16:
     * comparing raw inputs is poor, an embedding that learned to ignore the 12 noisy values is good. Chance is 0.2.
     */
    @Test
    void weightGenerationClassifiesUnseenClasses() {
        TaskSource train = new BlobEpisodes(60, 1, 4, 0.5, 5, 1, 5, new long[] {16});
        TaskSource test = new BlobEpisodes(60, 2, 4, 0.5, 5, 1, 5, new long[] {16});
        Learner learner = Training.learner("weightgen", "{backbone: {type: mlp, hidden: [32, 32]}, contextSize: 16,"
                + " generatorHidden: 32, optimizer: {learningRate: 0.003}}", train, new long[] {16});
        double before = Evaluator.evaluate(learner.adapter(), test, 50, 7).value();
        Training.run(learner, train, 120, 4);
        double after = Evaluator.evaluate(learner.adapter(), test, 50, 7).value();
        System.out.printf("weightgen 5-way 1-shot: accuracy %.3f -> %.3f%n", before, after);
        assertThat(after).isGreaterThan(before + 0.15).isGreaterThan(0.6);
    }

    /**
     * The hypernetwork fits lines from 5 points; told each task's line ({@code descriptorSize: 2}) it fits them far
     * better still, since the descriptor determines the task.
     */
    @Test
    void hypernetworkFitsLinesAndUsesTheDescriptor() {
        TaskSource train = new LineTasks(5, 10, 0);
        TaskSource test = new LineTasks(5, 20, 0);
        String common = "encoderHidden: 32, embeddingSize: 16, hidden: [32], optimizer: {learningRate: 0.003}";
        Learner plain = Training.learner("hypernet", "{" + common + "}", train, new long[] {1});
        Learner told = Training.learner("hypernet", "{" + common + ", descriptorSize: 2}", train, new long[] {1});
        double before = Evaluator.evaluate(plain.adapter(), test, 100, 7).value();
        Training.run(plain, train, 200, 8);
        Training.run(told, train, 200, 8);
        double after = Evaluator.evaluate(plain.adapter(), test, 100, 7).value();
        double withDescriptor = Evaluator.evaluate(told.adapter(), test, 100, 7).value();
        System.out.printf("hypernet lines: MSE %.3f -> %.3f, with the descriptor %.3f%n", before, after,
                withDescriptor);
        assertThat(after).isLessThan(0.4 * before);
        assertThat(withDescriptor).isLessThan(0.5 * after);
    }
}
