package org.metalearn4j.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.spi.ConfigException;

class PluginRegistryTest {
    private static final String SERVICES = "META-INF/services/" + LearnerProvider.class.getName();

    @TempDir
    Path plugins;

    private void learnerJar(String file, String cls, String name, int rank) {
        TestJars.build(plugins.resolve(file), Map.of("p." + cls, TestJars.learnerSource("p", cls, name, rank)),
                Map.of(SERVICES, TestJars.services("p." + cls)));
    }

    private PluginRegistry discover() {
        return PluginRegistry.discover(getClass().getClassLoader(), plugins);
    }

    @Test
    void loadsEachJarThroughItsOwnClassLoader() {
        learnerJar("a.jar", "ALearner", "a-learner", 0);
        learnerJar("b.jar", "BLearner", "b-learner", 0);
        try (PluginRegistry r = discover()) {
            LearnerProvider<?> a = r.learner("a-learner");
            LearnerProvider<?> b = r.learner("b-learner");
            assertThat(r.origin(a)).isEqualTo("a.jar");
            assertThat(r.origin(b)).isEqualTo("b.jar");
            assertThat(a.getClass().getClassLoader()).isInstanceOf(URLClassLoader.class)
                    .isNotSameAs(b.getClass().getClassLoader());
            assertThat(a.getClass().getClassLoader().getParent()).isSameAs(getClass().getClassLoader());
            assertThat(r.problems()).isEmpty();
            assertThat(r.pluginJars()).extracting(p -> p.getFileName().toString()).containsExactly("a.jar", "b.jar");
        }
    }

    @Test
    void brokenJarsAreReportedByFileNameAndSkippedWhileTheRestLoad() throws IOException {
        learnerJar("good.jar", "Good", "good", 0);
        TestJars.build(plugins.resolve("missing-class.jar"), Map.of("p.Present", TestJars.learnerSource("p",
                "Present", "present", 0)), Map.of(SERVICES, TestJars.services("p.Present", "p.Absent")));
        TestJars.build(plugins.resolve("bad-services.jar"), Map.of(),
                Map.of(SERVICES, TestJars.services("not a class name!")));
        TestJars.build(plugins.resolve("empty.jar"), Map.of(), Map.of("README", "nothing here"));
        Files.writeString(plugins.resolve("text.jar"), "this is not a zip file");

        try (PluginRegistry r = discover()) {
            assertThat(r.learner("good")).isNotNull();
            assertThat(r.problems()).extracting(PluginProblem::origin)
                    .containsExactly("bad-services.jar", "empty.jar", "missing-class.jar", "text.jar");
            assertThat(r.problems().get(0).message()).startsWith("skipped: ").contains("Illegal");
            assertThat(r.problems().get(1).message()).contains("provides nothing");
            assertThat(r.problems().get(2).message()).contains("p.Absent");
            assertThat(r.problems().get(3).message()).contains("not a readable JAR");
            // The whole JAR with a missing class is skipped, including the class that did load.
            assertThatThrownBy(() -> r.learner("present")).hasMessageContaining("available: good");
        }
    }

    @Test
    void duplicateNameAtEqualRankKeepsTheFirstAndNamesBothJars() {
        learnerJar("one.jar", "One", "same", 0);
        learnerJar("two.jar", "Two", "same", 0);
        try (PluginRegistry r = discover()) {
            assertThat(r.origin(r.learner("same"))).isEqualTo("one.jar");
            assertThat(r.problems()).singleElement().satisfies(p -> {
                assertThat(p.origin()).isEqualTo("two.jar");
                assertThat(p.message()).contains("duplicate learner name 'same'").contains("one.jar");
            });
        }
    }

    @Test
    void higherRankWinsWithoutAProblem() {
        learnerJar("low.jar", "Low", "ranked", 0);
        learnerJar("high.jar", "High", "ranked", 5);
        try (PluginRegistry r = discover()) {
            assertThat(r.learner("ranked").rank()).isEqualTo(5);
            assertThat(r.origin(r.learner("ranked"))).isEqualTo("high.jar");
            assertThat(r.problems()).isEmpty();
        }
    }

    @Test
    void pluginsDirMustBeADirectory() {
        assertThatThrownBy(() -> PluginRegistry.discover(getClass().getClassLoader(), plugins.resolve("nope")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("pluginsDir: ")
                .hasMessageContaining("is not a directory");
    }

    @Test
    void unknownNamesListWhatIsAvailable() {
        try (PluginRegistry r = PluginRegistry.of("test")) {
            assertThatThrownBy(() -> r.dataset("x")).hasMessage("no dataset named 'x'; available: none");
        }
    }
}
