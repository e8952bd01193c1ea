// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Emissions} from "../src/Emissions.sol";

/// @dev A stand-in compute pool for emission-only tests: a contract funded by `emissions` (what
///      `Emissions.bindComputePool` checks), holding what the compute bucket mints.
contract ComputeSink {
    address public immutable emissions;

    constructor(address emissions_) {
        emissions = emissions_;
    }
}

library ComputeSinkLib {
    /// @dev Deploys a sink for `em` and binds it; the caller must be `em`'s binder (its deployer).
    function bind(Emissions em) internal returns (address sink) {
        sink = address(new ComputeSink(address(em)));
        em.bindComputePool(sink);
    }
}
