package org.metalearn4j.datasets.omniglot;

import java.util.List;

/**
 * One run of the Omniglot one-shot classification benchmark (Lake et al. 2015): one training image per class and
 * test items to classify among them.
 *
 * @param name     e.g. {@code run01}
 * @param training ink images of {@code training/classXX.png}, sorted by file name; class i is {@code training.get(i)}
 * @param test     ink images of {@code test/itemXX.png}, sorted by file name
 * @param answers  {@code answers[j]} is the index in {@code training} of the class of test item j
 */
public record OmniglotRun(String name, List<float[]> training, List<float[]> test, int[] answers) {
    public OmniglotRun {
        training = List.copyOf(training);
        test = List.copyOf(test);
        answers = answers.clone();
    }

    @Override
    public int[] answers() {
        return answers.clone();
    }
}
