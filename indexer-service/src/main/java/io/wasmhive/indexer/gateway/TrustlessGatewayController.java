package io.wasmhive.indexer.gateway;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wasmhive.indexer.api.ErrorCode;
import io.wasmhive.indexer.api.IndexerException;
import io.wasmhive.platform.ipfs.CarWriter;
import io.wasmhive.platform.ipfs.Cid;
import io.wasmhive.platform.modules.ModuleStore;
import io.wasmhive.platform.openapi.ErrorResponses;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET}/{@code HEAD /ipfs/{cid}} for stored modules, after the trustless gateway specification:
 * {@code ?format=raw} (or {@code Accept: application/vnd.ipld.raw}) answers the block the CID names,
 * {@code ?format=car} (or {@code Accept: application/vnd.ipld.car}) the whole DAG as CARv1, blocks depth first.
 * Without either it answers the module's bytes as {@code application/wasm}, for plain {@code curl}.
 */
@RestController
@Tag(name = "gateway", description = "A trustless IPFS gateway for the stored modules (public)")
class TrustlessGatewayController {

  static final MediaType RAW = MediaType.parseMediaType("application/vnd.ipld.raw");
  static final MediaType CAR = MediaType.parseMediaType("application/vnd.ipld.car;version=1");
  private static final MediaType WASM = MediaType.parseMediaType("application/wasm");

  private final ModuleStore store;
  private final DagCache dags = new DagCache(64L * 1024 * 1024);

  TrustlessGatewayController(ModuleStore store) {
    this.store = store;
  }

  @RequestMapping(value = "/ipfs/{cid}", method = {RequestMethod.GET, RequestMethod.HEAD})
  @Operation(summary = "A stored module's block (raw), DAG (CAR) or bytes (application/wasm) by CID")
  @ApiResponse(responseCode = "200", description = "The block, the CAR or the module; immutable", content = {
      @Content(mediaType = "application/wasm", schema = @Schema(type = "string", format = "binary")),
      @Content(mediaType = "application/vnd.ipld.raw", schema = @Schema(type = "string", format = "binary")),
      @Content(mediaType = "application/vnd.ipld.car", schema = @Schema(type = "string", format = "binary"))})
  @ErrorResponses({400, 404})
  ResponseEntity<byte[]> get(@PathVariable("cid") String text,
      @Parameter(description = "raw or car; wins over Accept", schema = @Schema(allowableValues = {"raw", "car"}))
      @RequestParam(required = false) String format,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    Cid cid = Cid.parse(text);
    String chosen = format(format, accept);
    // A key look-up, then at most one read of the module: a cached DAG needs none.
    String sha256 = store.resolve(cid.toString()).orElseThrow(() -> notFound(cid));
    if (chosen.equals("file")) {
      return answer(cid, WASM, bytes(sha256, cid), "");
    }
    ModuleDag dag = dags.get(sha256 + "/" + cid.toV1(), () -> ModuleDag.of(bytes(sha256, cid), cid).orElse(null));
    if (dag == null) {
      throw new IndexerException(ErrorCode.NOT_FOUND, "module " + sha256 + " is stored, but not in the DAG"
          + " layout " + cid + " names; ask for its cid_v0 or cid_v1");
    }
    return chosen.equals("raw") ? answer(cid, RAW, dag.get(cid), ".raw") : answer(cid, CAR, car(dag), ".car");
  }

  /** {@code raw}, {@code car} or {@code file}: the query parameter wins over the Accept header. */
  private static String format(String format, String accept) {
    if (format != null) {
      String f = format.toLowerCase(Locale.ROOT);
      if (!f.equals("raw") && !f.equals("car")) {
        throw new IndexerException(ErrorCode.BAD_REQUEST, "format must be raw or car, got '" + format + "'");
      }
      return f;
    }
    if (accept != null && accept.contains("application/vnd.ipld.raw")) {
      return "raw";
    }
    return accept != null && accept.contains("application/vnd.ipld.car") ? "car" : "file";
  }

  private byte[] bytes(String sha256, Cid cid) {
    return store.bytes(sha256).orElseThrow(() -> notFound(cid));
  }

  private static byte[] car(ModuleDag dag) {
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, dag.size() + 1024));
    try {
      CarWriter.writeDag(dag.root(), dag, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static ResponseEntity<byte[]> answer(Cid cid, MediaType type, byte[] body, String etagSuffix) {
    return ResponseEntity.ok()
        .contentType(type)
        .contentLength(body.length)
        .eTag("\"" + cid + etagSuffix + "\"")
        .header(HttpHeaders.CACHE_CONTROL, "public, max-age=29030400, immutable")
        .header("X-Content-Type-Options", "nosniff")
        .header("X-Ipfs-Roots", cid.toString())
        .body(body);
  }

  private static IndexerException notFound(Cid cid) {
    return new IndexerException(ErrorCode.NOT_FOUND, "no stored module has the CID " + cid);
  }
}
