package org.metalearn4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.config.ConfigLoader;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.ProbabilisticPredictor;
import org.metalearn4j.core.model.FewShotClassifier;
import org.metalearn4j.core.model.FewShotModel;
import org.metalearn4j.core.model.FewShotRegressor;
import org.metalearn4j.core.model.ModelFile;
import org.metalearn4j.core.model.Prediction;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.train.RunComponents;
import org.metalearn4j.core.train.TrainingCheckpoint;
import org.metalearn4j.examples.ReadmeBlocks;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The library API of README's "Use as a library": a model trained by {@code metalearn train} is loaded from its file
 * without any data set provider, adapted to images, arrays or points, and predicts as the learner does in
 * {@code metalearn eval}; README's snippet compiles and runs; {@code metalearn export} writes weights NumPy reads.
 */
class LibraryUseTest {
    private static final Path CONFIGS = Path.of("configs");

    @TempDir
    static Path dir;
    private static Path proto;
    private static Path sinusoid;
    private static Path cnp;

    @BeforeAll
    static void train() {
        proto = dir.resolve("runs/proto");
        CliRun p = CliRun.of("train", CONFIGS.resolve("omniglot-protonet.yaml"), "--out", proto, "--no-progress",
                "--set", "learner.params.backbone.channels=8", "--set", "train.iterations=3", "--set", "train.way=5",
                "--set", "train.shot=1", "--set", "train.query=2", "--set", "eval.episodes=2");
        assertThat(p.code()).as(p.err()).isZero();
        sinusoid = dir.resolve("runs/sinusoid");
        CliRun s = CliRun.of("train", CONFIGS.resolve("sinusoid-maml.yaml"), "--out", sinusoid, "--no-progress",
                "--set", "train.iterations=3", "--set", "train.metaBatch=2", "--set", "eval.episodes=2");
        assertThat(s.code()).as(s.err()).isZero();
        cnp = dir.resolve("runs/cnp");
        CliRun c = CliRun.of("train", CONFIGS.resolve("sinusoid-cnp.yaml"), "--out", cnp, "--no-progress",
                "--set", "train.iterations=3", "--set", "train.metaBatch=2", "--set", "eval.episodes=2");
        assertThat(c.code()).as(c.err()).isZero();
    }

    /** The providers a model needs at inference: its learner (and core's backbones), no data set. */
    private static PluginRegistry withoutDatasets(String learner) {
        return PluginRegistry.of("test", PluginRegistry.classpath().learner(learner));
    }

    /** A meta-test episode of the run's data set, and the run's learner loaded as {@code metalearn eval} does. */
    private record Reference(Task task, Learner learner) {
        static Reference of(Path run, int way, int shot, int query) {
            ModelFile file = ModelFile.read(run);
            RunConfig config = ConfigLoader.fromJson(file.checkpoint().configJson(), file.file().toString());
            RunComponents c = RunComponents.open(config, PluginRegistry.classpath(), null);
            c.learner().load(TrainingCheckpoint.learnerState(file.checkpoint(), file.file().toString()));
            return new Reference(c.episodes("meta-test", way, shot, query).sample(11), c.learner());
        }
    }

    private static List<float[]> rows(INDArray x) {
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < x.size(0); i++) {
            rows.add(x.get(org.nd4j.linalg.indexing.NDArrayIndex.point(i)).dup('c').reshape(-1).toFloatVector());
        }
        return rows;
    }

    private static Map<String, List<float[]>> support(Task task) {
        Map<String, List<float[]>> support = new LinkedHashMap<>();
        List<float[]> rows = rows(task.support().x());
        long[] y = task.support().y().castTo(DataType.LONG).toLongVector();
        for (int i = 0; i < rows.size(); i++) {
            support.computeIfAbsent("class" + y[i], k -> new ArrayList<>()).add(rows.get(i));
        }
        return support;
    }

    @Test
    void aModelLoadedFromItsFileAlonePredictsAsTheEvaluatedLearner() {
        Reference ref = Reference.of(proto, 5, 2, 3);
        FewShotModel model = FewShotModel.load(proto, withoutDatasets("protonet"));
        assertThat(model.description().learner()).isEqualTo("protonet");
        assertThat(model.description().inputShape()).containsExactly(1, 28, 28);
        assertThat(model.description().image()).isNotNull();
        assertThat(model.provenance().seed()).isEqualTo(42L);

        FewShotClassifier classifier = model.adaptToArrays(support(ref.task()));
        List<Prediction> predictions = classifier.predictArrays(rows(ref.task().query().x()));
        INDArray logits = ref.learner().adapter().adapt(ref.task().support(), TaskType.CLASSIFICATION, 5)
                .predict(ref.task().query().x());
        int[] expected = logits.argMax(1).toIntVector();
        for (int i = 0; i < predictions.size(); i++) {
            Prediction p = predictions.get(i);
            assertThat(p.label()).isEqualTo("class" + expected[i]);
            assertThat(p.probabilities().keySet()).containsExactly("class0", "class1", "class2", "class3", "class4");
            assertThat(p.probabilities().values().stream().mapToDouble(Double::doubleValue).sum())
                    .isCloseTo(1.0, within(1e-9));
            assertThat(p.probability()).isEqualTo(p.probabilities().values().stream().mapToDouble(d -> d).max()
                    .orElseThrow());
        }
    }

    @Test
    void imagesArePreparedAsTheTrainingImagesWere() throws IOException {
        Reference ref = Reference.of(proto, 5, 1, 2);
        FewShotModel model = FewShotModel.load(proto, withoutDatasets("protonet"));
        Map<String, List<float[]>> arrays = support(ref.task());
        Map<String, List<BufferedImage>> images = new LinkedHashMap<>();
        arrays.forEach((label, rows) -> images.put(label, rows.stream().map(LibraryUseTest::image).toList()));
        List<float[]> query = rows(ref.task().query().x());
        List<Path> queryFiles = new ArrayList<>();
        for (int i = 0; i < query.size(); i++) {
            Path file = dir.resolve("query-" + i + ".png");
            ImageIO.write(image(query.get(i)), "png", file.toFile());
            queryFiles.add(file);
        }
        List<Prediction> fromArrays = model.adaptToArrays(arrays).predictArrays(query);
        List<Prediction> fromImages = model.adaptToImages(images).predictFiles(queryFiles);
        for (int i = 0; i < query.size(); i++) {
            for (String label : arrays.keySet()) {
                // 8-bit grey levels round each ink value by at most 1/510
                assertThat(fromImages.get(i).probabilities().get(label))
                        .isCloseTo(fromArrays.get(i).probabilities().get(label), within(0.02));
            }
        }
    }

    @Test
    void concurrentPredictionsEqualSequentialOnes() throws Exception {
        Reference ref = Reference.of(proto, 5, 1, 3);
        FewShotModel model = FewShotModel.load(proto, withoutDatasets("protonet"));
        FewShotClassifier classifier = model.adaptToArrays(support(ref.task()));
        List<float[]> query = rows(ref.task().query().x());
        List<Prediction> sequential = classifier.predictArrays(query);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Prediction>>> futures = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                futures.add(pool.submit(() -> model.adaptToArrays(support(ref.task())).predictArrays(query)));
                futures.add(pool.submit(() -> classifier.predictArrays(query)));
            }
            for (Future<List<Prediction>> f : futures) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(sequential);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRegressionModelPredictsItsMeanFromSupportPoints() {
        Reference ref = Reference.of(sinusoid, 1, 10, 5);
        FewShotModel model = FewShotModel.load(sinusoid, withoutDatasets("maml"));
        assertThat(model.description().type()).isEqualTo(TaskType.REGRESSION);
        double[][] x = matrix(ref.task().support().x());
        double[][] y = matrix(ref.task().support().y());
        FewShotRegressor regressor = model.adaptToPoints(x, y);
        double[][] predicted = regressor.predict(matrix(ref.task().query().x()));
        double[][] expected = matrix(ref.learner().adapter().adapt(ref.task().support(), TaskType.REGRESSION, 1)
                .predict(ref.task().query().x()));
        for (int i = 0; i < expected.length; i++) {
            assertThat(predicted[i]).containsExactly(expected[i], within(1e-5));
        }
        assertThatThrownBy(() -> model.adaptToArrays(Map.of("a", List.of(new float[1]), "b", List.of(new float[1]))))
                .hasMessageContaining("is a regression model").hasMessageContaining("adaptToPoints");
        assertThatThrownBy(() -> model.adaptToPoints(x, new double[][] {{1.0}}))
                .hasMessageContaining("10 inputs and 1 targets");
    }

    @Test
    void aNeuralProcessAlsoPredictsItsUncertainty() {
        Reference ref = Reference.of(cnp, 1, 10, 5);
        FewShotModel model = FewShotModel.load(cnp, withoutDatasets("cnp"));
        double[][] query = matrix(ref.task().query().x());
        FewShotRegressor regressor = model.adaptToPoints(matrix(ref.task().support().x()),
                matrix(ref.task().support().y()));
        assertThat(regressor.hasUncertainty()).isTrue();
        org.metalearn4j.core.learner.Prediction expected = ((ProbabilisticPredictor) ref.learner().adapter()
                .adapt(ref.task().support(), TaskType.REGRESSION, 1)).distribution(ref.task().query().x());
        double[][] mean = regressor.predict(query);
        double[][] std = regressor.std(query);
        double[][] expectedMean = matrix(expected.mean());
        double[][] expectedStd = matrix(expected.std());
        for (int i = 0; i < query.length; i++) {
            assertThat(mean[i]).containsExactly(expectedMean[i], within(1e-5));
            assertThat(std[i]).containsExactly(expectedStd[i], within(1e-5));
            assertThat(std[i][0]).isPositive();
        }

        FewShotRegressor maml = FewShotModel.load(sinusoid, withoutDatasets("maml"))
                .adaptToPoints(matrix(ref.task().support().x()), matrix(ref.task().support().y()));
        assertThat(maml.hasUncertainty()).isFalse();
        assertThatThrownBy(() -> maml.std(query)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("'maml' predicts no uncertainty");
    }

    @Test
    void badInputIsNamed() {
        FewShotModel model = FewShotModel.load(proto, withoutDatasets("protonet"));
        assertThatThrownBy(() -> model.adaptToArrays(Map.of("a", List.of(new float[3]), "b", List.of(new float[3]))))
                .hasMessageContaining("784 values (shape [1, 28, 28]), got 3");
        assertThatThrownBy(() -> model.adaptToArrays(Map.of("a", List.of(new float[784]))))
                .hasMessageContaining("at least two labels");
        assertThatThrownBy(() -> FewShotModel.load(dir.resolve("absent.ml4j")))
                .hasMessageContaining("absent.ml4j").hasMessageContaining("does not exist");
        assertThatThrownBy(() -> FewShotModel.load(dir)).hasMessageContaining("no model in " + dir);
    }

    @Test
    void readmeSnippetCompilesAndRuns() throws Exception {
        String snippet = ReadmeBlocks.firstUnder("## Use as a library", "java");
        assertThat(snippet.split("\n")).hasSizeLessThanOrEqualTo(25);
        Path src = dir.resolve("snippet/Classify.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, snippet);
        Path classes = dir.resolve("snippet/classes");
        String classpath = System.getProperty("java.class.path");
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-cp", classpath, src.toString());
        assertThat(compiled).isZero();

        Reference ref = Reference.of(proto, 2, 2, 1);
        List<float[]> rows = rows(ref.task().support().x());
        long[] y = ref.task().support().y().castTo(DataType.LONG).toLongVector();
        int[] seen = new int[2];
        for (int i = 0; i < rows.size(); i++) {
            String name = (y[i] == 0 ? "alpha-" : "beta-") + ++seen[(int) y[i]] + ".png";
            ImageIO.write(image(rows.get(i)), "png", dir.resolve(name).toFile());
        }
        ImageIO.write(image(rows(ref.task().query().x()).get(0)), "png", dir.resolve("query.png").toFile());
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", classes + java.io.File.pathSeparator + classpath, "Classify")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).containsPattern("(?m)^(alpha|beta) [01]\\.\\d+ \\{(alpha|beta)=");
    }

    @Test
    void exportWritesArraysNumpyReadsBack() throws Exception {
        Path npz = dir.resolve("export/proto.npz");
        CliRun r = CliRun.of("export", proto, "--format", "npz", "--out", npz);
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode line = ConfigMappers.plain().readTree(r.lastLine());
        assertThat(line.get("arrays").asInt()).isPositive();
        JsonNode description = ConfigMappers.plain().readTree(dir.resolve("export/proto.json").toFile());
        assertThat(description.at("/model/learner").asText()).isEqualTo("protonet");
        assertThat(description.at("/model/image/ink").asText()).isEqualTo("DARK");

        StateDict state = TrainingCheckpoint.learnerState(ModelFile.read(proto).checkpoint(), proto.toString());
        String name = "params.backbone.0.conv.weight";
        assertThat(description.at("/arrays/" + name + "/shape").toString())
                .isEqualTo(java.util.Arrays.toString(state.get(name).shape()).replace(" ", ""));
        Process python = new ProcessBuilder("python3", "-c", "import numpy, sys\n"
                + "a = numpy.load(sys.argv[1])\n"
                + "w = a['" + name + "']\n"
                + "print(len(a.files), w.dtype, w.shape, repr(float(w.astype('float64').sum())))", npz.toString())
                .redirectErrorStream(true).start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        python.waitFor(60, TimeUnit.SECONDS);
        if (out.contains("No module named 'numpy'")) {
            return; // checked by the JSON above; NumPy is not installed here
        }
        INDArray w = state.get(name);
        String shape = java.util.Arrays.stream(w.shape()).mapToObj(Long::toString)
                .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
        String[] parts = out.split(" ", 3);
        assertThat(parts[0]).isEqualTo(line.get("arrays").asText());
        assertThat(parts[1]).isEqualTo("float32");
        assertThat(out).contains(shape);
        double sum = Double.parseDouble(out.substring(out.lastIndexOf(' ') + 1));
        assertThat(sum).isCloseTo(w.castTo(DataType.DOUBLE).sumNumber().doubleValue(), within(1e-6));
    }

    /** An 8-bit grey picture of ink values (1 = black), as a scanned Omniglot drawing. */
    private static BufferedImage image(float[] ink) {
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        int[] grey = new int[ink.length];
        for (int i = 0; i < ink.length; i++) {
            grey[i] = Math.round(255 * (1 - ink[i]));
        }
        image.getRaster().setSamples(0, 0, 28, 28, 0, grey);
        return image;
    }

    private static double[][] matrix(INDArray a) {
        INDArray m = a.castTo(DataType.DOUBLE).reshape(a.size(0), -1);
        double[][] out = new double[(int) m.rows()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = m.getRow(i).toDoubleVector();
        }
        return out;
    }
}
