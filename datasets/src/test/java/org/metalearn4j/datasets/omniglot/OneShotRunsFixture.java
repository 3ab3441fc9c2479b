package org.metalearn4j.datasets.omniglot;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Runs in the official {@code all_runs} format, assembled from the shipped small2-only alphabets: within one alphabet,
 * one drawer's images are the training images and another drawer's the test items, in shuffled order. Shared through
 * the datasets test-jar so other modules can score trained models on the format.
 */
public final class OneShotRunsFixture {
    private static final String[] ALPHABETS = {"Japanese_(katakana)", "Sanskrit", "Tagalog", "Japanese_(katakana)"};

    private OneShotRunsFixture() {
    }

    /** Entry name ({@code all_runs/runNN/...}) to file bytes, for {@link RawOmniglot#writeZip}. */
    public static Map<String, byte[]> assemble() {
        Map<String, List<byte[]>> characters = RawOmniglot.characters(OmniglotSmallProvider.SMALL2);
        Map<String, byte[]> runFiles = new LinkedHashMap<>();
        Random random = new Random(2015);
        for (int r = 0; r < ALPHABETS.length; r++) {
            String run = String.format("run%02d", r + 1);
            String alphabet = ALPHABETS[r];
            List<String> chars = new ArrayList<>(characters.keySet().stream()
                    .filter(c -> c.startsWith(alphabet + "/")).toList());
            Collections.shuffle(chars, random);
            List<String> chosen = chars.subList(0, Math.min(20, chars.size()));
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < chosen.size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, random);
            StringBuilder labels = new StringBuilder();
            for (int i = 0; i < chosen.size(); i++) {
                List<byte[]> drawings = characters.get(chosen.get(i));
                String training = String.format("%s/training/class%02d.png", run, i + 1);
                runFiles.put("all_runs/" + training, drawings.get(2 * r));
                int item = order.get(i);
                String test = String.format("%s/test/item%02d.png", run, item + 1);
                runFiles.put("all_runs/" + test, drawings.get(2 * r + 1));
                labels.append(test).append(' ').append(training).append('\n');
            }
            runFiles.put("all_runs/" + run + "/class_labels.txt", labels.toString().getBytes(StandardCharsets.UTF_8));
        }
        return runFiles;
    }
}
