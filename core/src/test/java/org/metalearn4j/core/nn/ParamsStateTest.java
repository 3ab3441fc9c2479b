package org.metalearn4j.core.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class ParamsStateTest {
    static StateDict roundTrip(StateDict sd) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        sd.write(new DataOutputStream(bytes));
        return StateDict.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }

    @Test
    void conv4NamesFollowTheDocumentedScheme() {
        Params p = new Conv4(1, 8).init(1);
        assertThat(p.names()).startsWith("0.conv.weight", "0.conv.bias", "0.bn.weight", "0.bn.bias")
                .endsWith("3.bn.bias").hasSize(16);
        assertThat(Mlp.of(1, 40, 40, 1).init(1).names())
                .containsExactly("0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias");
    }

    @Test
    void sameSeedSameParametersDifferentSeedDifferent() {
        Module m = Mlp.of(3, 5, 2);
        assertThat(m.init(4).get("0.weight").value()).isEqualTo(m.init(4).get("0.weight").value());
        assertThat(m.init(4).get("0.weight").value()).isNotEqualTo(m.init(5).get("0.weight").value());
    }

    @Test
    void parametersAndRunningStatsRoundTripExactly() throws IOException {
        Module net = Sequential.of(new Conv4(1, 4), new Linear(4, 5));
        Params p = net.init(7);
        ForwardContext ctx = ForwardContext.training(1);
        Tensor x = Tensor.constant(Nd4j.rand(DataType.FLOAT, 3, 1, 28, 28));
        net.forward(p, x, ctx);

        Params loaded = net.init(99).load(roundTrip(p.toStateDict()));
        RunningStats stats = new RunningStats();
        stats.load(roundTrip(ctx.runningStats().toStateDict()));
        for (String n : p.names()) {
            assertThat(loaded.get(n).value()).as(n).isEqualTo(p.get(n).value());
            assertThat(loaded.get(n).requiresGrad()).isTrue();
        }
        ForwardContext evalA = new ForwardContext(false, ctx.runningStats(), 0);
        ForwardContext evalB = new ForwardContext(false, stats, 0);
        assertThat(net.forward(loaded, x, evalB).value()).isEqualTo(net.forward(p, x, evalA).value());
        assertThat(ctx.runningStats().toStateDict().names()).contains("0.0.bn.running_mean", "0.3.bn.running_var");
    }

    @Test
    void loadingAWrongShapeNamesTheEntry() {
        StateDict sd = Mlp.of(3, 5, 2).init(1).toStateDict();
        assertThatThrownBy(() -> Mlp.of(3, 6, 2).init(1).load(sd)).hasMessageContaining("0.weight")
                .hasMessageContaining("[5, 3]").hasMessageContaining("[6, 3]");
    }
}
