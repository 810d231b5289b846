package io.wasmhive.platform.events;

import java.util.List;

/**
 * What {@link EventBus#publishIf} did.
 *
 * @param published whether the guard let it go ahead (then every event was published and the key
 *     written), or not (then nothing was)
 * @param found what the key held before, or null when it was missing
 * @param ids the entry ids of the published events, in order; empty when nothing was published
 */
public record GuardOutcome(boolean published, String found, List<String> ids) {

  public GuardOutcome {
    ids = List.copyOf(ids);
  }
}
