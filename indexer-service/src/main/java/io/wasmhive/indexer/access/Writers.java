package io.wasmhive.indexer.access;

import io.wasmhive.indexer.api.ErrorCode;
import io.wasmhive.indexer.api.IndexerException;
import io.wasmhive.platform.security.Caller;
import io.wasmhive.platform.security.Callers;
import io.wasmhive.platform.security.Roles;

/** The check of the endpoints that write: the request's caller needs {@code modules:write} or admin. */
public final class Writers {

  private Writers() {
  }

  /**
   * The current request's caller when it may write, else {@code FORBIDDEN}. Call on the request thread.
   *
   * @throws IndexerException {@code FORBIDDEN} when the caller lacks the role
   */
  public static Caller require() {
    Caller caller = Callers.require();
    if (!caller.may(Roles.MODULES_WRITE)) {
      throw new IndexerException(ErrorCode.FORBIDDEN,
          "uploading modules and requesting indexing need the role " + Roles.MODULES_WRITE);
    }
    return caller;
  }
}
