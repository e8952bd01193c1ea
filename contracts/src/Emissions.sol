// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {MORToken} from "./MORToken.sol";

/// @title Emissions
/// @notice MOR emission schedule (PROTOCOL §3) and its lazy, permissionless minting.
///
///         Base schedule: five buckets, each a linear-decreasing daily amount exactly as Morpheus production
///         (`LinearDistributionIntervalDecrease`): day `k` pays `max(0, initial - k*decrease)`, spread evenly
///         over the day, partial days pro rata with floor rounding. Day `d` is
///         `[payoutStart + d*interval, payoutStart + (d+1)*interval)`.
///
///         Tail emission: time is cut into epochs of `EPOCH_DAYS` days; epoch 0 is the base schedule (its last
///         positive day is 5832). Epoch `e >= 1` emits `min(50% of MOR burned during epoch e-1, 16% of the
///         circulating supply at its end)`, evenly over the epoch, split 24/24/24/24/4 across the buckets.
///         Circulating supply at a moment is defined as `emittedUntil(t) - burnedUntil(t)`, so the schedule does
///         not depend on who called `release()` when.
///
/// @dev Invariants (checked by the invariant suite):
///      - `bucketEmittedUntil(b, t)` is non-decreasing in `t`, and for `t` in the past it never changes
///        (burn checkpoints are immutable), so `released[b] <= bucketEmittedUntil(b, now)` always holds and
///        `release()` can never mint the same emission twice.
///      - Circulating supply never exceeds the base total (< 42M): tail_e <= burned_{e-1}/2 (see `_tails`).
contract Emissions is Ownable2Step {
    /// @notice Number of buckets: capital, code, community, compute, protection.
    uint8 public constant BUCKETS = 5;
    uint8 public constant CAPITAL = 0;
    uint8 public constant CODE = 1;
    uint8 public constant COMMUNITY = 2;
    uint8 public constant COMPUTE = 3;
    uint8 public constant PROTECTION = 4;

    /// @notice Length of an emission epoch in days (the base schedule's positive days: 0..5832).
    uint256 public constant EPOCH_DAYS = 5833;

    uint256 private constant MAIN_INITIAL = 3456e18;
    uint256 private constant MAIN_DECREASE = 592558728240000000;
    uint256 private constant PROTECTION_INITIAL = 576e18;
    uint256 private constant PROTECTION_DECREASE = 98759788040000000;

    /// @notice The MOR token, deployed by this contract so that it is its only minter.
    MORToken public immutable token;

    uint256 private immutable _payoutStart;
    uint256 private immutable _interval;

    /// @notice Recipient of each bucket's emission.
    address[BUCKETS] public recipients;
    /// @notice MOR already minted to each bucket.
    uint256[BUCKETS] public released;

    event Released(uint8 indexed bucket, address indexed recipient, uint256 amount, uint256 emittedUntil);
    event RecipientSet(uint8 indexed bucket, address indexed previous, address indexed recipient);

    error ZeroAddress();
    error ZeroInterval();
    error BadBucket(uint8 bucket);
    error NothingToRelease();
    error ComputeRecipientFixed();

    /// @param owner_ Administrator allowed to change bucket recipients (a multisig in production).
    /// @param payoutStart_ Unix time at which day 0 starts.
    /// @param interval_ Seconds per protocol day (86400 in production; a devnet may shorten it).
    /// @param recipients_ Recipients of the capital, code, community, compute and protection buckets.
    constructor(address owner_, uint256 payoutStart_, uint256 interval_, address[BUCKETS] memory recipients_)
        Ownable(owner_)
    {
        if (interval_ == 0) revert ZeroInterval();
        for (uint8 b; b < BUCKETS; ++b) {
            if (recipients_[b] == address(0)) revert ZeroAddress();
            recipients[b] = recipients_[b];
            emit RecipientSet(b, address(0), recipients_[b]);
        }
        _payoutStart = payoutStart_;
        _interval = interval_;
        token = new MORToken(address(this));
    }

    // ------------------------------------------------------------------------------------------------
    // Minting
    // ------------------------------------------------------------------------------------------------

    /// @notice Mints every bucket's emission due up to now to its recipient. Anyone may call it.
    /// @dev Idempotent: it mints only `bucketEmittedUntil(b, now) - released[b]`; when nothing is due (for
    ///      example a second call in the same block) it reverts with NothingToRelease.
    /// @return total The MOR minted by this call.
    function release() external returns (uint256 total) {
        total = _release();
        if (total == 0) revert NothingToRelease();
    }

    /// @notice MOR that `release()` would mint now, over all buckets.
    function releasable() external view returns (uint256 total) {
        uint256[] memory tails = _tails(_epochOf(block.timestamp));
        for (uint8 b; b < BUCKETS; ++b) {
            total += _bucketEmitted(b, block.timestamp, tails) - released[b];
        }
    }

    /// @notice Points `bucket` at `recipient`. What was due to the previous recipient is released to it first.
    /// @dev The compute bucket is fixed at construction: ComputePool budgets from the schedule, so redirecting
    ///      it would leave committed credit unfunded.
    function setRecipient(uint8 bucket, address recipient) external onlyOwner {
        if (bucket >= BUCKETS) revert BadBucket(bucket);
        if (bucket == COMPUTE) revert ComputeRecipientFixed();
        if (recipient == address(0)) revert ZeroAddress();
        _release();
        emit RecipientSet(bucket, recipients[bucket], recipient);
        recipients[bucket] = recipient;
    }

    function _release() private returns (uint256 total) {
        uint256 now_ = block.timestamp;
        uint256[] memory tails = _tails(_epochOf(now_));
        for (uint8 b; b < BUCKETS; ++b) {
            uint256 emitted = _bucketEmitted(b, now_, tails);
            uint256 due = emitted - released[b];
            if (due == 0) continue;
            released[b] = emitted;
            total += due;
            address to = recipients[b];
            token.mint(to, due);
            emit Released(b, to, due, emitted);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Views (names fixed by PROTOCOL §3)
    // ------------------------------------------------------------------------------------------------

    /// @notice Unix time at which day 0 starts.
    function payoutStart() external view returns (uint256) {
        return _payoutStart;
    }

    /// @notice Seconds per protocol day.
    function interval() external view returns (uint256) {
        return _interval;
    }

    /// @notice MOR emitted by all buckets together on day `day` (wei).
    function dailyEmission(uint256 day) external view returns (uint256 total) {
        uint256 from = _payoutStart + day * _interval;
        uint256 to = from + _interval;
        uint256[] memory tails = _tails(_epochOf(to));
        for (uint8 b; b < BUCKETS; ++b) {
            total += _bucketEmitted(b, to, tails) - _bucketEmitted(b, from, tails);
        }
    }

    /// @notice MOR emitted by all buckets together from `payoutStart` up to `timestamp` (wei).
    /// @dev For a future `timestamp` inside a tail epoch not yet begun, the tail is projected from burns so far.
    function emittedUntil(uint256 timestamp) external view returns (uint256 total) {
        uint256[] memory tails = _tails(_epochOf(timestamp));
        for (uint8 b; b < BUCKETS; ++b) {
            total += _bucketEmitted(b, timestamp, tails);
        }
    }

    /// @notice MOR emitted by one bucket from `payoutStart` up to `timestamp` (wei).
    function bucketEmittedUntil(uint8 bucket, uint256 timestamp) external view returns (uint256) {
        if (bucket >= BUCKETS) revert BadBucket(bucket);
        return _bucketEmitted(bucket, timestamp, _tails(_epochOf(timestamp)));
    }

    /// @notice Total MOR of tail epoch `epoch` (0 for the base epoch), before the 24/24/24/24/4 split.
    function tailEmission(uint256 epoch) external view returns (uint256) {
        if (epoch == 0) return 0;
        return _tails(epoch)[epoch];
    }

    /// @notice The base-schedule parameters of `bucket`: initial daily amount and daily decrease (wei).
    function bucketParams(uint8 bucket) public pure returns (uint256 initial, uint256 decrease) {
        if (bucket >= BUCKETS) revert BadBucket(bucket);
        return bucket == PROTECTION ? (PROTECTION_INITIAL, PROTECTION_DECREASE) : (MAIN_INITIAL, MAIN_DECREASE);
    }

    /// @notice A bucket's share of the tail emission in basis points (24/24/24/24/4).
    function tailShareBps(uint8 bucket) public pure returns (uint256) {
        if (bucket >= BUCKETS) revert BadBucket(bucket);
        return bucket == PROTECTION ? 400 : 2400;
    }

    // ------------------------------------------------------------------------------------------------
    // Schedule math
    // ------------------------------------------------------------------------------------------------

    /// @dev Epoch index containing `timestamp` (0 before payoutStart).
    function _epochOf(uint256 timestamp) private view returns (uint256) {
        if (timestamp <= _payoutStart) return 0;
        return (timestamp - _payoutStart) / (EPOCH_DAYS * _interval);
    }

    /// @dev Base schedule of one bucket up to `timestamp`: whole days in closed form
    ///      (sum_{k<m} (I - kD) = m*I - D*m*(m-1)/2 over the m positive days), then the current day pro rata.
    function _baseEmitted(uint8 b, uint256 timestamp) private view returns (uint256) {
        if (timestamp <= _payoutStart) return 0;
        (uint256 initial, uint256 decrease) = bucketParams(b);
        uint256 elapsed = timestamp - _payoutStart;
        uint256 fullDays = elapsed / _interval;
        uint256 positiveDays = Math.ceilDiv(initial, decrease); // days k with initial - k*decrease > 0
        uint256 m = Math.min(fullDays, positiveDays);
        uint256 sum = m == 0 ? 0 : m * initial - (decrease * m * (m - 1)) / 2; // m*(m-1) is even: exact
        if (fullDays < positiveDays) {
            sum += ((initial - fullDays * decrease) * (elapsed % _interval)) / _interval;
        }
        return sum;
    }

    /// @dev Total tail of epochs 1..lastEpoch (index 0 unused). Epoch e's tail is
    ///      min(burned during e-1 / 2, 16% of (emitted - burned) at the end of e-1). Only burn checkpoints at
    ///      epoch boundaries are read; a boundary not yet in the past uses the current burn total (projection).
    function _tails(uint256 lastEpoch) private view returns (uint256[] memory tails) {
        tails = new uint256[](lastEpoch + 1);
        if (lastEpoch == 0) return tails;
        uint256 emittedAtEnd;
        for (uint8 b; b < BUCKETS; ++b) {
            emittedAtEnd += _baseEmitted(b, type(uint128).max); // the whole base schedule
        }
        uint256 burnedBefore;
        for (uint256 e = 1; e <= lastEpoch; ++e) {
            uint256 boundary = _payoutStart + e * EPOCH_DAYS * _interval;
            // The epoch's last second is boundary - 1: a burn at `boundary` belongs to the next epoch.
            uint256 burnedAtEnd =
                boundary <= block.timestamp ? token.getPastTotalBurned(boundary - 1) : token.totalBurned();
            uint256 circulating = emittedAtEnd > burnedAtEnd ? emittedAtEnd - burnedAtEnd : 0;
            uint256 tail = Math.min((burnedAtEnd - burnedBefore) / 2, (circulating * 16) / 100);
            tails[e] = tail;
            for (uint8 b; b < BUCKETS; ++b) {
                emittedAtEnd += (tail * tailShareBps(b)) / 10_000; // what the buckets actually receive
            }
            burnedBefore = burnedAtEnd;
        }
    }

    /// @dev Base + tail emission of bucket `b` up to `timestamp`, given `tails` covering its epoch.
    function _bucketEmitted(uint8 b, uint256 timestamp, uint256[] memory tails) private view returns (uint256 sum) {
        sum = _baseEmitted(b, timestamp);
        uint256 epoch = _epochOf(timestamp);
        if (epoch == 0) return sum;
        uint256 share = tailShareBps(b);
        for (uint256 e = 1; e < epoch; ++e) {
            sum += (tails[e] * share) / 10_000;
        }
        uint256 epochLength = EPOCH_DAYS * _interval;
        uint256 intoEpoch = timestamp - _payoutStart - epoch * epochLength;
        sum += (((tails[epoch] * share) / 10_000) * intoEpoch) / epochLength;
    }
}
