// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {MORToken} from "./MORToken.sol";

/// @dev What Emissions checks of the compute bucket's recipient: that it is a pool funded by this schedule.
interface IEmissionsFunded {
    function emissions() external view returns (address);
}

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
///         Tail cost is O(1) per call: the token reports every burn (`onBurn`), and the first burn of an epoch
///         fixes the tail of the epoch after the previous burn's (no burn since, so its input is final). Epochs
///         with no burn before them have no tail; every view reads at most the newest fixed tail, one open tail
///         and a checkpoint lookup, whatever the number of epochs elapsed.
///
///         Compute bucket: its recipient is not given to the constructor but bound once by the deployer with
///         `bindComputePool(pool)`, which checks that `pool` is a contract funded by this schedule. Until then the
///         bucket accrues and nothing of it is minted, so it can never be minted to an address without the pool.
///
/// @dev Invariants (checked by the invariant suite):
///      - `bucketEmittedUntil(b, t)` is non-decreasing in `t`, and for `t` in the past it never changes
///        (burn checkpoints are immutable), so `released[b] <= bucketEmittedUntil(b, now)` always holds and
///        `release()` can never mint the same emission twice.
///      - Circulating supply never exceeds the base total (< 42M): tail_e <= burned_{e-1}/2 (see `_tails`).
contract Emissions is Ownable2Step {
    using Checkpoints for Checkpoints.Trace224;

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
    /// @notice The only address that may bind the compute bucket's recipient (the deployer), once.
    address public immutable binder;

    uint256 private immutable _payoutStart;
    uint256 private immutable _interval;

    /// @notice Recipient of each bucket's emission.
    address[BUCKETS] public recipients;
    /// @notice MOR already minted to each bucket.
    uint256[BUCKETS] public released;

    // Tail bookkeeping (see the contract notes). Keys of `_tailSums` are epochs whose tail is fixed and non-zero;
    // the value packs the running sums of each share's per-epoch amounts: (sum of floor(tail * 24%)) << 112 |
    // (sum of floor(tail * 4%)). Both stay below 2^112 (tails total at most half of the burns, < 42M MOR).
    uint256 private _burnEpoch; // epoch of the newest burn (0 before any)
    uint256 private _burnedBeforeBurnEpoch; // total burned before epoch `_burnEpoch` began
    Checkpoints.Trace224 private _tailSums;
    mapping(uint256 epoch => uint256) private _fixedTail;

    event Released(uint8 indexed bucket, address indexed recipient, uint256 amount, uint256 emittedUntil);
    event RecipientSet(uint8 indexed bucket, address indexed previous, address indexed recipient);

    error ZeroAddress();
    error ZeroInterval();
    error BadBucket(uint8 bucket);
    error NothingToRelease();
    error ComputeRecipientFixed();
    error NotBinder(address caller);
    error NotToken(address caller);
    error NotComputePool(address pool);

    /// @param owner_ Administrator allowed to change bucket recipients (a multisig in production).
    /// @param payoutStart_ Unix time at which day 0 starts.
    /// @param interval_ Seconds per protocol day (86400 in production; a devnet may shorten it).
    /// @param recipients_ Recipients of the capital, code, community, compute and protection buckets; the
    ///        compute entry must be zero (bound later by the caller, see `bindComputePool`).
    constructor(address owner_, uint256 payoutStart_, uint256 interval_, address[BUCKETS] memory recipients_)
        Ownable(owner_)
    {
        if (interval_ == 0) revert ZeroInterval();
        if (recipients_[COMPUTE] != address(0)) revert ComputeRecipientFixed();
        binder = msg.sender;
        for (uint8 b; b < BUCKETS; ++b) {
            if (b == COMPUTE) continue;
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

    /// @notice MOR that `release()` would mint now, over all buckets (the compute bucket once bound).
    function releasable() external view returns (uint256 total) {
        Tails memory tails = _tails(_epochOf(block.timestamp));
        for (uint8 b; b < BUCKETS; ++b) {
            if (recipients[b] == address(0)) continue;
            total += _bucketEmitted(b, block.timestamp, tails) - released[b];
        }
    }

    /// @notice Binds the compute bucket to `pool`, once. Only `binder`.
    /// @dev `pool` must be a contract whose `emissions()` is this contract. What accrued before is minted to it
    ///      by the next release.
    function bindComputePool(address pool) external {
        if (msg.sender != binder) revert NotBinder(msg.sender);
        if (recipients[COMPUTE] != address(0)) revert ComputeRecipientFixed();
        if (pool.code.length == 0 || IEmissionsFunded(pool).emissions() != address(this)) {
            revert NotComputePool(pool);
        }
        recipients[COMPUTE] = pool;
        emit RecipientSet(COMPUTE, address(0), pool);
    }

    /// @notice Called by the token on every burn, with the total burned before it. Fixes the tail that the
    ///         burns so far determine when this is the first burn of a new epoch (O(1)).
    function onBurn(uint256 burnedBefore) external {
        if (msg.sender != address(token)) revert NotToken(msg.sender);
        uint256 epoch = _epochOf(block.timestamp);
        uint256 last = _burnEpoch;
        if (epoch == last) return;
        // No burn since epoch `last`: the tail of epoch last + 1 is final.
        (uint256 main, uint256 protection) = _sums(type(uint256).max);
        uint256 tail = _openTail(burnedBefore, main, protection);
        if (tail != 0) {
            _fixedTail[last + 1] = tail;
            main += (tail * 2400) / 10_000;
            protection += (tail * 400) / 10_000;
            _tailSums.push(SafeCast.toUint32(last + 1), SafeCast.toUint224((main << 112) | protection));
        }
        _burnEpoch = epoch;
        _burnedBeforeBurnEpoch = burnedBefore;
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
        Tails memory tails = _tails(_epochOf(now_));
        for (uint8 b; b < BUCKETS; ++b) {
            address to = recipients[b];
            if (to == address(0)) continue; // the compute bucket before it is bound: it accrues
            uint256 emitted = _bucketEmitted(b, now_, tails);
            uint256 due = emitted - released[b];
            if (due == 0) continue;
            released[b] = emitted;
            total += due;
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
        Tails memory tailsTo = _tails(_epochOf(to));
        Tails memory tailsFrom = _tails(_epochOf(from));
        for (uint8 b; b < BUCKETS; ++b) {
            total += _bucketEmitted(b, to, tailsTo) - _bucketEmitted(b, from, tailsFrom);
        }
    }

    /// @notice MOR emitted by all buckets together from `payoutStart` up to `timestamp` (wei).
    /// @dev For a future `timestamp` inside a tail epoch not yet begun, the tail is projected from burns so far.
    function emittedUntil(uint256 timestamp) external view returns (uint256 total) {
        Tails memory tails = _tails(_epochOf(timestamp));
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
        return _tails(epoch).current;
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

    /// @dev The tail inputs of one epoch: each share's sum over the earlier epochs and the epoch's own tail.
    struct Tails {
        uint256 epoch;
        uint256 mainBefore; // sum over epochs 1..epoch-1 of floor(tail * 24%)
        uint256 protectionBefore; // same with 4%
        uint256 current; // the tail of `epoch` (0 for the base epoch)
    }

    /// @dev Sum of the base schedule over all buckets (every positive day).
    function _baseTotal() private pure returns (uint256 total) {
        for (uint8 b; b < BUCKETS; ++b) {
            (uint256 initial, uint256 decrease) = bucketParams(b);
            uint256 m = Math.ceilDiv(initial, decrease);
            total += m * initial - (decrease * m * (m - 1)) / 2;
        }
    }

    /// @dev The running share sums over the fixed tails of epochs <= `epoch`.
    function _sums(uint256 epoch) private view returns (uint256 main, uint256 protection) {
        uint256 packed =
            epoch >= type(uint32).max ? _tailSums.latest() : _tailSums.upperLookupRecent(SafeCast.toUint32(epoch));
        return (packed >> 112, packed & ((1 << 112) - 1));
    }

    /// @dev The tail of epoch `_burnEpoch + 1` given the total burned at the end of `_burnEpoch`: min(half of
    ///      what was burned during `_burnEpoch`, 16% of the circulating supply then). `main` and `protection` are
    ///      the share sums over every earlier tail (what the buckets received of them).
    function _openTail(uint256 burnedAtEnd, uint256 main, uint256 protection) private view returns (uint256) {
        uint256 emittedAtEnd = _baseTotal() + 4 * main + protection; // four buckets at 24%, one at 4%
        uint256 circulating = emittedAtEnd > burnedAtEnd ? emittedAtEnd - burnedAtEnd : 0;
        return Math.min((burnedAtEnd - _burnedBeforeBurnEpoch) / 2, (circulating * 16) / 100);
    }

    /// @dev The tail inputs of `epoch`. Epoch e's tail is min(burned during e-1 / 2, 16% of (emitted - burned)
    ///      at the end of e-1). Tails up to `_burnEpoch` are fixed; the one of `_burnEpoch + 1` follows from the
    ///      current burn total (final once that epoch has begun, a projection before); later ones are 0, as no
    ///      burn happened (or, for a future epoch, is projected) in between. O(1) but for one checkpoint lookup.
    function _tails(uint256 epoch) private view returns (Tails memory t) {
        t.epoch = epoch;
        if (epoch == 0) return t;
        uint256 last = _burnEpoch;
        if (epoch <= last) {
            (t.mainBefore, t.protectionBefore) = _sums(epoch - 1);
            t.current = _fixedTail[epoch];
            return t;
        }
        (uint256 main, uint256 protection) = _sums(type(uint256).max);
        uint256 open = _openTail(token.totalBurned(), main, protection);
        if (epoch == last + 1) {
            (t.mainBefore, t.protectionBefore, t.current) = (main, protection, open);
        } else {
            t.mainBefore = main + (open * 2400) / 10_000;
            t.protectionBefore = protection + (open * 400) / 10_000;
        }
    }

    /// @dev Base + tail emission of bucket `b` up to `timestamp`, given `tails` of its epoch.
    function _bucketEmitted(uint8 b, uint256 timestamp, Tails memory tails) private view returns (uint256 sum) {
        sum = _baseEmitted(b, timestamp);
        uint256 epoch = tails.epoch;
        if (epoch == 0) return sum;
        uint256 share = tailShareBps(b);
        sum += b == PROTECTION ? tails.protectionBefore : tails.mainBefore;
        uint256 epochLength = EPOCH_DAYS * _interval;
        uint256 intoEpoch = timestamp - _payoutStart - epoch * epochLength;
        sum += (((tails.current * share) / 10_000) * intoEpoch) / epochLength;
    }
}
