package org.metalearn4j.datasets.rl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.env.Environment;
import org.metalearn4j.core.env.EnvironmentDataset;
import org.metalearn4j.core.env.Transition;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;

class Navigation2dTest {
    private static final Navigation2dProvider PROVIDER = new Navigation2dProvider();

    private static Environment goal(double x, double y) {
        return new Navigation2dFamily(PROVIDER.defaults()).environment(new double[] {x, y});
    }

    @Test
    void thePointStartsAtTheOriginAndMovesByItsAction() {
        Environment env = goal(0.3, -0.2);
        assertThat(env.reset(7)).containsExactly(0, 0);
        Transition t = env.step(new double[] {0.05, -0.02});
        assertThat(t.observation()).containsExactly(new double[] {0.05, -0.02}, within(1e-15));
        t = env.step(new double[] {0.01, 0.03});
        assertThat(t.observation()).containsExactly(new double[] {0.06, 0.01}, within(1e-15));
        assertThat(env.reset(8)).containsExactly(0, 0);
    }

    @Test
    void actionsAreClippedToTheActionLimit() {
        Environment env = goal(0.3, 0.3);
        env.reset(0);
        Transition t = env.step(new double[] {5.0, -0.5});
        assertThat(t.observation()).containsExactly(new double[] {0.1, -0.1}, within(1e-15));
        assertThatThrownBy(() -> env.step(new double[] {Double.NaN, 0})).hasMessageContaining("NaN");
        assertThatThrownBy(() -> env.step(new double[] {0.1})).hasMessageContaining("2 values");
    }

    @Test
    void theRewardIsMinusTheDistanceToTheGoalAfterTheMove() {
        Environment env = goal(0.3, 0.4);
        env.reset(0);
        assertThat(env.step(new double[] {0, 0}).reward()).isCloseTo(-0.5, within(1e-15));
        Transition t = env.step(new double[] {0.1, 0.1});
        assertThat(t.reward()).isCloseTo(-Math.hypot(0.2, 0.3), within(1e-15));
        assertThat(t.done()).isFalse();
    }

    @Test
    void anEpisodeEndsWithinTheToleranceOfTheGoal() {
        Environment env = goal(0.15, -0.1);
        env.reset(0);
        assertThat(env.step(new double[] {0.1, -0.1}).done()).isFalse();
        Transition t = env.step(new double[] {0.045, 0.005});
        assertThat(t.done()).isTrue();
        assertThat(t.reward()).isCloseTo(-Math.hypot(0.005, 0.005), within(1e-12));
    }

    @Test
    void tasksAreControlTasksWhoseGoalsAreSeededAndInsideTheSquare() {
        Dataset nav = PROVIDER.open(PROVIDER.defaults());
        assertThat(nav.type()).isEqualTo(TaskType.CONTROL);
        assertThat(nav.inputShape()).containsExactly(2);
        TaskSource train = nav.episodes("meta-train", new EpisodeSpec(1, 20, 10));
        Task task = train.sample(3);
        assertThat(task.support().size()).isEqualTo(20);
        assertThat(task.query().size()).isEqualTo(10);
        assertThat(task.domain()).isEqualTo("nav2d/meta-train");
        double[] g = EnvironmentDataset.parameters(task);
        assertThat(EnvironmentDataset.parameters(train.sample(3))).containsExactly(g);
        Set<String> goals = new HashSet<>();
        for (int s = 0; s < 200; s++) {
            double[] goal = EnvironmentDataset.parameters(train.sample(s));
            assertThat(goal[0]).isBetween(-0.5, 0.5);
            assertThat(goal[1]).isBetween(-0.5, 0.5);
            goals.add(goal[0] + "," + goal[1]);
        }
        assertThat(goals).hasSize(200);
        double[] test = EnvironmentDataset.parameters(nav.episodes("meta-test", new EpisodeSpec(1, 20, 10))
                .sample(3));
        assertThat(test).isNotEqualTo(g);
    }

    @Test
    void classificationShapedEpisodesAreRefused() {
        Dataset nav = PROVIDER.open(PROVIDER.defaults());
        assertThatThrownBy(() -> nav.episodes("meta-train", new EpisodeSpec(5, 1, 1)))
                .isInstanceOf(DatasetException.class).hasMessageContaining("way 1");
        assertThatThrownBy(() -> nav.episodes("train", new EpisodeSpec(1, 1, 1)))
                .isInstanceOf(DatasetException.class).hasMessageContaining("available");
    }

    @Test
    void badSettingsNameTheField() {
        assertThatThrownBy(() -> new Navigation2dConfig(0.5, -0.5, 0.1, 100, 0.01)).hasMessageStartingWith("goalLow");
        assertThatThrownBy(() -> new Navigation2dConfig(-0.5, 0.5, 0, 100, 0.01))
                .hasMessageStartingWith("actionLimit");
    }
}
