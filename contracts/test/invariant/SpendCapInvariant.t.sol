// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {Emissions} from "../../src/Emissions.sol";
import {MORToken} from "../../src/MORToken.sol";
import {ComputePool} from "../../src/ComputePool.sol";
import {IComputePool} from "../../src/interfaces/IComputePool.sol";
import {IEmissions} from "../../src/interfaces/IEmissions.sol";
import {MerkleTestLib} from "../market/MerkleTestLib.sol";

/// @dev An adversary holding every role of the pool (DEFAULT_ADMIN_ROLE, KEEPER_ROLE, GUARDIAN_ROLE): it commits
///      hostile spend roots charging the victim's deposit to itself, every few hours, sometimes over the cap;
///      moves spend its own depositor (the accomplice) built up in honest roots onto the victim with roots whose
///      totals do not rise (the cap never sees them); vetoes its own pending roots; changes the cap and the
///      withdrawal delay. The victim requests a withdrawal of everything when the first hostile root appears and
///      withdraws as soon as it can (proving its leaf in the newest claimable spend root). The accomplice
///      requests (proving its leaf) before a hostile root is claimable and withdraws whatever it can. Calls that
///      must succeed or must fail in a given way set a flag instead of reverting (`fail_on_revert = false` would
///      drop a bare revert).
contract SpendCapAdversary is Test {
    ComputePool public immutable pool;
    address public immutable victim;
    uint256 public immutable deposit;
    address public immutable accomplice;

    // The victim's and the accomplice's leaves in each committed spend tree.
    mapping(uint256 epoch => uint256) internal victimSpent;
    mapping(uint256 epoch => uint256) internal accompliceSpent;
    uint256 public firstHostileDay = type(uint256).max;
    uint256 public firstHostileEpoch = type(uint256).max;
    uint256 public victimRequestedAt;
    uint256 internal victimPayableDay; // the day its request became payable, noted when a delay change moves it
    uint256 public commits;
    uint256 public reassigned; // spend moved from the accomplice to the victim by roots not raising the total
    uint256 internal nonce;
    uint256 public refusedOverCap;
    uint256 public vetoes;
    uint256 public paidAt; // when the victim was paid (0: not yet)
    uint256 public lost; // the victim's deposit minus what it was paid
    uint256 public lossBound; // the caps from the oldest root pending at the request to the payment
    uint256 internal boundFrom; // that root's day: the day a dispute window before the request
    uint256[] internal capsAtRequest; // spendCapAt(boundFrom + i) when the victim requested
    bool public unexpected; // a commit refused for another reason than the cap, or a cap over it accepted
    bool public raisedEarly; // a cap change raised a day on which a withdrawal requested at the change may be paid
    bool public delayRefusedWrongly; // a delay change refused other than a raise while a cap raise is scheduled

    constructor(ComputePool pool_, address victim_, uint256 deposit_, address accomplice_) {
        pool = pool_;
        victim = victim_;
        deposit = deposit_;
        accomplice = accomplice_;
    }

    function _spendRoot(uint256 v, uint256 a) internal view returns (bytes32[][] memory) {
        address[] memory who = new address[](2);
        who[0] = victim;
        who[1] = accomplice;
        uint256[] memory x = new uint256[](2);
        x[0] = v;
        x[1] = a;
        return MerkleTestLib.build(who, x);
    }

    /// @dev The newest live epoch's leaves (0, 0 before the first).
    function _leaves() internal view returns (uint256 v, uint256 a) {
        uint256 next = pool.nextEpoch();
        if (next != 0) return (victimSpent[next - 1], accompliceSpent[next - 1]);
    }

    /// @dev Leaf `i` (0 victim, 1 accomplice) in the newest claimable spend root and its proof.
    function _claimableLeaf(uint256 i) internal view returns (uint256 spent, bytes32[] memory proof) {
        (bool exists, uint256 epoch,,) = pool.claimableEpoch();
        if (!exists) return (0, new bytes32[](0));
        uint256 v = victimSpent[epoch];
        uint256 a = accompliceSpent[epoch];
        if (v + a == 0) return (0, new bytes32[](0));
        return (i == 0 ? v : a, MerkleTestLib.proof(_spendRoot(v, a), i));
    }

    /// @dev Commits leaves (v, a) with total v + a; true when accepted.
    function _commit(uint256 v, uint256 a) internal returns (bool ok, bytes memory reason) {
        uint256 epoch = pool.nextEpoch();
        bytes32 root = keccak256(abi.encode("credits", ++nonce)); // new: a vetoed root is refused forever
        try pool.commitRoot(epoch, root, v + a, MerkleTestLib.root(_spendRoot(v, a)), v + a, block.timestamp, 0, "x") {
            victimSpent[epoch] = v;
            accompliceSpent[epoch] = a;
            commits++;
            return (true, "");
        } catch (bytes memory r) {
            return (false, r);
        }
    }

    /// @dev The first hostile root: the victim reacts at once, proving its leaf in the claimable root.
    function _hostile(uint256 epoch) internal {
        if (firstHostileDay != type(uint256).max) return;
        firstHostileDay = pool.currentDay();
        firstHostileEpoch = epoch;
        victimRequestedAt = block.timestamp;
        boundFrom = pool.dayOf(block.timestamp - pool.disputeWindow());
        for (uint256 i; i < 100; ++i) {
            capsAtRequest.push(pool.spendCapAt(boundFrom + i));
        }
        (uint256 spent, bytes32[] memory proof) = _claimableLeaf(0);
        vm.prank(victim);
        try pool.requestWithdrawal(deposit, spent, proof) {}
        catch {
            unexpected = true;
        }
    }

    /// @dev An honest root before any hostile one: the accomplice spends `amount` of its own deposit.
    function spendOwn(uint256 amount) external {
        if (firstHostileDay != type(uint256).max) return;
        uint256 left = pool.remainingSpend();
        (uint256 v, uint256 a) = _leaves();
        uint256 room = pool.depositOf(accomplice) - a;
        if (left == 0 || room == 0) return;
        amount = bound(amount, 1, left < room ? left : room);
        (bool ok,) = _commit(v, a + amount);
        if (!ok) unexpected = true;
    }

    /// @dev A hostile root adding `amount` to the victim's spend (and crediting it to the adversary).
    function commitHostile(uint256 amount, bool overshoot) external {
        if (paidAt != 0) return;
        uint256 left = pool.remainingSpend();
        amount = overshoot ? bound(amount, left + 1, left + 3 * pool.dailySpendCap()) : bound(amount, 1, left + 1);
        (uint256 v, uint256 a) = _leaves();
        if (v + a + amount > pool.totalDeposits()) return; // refused for another reason (SpendExceedsDeposits)
        uint256 epoch = pool.nextEpoch();
        (bool ok, bytes memory reason) = _commit(v + amount, a);
        if (ok) {
            if (amount > left) unexpected = true;
            _hostile(epoch);
        } else {
            bytes memory expected = abi.encodeWithSelector(IComputePool.OverSpendCap.selector, amount, left);
            if (amount <= left || keccak256(reason) != keccak256(expected)) unexpected = true;
            refusedOverCap++;
        }
    }

    /// @dev A hostile root moving `amount` of the accomplice's spend onto the victim, the total unchanged: no
    ///      cap check applies to it.
    function reassign(uint256 amount) external {
        if (paidAt != 0) return;
        (uint256 v, uint256 a) = _leaves();
        if (a == 0) return;
        amount = bound(amount, 1, a);
        uint256 epoch = pool.nextEpoch();
        (bool ok,) = _commit(v + amount, a - amount);
        if (!ok) {
            unexpected = true;
            return;
        }
        reassigned += amount;
        _hostile(epoch);
    }

    /// @dev The accomplice asks for its whole deposit back, proving its leaf, while no hostile root is claimable
    ///      (a request proved against a hostile root is outside the bound: see ComputePool's NatSpec).
    function accompliceRequest() external {
        uint256 held = pool.depositOf(accomplice);
        if (held == 0) return;
        (bool exists, uint256 epoch,,) = pool.claimableEpoch();
        if (exists && epoch >= firstHostileEpoch) return;
        (uint256 spent, bytes32[] memory proof) = _claimableLeaf(1);
        vm.prank(accomplice);
        pool.requestWithdrawal(held, spent, proof);
    }

    /// @dev The accomplice withdraws whatever the pool pays it, proving its (possibly lowered) leaf.
    function accompliceWithdraw() external {
        (uint256 amount, uint64 readyAt) = pool.pendingWithdrawal(accomplice);
        if (amount == 0 || block.timestamp < readyAt) return;
        (uint256 spent, bytes32[] memory proof) = _claimableLeaf(1);
        vm.prank(accomplice);
        try pool.withdraw(spent, proof) returns (uint256) {} catch {}
    }

    /// @dev Vetoes its own newest root while it is pending.
    function veto() external {
        uint256 next = pool.nextEpoch();
        if (next == 0) return;
        (,, uint64 claimableAt) = pool.epochInfo(next - 1);
        if (block.timestamp >= claimableAt) return;
        (bytes32 vetoed18,, uint64 vetoed18At) = pool.epochInfo(next - 1);
        pool.vetoRoot(next - 1, vetoed18, vetoed18At);
        vetoes++;
    }

    /// @dev Changes the cap (as the admin): no day up to the one in which a withdrawal requested now may first be
    ///      paid may get a higher one.
    function setCap(uint256 cap) external {
        cap = bound(cap, 1, 100 * 10e18);
        uint256 today = pool.currentDay();
        uint256 paidOn = pool.dayOf(pool.withdrawalOpensAt(block.timestamp + pool.withdrawalDelay()));
        uint256 n = paidOn - today + 1;
        uint256[] memory before = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            before[i] = pool.spendCapAt(today + i);
        }
        pool.setDailySpendCap(cap);
        for (uint256 i; i < n; ++i) {
            if (pool.spendCapAt(today + i) > before[i]) raisedEarly = true;
        }
    }

    /// @dev Changes the withdrawal delay (as the admin), pending requests included: a longer one is refused only
    ///      while a raise of the cap is scheduled (it was timed by the delay of then).
    function setDelay(uint256 secs) external {
        secs = bound(secs, pool.minWithdrawalDelay(), 10 days);
        // A request already payable stays so in the victim's account: the days after are ones it let pass
        // (the change applies to pending requests, and would move the payable day of its bound).
        if (victimPayableDay == 0 && victimRequestedAt != 0) {
            (, uint64 readyAt) = pool.pendingWithdrawal(victim);
            if (block.timestamp >= readyAt) victimPayableDay = _readyDay();
        }
        bool raising = secs > pool.withdrawalDelay();
        try pool.setWithdrawalDelay(uint32(secs)) {}
        catch (bytes memory reason) {
            if (!raising || bytes4(reason) != IComputePool.CapRaiseScheduled.selector) delayRefusedWrongly = true;
        }
    }

    /// @dev The day the victim's request becomes payable under the delay in force.
    function _readyDay() internal view returns (uint256) {
        return pool.dayOf(pool.withdrawalOpensAt(victimRequestedAt + pool.withdrawalDelay()));
    }

    function warp(uint256 secs) external {
        vm.warp(block.timestamp + bound(secs, 1 minutes, 1 days));
    }

    /// @dev The victim withdraws once its request is ready, proving its leaf in the newest claimable root. Its
    ///      loss bound: the caps scheduled when it requested, for the days up to the one its request became
    ///      payable on (whatever the admin changed since), plus the caps in force on the days it let pass after.
    function victimWithdraw() external {
        if (paidAt != 0 || firstHostileDay == type(uint256).max) return;
        (, uint64 readyAt) = pool.pendingWithdrawal(victim);
        if (block.timestamp < readyAt) return;
        // The day its request became payable (readyAt is now, once it has), or first did, before a delay change.
        uint256 readyDay = victimPayableDay != 0 ? victimPayableDay : _readyDay();
        (uint256 spent, bytes32[] memory proof) = _claimableLeaf(0);
        vm.prank(victim);
        try pool.withdraw(spent, proof) returns (uint256 paid) {
            paidAt = block.timestamp;
            lost = deposit - paid;
            // The roots pending at the request were committed within a dispute window before it; the days up to
            // the payable one count with the caps scheduled at the request.
            for (uint256 d = boundFrom; d <= pool.currentDay(); ++d) {
                lossBound += d <= readyDay ? capsAtRequest[d - boundFrom] : pool.spendCapAt(d);
            }
        } catch {} // a pending root spending more than the claimable one holds it back: retried later
    }
}

/// @notice Invariants of the daily spend cap against an adversary holding every role (THREATS admin row).
contract SpendCapInvariantTest is Test {
    uint256 internal constant START = 1_700_000_000;
    uint256 internal constant DAY = 86400;
    uint256 internal constant CAP = 10e18;
    uint256 internal constant DEPOSIT = 1_000e18;
    uint256 internal constant ACCOMPLICE_DEPOSIT = 500e18;

    ComputePool internal pool;
    SpendCapAdversary internal adversary;
    uint256 internal firstDay;

    function setUp() public {
        vm.warp(START + 91 days);
        address[5] memory recipients =
            [makeAddr("capital"), makeAddr("code"), makeAddr("community"), address(0), makeAddr("protection")];
        Emissions em = new Emissions(address(this), START, DAY, recipients);
        // Window 1 hour, lag 2 hours, withdrawal delay 3 days, withdrawals in the first 6 hours of a day: the
        // victim is paid within a handful of days.
        pool = new ComputePool(IEmissions(address(em)), address(this), 1 hours, 1_000, 2 hours, 3 days, CAP, 6 hours);
        em.bindComputePool(address(pool));
        MORToken mor = em.token();
        em.release();
        address victim = _deposit(mor, recipients[0], "victim", DEPOSIT);
        address accomplice = _deposit(mor, recipients[0], "accomplice", ACCOMPLICE_DEPOSIT);

        adversary = new SpendCapAdversary(pool, victim, DEPOSIT, accomplice);
        pool.grantRole(pool.DEFAULT_ADMIN_ROLE(), address(adversary));
        pool.grantRole(pool.KEEPER_ROLE(), address(adversary));
        pool.grantRole(pool.GUARDIAN_ROLE(), address(adversary));
        firstDay = pool.currentDay();
        targetContract(address(adversary));
    }

    /// @dev A new account `name`, funded with `amount` MOR from `from`, which deposits it.
    function _deposit(MORToken mor, address from, string memory name, uint256 amount) internal returns (address who) {
        who = makeAddr(name);
        vm.prank(from);
        require(mor.transfer(who, amount), "fund");
        vm.startPrank(who);
        mor.approve(address(pool), amount);
        pool.deposit(amount);
        vm.stopPrank();
    }

    /// @notice The deposit spend committed on any day never exceeds that day's cap.
    function invariant_DailySpendWithinCap() public view {
        for (uint256 d = firstDay; d <= pool.currentDay(); ++d) {
            assertLe(pool.spentOn(d), pool.spendCapAt(d), "spentOn(d) > spendCapAt(d)");
        }
        assertFalse(adversary.unexpected(), "a commit over the cap was accepted or one within it refused");
    }

    /// @notice A depositor who requested its withdrawal when the first hostile root appeared loses at most the
    ///         sum of the caps of the days from then (from the oldest root then pending) until it is paid, even
    ///         when that root moved the accomplice's spend onto it without raising the total.
    function invariant_DepositorLossBoundedByCaps() public view {
        if (adversary.paidAt() != 0) assertLe(adversary.lost(), adversary.lossBound(), "loss above the caps");
        assertLe(pool.totalSpent(), pool.totalDeposits());
    }

    /// @notice No cap change raises a day on which a withdrawal requested at the change may be paid, and the delay
    ///         rises whenever no cap raise is scheduled.
    function invariant_CapNeverRaisedWithinTheDelay() public view {
        assertFalse(adversary.raisedEarly(), "a cap was raised within the withdrawal delay");
        assertFalse(adversary.delayRefusedWrongly(), "a delay change was refused for another reason");
    }
}
