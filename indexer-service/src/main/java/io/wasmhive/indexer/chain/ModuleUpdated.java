package io.wasmhive.indexer.chain;

/**
 * A {@code WasmUpdated(bytes32 indexed id, string oldIpfsHash, string newIpfsHash)} log: the owner of
 * {@code id} pointed it from {@code oldIpfsHash} to {@code newIpfsHash}.
 *
 * @param id the module id, 0x and 64 lower-case hex digits
 * @param oldIpfsHash the CID the id pointed at before
 * @param newIpfsHash the CID it points at now; not validated here
 * @param blockNumber the block that holds the log
 * @param txHash the transaction that emitted it
 * @param logIndex its index within the block
 */
public record ModuleUpdated(String id, String oldIpfsHash, String newIpfsHash, long blockNumber, String txHash,
    long logIndex) implements RegistryEvent {
}
