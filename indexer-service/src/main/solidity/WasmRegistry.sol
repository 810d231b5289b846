// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title WasmRegistry
/// @notice Maps a module id to the IPFS CID of its WebAssembly bytes. The indexer's chain watcher reads
///         the two events below; it never calls the contract.
contract WasmRegistry {
    struct Entry {
        address owner;
        string ipfsHash;
    }

    mapping(bytes32 => Entry) private entries;

    /// @notice A module id was registered for the first time.
    event WasmCreated(bytes32 indexed id, string ipfsHash, address indexed owner);

    /// @notice The owner of a module id pointed it at new bytes.
    event WasmUpdated(bytes32 indexed id, string oldIpfsHash, string newIpfsHash);

    error AlreadyRegistered(bytes32 id);
    error NotRegistered(bytes32 id);
    error NotOwner(bytes32 id, address owner);
    error EmptyIpfsHash();

    /// @notice Registers `id` for the sender; an id is registered once.
    function create(bytes32 id, string calldata ipfsHash) external {
        if (bytes(ipfsHash).length == 0) revert EmptyIpfsHash();
        if (entries[id].owner != address(0)) revert AlreadyRegistered(id);
        entries[id] = Entry(msg.sender, ipfsHash);
        emit WasmCreated(id, ipfsHash, msg.sender);
    }

    /// @notice Points `id` at `newIpfsHash`; only the sender that created it may.
    function update(bytes32 id, string calldata newIpfsHash) external {
        if (bytes(newIpfsHash).length == 0) revert EmptyIpfsHash();
        Entry storage entry = entries[id];
        if (entry.owner == address(0)) revert NotRegistered(id);
        if (entry.owner != msg.sender) revert NotOwner(id, entry.owner);
        string memory old = entry.ipfsHash;
        entry.ipfsHash = newIpfsHash;
        emit WasmUpdated(id, old, newIpfsHash);
    }

    /// @notice The owner and current CID of `id`; the zero address when it is not registered.
    function get(bytes32 id) external view returns (address owner, string memory ipfsHash) {
        Entry storage entry = entries[id];
        return (entry.owner, entry.ipfsHash);
    }
}
