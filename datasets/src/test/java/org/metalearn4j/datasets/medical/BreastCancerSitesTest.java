package org.metalearn4j.datasets.medical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.dataset.LabeledSet;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Reads the copy installed by the Debian package python3-sklearn (installed by .ci/run). */
class BreastCancerSitesTest {
    private static final BreastCancerProvider PROVIDER = new BreastCancerProvider();

    private static BreastCancerConfig config(int heldOut, long splitSeed) {
        BreastCancerConfig d = PROVIDER.defaults();
        return new BreastCancerConfig(d.path(), d.sites(), d.siteCovariate(), d.jitter(), splitSeed, heldOut);
    }

    @Test
    void readsTheHandCheckedRecords() {
        BreastCancerTable t = BreastCancerCsv.read(Path.of(BreastCancerCsv.DEBIAN_PATH));
        assertThat(t.cases()).isEqualTo(569);
        assertThat(Arrays.stream(t.malignant()).sum()).isEqualTo(212);
        // line 2 of the file: 17.99,10.38,122.8,1001,...,0.1189,0 (target 0 = malignant)
        assertThat(t.features()[0][0]).isEqualTo(17.99);
        assertThat(t.features()[0][1]).isEqualTo(10.38);
        assertThat(t.features()[0][3]).isEqualTo(1001);
        assertThat(t.features()[0][29]).isEqualTo(0.1189);
        assertThat(t.malignant()[0]).isEqualTo(1);
        assertThat(t.features()[1][0]).isEqualTo(20.57);
        assertThat(t.malignant()[568]).isEqualTo(0);
        assertThat(t.features()[568][0]).isEqualTo(7.76);
    }

    @Test
    void aMalformedRecordIsRefusedNamingItsLineAndField(@TempDir Path dir) throws IOException {
        String good = String.join(",", java.util.Collections.nCopies(30, "1.5")) + ",1";
        Path file = dir.resolve("bc.csv");
        Files.writeString(file, "2,30,malignant,benign\n" + good + "\n" + good.replaceFirst("1.5,1.5,1.5",
                "1.5,1.5,oops") + "\n");
        assertThatThrownBy(() -> BreastCancerCsv.read(file)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("line 3, field 3 (mean perimeter)").hasMessageContaining("'oops'");
        Files.writeString(file, "3,30,malignant,benign\n" + good + "\n");
        assertThatThrownBy(() -> BreastCancerCsv.read(file)).hasMessageContaining("declares 3 cases");
        Files.writeString(file, "1,30,malignant,benign\n" + good.substring(0, good.length() - 1) + "2\n");
        assertThatThrownBy(() -> BreastCancerCsv.read(file)).hasMessageContaining("line 2, field 31");
    }

    @Test
    void aMissingFileNamesTheDebianPackage() {
        assertThatThrownBy(() -> BreastCancerCsv.read(Path.of("/nonexistent/breast_cancer.csv")))
                .isInstanceOf(DatasetException.class).hasMessageContaining("python3-sklearn");
    }

    @Test
    void sitesAreBandsOfTheCovariateWithRisingMalignantFractions() {
        BreastCancerSitesDataset data = (BreastCancerSitesDataset) PROVIDER.open(config(0, 0));
        SiteSplit sites = data.sites();
        double previous = -1;
        int total = 0;
        for (int s = 0; s < 5; s++) {
            int[] cases = sites.cases(s);
            total += cases.length;
            assertThat(cases.length).isBetween(113, 114);
            double fraction = Arrays.stream(cases).map(sites::malignant).average().orElseThrow();
            assertThat(fraction).isGreaterThan(previous);
            previous = fraction;
        }
        assertThat(total).isEqualTo(569);
        int[] other = ((BreastCancerSitesDataset) PROVIDER.open(config(0, 1))).sites().siteOfCase();
        assertThat(other).isNotEqualTo(sites.siteOfCase());
    }

    @Test
    void noHeldOutCaseReachesMetaTrainAndInputsUseTrainingStatisticsOnly() {
        BreastCancerSitesDataset data = (BreastCancerSitesDataset) PROVIDER.open(config(3, 7));
        SiteSplit sites = data.sites();
        Set<String> heldOut = rows(data.examples(sites.cases(3)).x());
        Set<String> training = rows(data.examples(sites.cases(0, 1, 2, 4)).x());
        TaskSource train = data.episodes("meta-train", new EpisodeSpec(2, 5, 5));
        for (int seed = 0; seed < 50; seed++) {
            Task task = train.sample(seed);
            for (String row : rows(task.support().x())) {
                assertThat(training).contains(row);
                assertThat(heldOut).doesNotContain(row);
            }
            assertThat(training).containsAll(rows(task.query().x()));
        }
        assertThat(heldOut).containsAll(rows(data.episodes("meta-test", new EpisodeSpec(2, 5, 5)).sample(1)
                .query().x()));
        LabeledSet pooled = data.labeled("meta-train");
        assertThat(pooled.examples().size()).isEqualTo(sites.cases(0, 1, 2, 4).length);
        INDArray mean = pooled.examples().x().mean(0);
        INDArray sd = pooled.examples().x().std(0);
        for (int j = 0; j < 30; j++) {
            assertThat(mean.getDouble(j)).isCloseTo(0, within(1e-4));
            assertThat(sd.getDouble(j)).isCloseTo(1, within(1e-2));
        }
    }

    @Test
    void episodesKeepTheClassesFixed() {
        BreastCancerSitesDataset data = (BreastCancerSitesDataset) PROVIDER.open(config(0, 0));
        assertThatThrownBy(() -> data.episodes("meta-train", new EpisodeSpec(5, 1, 1)))
                .hasMessageContaining("benign and malignant");
        assertThatThrownBy(() -> data.episodes("meta-test", new EpisodeSpec(2, 40, 30)))
                .hasMessageContaining("site 0 has");
        Task task = data.episodes("meta-test", new EpisodeSpec(2, 5, 5)).sample(3);
        assertThat(task.support().size()).isEqualTo(10);
        assertThat(Arrays.stream(task.support().y().toLongVector()).allMatch(v -> v == 0 || v == 1)).isTrue();
    }

    private static Set<String> rows(INDArray x) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < x.size(0); i++) {
            out.add(Arrays.toString(x.getRow(i).toFloatVector()));
        }
        return out;
    }
}
