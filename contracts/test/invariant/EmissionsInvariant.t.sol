// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test, Vm} from "forge-std/Test.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {StdInvariant} from "forge-std/StdInvariant.sol";
import {Emissions} from "../../src/Emissions.sol";
import {MORToken} from "../../src/MORToken.sol";
import {ComputeSinkLib} from "../ComputeSink.sol";

/// @dev Drives the emission system with bounded inputs: warps time (hours to years, so tail epochs are
///      reached), releases, transfers, burns and delegates. Ghost state is kept independently of the contract's
///      views: what each release minted, what was burned, and a past emission figure that must never change.
///      Calls that must succeed are wrapped: a failure sets `mustSucceedFailed` (a bare revert would be dropped by
///      `fail_on_revert = false`).
///
///      A hostile owner redirects buckets (`setRecipient` with any bucket, the compute one and out-of-range ones
///      included, to zero, the same recipient, another bucket's, a user or an attacker) and a non-owner tries the
///      same. The ghost keeps its own recipient of each bucket and, per bucket and address, what the schedule
///      (`bucketEmittedUntil`) made due to that address while it was the recipient; the contract's `Released`
///      events are summed per bucket and address beside it, and every tracked address's balance is checked against
///      the ghost's minted-to plus its transfers in and out.
contract EmissionsHandler is Test {
    Emissions public immutable em;
    MORToken public immutable mor;
    address public immutable owner;
    address public immutable attacker;
    address public immutable computePool;
    address[5] internal recipients;
    address[3] internal users;
    // Every address a recipient can be pointed at (the initial recipients, the users, the attacker).
    address[9] internal tracked;

    // Redirect ghost: the recipient the ghost expects for each bucket, what it expects released from each bucket
    // (schedule up to the last release), per bucket and address what the schedule made due to that address while
    // it was the bucket's recipient, and what the `Released` events say was minted.
    address[5] public ghostRecipient;
    uint256[5] public ghostReleased;
    mapping(uint8 bucket => mapping(address => uint256)) public ghostDueFrom;
    mapping(uint8 bucket => mapping(address => uint256)) public releasedEventsFrom;
    mapping(address => uint256) public ghostMintedTo;
    mapping(address => uint256) public ghostIn;
    mapping(address => uint256) public ghostOut;
    uint256 public redirects;
    uint256 public redirectsRefused;
    uint256 public nonOwnerTries;
    bool public adversarialSucceeded; // a redirect that must revert (bad bucket, compute, zero, non-owner) did not
    bool public nonOwnerChangedState; // a non-owner's refused call changed a recipient or the supply
    bool public redirectMisrouted; // at a redirect, the bucket's due did not go to the old recipient, exactly

    uint256 public ghostMinted;
    uint256 public ghostBurned;
    uint256 public releases;
    uint256 public lastReleaseTime;
    bool public doubleMint;
    bool public mustSucceedFailed;
    bool public releaseShort; // a release left something of the schedule unminted
    bool public pastChanged; // the emission up to a past moment changed
    // A past timestamp and what the schedule said had been emitted by then, checked again later.
    uint256 public pastTime;
    uint256 public pastEmitted;
    uint256 public maxTailEpoch;

    constructor(Emissions em_, address owner_, address[5] memory recipients_) {
        em = em_;
        mor = em_.token();
        owner = owner_;
        attacker = makeAddr("attacker");
        computePool = recipients_[3];
        recipients = recipients_;
        ghostRecipient = recipients_;
        users = [makeAddr("u0"), makeAddr("u1"), makeAddr("u2")];
        for (uint256 i; i < 5; ++i) {
            tracked[i] = recipients_[i];
        }
        tracked[5] = users[0];
        tracked[6] = users[1];
        tracked[7] = users[2];
        tracked[8] = attacker;
    }

    function trackedCount() external pure returns (uint256) {
        return 9;
    }

    function trackedAt(uint256 i) external view returns (address) {
        return tracked[i];
    }

    function warp(uint256 secs) external {
        // Mostly hours and days, sometimes whole years, so the tail epochs are reached.
        secs = secs % 4 == 0 ? bound(secs, 1 days, 9000 days) : bound(secs, 1, 3 days);
        _notePast();
        vm.warp(block.timestamp + secs);
        uint256 epoch = (block.timestamp - em.payoutStart()) / (em.EPOCH_DAYS() * em.interval());
        if (epoch > maxTailEpoch) maxTailEpoch = epoch;
    }

    function release() external {
        uint256 due = em.releasable();
        if (due == 0) return;
        if (lastReleaseTime == block.timestamp) doubleMint = true; // releasable() must be 0 then
        vm.recordLogs();
        try em.release() returns (uint256 minted) {
            ghostMinted += minted;
            if (minted != due) mustSucceedFailed = true;
            _noteReleased();
            _accrueGhost();
        } catch {
            mustSucceedFailed = true;
        }
        releases++;
        lastReleaseTime = block.timestamp;
        // Everything the schedule emitted up to now is minted, exactly.
        if (ghostMinted != em.emittedUntil(block.timestamp)) releaseShort = true;
    }

    function releaseAgain() external {
        // A second release in the same block must mint nothing (it reverts).
        if (lastReleaseTime != block.timestamp) return;
        uint256 supply = mor.totalSupply();
        try em.release() returns (uint256) {
            doubleMint = true;
        } catch {}
        if (mor.totalSupply() != supply) doubleMint = true;
    }

    function transfer(uint256 fromSeed, uint256 toSeed, uint256 amount) external {
        address from = _holder(fromSeed);
        address to = users[toSeed % users.length];
        amount = bound(amount, 0, mor.balanceOf(from));
        vm.prank(from);
        require(mor.transfer(to, amount), "transfer");
        ghostOut[from] += amount;
        ghostIn[to] += amount;
    }

    function burn(uint256 fromSeed, uint256 amount) external {
        address from = _holder(fromSeed);
        uint256 bal = mor.balanceOf(from);
        // Often a large share: big burns make the 16% cap bind in the next tail epoch.
        amount = fromSeed % 3 == 0 ? bal : bound(amount, 0, bal);
        vm.prank(from);
        try mor.burn(amount) {
            ghostBurned += amount;
            ghostOut[from] += amount;
        } catch {
            mustSucceedFailed = true;
        }
    }

    function delegate(uint256 seed) external {
        address who = _holder(seed);
        vm.prank(who);
        mor.delegate(who);
    }

    /// @dev The hostile owner redirects a bucket. Bucket seeds cover every bucket, the compute one and out-of-range
    ///      ones (5, 6, 255); recipients are zero, the bucket's own, another bucket's, a user or the attacker.
    ///      A valid redirect must succeed and first mint each bucket's due to the recipient of the time; the others
    ///      must revert with their error and change nothing.
    function ownerSetRecipient(uint256 bucketSeed, uint256 recipientSeed) external {
        uint8 bucket = _bucket(bucketSeed);
        address to = _target(bucket, recipientSeed);
        bytes4 expected;
        if (bucket >= 5) expected = Emissions.BadBucket.selector;
        else if (bucket == 3) expected = Emissions.ComputeRecipientFixed.selector;
        else if (to == address(0)) expected = Emissions.ZeroAddress.selector;

        if (expected != bytes4(0)) {
            _expectRefused(owner, bucket, to, expected);
            redirectsRefused++;
            return;
        }

        // What each bucket's recipient of the time is owed now, by the schedule.
        address old = ghostRecipient[bucket];
        uint256 dueOld;
        for (uint8 b; b < 5; ++b) {
            if (ghostRecipient[b] == old) dueOld += em.bucketEmittedUntil(b, block.timestamp) - ghostReleased[b];
        }
        uint256 emittedAtRedirect = em.bucketEmittedUntil(bucket, block.timestamp);
        uint256 oldBalance = mor.balanceOf(old);
        uint256 oldFromBucket = releasedEventsFrom[bucket][old];
        uint256 newFromBucket = releasedEventsFrom[bucket][to];
        uint256 supply = mor.totalSupply();

        vm.recordLogs();
        vm.prank(owner);
        try em.setRecipient(bucket, to) {
            redirects++;
            ghostMinted += mor.totalSupply() - supply;
            _noteReleased();
            _accrueGhost();
            ghostRecipient[bucket] = to;
            lastReleaseTime = block.timestamp;
            if (ghostMinted != em.emittedUntil(block.timestamp)) releaseShort = true;
            // The old recipient got every unit the bucket emitted up to now: its share from the bucket is the
            // whole of its tenures, which close at `emittedAtRedirect`; the new one got nothing from it here.
            if (old != to) {
                if (releasedEventsFrom[bucket][to] != newFromBucket) redirectMisrouted = true;
                if (mor.balanceOf(old) != oldBalance + dueOld) redirectMisrouted = true;
            }
            if (releasedEventsFrom[bucket][old] != ghostDueFrom[bucket][old]) redirectMisrouted = true;
            if (releasedEventsFrom[bucket][old] < oldFromBucket) redirectMisrouted = true;
            if (em.released(bucket) != emittedAtRedirect) redirectMisrouted = true;
            if (em.recipients(bucket) != to) redirectMisrouted = true;
        } catch {
            mustSucceedFailed = true;
        }
    }

    /// @dev Anyone but the owner trying the same: it must revert and change nothing.
    function strangerSetRecipient(uint256 callerSeed, uint256 bucketSeed, uint256 recipientSeed) external {
        uint8 bucket = _bucket(bucketSeed);
        address to = _target(bucket, recipientSeed);
        address caller = tracked[callerSeed % tracked.length];
        if (caller == owner) return;
        nonOwnerTries++;
        _expectRefused(caller, bucket, to, Ownable.OwnableUnauthorizedAccount.selector);
    }

    function _expectRefused(address caller, uint8 bucket, address to, bytes4 expected) internal {
        address[5] memory before;
        for (uint8 b; b < 5; ++b) {
            before[b] = em.recipients(b);
        }
        uint256 supply = mor.totalSupply();
        uint256[5] memory releasedBefore;
        for (uint8 b; b < 5; ++b) {
            releasedBefore[b] = em.released(b);
        }
        vm.prank(caller);
        try em.setRecipient(bucket, to) {
            adversarialSucceeded = true;
        } catch (bytes memory err) {
            if (err.length < 4 || bytes4(err) != expected) adversarialSucceeded = true;
        }
        for (uint8 b; b < 5; ++b) {
            if (em.recipients(b) != before[b] || em.released(b) != releasedBefore[b]) nonOwnerChangedState = true;
        }
        if (mor.totalSupply() != supply) nonOwnerChangedState = true;
    }

    function _bucket(uint256 seed) internal pure returns (uint8) {
        seed = seed % 8;
        return seed == 7 ? type(uint8).max : uint8(seed); // 0..4 the buckets (3 compute), 5, 6 and 255 out of range
    }

    function _target(uint8 bucket, uint256 seed) internal view returns (address) {
        uint256 pick = seed % 6;
        if (pick == 0) return address(0);
        if (pick == 1) return bucket < 5 ? em.recipients(bucket) : recipients[0]; // the same
        if (pick == 2) return em.recipients(uint8((uint256(bucket) + 1 + (seed >> 8) % 4) % 5)); // another bucket's
        if (pick == 3) return computePool; // the compute bucket's
        if (pick == 4) return users[(seed >> 8) % users.length];
        return attacker;
    }

    /// @dev Sums the `Released` events of the calls recorded since `vm.recordLogs()` per bucket and recipient.
    function _noteReleased() internal {
        Vm.Log[] memory logs = vm.getRecordedLogs();
        bytes32 topic = Emissions.Released.selector;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter != address(em) || logs[i].topics[0] != topic) continue;
            uint8 b = uint8(uint256(logs[i].topics[1]));
            address to = address(uint160(uint256(logs[i].topics[2])));
            (uint256 amount,) = abi.decode(logs[i].data, (uint256, uint256));
            releasedEventsFrom[b][to] += amount;
        }
    }

    /// @dev The ghost's own release: each bucket's schedule up to now, since the ghost's last release, is due to
    ///      the ghost's recipient of the bucket.
    function _accrueGhost() internal {
        for (uint8 b; b < 5; ++b) {
            uint256 emitted = em.bucketEmittedUntil(b, block.timestamp);
            uint256 due = emitted - ghostReleased[b];
            ghostReleased[b] = emitted;
            ghostDueFrom[b][ghostRecipient[b]] += due;
            ghostMintedTo[ghostRecipient[b]] += due;
        }
    }

    /// @dev Remembers what was emitted up to a moment now in the past (burn history before it is fixed).
    function _notePast() internal {
        if (pastTime != 0 && em.emittedUntil(pastTime) != pastEmitted) pastChanged = true;
        pastTime = block.timestamp - 1;
        pastEmitted = em.emittedUntil(pastTime);
    }

    function _holder(uint256 seed) internal view returns (address) {
        seed = seed % 8;
        return seed < 5 ? recipients[seed] : users[seed - 5];
    }
}

/// @notice Emission invariants: cap, release accounting against an independent ghost, no double mint, the past
///         never changes, tails never exceed half of the burns; with a hostile owner redirecting buckets, the
///         compute bucket stays with its pool, every unit goes to the recipient of the time, and a non-owner's
///         redirect always reverts and changes nothing.
contract EmissionsInvariantTest is StdInvariant, Test {
    Emissions internal em;
    MORToken internal mor;
    EmissionsHandler internal handler;
    uint256 internal baseTotal;
    address internal computePool;

    function setUp() public {
        vm.warp(1_700_000_000);
        address[5] memory r;
        for (uint256 i; i < 5; ++i) {
            r[i] = makeAddr(string.concat("bucket", vm.toString(i)));
        }
        r[3] = address(0); // bound below
        em = new Emissions(address(this), block.timestamp, 1 days, r);
        r[3] = ComputeSinkLib.bind(em);
        mor = em.token();
        baseTotal = em.emittedUntil(block.timestamp + 5833 days); // the whole base schedule
        computePool = r[3];
        handler = new EmissionsHandler(em, address(this), r);
        targetContract(address(handler));
    }

    /// The compute bucket's recipient never changes: the hostile owner's redirects of it (and of out-of-range
    /// buckets) all revert.
    function invariant_ComputeRecipientNeverChanges() public view {
        assertEq(em.recipients(3), computePool);
        assertEq(handler.ghostRecipient(3), computePool);
        assertFalse(handler.adversarialSucceeded());
    }

    /// Every unit a bucket emitted went to the recipient of the time, with redirects by a hostile owner in the
    /// mix: per bucket and address, the `Released` events equal what the schedule made due to that address while it
    /// was the recipient (so at a redirect the old recipient has the bucket's whole emission up to then and the new
    /// one only what is emitted after); every address's balance is exactly its ghost mints plus transfers in minus
    /// transfers out and burns; the contract's recipients are the ghost's.
    function invariant_EmissionGoesToTheRecipientOfTheTime() public view {
        assertFalse(handler.redirectMisrouted());
        for (uint8 b; b < 5; ++b) {
            assertEq(em.recipients(b), handler.ghostRecipient(b));
            assertEq(em.released(b), handler.ghostReleased(b));
        }
        uint256 n = handler.trackedCount();
        uint256 mintedToTracked;
        for (uint256 i; i < n; ++i) {
            address a = handler.trackedAt(i);
            for (uint8 b; b < 5; ++b) {
                assertEq(handler.releasedEventsFrom(b, a), handler.ghostDueFrom(b, a));
            }
            assertEq(mor.balanceOf(a) + handler.ghostOut(a), handler.ghostMintedTo(a) + handler.ghostIn(a));
            mintedToTracked += handler.ghostMintedTo(a);
        }
        assertEq(mintedToTracked, handler.ghostMinted());
    }

    /// A non-owner's setRecipient always reverts (OwnableUnauthorizedAccount) and changes no recipient, no
    /// released amount and no supply.
    function invariant_NonOwnerCannotRedirect() public view {
        assertFalse(handler.nonOwnerChangedState());
        assertFalse(handler.adversarialSucceeded());
    }

    /// Minted supply (held plus burned) never exceeds the base schedule plus half of everything burned: tails
    /// are paid from burns only. Hence circulating supply stays within the cap.
    function invariant_SupplyBoundedByBaseAndBurns() public view {
        assertLe(mor.totalSupply() + mor.totalBurned(), baseTotal + mor.totalBurned() / 2);
        assertLe(mor.totalSupply(), mor.CAP());
        assertLe(em.emittedUntil(block.timestamp), baseTotal + mor.totalBurned() / 2);
    }

    /// What the token holds plus burned equals what the handler saw minted, and each bucket's released amount
    /// never exceeds its schedule.
    function invariant_ReleasedMatchesGhost() public view {
        uint256 released;
        for (uint8 b; b < 5; ++b) {
            released += em.released(b);
            assertLe(em.released(b), em.bucketEmittedUntil(b, block.timestamp));
        }
        assertEq(released, handler.ghostMinted());
        assertEq(mor.totalSupply() + mor.totalBurned(), released);
        assertEq(mor.totalBurned(), handler.ghostBurned());
        assertFalse(handler.releaseShort());
    }

    /// release() never mints the same emission twice; calls that must succeed did; the past never changed.
    function invariant_NoDoubleMintAndNoFailure() public view {
        assertFalse(handler.doubleMint());
        assertFalse(handler.mustSucceedFailed());
        assertFalse(handler.pastChanged());
        if (handler.pastTime() != 0) assertEq(em.emittedUntil(handler.pastTime()), handler.pastEmitted());
    }
}
