package org.metalearn4j.cluster;

import io.vertx.core.Future;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.metalearn4j.cluster.wire.Addresses;
import org.metalearn4j.cluster.wire.Dismissal;
import org.metalearn4j.cluster.wire.MemberInfo;
import org.metalearn4j.cluster.wire.RollCall;
import org.metalearn4j.cluster.wire.SetupAnswer;
import org.metalearn4j.cluster.wire.TaskAnswer;
import org.metalearn4j.cluster.wire.TaskOrder;
import org.metalearn4j.cluster.wire.Wire;
import org.metalearn4j.core.checkpoint.LibraryVersions;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.train.testing.TaskwiseCentroidLearner;
import org.metalearn4j.core.train.testing.TaskwiseCentroidLearnerProvider;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A member that speaks the worker protocol but answers tasks wrongly, as a buggy or broken worker would: with arrays of
 * another shape, with NaN, or not at all. It claims to be fast, so coordinators give it a large share.
 */
final class FakeWorker implements AutoCloseable {
    /** How it answers. */
    enum Fault { WRONG_SHAPE, NAN, SILENT }

    private final TestCluster.Node node;
    private final String id;
    private final Fault fault;
    private final List<MessageConsumer<Object>> consumers = new ArrayList<>();
    final AtomicInteger orders = new AtomicInteger();
    volatile String dismissal;

    FakeWorker(TestCluster.Node node, String id, Fault fault) {
        this.node = node;
        this.id = id;
        this.fault = fault;
        var bus = node.vertx().eventBus();
        consumers.add(bus.consumer(Addresses.ROLL_CALL, m -> bus.send(Wire.decode(m.body(), RollCall.class).header()
                .replyTo(), Wire.encode(info()))));
        consumers.add(bus.consumer(Addresses.setup(id), m -> m.reply(Wire.encode(new SetupAnswer(true, "", true,
                "")))));
        consumers.add(bus.consumer(Addresses.dismiss(id), m -> dismissal = Wire.decode(m.body(), Dismissal.class)
                .header().reason()));
        consumers.add(bus.consumer(Addresses.tasks(id), m -> {
            orders.incrementAndGet();
            TaskOrder order = Wire.decode(m.body(), TaskOrder.class).header();
            // the blobs' 8 input dimensions by the centroid learner's 4 embedding dimensions
            StateDict tensors = switch (fault) {
                case WRONG_SHAPE -> new StateDict().put(TaskwiseCentroidLearner.GRAD, Nd4j.zeros(DataType.DOUBLE, 4,
                        8));
                case NAN -> new StateDict().put(TaskwiseCentroidLearner.GRAD, Nd4j.valueArrayOf(new long[] {8, 4},
                        Double.NaN, DataType.DOUBLE));
                case SILENT -> null;
            };
            if (tensors != null) {
                m.reply(Wire.encode(new TaskAnswer(order.runId(), id, order.version(), order.index(), 1.0, 0.5,
                        Map.of(), 0.001, 0), tensors));
            }
        }));
        Future.all(consumers.stream().map(MessageConsumer::completion).toList()).await();
        bus.publish(Addresses.ANNOUNCE, Wire.encode(info()));
    }

    private MemberInfo info() {
        LibraryVersions v = LibraryVersions.current();
        return new MemberInfo(MemberInfo.WORKER, id, node.factory().membership().nodeId(), "127.0.0.1",
                v.metalearn4j(), v.nd4j(), "cpu", "fake", 4, 1000, 0, 0, "",
                List.of(TaskwiseCentroidLearnerProvider.NAME));
    }

    @Override
    public void close() {
        Future.all(consumers.stream().map(MessageConsumer::unregister).toList()).await();
    }
}
