package io.wasmhive.indexer.index;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wasmhive.indexer.access.Writers;
import io.wasmhive.indexer.api.ErrorCode;
import io.wasmhive.indexer.api.IndexerException;
import io.wasmhive.platform.openapi.ErrorResponses;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /index} answers at once with the job ({@code 202} while it is worked on, {@code 200} when pinned); it
 * needs {@code modules:write}, and an alias it gives must be unowned or the caller's (see {@link IndexService}).
 */
@RestController
@Tag(name = "index", description = "Index jobs: fetch a CID from the configured IPFS gateways and store it")
class IndexController {

  private static final int MAX_PAGE = 1000;

  private final IndexService index;

  IndexController(IndexService index) {
    this.index = index;
  }

  /** The body: {@code {"cid": "...", "alias": "..."}} (alias optional). */
  @Schema(example = "{\"cid\":\"bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku\",\"alias\":\"hello\"}")
  record IndexRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String cid, String alias) {
  }

  @PostMapping("/index")
  @Operation(summary = "Ask for a CID to be fetched and stored; answers at once with the job")
  @ApiResponse(responseCode = "202", description = "Queued or being fetched", content = @Content(schema = @Schema(
      implementation = IndexJobJson.class)))
  @ApiResponse(responseCode = "200", description = "Already pinned")
  @ErrorResponses({400, 403})
  ResponseEntity<IndexJobJson> request(@RequestBody IndexRequest request) {
    Requester requester = Requester.of(Writers.require());
    if (request == null || request.cid() == null || request.cid().isBlank()) {
      throw new IndexerException(ErrorCode.BAD_REQUEST, "the body must be {\"cid\": \"<CIDv0 or CIDv1>\"}");
    }
    if (request.alias() != null && (request.alias().isBlank() || request.alias().length() > 200)) {
      throw new IndexerException(ErrorCode.BAD_REQUEST, "alias must be 1 to 200 characters");
    }
    IndexJob job = index.request(request.cid().trim(), request.alias(), requester);
    HttpStatus status = job.status() == IndexStatus.PINNED ? HttpStatus.OK : HttpStatus.ACCEPTED;
    return ResponseEntity.status(status).body(IndexJobJson.of(job));
  }

  @GetMapping("/index/{cid}")
  @Operation(summary = "An index job")
  @ErrorResponses({400, 404})
  IndexJobJson get(@PathVariable String cid) {
    return index.find(cid).map(IndexJobJson::of)
        .orElseThrow(() -> new IndexerException(ErrorCode.NOT_FOUND, "no index job for " + cid));
  }

  /** A page of {@code GET /index}. */
  record JobPage(List<IndexJobJson> jobs, int offset, int limit) {
  }

  @GetMapping("/index")
  @Operation(summary = "Index jobs, optionally by status (queued, pinning, pinned, failed)")
  @ErrorResponses(400)
  JobPage list(@RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
    if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
      throw new IndexerException(ErrorCode.BAD_REQUEST, "offset must be >= 0 and limit between 1 and " + MAX_PAGE);
    }
    List<IndexJobJson> jobs = index.list(status(status), offset, limit).stream().map(IndexJobJson::of).toList();
    return new JobPage(jobs, offset, limit);
  }

  private static IndexStatus status(String text) {
    if (text == null) {
      return null;
    }
    try {
      return IndexStatus.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IndexerException(ErrorCode.BAD_REQUEST, "status must be queued, pinning, pinned or failed");
    }
  }
}
