package io.wasmhive.indexer.fetch;

import io.wasmhive.platform.ipfs.Cid;
import java.util.ArrayList;
import java.util.List;

/**
 * One call of {@link ModuleFetcher#fetch}: the CID and the failures of all its rounds so far. Used by the caller's
 * thread only.
 *
 * @param context what every fetch shares
 * @param cid the CID asked for
 * @param failures the failures seen so far, appended by each round
 */
record FetchRun(FetchContext context, Cid cid, List<GatewayFailure> failures) {

  FetchRun(FetchContext context, Cid cid) {
    this(context, cid, new ArrayList<>());
  }
}
