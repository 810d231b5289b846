package io.wasmhive.indexer.chain;

/**
 * A {@code WasmCreated(bytes32 indexed id, string ipfsHash, address indexed owner)} log: {@code id} was
 * registered for {@code owner} pointing at {@code ipfsHash}.
 *
 * @param id the module id, 0x and 64 lower-case hex digits
 * @param ipfsHash the CID as the contract stored it; not validated here
 * @param owner the registering account, 0x and 40 lower-case hex digits
 * @param blockNumber the block that holds the log
 * @param txHash the transaction that emitted it
 * @param logIndex its index within the block
 */
public record ModuleRegistered(String id, String ipfsHash, String owner, long blockNumber, String txHash,
    long logIndex) implements RegistryEvent {
}
