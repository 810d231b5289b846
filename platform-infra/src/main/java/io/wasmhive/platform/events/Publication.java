package io.wasmhive.platform.events;

/**
 * One event of {@link EventBus#publishIf}: what to publish and to which stream.
 *
 * @param stream the stream; its configured maximum length trims it
 * @param event an event record, or an {@link EncodedEvent} written as it is
 */
public record Publication(String stream, Object event) {

  public Publication {
    StreamNames.require(stream, "stream");
    if (event == null) {
      throw new InvalidEventException("The event must not be null");
    }
  }
}
