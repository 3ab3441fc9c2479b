package org.metalearn4j.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TypedEventBusTest {
    /** What a plugin might publish: its own record type, on an address of its own. */
    public record LabelEvent(String label, List<Double> scores) {
        public LabelEvent {
            scores = List.copyOf(scores);
        }
    }

    private static final EventType<LabelEvent> LABELS = EventType.of("example.plugin.label", LabelEvent.class);

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    @Test
    void aPluginRegistersItsOwnTypeAndPublishesAndSubscribesThroughTheSameBus() {
        TypedEventBus bus = new TypedEventBus(vertx);
        new TrainingEventBus(bus);
        bus.register(LABELS);
        List<Object> seen = Collections.synchronizedList(new ArrayList<>());
        EventSubscription sub = bus.subscriber("mixed")
                .on(LabelEvent.class, e -> seen.add(e.label()))
                .on(CheckpointEvent.class, e -> seen.add(e.iteration()))
                .subscribe();

        bus.publish(new LabelEvent("cat", List.of(0.9)));
        bus.publish(new CheckpointEvent(4, "c"));
        bus.publish(new LabelEvent("dog", List.of(0.1)));

        assertThat(sub.drain(Duration.ofSeconds(10))).isTrue();
        assertThat(seen).containsExactly("cat", 4, "dog");
        assertThat(bus.typeOf(LabelEvent.class)).isEqualTo(LABELS);
    }

    @Test
    void unregisteredAndConflictingTypesAreRefusedWithTheirNames() {
        TypedEventBus bus = new TypedEventBus(vertx);
        assertThatThrownBy(() -> bus.publish(new LabelEvent("x", List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(LabelEvent.class.getName()).hasMessageContaining("not registered");
        assertThatThrownBy(() -> bus.subscriber("s").on(LabelEvent.class, e -> { }))
                .hasMessageContaining("not registered");

        bus.register(LABELS);
        bus.register(LABELS);
        assertThatThrownBy(() -> bus.register(EventType.of("example.plugin.other", LabelEvent.class)))
                .hasMessageContaining("already registered on example.plugin.label");
        assertThatThrownBy(() -> bus.register(EventType.of("example.plugin.label", CheckpointEvent.class)))
                .hasMessageContaining("example.plugin.label already carries " + LabelEvent.class.getName());
        assertThatThrownBy(() -> EventType.of(" ", LabelEvent.class)).hasMessageContaining("address must not be blank");
    }

    @Test
    void blockingSubscribersRunOnWorkerThreadsInPublicationOrder() {
        TypedEventBus events = new TypedEventBus(vertx);
        events.register(LABELS);
        List<String> written = Collections.synchronizedList(new ArrayList<>());
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Boolean> onEventLoop = Collections.synchronizedList(new ArrayList<>());
        EventSubscription writer = events.subscriber("writer").blocking(true).on(LabelEvent.class, e -> {
            onEventLoop.add(Context.isOnEventLoopThread());
            threads.add(Thread.currentThread().getName());
            // Slow, as a disk can be, and uneven, so that a reordering of queued events would show.
            LockSupport.parkNanos(e.label().length() % 3 * 200_000L);
            written.add(e.label());
        }).subscribe();
        List<Boolean> fastOnEventLoop = Collections.synchronizedList(new ArrayList<>());
        EventSubscription fast = events.subscriber("in-memory")
                .on(LabelEvent.class, e -> fastOnEventLoop.add(Context.isOnEventLoopThread())).subscribe();

        List<String> published = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            published.add("event-" + i);
            events.publish(new LabelEvent("event-" + i, List.of()));
        }

        assertThat(writer.drain(Duration.ofSeconds(30))).isTrue();
        assertThat(fast.drain(Duration.ofSeconds(30))).isTrue();
        assertThat(written).containsExactlyElementsOf(published);
        assertThat(onEventLoop).hasSize(500).containsOnly(false);
        assertThat(threads).allMatch(name -> name.contains("worker"));
        assertThat(fastOnEventLoop).hasSize(500).containsOnly(true);
    }

    @Test
    void aClosedSubscriptionReceivesNothingMoreAndAFailingHandlerKeepsReceiving() {
        TypedEventBus bus = new TypedEventBus(vertx);
        bus.register(LABELS);
        List<String> closed = Collections.synchronizedList(new ArrayList<>());
        bus.subscriber("closed").on(LabelEvent.class, e -> closed.add(e.label())).subscribe().close();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        EventSubscription failing = bus.subscriber("failing").on(LabelEvent.class, e -> {
            seen.add(e.label());
            throw new IllegalStateException("subscriber bug");
        }).subscribe();

        bus.publish(new LabelEvent("a", List.of()));
        bus.publish(new LabelEvent("b", List.of()));

        assertThat(failing.drain(Duration.ofSeconds(10))).isTrue();
        assertThat(seen).containsExactly("a", "b");
        assertThat(closed).isEmpty();
        failing.close();
    }
}
