package io.wasmhive.indexer.fetch;

import io.wasmhive.platform.ipfs.Cid;
import io.wasmhive.platform.ipfs.Codec;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The HTTP side of fetching: one {@link HttpClient} (HTTP/1.1, no redirects) for all gateways, the trustless gateway
 * requests and the limits their answers are read with. Thread-safe.
 */
final class GatewayClient {

  static final String RAW = "application/vnd.ipld.raw";
  static final String CAR = "application/vnd.ipld.car";

  private final HttpClient http;
  private final Duration requestTimeout;
  private final int maxModuleBytes;
  private final long maxCarBytes;

  GatewayClient(FetchProperties properties, Executor httpExecutor) {
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(properties.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(httpExecutor)
        .build();
    this.requestTimeout = properties.requestTimeout();
    this.maxModuleBytes = properties.maxModuleBytes();
    this.maxCarBytes = properties.maxCarBytes();
  }

  /** Whether {@code cid} is asked for as a single raw block; otherwise as a CAR. */
  static boolean asBlock(Cid cid) {
    return cid.codec() == Codec.RAW;
  }

  /** Sends the request for {@code cid} to {@code gateway}; the future completes when the headers arrive. */
  CompletableFuture<HttpResponse<InputStream>> send(Gateway gateway, Cid cid) {
    boolean block = asBlock(cid);
    HttpRequest.Builder request = HttpRequest.newBuilder(block ? gateway.blockUri(cid) : gateway.carUri(cid))
        .timeout(requestTimeout)
        .header("Accept", block ? RAW : CAR)
        .GET();
    gateway.authorization().ifPresent(value -> request.header("Authorization", value));
    return http.sendAsync(request.build(), BodyHandlers.ofInputStream());
  }

  /** The most answer bytes read for {@code cid}: the module limit for a block, more for a CAR. */
  long answerLimit(Cid cid) {
    return asBlock(cid) ? maxModuleBytes : maxCarBytes;
  }

  int maxModuleBytes() {
    return maxModuleBytes;
  }

  long maxCarBytes() {
    return maxCarBytes;
  }

  Duration requestTimeout() {
    return requestTimeout;
  }
}
