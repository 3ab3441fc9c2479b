package org.metalearn4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.event.RunFinished;
import org.metalearn4j.core.event.RunStarted;
import org.metalearn4j.core.event.StepEvent;

/** A training run's lines and progress on stderr. */
class TrainConsoleTest {

    @Test
    void evalMessageExtrapolatesTheRemainingTimeFromThePhasesRate() {
        assertThat(TrainConsole.evalMessage("episodes", 150, 600, 2.0)).isEqualTo("episodes 150/600 ETA 0:00:06");
        assertThat(TrainConsole.evalMessage("embed", 1, 2, 3725.0)).isEqualTo("embed 1/2 ETA 1:02:05");
        assertThat(TrainConsole.evalMessage("episodes", 0, 600, 0)).isEqualTo("episodes 0/600");
        assertThat(TrainConsole.evalMessage("episodes", 600, 600, 9.0)).isEqualTo("episodes 600/600");
    }

    @Test
    void aStepMetricTheLearnerDoesNotMeasureIsLeftOut() {
        assertThat(TrainConsole.stepMessage(0.12345, "accuracy", 0.87)).isEqualTo(" loss 0.1235 acc 0.870");
        assertThat(TrainConsole.stepMessage(0.5, "mse", 1.25)).isEqualTo(" loss 0.5000 mse 1.250");
        assertThat(TrainConsole.stepMessage(0.1469, "accuracy", Double.NaN)).isEqualTo(" loss 0.1469");
    }

    @Test
    void theClosingLineIsTheLastOneAndNoFrameIsRedrawnOutsideATerminal() {
        for (boolean redraw : new boolean[] {false, true}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            TrainConsole console = new TrainConsole(new PrintStream(bytes, true, StandardCharsets.UTF_8), redraw);
            console.onStarted(new RunStarted("runs/x", 0, 20, "protonet", "omniglot-small", "cpu"));
            for (int i = 1; i <= 20; i++) {
                console.onStep(new StepEvent(i, 20, 1.0 / i, 0.5, "accuracy", Map.of(), i, 1));
            }
            console.onFinished(new RunFinished("runs/x", 20, 20, 0.05, "accuracy", 0.9, 0.01, 10, 20, "ckpt", false));
            String err = bytes.toString(StandardCharsets.UTF_8);
            assertThat(err.strip().lines()).as("redraw " + redraw).last().asString().startsWith("done after 20 of 20");
            if (!redraw) {
                assertThat(err).doesNotContain("\r").contains("train 50% 10/20").contains("train 100% 20/20");
            }
        }
    }
}
