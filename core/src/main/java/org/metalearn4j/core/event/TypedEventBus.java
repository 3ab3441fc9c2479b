package org.metalearn4j.core.event;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's event bus for immutable event records, on Vert.x. Each record type is registered with one
 * address ({@link EventType}); {@link #publish} finds the address from the record's class, and a subscriber receives
 * the records of the types it names. The training events ({@link TrainingEventBus#TYPES}) and the pipeline events
 * ({@link PipelineEvents#TYPES}) are registered this way, and so is any type a plugin contributes.
 *
 * <p>Every subscription runs on a Vert.x context of its own, so it sees its events in publication order and never
 * concurrently, and one slow subscriber does not hold up another. A {@linkplain Subscriber#blocking blocking}
 * subscription, one that writes files or the console, runs on a worker thread instead of an event loop; its order
 * holds all the same.
 */
public final class TypedEventBus implements EventPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(TypedEventBus.class);
    private static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final Map<Class<?>, EventType<?>> byType = new ConcurrentHashMap<>();
    private final Map<String, EventType<?>> byAddress = new ConcurrentHashMap<>();

    public TypedEventBus(Vertx vertx) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
    }

    /**
     * Makes {@code type} publishable and subscribable, with its codec on the Vert.x event bus. Registering the same
     * type with the same address again does nothing.
     *
     * @throws IllegalArgumentException if the record type is already registered with another address, or the address
     *                                  already carries another type
     */
    public synchronized <T extends Record> EventType<T> register(EventType<T> type) {
        EventType<?> sameType = byType.get(type.type());
        if (sameType != null) {
            if (sameType.equals(type)) {
                return type;
            }
            throw new IllegalArgumentException("event type " + type.type().getName() + " is already registered on "
                    + sameType.address() + "; it cannot also be published on " + type.address());
        }
        EventType<?> sameAddress = byAddress.get(type.address());
        if (sameAddress != null) {
            throw new IllegalArgumentException("event address " + type.address() + " already carries "
                    + sameAddress.type().getName() + "; " + type.type().getName() + " needs an address of its own");
        }
        try {
            vertx.eventBus().registerDefaultCodec(type.type(), new EventRecordCodec<>(type.type()));
        } catch (IllegalStateException alreadyRegistered) {
            // Another TypedEventBus on the same Vertx registered it; the codec is stateless, so that one serves.
        }
        byType.put(type.type(), type);
        byAddress.put(type.address(), type);
        return type;
    }

    /** The registration of {@code type}. */
    @SuppressWarnings("unchecked")
    public <T extends Record> EventType<T> typeOf(Class<T> type) {
        EventType<?> registered = byType.get(type);
        if (registered == null) {
            throw new IllegalArgumentException("event type " + type.getName() + " is not registered; register it "
                    + "with TypedEventBus.register or bind an EventType in a PluginModule (Multibinder<EventType<?>>)");
        }
        return (EventType<T>) registered;
    }

    /**
     * Publishes {@code event} on its type's address, to every subscriber of that type.
     *
     * @throws IllegalArgumentException if its type is not registered
     */
    @Override
    public void publish(Record event) {
        vertx.eventBus().publish(typeOf(event.getClass()).address(), event);
    }

    /**
     * Starts a subscription: name the event types and their handlers with {@link Subscriber#on}, then
     * {@link Subscriber#subscribe}.
     *
     * @param name names the subscriber in the warning logged when one of its handlers throws
     */
    public Subscriber subscriber(String name) {
        return new Subscriber(name);
    }

    /** A subscription being set up; not thread-safe, use it from one thread. */
    public final class Subscriber {
        private final String name;
        private final List<Route<?>> routes = new ArrayList<>();
        private boolean blocking;

        private Subscriber(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * Whether the handlers block (write files, the console, a socket): they then run on a Vert.x worker thread,
         * in publication order, and never on an event loop.
         */
        public Subscriber blocking(boolean blocking) {
            this.blocking = blocking;
            return this;
        }

        /**
         * Handles the events of {@code type}, which must be registered. A handler that throws is logged and keeps
         * receiving.
         */
        public <T extends Record> Subscriber on(Class<T> type, Consumer<? super T> handler) {
            routes.add(new Route<>(typeOf(type), Objects.requireNonNull(handler, "handler")));
            return this;
        }

        /**
         * Registers the handlers and returns once they receive every event published from now on. Call it from
         * outside Vert.x threads (it waits for the registration).
         */
        public EventSubscription subscribe() {
            if (Context.isOnVertxThread()) {
                throw new IllegalStateException("subscribe from outside Vert.x threads: it waits for the registration");
            }
            SubscriberVerticle verticle = new SubscriberVerticle(name, List.copyOf(routes));
            DeploymentOptions options = new DeploymentOptions()
                    .setThreadingModel(blocking ? ThreadingModel.WORKER : ThreadingModel.EVENT_LOOP);
            String id = await(vertx.deployVerticle(verticle, options), REGISTRATION_TIMEOUT,
                    "subscribing " + name + " to events");
            return new EventSubscription(vertx, id, verticle.context(), name);
        }
    }

    /**
     * One handler. Its first failure is logged as one line, later ones only at debug level with their stack traces:
     * a listener failing on every step would otherwise bury the run's output.
     */
    private record Route<T extends Record>(EventType<T> type, Consumer<? super T> handler, AtomicBoolean failed) {
        Route(EventType<T> type, Consumer<? super T> handler) {
            this(type, handler, new AtomicBoolean());
        }

        MessageConsumer<T> register(Vertx vertx, String subscriber) {
            return vertx.eventBus().localConsumer(type.address(), message -> {
                try {
                    handler.accept(message.body());
                } catch (RuntimeException e) {
                    if (!failed.getAndSet(true)) {
                        LOG.warn("event subscriber {} failed on {}: {} (further failures are logged at debug level)",
                                subscriber, type.address(), e.toString());
                    }
                    LOG.debug("event subscriber {} failed on {}", subscriber, type.address(), e);
                }
            });
        }
    }

    /** Holds one subscription's consumers on the context Vert.x gives the deployment. */
    private static final class SubscriberVerticle extends VerticleBase {
        private final String name;
        private final List<Route<?>> routes;
        private final List<MessageConsumer<?>> consumers = new ArrayList<>();

        SubscriberVerticle(String name, List<Route<?>> routes) {
            this.name = name;
            this.routes = routes;
        }

        Context context() {
            return context;
        }

        @Override
        public Future<?> start() {
            routes.forEach(r -> consumers.add(r.register(vertx, name)));
            return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
        }

        @Override
        public Future<?> stop() {
            return Future.all(consumers.stream().map(MessageConsumer::unregister).toList());
        }
    }

    /** Waits for a Vert.x future from a thread that may block. */
    static <T> T await(Future<T> future, Duration timeout, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " took longer than " + timeout.toSeconds() + " s", e);
        }
    }
}
