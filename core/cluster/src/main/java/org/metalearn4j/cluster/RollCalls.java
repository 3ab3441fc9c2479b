package org.metalearn4j.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.metalearn4j.cluster.wire.Addresses;
import org.metalearn4j.cluster.wire.MemberInfo;
import org.metalearn4j.cluster.wire.RollCall;
import org.metalearn4j.cluster.wire.Wire;
import org.metalearn4j.cluster.wire.WireException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks every member of the cluster who it is ({@code metalearn cluster status}). */
public final class RollCalls {
    private static final Logger LOG = LoggerFactory.getLogger(RollCalls.class);

    private RollCalls() {
    }

    /**
     * Publishes a {@link RollCall} and collects the answers that arrive within {@code wait}, coordinators first, then
     * workers, each by id.
     */
    public static List<MemberInfo> collect(Vertx vertx, Duration wait) {
        String replies = Addresses.rollCallReplies("status-" + UUID.randomUUID().toString().substring(0, 8));
        List<MemberInfo> members = new ArrayList<>();
        MessageConsumer<Object> consumer = vertx.eventBus().consumer(replies, m -> {
            try {
                MemberInfo info = Wire.decode(m.body(), MemberInfo.class).header();
                synchronized (members) {
                    members.add(info);
                }
            } catch (WireException e) {
                LOG.warn("ignoring a roll-call answer that does not parse: {}", e.getMessage());
            }
        });
        consumer.completion().await();
        vertx.eventBus().publish(Addresses.ROLL_CALL, Wire.encode(new RollCall(replies)));
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.unregister().await();
        synchronized (members) {
            return members.stream().sorted(Comparator.comparing((MemberInfo m) -> !m.role().equals(
                    MemberInfo.COORDINATOR)).thenComparing(MemberInfo::id)).toList();
        }
    }
}
