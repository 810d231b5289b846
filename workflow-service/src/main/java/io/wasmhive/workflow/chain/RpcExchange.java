package io.wasmhive.workflow.chain;

/**
 * One request a session answered and its answer, as recorded with the step.
 *
 * @param chainId the chain the request was for (the session's default when the request named none or could
 *     not be read)
 * @param method the requested method, or {@code ""} when the request had none
 * @param request the request text as received
 * @param response the response text as answered
 * @param durationMs how long answering took
 * @param truncated whether {@code request} or {@code response} was cut because the session's recording limit was
 *     reached
 */
public record RpcExchange(long chainId, String method, String request, String response, long durationMs,
    boolean truncated) {
}
