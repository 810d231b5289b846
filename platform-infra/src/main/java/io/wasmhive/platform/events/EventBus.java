package io.wasmhive.platform.events;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Publishes events to streams, consumes them with consumer groups, and follows streams without a
 * group. Events are records annotated with {@link EventName}; they travel as JSON, in the envelope
 * described in {@code docs/events.md}, encoded and decoded by the bus alone. Implementations are
 * thread-safe.
 */
public interface EventBus extends AutoCloseable {

  /**
   * Publishes the event to the stream named after its wire name. Blocks until the server has it.
   *
   * @return the stream entry id
   * @throws InvalidEventException if the event is not a valid event record or cannot be encoded
   * @throws EventBusException (retryable) if the stream cannot be reached
   */
  String publish(Object event);

  /**
   * Publishes the event (a record, or an {@link EncodedEvent}) to the given stream, trimmed to that
   * stream's configured maximum length. Blocks until the server has it.
   *
   * @return the stream entry id
   * @throws InvalidEventException if the event is not a valid event record or cannot be encoded
   * @throws EventBusException (retryable) if the stream cannot be reached
   */
  String publish(String stream, Object event);

  /**
   * Publishes the events in order, each to its stream (trimmed to its configured maximum length), as
   * one atomic server-side operation: all of them, or none. Blocks for one round trip, where
   * {@link #publish(String, Object)} once per event would take one each.
   *
   * <p>On Redis Cluster the streams must share a hash slot (hash tags).
   *
   * @return the entry ids, in order
   * @throws InvalidEventException if an event cannot be encoded
   * @throws EventBusException (retryable) if the server cannot be reached
   */
  List<String> publishAll(List<Publication> publications);

  /**
   * Publishes the events in order, each to its stream, together with the guard's key write, as one
   * atomic server-side operation, and only if the guard's key holds a value the guard allows: all of
   * it happens, or none. Blocks for one round trip.
   *
   * <p>On Redis Cluster the key and the streams must share a hash slot (hash tags).
   *
   * @return whether it published, what the key held before, and the entry ids
   * @throws InvalidEventException if an event cannot be encoded
   * @throws EventBusException (retryable) if the server cannot be reached
   */
  GuardOutcome publishIf(KeyGuard guard, List<Publication> publications);

  /**
   * The event in the form the bus writes it: its wire name and its JSON payload. Does not block.
   *
   * @throws InvalidEventException if it is not a valid event record or cannot be encoded
   */
  EncodedEvent encode(Object event);

  /**
   * The record an entry carries, which must be of the type's wire name. Does not block.
   *
   * @throws InvalidEventException if the entry is of another type, has no payload, or does not decode
   */
  <E> E decode(StreamEvent event, Class<E> type);

  /**
   * Starts consuming: creates the group if absent and starts the subscription's workers. Does not
   * wait for Redis; while it is unreachable the workers back off and retry.
   *
   * @throws IllegalStateException if the bus is closed
   */
  <E> SubscriptionHandle subscribe(Subscription<E> subscription);

  /**
   * Follows a stream without a consumer group, with the default {@link FollowOptions}: every
   * follower sees every entry after its start and nothing is acknowledged (a fan-out, not a work
   * queue). One thread hands the entries to the follower in stream order; while Redis fails it backs
   * off and then goes on from the last entry it handed over. Blocks for one round trip to read where
   * {@link StartPosition#LATEST} is (tolerating an outage: then it is read once Redis answers).
   *
   * @param from {@link StartPosition#LATEST}: the entries after the newest one at this call;
   *     {@link StartPosition#EARLIEST}: every retained entry
   * @throws IllegalStateException if the bus is closed
   */
  FollowHandle follow(String stream, StartPosition from, Follower follower);

  /** {@link #follow(String, StartPosition, Follower)} with changes to the default options. */
  FollowHandle follow(String stream, StartPosition from, Follower follower, UnaryOperator<FollowOptions> options);

  /**
   * The retained entries after {@code afterId}, oldest first, at most {@code count}
   * ({@code XRANGE (afterId + COUNT count}). Blocks for one round trip.
   *
   * @throws EventBusException (retryable) if the stream cannot be reached
   */
  List<StreamEvent> readAfter(String stream, String afterId, int count);

  /**
   * The newest {@code count} retained entries, oldest first ({@code XREVRANGE stream + - COUNT count}, reversed).
   * Blocks for one round trip.
   *
   * @throws EventBusException (retryable) if the stream cannot be reached
   */
  List<StreamEvent> readLatest(String stream, int count);

  /**
   * The id of the oldest entry the stream still holds, or empty when it holds none. Blocks for one
   * round trip.
   *
   * @throws EventBusException (retryable) if the stream cannot be reached
   */
  Optional<String> oldestId(String stream);

  /** Closes every subscription and follow this bus started. Blocks. */
  @Override
  void close();
}
