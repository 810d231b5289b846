// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// A minimal ERC-20 for workflow-service's tests: the simulated contract steps call it on anvil, and its
/// other functions give one example of each kind of revert and a way to check ABI encodings against
/// Solidity's own decoder. Built by build.sh (solc from npm); not for deployment anywhere real.
contract TestToken {
  struct Payment {
    address to;
    uint256 amount;
  }

  error NotPermitted(address caller, uint256 code);

  event Transfer(address indexed from, address indexed to, uint256 value);

  mapping(address => uint256) public balanceOf;
  uint256 public totalSupply;

  constructor(uint256 supply) {
    balanceOf[msg.sender] = supply;
    totalSupply = supply;
    emit Transfer(address(0), msg.sender, supply);
  }

  function transfer(address to, uint256 amount) external returns (bool) {
    require(balanceOf[msg.sender] >= amount, "ERC20: transfer amount exceeds balance");
    balanceOf[msg.sender] -= amount;
    balanceOf[to] += amount;
    emit Transfer(msg.sender, to, amount);
    return true;
  }

  /// Reverts with Panic(0x11) for any amount above zero: checked arithmetic overflows.
  function overflow(uint256 amount) external view returns (uint256) {
    return type(uint256).max - totalSupply + totalSupply + amount;
  }

  /// Always reverts with the custom error NotPermitted(msg.sender, code).
  function restricted(uint256 code) external view {
    revert NotPermitted(msg.sender, code);
  }

  /// The sum of a dynamic array of amounts.
  function sum(uint256[] calldata values) external pure returns (uint256 total) {
    for (uint256 i = 0; i < values.length; i++) {
      total += values[i];
    }
  }

  /// Decodes every argument with Solidity's own decoder and encodes them again: equal to the call's
  /// arguments exactly when they were encoded canonically.
  function reencode(uint256[3] calldata fixedValues, address[] calldata recipients, Payment calldata payment,
      bytes calldata data, string calldata note, bytes32 tag, int8 delta, bool flag)
      external pure returns (bytes memory) {
    return abi.encode(fixedValues, recipients, payment, data, note, tag, delta, flag);
  }
}
