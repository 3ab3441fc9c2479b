package org.metalearn4j.transfer.zeroshot;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.metalearn4j.core.dataset.ClassStore;
import org.metalearn4j.core.dataset.ClassStoreDataset;
import org.metalearn4j.transfer.TestArrays;
import org.metalearn4j.core.task.Rows;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Classes described by distinct random binary attribute vectors, whose examples are a fixed linear map of the class's
 * attributes plus Gaussian noise: the setting in which attribute-based zero-shot learning can work.
 */
final class SyntheticClasses {
    final INDArray attributes;
    private final INDArray map;
    private final double noise;

    SyntheticClasses(int classes, int attributeCount, int featureDim, double noise, long seed) {
        Random rnd = new Random(seed);
        double[][] a = new double[classes][attributeCount];
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < classes; c++) {
            do {
                for (int m = 0; m < attributeCount; m++) {
                    a[c][m] = rnd.nextBoolean() ? 1 : 0;
                }
            } while (!seen.add(java.util.Arrays.toString(a[c])));
        }
        this.attributes = Nd4j.createFromArray(a);
        this.map = TestArrays.gaussian(attributeCount, featureDim, rnd.nextLong());
        this.noise = noise;
    }

    /** {@code perClass} examples of each class in {@code classes}; labels index into {@code classes}. */
    INDArray[] sample(int[] classes, int perClass, long seed) {
        Random rnd = new Random(seed);
        int n = classes.length * perClass;
        double[][] x = new double[n][];
        double[] y = new double[n];
        INDArray clean = Rows.gather(attributes, classes).mmul(map);
        for (int i = 0; i < n; i++) {
            int k = i / perClass;
            double[] row = clean.getRow(k).toDoubleVector();
            for (int j = 0; j < row.length; j++) {
                row[j] += noise * rnd.nextGaussian();
            }
            x[i] = row;
            y[i] = k;
        }
        return new INDArray[] {Nd4j.createFromArray(x), Nd4j.createFromArray(y)};
    }

    /**
     * Every class as data set {@code name} with splits {@code train} and {@code test}, {@code perClass} examples of
     * each class per split; class {@code c} is named {@code c<c>}.
     */
    ClassStoreDataset dataset(String name, int perClass, long trainSeed, long testSeed) {
        Map<String, ClassStore> splits = new LinkedHashMap<>();
        splits.put("train", store(perClass, trainSeed));
        splits.put("test", store(perClass, testSeed));
        return new ClassStoreDataset(name, splits);
    }

    private ClassStore store(int perClass, long seed) {
        int classes = (int) attributes.rows();
        INDArray x = sample(IntStream.range(0, classes).toArray(), perClass, seed)[0];
        ClassStore.Builder store = ClassStore.builder(x.size(1));
        for (int c = 0; c < classes; c++) {
            float[] rows = x.get(NDArrayIndex.interval(c * perClass, (c + 1) * perClass), NDArrayIndex.all())
                    .castTo(DataType.FLOAT).dup('c').data().asFloat();
            store.addPacked("c" + c, rows, perClass);
        }
        return store.build();
    }

    INDArray attributesOf(int[] classes) {
        return Rows.gather(attributes, classes);
    }
}
