package io.wasmhive.platform.sse;

/** Whether a new SSE connection may open, or which limit refuses it. */
public enum Admission {
  /** A place is taken for it. */
  ADMITTED,
  /** The instance serves {@code max-connections} subscribers already. */
  INSTANCE_FULL,
  /** The principal holds {@code max-connections-per-principal} connections already. */
  PRINCIPAL_FULL
}
