package io.wasmhive.relay.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import io.wasmhive.platform.events.StreamEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventDecoderTest {

  private final EventDecoder decoder = new EventDecoder(new JsonMapper());

  @Test
  void keepsThePayloadButTheUserAndFramesItWithItsEntryId() {
    StreamedEvent event = decoder.decode(entry("7-1",
        "{\"type\":\"execution_progress\",\"request_id\":\"r\",\"user_id\":\"u\",\"progress\":5,\"later\":true}"));

    assertThat(event.userId()).isEqualTo("u");
    assertThat(event.requestId()).isEqualTo("r");
    assertThat(new String(event.frame(), StandardCharsets.UTF_8)).isEqualTo(
        "id: 7-1\ndata: {\"type\":\"execution_progress\",\"request_id\":\"r\",\"progress\":5,\"later\":true}\n\n");
  }

  @Test
  void skipsEntriesWithoutAReadableObjectPayload() {
    assertThat(decoder.decode(entry("1-0", null))).isNull();
    assertThat(decoder.decode(entry("1-0", "not json"))).isNull();
    assertThat(decoder.decode(entry("1-0", "[1,2]"))).isNull();
  }

  @Test
  void anEventWithoutUserIsForWatchAllUsersOnly() {
    StreamedEvent event = decoder.decode(entry("1-0", "{\"type\":\"execution_started\"}"));

    assertThat(event.userId()).isNull();
    assertThat(new SubscriberFilter("u", false, null).matches(event)).isFalse();
    assertThat(new SubscriberFilter("ops", true, null).matches(event)).isTrue();
    assertThat(new SubscriberFilter("ops", true, "r").matches(event)).isFalse();
  }

  @Test
  void theLostNoticeNamesBothIds() {
    assertThat(decoder.eventsLost("1-0", "9-0"))
        .isEqualTo("{\"type\":\"events_lost\",\"last_event_id\":\"1-0\",\"first_available_id\":\"9-0\"}");
  }

  private static StreamEvent entry(String id, String payload) {
    return new StreamEvent("wasm_exec_events", id, "wasm_exec_events", null, payload);
  }
}
