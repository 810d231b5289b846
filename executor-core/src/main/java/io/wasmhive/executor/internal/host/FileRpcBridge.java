package io.wasmhive.executor.internal.host;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The file-based RPC bridge of guests written for the original platform (seed 000). The guest writes a
 * JSON-RPC request to {@code /rpc/wasm_rpc_request.json} and closes it; {@code fd_close} then calls the
 * RPC handler synchronously, before returning to the guest, and writes the answer (or a JSON-RPC error
 * object) to {@code /rpc/wasm_rpc_response.json}, where the guest's next poll finds it. Writing and closing
 * the request again starts a new call that replaces the response. The guest learns the paths from the
 * {@code WASM_RPC_*} environment variables. Everything happens in the virtual filesystem.
 */
final class FileRpcBridge {

  static final String DIRECTORY = "rpc";
  static final String REQUEST_FILE = "wasm_rpc_request.json";
  static final String RESPONSE_FILE = "wasm_rpc_response.json";

  private final VirtualFileSystem fs;
  private final RpcDispatcher dispatcher;

  FileRpcBridge(VirtualFileSystem fs, RpcDispatcher dispatcher) {
    this.fs = fs;
    this.dispatcher = dispatcher;
  }

  /** The variables that tell the guest where the bridge is, in the order the guest sees them. */
  static Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("WASM_RPC_WORK_DIR", "/" + DIRECTORY);
    env.put("WASM_RPC_REQUEST_FILE", REQUEST_FILE);
    env.put("WASM_RPC_RESPONSE_FILE", RESPONSE_FILE);
    return env;
  }

  /** Called as a descriptor closes: answers the request if this descriptor wrote the request file. */
  void closed(OpenFile descriptor) {
    if (!descriptor.written() || !(fs.root().get(DIRECTORY) instanceof VirtualDirectory directory)
        || directory.get(REQUEST_FILE) != descriptor.file()) {
      return;
    }
    VirtualFile request = descriptor.file();
    byte[] response = request.size() > RpcDispatcher.MAX_REQUEST_BYTES
        ? RpcDispatcher.tooLargeRequest()
        : dispatcher.dispatch(request.contents());
    VfsNode existing = directory.get(RESPONSE_FILE);
    if (existing instanceof VirtualDirectory) {
      return; // The guest put a directory where the response goes: there is nowhere to deliver it.
    }
    VirtualFile target = existing == null ? fs.createFileByHost(directory, RESPONSE_FILE) : (VirtualFile) existing;
    target.resize(0, true);
    target.write(0, response, true);
  }
}
