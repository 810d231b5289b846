package io.wasmhive.platform.events;

/** Where a consumer group that does not exist yet starts reading its stream. */
public enum StartPosition {

  /** At the oldest entry still in the stream ({@code 0}): nothing published before is missed. */
  EARLIEST("0"),

  /** After the newest entry ({@code $}): only events published from now on. */
  LATEST("$");

  private final String redisId;

  StartPosition(String redisId) {
    this.redisId = redisId;
  }

  /** The id given to {@code XGROUP CREATE}. */
  public String redisId() {
    return redisId;
  }
}
