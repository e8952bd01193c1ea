// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {console2} from "forge-std/console2.sol";
import {MarketFixture} from "../market/MarketFixture.sol";

/// @dev A call whose execution costs far less than 21,000 gas.
contract GasProbe {
    function touch() external {}
}

/// @notice The market fixture with the gas tests' one way of measuring and printing a call (MarketGasTest,
///         DepositGasTest). The test's setUp creates `probe`.
abstract contract MarketGasFixture is MarketFixture {
    GasProbe internal probe;

    /// @dev Execution and transaction gas of the last call. Under `forge test --isolate` (as `make bench` and
    ///      `make test` run the gas tests) every call is its own transaction and the recorded gas already includes
    ///      the base and calldata costs; without it, only execution. A probe call tells which mode this is.
    function _measured(string memory name, bytes memory callData) internal returns (uint256 exec, uint256 txGas) {
        uint256 recorded = vm.snapshotGasLastCall(name);
        uint256 intrinsic = 21_000;
        for (uint256 i; i < callData.length; ++i) {
            intrinsic += callData[i] == 0 ? 4 : 16;
        }
        probe.touch();
        bool isolated = vm.lastCallGas().gasTotalUsed >= 21_000;
        exec = isolated ? recorded - intrinsic : recorded;
        txGas = exec + intrinsic;
    }

    /// @dev Prints `gas.<label>: <transaction gas>` and the execution-only figure on the next line.
    function _log(string memory label, uint256 exec, uint256 txGas) internal pure {
        console2.log(string.concat("gas.", label, ":"), txGas);
        console2.log(string.concat("  ", label, " execution only:"), exec);
    }
}
