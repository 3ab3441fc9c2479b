package org.metalearn4j.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingEventBusTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    private static StepEvent step(int i) {
        return new StepEvent(i, 100, 1.0 / i, 0.5, "accuracy", Map.of("gradNorm", 2.0), i * 0.01, 0.01);
    }

    @Test
    void listenersSeeEveryEventInOrderEvenIfAnotherListenerThrows() {
        TrainingEventBus bus = new TrainingEventBus(vertx);
        List<Object> seen = new ArrayList<>();
        TrainingEventBus.Subscription recorder = bus.subscribe(new TrainingListener() {
            @Override
            public void onStep(StepEvent e) {
                seen.add(e.iteration());
            }

            @Override
            public void onEval(EvalEvent e) {
                seen.add("eval@" + e.iteration());
            }

            @Override
            public void onCheckpoint(CheckpointEvent e) {
                seen.add("ckpt@" + e.iteration());
            }
        });
        TrainingEventBus.Subscription failing = bus.subscribe(new TrainingListener() {
            @Override
            public void onStep(StepEvent e) {
                throw new IllegalStateException("listener bug");
            }
        });
        new TrainingEventBus(vertx); // a second bus on the same Vertx shares the codecs

        for (int i = 1; i <= 50; i++) {
            bus.publish(step(i));
            if (i % 10 == 0) {
                bus.publish(new EvalEvent(i, "meta-test", "accuracy", 0.9, 0.01, 20));
                bus.publish(new CheckpointEvent(i, "ckpt-" + i));
            }
        }
        bus.publish(new RunFinished("dir", 50, 100, 0.1, "accuracy", 0.9, 0.01, 20, 1.0, "ckpt-50", false));

        assertThat(recorder.awaitFinished(Duration.ofSeconds(10))).isTrue();
        assertThat(failing.awaitFinished(Duration.ofSeconds(10))).isTrue();
        assertThat(seen).hasSize(60);
        assertThat(seen.subList(8, 12)).containsExactly(9, 10, "eval@10", "ckpt@10");
        assertThat(seen.get(59)).isEqualTo("ckpt@50");
    }

    @Test
    void metricsFileHasOneJsonObjectPerEvent(@TempDir Path dir) throws IOException {
        TrainingEventBus bus = new TrainingEventBus(vertx);
        Path file = dir.resolve("metrics.jsonl");
        MetricsFileListener metrics = new MetricsFileListener(file);
        TrainingEventBus.Subscription sub = bus.subscribe(metrics);

        bus.publish(new RunStarted("dir", 0, 2, "l", "d", "cpu"));
        bus.publish(step(1));
        bus.publish(new StepEvent(2, 2, 0.5, Double.NaN, "accuracy", Map.of(), 0.02, 0.01));
        bus.publish(new RunFinished("dir", 2, 2, 0.5, "accuracy", 0.75, 0.1, 4, 0.1, "c", false));
        assertThat(sub.awaitFinished(Duration.ofSeconds(10))).isTrue();
        metrics.close();

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(json.readTree(line));
        }
        assertThat(lines).extracting(n -> n.get("event").asText())
                .containsExactly("started", "step", "step", "finished");
        assertThat(lines.get(1).get("loss").asDouble()).isEqualTo(1.0);
        assertThat(lines.get(1).get("extras").get("gradNorm").asDouble()).isEqualTo(2.0);
        assertThat(lines.get(2).get("metric").asText()).isEqualTo("NaN");
        assertThat(lines.get(3).get("value").asDouble()).isEqualTo(0.75);
    }

    @Test
    void blockingListenersAreCalledOnAWorkerThreadInOrder() {
        TrainingEventBus bus = new TrainingEventBus(vertx);
        List<Integer> steps = new ArrayList<>();
        List<Boolean> onEventLoop = new ArrayList<>();
        TrainingEventBus.Subscription sub = bus.subscribe(new TrainingListener() {
            @Override
            public boolean blocking() {
                return true;
            }

            @Override
            public void onStep(StepEvent e) {
                onEventLoop.add(io.vertx.core.Context.isOnEventLoopThread());
                steps.add(e.iteration());
            }
        });
        for (int i = 1; i <= 200; i++) {
            bus.publish(step(i));
        }
        bus.publish(new RunFinished("d", 200, 200, 1, "accuracy", 1, 0, 1, 0, "c", false));
        assertThat(sub.awaitFinished(Duration.ofSeconds(10))).isTrue();
        assertThat(steps).hasSize(200).isSorted();
        assertThat(onEventLoop).containsOnly(false);
        assertThat(new MetricsFileListener(Path.of("unused")).blocking()).isTrue();
    }

    @Test
    void onlyTrainingEventsArePublishedHere() {
        TrainingEventBus bus = new TrainingEventBus(vertx);
        assertThatThrownBy(() -> bus.publish(new StageReused(new StagePosition(0, "s", 1), "a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a training event");
    }

    @Test
    void unsubscribedListenersReceiveNothingMore() {
        TrainingEventBus bus = new TrainingEventBus(vertx);
        List<Integer> seen = new ArrayList<>();
        TrainingEventBus.Subscription sub = bus.subscribe(new TrainingListener() {
            @Override
            public void onStep(StepEvent e) {
                seen.add(e.iteration());
            }
        });
        sub.close();
        TrainingEventBus.Subscription probe = bus.subscribe(new TrainingListener() { });
        bus.publish(step(1));
        bus.publish(new RunFinished("d", 1, 1, 1, "accuracy", 1, 0, 1, 0, "c", false));
        assertThat(probe.awaitFinished(Duration.ofSeconds(10))).isTrue();
        assertThat(seen).isEmpty();
    }
}
