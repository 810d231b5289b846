package io.wasmhive.platform.events;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the event bus, under {@code wasmhive.events}. Defaults live in the annotations and
 * nowhere else; {@link #defaults()} binds them without any configuration.
 *
 * @param enabled whether a service on Redis gets an event bus bean
 * @param consumerName this process's consumer name in every group; blank for host-pid-random
 * @param maxLength the length a stream is trimmed to on publish, unless {@code streams} says otherwise
 * @param approximateTrimming trim with {@code MAXLEN ~} (cheap, keeps up to one extra node of
 *     entries) rather than exactly
 * @param deadLetterSuffix appended to a stream's name to name its dead-letter stream
 * @param streams settings per stream name ({@code wasmhive.events.streams.[name].max-length})
 * @param consumer the consumer options every subscription starts from
 * @param follow the options every group-less follow of a stream starts from
 * @param backoff how long workers wait between attempts while Redis is unreachable
 */
@ConfigurationProperties("wasmhive.events")
public record EventBusProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("") String consumerName,
    @DefaultValue("100000") long maxLength,
    @DefaultValue("true") boolean approximateTrimming,
    @DefaultValue(".dlq") String deadLetterSuffix,
    Map<String, StreamSettings> streams,
    @DefaultValue ConsumerOptions consumer,
    @DefaultValue FollowOptions follow,
    @DefaultValue Backoff backoff) {

  public EventBusProperties {
    if (maxLength < 1) {
      throw new IllegalArgumentException("wasmhive.events.max-length must be at least 1, was " + maxLength);
    }
    if (deadLetterSuffix == null || deadLetterSuffix.isEmpty()) {
      throw new IllegalArgumentException("wasmhive.events.dead-letter-suffix must not be empty");
    }
    streams = streams == null ? Map.of() : Map.copyOf(streams);
    if (consumerName != null && !consumerName.isBlank()) {
      StreamNames.require(consumerName, "wasmhive.events.consumer-name");
    }
  }

  /** The settings with every default and nothing configured. */
  public static EventBusProperties defaults() {
    return new Binder().bindOrCreate("wasmhive.events", EventBusProperties.class);
  }

  /** The length the stream is trimmed to on publish. */
  public long maxLength(String stream) {
    StreamSettings settings = streams.get(stream);
    return settings == null ? maxLength : settings.maxLength();
  }

  /** These settings with the stream's trim length set to {@code length}. */
  public EventBusProperties withStreamMaxLength(String stream, long length) {
    Map<String, StreamSettings> changed = new java.util.HashMap<>(streams);
    changed.put(stream, new StreamSettings(length));
    return new EventBusProperties(enabled, consumerName, maxLength, approximateTrimming, deadLetterSuffix, changed,
        consumer, follow, backoff);
  }

  /** The name of the stream's dead-letter stream. */
  public String deadLetterStream(String stream) {
    return stream + deadLetterSuffix;
  }

  /** The configured consumer name, or a new one made of host name, process id and a random part. */
  public String consumerNameOrDefault() {
    if (consumerName != null && !consumerName.isBlank()) {
      return consumerName;
    }
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9_.\\-]", "_");
    } catch (UnknownHostException e) {
      host = "host";
    }
    long pid = ManagementFactory.getRuntimeMXBean().getPid();
    String random = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
    return host + "-" + pid + "-" + random;
  }

  /**
   * Settings of one stream.
   *
   * @param maxLength the length it is trimmed to on publish, at least 1
   */
  public record StreamSettings(long maxLength) {

    public StreamSettings {
      if (maxLength < 1) {
        throw new IllegalArgumentException("A stream's max-length must be at least 1, was " + maxLength);
      }
    }
  }

  /**
   * Waiting between attempts while Redis is unreachable, for consumers and followers alike: the
   * wait doubles from {@code initial} up to {@code max}, and resets once a command succeeds.
   *
   * @param initial the first wait, at least 1 ms
   * @param max the longest wait, at least {@code initial}
   */
  public record Backoff(@DefaultValue("100ms") Duration initial, @DefaultValue("5s") Duration max) {

    public Backoff {
      if (initial == null || max == null || initial.toMillis() < 1 || max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("wasmhive.events.backoff needs 1 ms <= initial <= max, was "
            + initial + " and " + max);
      }
    }
  }
}
