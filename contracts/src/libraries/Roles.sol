// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title Roles
/// @notice The AccessControl role ids of every Lake Travis contract, in one place (PROTOCOL §10). The Go side
///         reads them from the contracts' `*_ROLE()` getters, which return these values.
library Roles {
    /// @notice Parameters and role grants (OpenZeppelin's DEFAULT_ADMIN_ROLE); held by the timelock.
    bytes32 internal constant ADMIN = 0x00;
    /// @notice Commits settlement roots (ComputePool); authorised keeper service (Marketplace).
    bytes32 internal constant KEEPER = keccak256("KEEPER_ROLE");
    /// @notice Vetoes roots (ComputePool), slashes on evidence (Marketplace).
    bytes32 internal constant GUARDIAN = keccak256("GUARDIAN_ROLE");
    /// @notice Authorised router service (Marketplace): the Go side accepts its session tickets.
    bytes32 internal constant ROUTER = keccak256("ROUTER_ROLE");
}
