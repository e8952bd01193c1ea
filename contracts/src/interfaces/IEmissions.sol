// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IEmissions
/// @notice The part of `Emissions` (PROTOCOL §3) that ComputePool uses.
interface IEmissions {
    /// @notice The MOR token.
    function token() external view returns (address);
    /// @notice Unix time at which day 0 starts.
    function payoutStart() external view returns (uint256);
    /// @notice Seconds per protocol day.
    function interval() external view returns (uint256);
    /// @notice MOR emitted by one bucket from `payoutStart` up to `timestamp` (wei).
    function bucketEmittedUntil(uint8 bucket, uint256 timestamp) external view returns (uint256);
    /// @notice MOR that `release()` would mint now, over all buckets.
    function releasable() external view returns (uint256);
    /// @notice Mints every bucket's due emission to its recipient; reverts with NothingToRelease if none is due.
    function release() external returns (uint256);
}
