// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Emissions} from "../src/Emissions.sol";
import {MORToken} from "../src/MORToken.sol";
import {ComputeSinkLib} from "./ComputeSink.sol";

/// @dev Shared fixture: an Emissions contract whose day 0 starts at `START`.
abstract contract EmissionsFixture is Test {
    uint256 internal constant START = 1_700_000_000;
    uint256 internal constant DAY = 86400;

    Emissions internal em;
    MORToken internal mor;
    address[5] internal recipients;

    function setUp() public virtual {
        for (uint256 i; i < 5; ++i) {
            recipients[i] = makeAddr(string.concat("bucket", vm.toString(i)));
        }
        vm.warp(START);
        em = new Emissions(address(this), START, DAY, _ctorRecipients());
        recipients[3] = ComputeSinkLib.bind(em);
        mor = em.token();
    }

    /// @dev The constructor's recipients: the compute bucket's is bound later, so zero here.
    function _ctorRecipients() internal view returns (address[5] memory r) {
        r = recipients;
        r[3] = address(0);
    }

    /// @dev Independent reference: sums the day curve one day at a time (no closed form).
    function refBucket(uint8 b, uint256 t) internal pure returns (uint256 sum) {
        if (t <= START) return 0;
        uint256 initial = b == 4 ? 576e18 : 3456e18;
        uint256 decrease = b == 4 ? 98759788040000000 : 592558728240000000;
        uint256 elapsed = t - START;
        uint256 full = elapsed / DAY;
        for (uint256 k; k < full; ++k) {
            if (k * decrease >= initial) break;
            sum += initial - k * decrease;
        }
        if (full * decrease < initial) sum += (initial - full * decrease) * (elapsed % DAY) / DAY;
    }

    function refTotal(uint256 t) internal pure returns (uint256 sum) {
        for (uint8 b; b < 5; ++b) {
            sum += refBucket(b, t);
        }
    }
}

/// @notice PROTOCOL §3 vectors, fuzzing against a reference, bad input.
contract EmissionsTest is EmissionsFixture {
    // ---- PROTOCOL §3 test vectors, exactly, in wei ----

    function test_DailyEmissionVectors() public view {
        assertEq(em.dailyEmission(0), 14400000000000000000000);
        assertEq(em.dailyEmission(1), 14397531005299000000000);
        assertEq(em.dailyEmission(90), 14177790476910000000000);
        assertEq(em.dailyEmission(5832), 822903768000000000);
        assertEq(em.dailyEmission(5833), 0);
    }

    function test_EmittedUntilVectors() public view {
        assertEq(em.emittedUntil(START + 90 days), 1286111676222495000000000);
        assertEq(em.emittedUntil(START + 91 days), 1300289466699405000000000);
        assertEq(em.bucketEmittedUntil(3, START + 91 days), 312069472007857200000000);
    }

    function test_WholeScheduleVector() public view {
        uint256 whole = 41999999998839372000000000;
        assertEq(em.emittedUntil(START + 5833 days), whole);
        assertEq(em.emittedUntil(START + 20000 days), whole, "no tail without burns");
        assertEq(42_000_000e18 - whole, 1160628000000000, "0.001160628 MOR under 42M");
    }

    function test_ViewsAndConstructor() public view {
        assertEq(em.payoutStart(), START);
        assertEq(em.interval(), DAY);
        assertEq(mor.minter(), address(em));
        assertEq(mor.CLOCK_MODE(), "mode=timestamp");
        assertEq(mor.clock(), uint48(block.timestamp));
        for (uint8 b; b < 5; ++b) {
            assertEq(em.recipients(b), recipients[b]);
        }
        assertEq(em.emittedUntil(START), 0);
        assertEq(em.emittedUntil(START - 1), 0);
    }

    function test_PartialDayIsProRataFloor() public view {
        // A third of day 0 in the compute bucket: 3456e18 / 3, exactly.
        assertEq(em.bucketEmittedUntil(3, START + DAY / 3), 1152e18);
        // One second of day 1 in the protection bucket, floored.
        uint256 dayOne = 576e18 - 98759788040000000;
        assertEq(em.bucketEmittedUntil(4, START + DAY + 1), 576e18 + dayOne / DAY);
    }

    // ---- Fuzz ----

    function testFuzz_EmittedUntilMatchesReference(uint256 t) public view {
        t = bound(t, START - 10, START + 5840 days);
        assertEq(em.emittedUntil(t), refTotal(t));
    }

    function testFuzz_BucketMatchesReference(uint8 b, uint256 t) public view {
        b = uint8(bound(b, 0, 4));
        t = bound(t, START, START + 5840 days);
        assertEq(em.bucketEmittedUntil(b, t), refBucket(b, t));
    }

    /// emitted(a→b) + emitted(b→c) == emitted(a→c) - up to one wei per bucket per partial day boundary:
    /// each partial day is floored on its own, so splitting at a point inside a day can lose < 1 wei per bucket.
    function testFuzz_Additivity(uint256 a, uint256 b, uint256 c) public view {
        a = bound(a, START, START + 6000 days);
        b = bound(b, a, START + 6000 days);
        c = bound(c, b, START + 6000 days);
        uint256 ea = em.emittedUntil(a);
        uint256 eb = em.emittedUntil(b);
        uint256 ec = em.emittedUntil(c);
        assertLe(ea, eb);
        assertLe(eb, ec);
        // Cumulative values make the identity exact; the floor only shows in the per-interval figures.
        assertEq((eb - ea) + (ec - eb), ec - ea);
        // Floor rounding: the sum of floors of the pieces is within 5 wei (one per bucket) of the whole.
        uint256 whole = refTotal(c) - refTotal(a);
        assertApproxEqAbs((eb - ea) + (ec - eb), whole, 5);
    }

    function testFuzz_DailyEmissionIsDayDifference(uint256 d) public view {
        d = bound(d, 0, 6000);
        assertEq(em.dailyEmission(d), em.emittedUntil(START + (d + 1) * DAY) - em.emittedUntil(START + d * DAY));
    }

    // ---- release() ----

    function test_ReleaseMintsEachBucket() public {
        vm.warp(START + 10 days + 123);
        uint256 minted = em.release();
        assertEq(minted, em.emittedUntil(block.timestamp));
        for (uint8 b; b < 5; ++b) {
            assertEq(mor.balanceOf(recipients[b]), em.bucketEmittedUntil(b, block.timestamp));
            assertEq(em.released(b), mor.balanceOf(recipients[b]));
        }
        assertEq(mor.totalSupply(), minted);
        assertEq(em.releasable(), 0);
    }

    function test_ReleaseTwiceInSameBlockReverts() public {
        vm.warp(START + 1 days);
        em.release();
        vm.expectRevert(Emissions.NothingToRelease.selector);
        em.release();
    }

    function test_ReleaseBeforeStartReverts() public {
        vm.warp(START - 1);
        vm.expectRevert(Emissions.NothingToRelease.selector);
        em.release();
    }

    function test_ReleaseIsIncremental() public {
        vm.warp(START + 3 days);
        uint256 first = em.release();
        vm.warp(START + 7 days + 5);
        uint256 second = em.release();
        assertEq(first + second, em.emittedUntil(block.timestamp));
        assertEq(mor.totalSupply(), first + second);
    }

    function test_SetRecipientReleasesToPreviousFirst() public {
        address next = makeAddr("pool");
        vm.warp(START + 2 days);
        em.setRecipient(1, next);
        assertEq(mor.balanceOf(recipients[1]), em.bucketEmittedUntil(1, block.timestamp));
        vm.warp(START + 3 days);
        em.release();
        assertEq(mor.balanceOf(next), em.bucketEmittedUntil(1, block.timestamp) - mor.balanceOf(recipients[1]));
        assertEq(em.recipients(1), next);
    }

    function test_RevertSetComputeRecipient() public {
        vm.expectRevert(Emissions.ComputeRecipientFixed.selector);
        em.setRecipient(3, makeAddr("elsewhere"));
    }

    // ---- Bad input ----

    function test_RevertZeroInterval() public {
        vm.expectRevert(Emissions.ZeroInterval.selector);
        new Emissions(address(this), START, 0, _ctorRecipients());
    }

    function test_RevertZeroRecipient() public {
        address[5] memory r = _ctorRecipients();
        r[2] = address(0);
        vm.expectRevert(Emissions.ZeroAddress.selector);
        new Emissions(address(this), START, DAY, r);
    }

    function test_RevertZeroOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableInvalidOwner.selector, address(0)));
        new Emissions(address(0), START, DAY, _ctorRecipients());
    }

    function test_RevertSetRecipientZero() public {
        vm.expectRevert(Emissions.ZeroAddress.selector);
        em.setRecipient(0, address(0));
    }

    function test_RevertSetRecipientBadBucket() public {
        vm.expectRevert(abi.encodeWithSelector(Emissions.BadBucket.selector, uint8(5)));
        em.setRecipient(5, address(1));
    }

    function test_RevertSetRecipientNotOwner() public {
        address stranger = makeAddr("stranger");
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        em.setRecipient(0, stranger);
    }

    function test_RevertBucketViewBadBucket() public {
        vm.expectRevert(abi.encodeWithSelector(Emissions.BadBucket.selector, uint8(9)));
        em.bucketEmittedUntil(9, START);
    }
}

/// @notice The tail emission (whitepaper): epoch e emits min(50% burned in e-1, 16% circulating at its end).
contract TailEmissionTest is EmissionsFixture {
    uint256 internal constant EPOCH = 5833 days;

    /// Mint everything of the base schedule, burn `burn` of it just before the epoch ends.
    function _burnDuringEpochZero(uint256 burn) internal {
        vm.warp(START + EPOCH - 1 days);
        em.release();
        uint256 left = burn;
        for (uint8 b; b < 5 && left > 0; ++b) {
            uint256 bal = mor.balanceOf(recipients[b]);
            uint256 amt = bal < left ? bal : left;
            vm.prank(recipients[b]);
            mor.burn(amt);
            left -= amt;
        }
        assertEq(mor.totalBurned(), burn);
    }

    function test_TailIsHalfOfBurned() public {
        _burnDuringEpochZero(1_000_000e18);
        vm.warp(START + EPOCH + 1);
        assertEq(em.tailEmission(1), 500_000e18); // 16% of ~41M is larger
        // Evenly over 5,833 days, 24/24/24/24/4.
        uint256 computeShare = 500_000e18 * 2400 / 10_000;
        assertEq(em.dailyEmission(5833 + 10), _tailDay(10));
        assertEq(
            em.bucketEmittedUntil(3, START + 2 * EPOCH),
            3456e18 * 5833 - 592558728240000000 * 5833 * 5832 / 2 + computeShare
        );
    }

    function _tailDay(uint256 d) internal pure returns (uint256 sum) {
        for (uint8 b; b < 5; ++b) {
            uint256 share = 500_000e18 * uint256(b == 4 ? 400 : 2400) / 10_000;
            sum += share * (d + 1) * DAY / EPOCH - share * d * DAY / EPOCH;
        }
    }

    function test_TailIsCappedBySixteenPercentOfCirculating() public {
        // Whitepaper example scaled: burn 75% of supply -> 16% of the rest binds.
        uint256 base = em.emittedUntil(START + EPOCH);
        uint256 burn = base * 3 / 4;
        _burnDuringEpochZero(burn);
        vm.warp(START + EPOCH + 1);
        uint256 circulating = base - burn;
        assertEq(em.tailEmission(1), circulating * 16 / 100);
        assertLt(circulating * 16 / 100, burn / 2);
    }

    function test_WhitepaperExample() public pure {
        // 10.5M burned, 31.5M circulating -> 5,040,000 MOR, 864.049 MOR/day.
        uint256 tail = _min(10_500_000e18 / 2, 31_500_000e18 * 16 / 100);
        assertEq(tail, 5_040_000e18);
        assertEq(tail / 5833 / 1e15, 864049);
    }

    function _min(uint256 a, uint256 b) private pure returns (uint256) {
        return a < b ? a : b;
    }

    function test_TailIsDeterministicWhateverReleaseTiming() public {
        _burnDuringEpochZero(2_000_000e18);
        vm.warp(START + EPOCH + 100 days);
        uint256 early = em.emittedUntil(START + EPOCH + 50 days);
        em.release();
        // Burns after the boundary do not change the current epoch's tail.
        vm.prank(recipients[0]);
        mor.burn(1e18);
        vm.warp(block.timestamp + 1);
        assertEq(em.emittedUntil(START + EPOCH + 50 days), early);
        assertEq(em.tailEmission(1), 1_000_000e18);
    }

    function test_BurnAtBoundaryBelongsToNextEpoch() public {
        _burnDuringEpochZero(1_000_000e18);
        vm.warp(START + EPOCH); // the first second of epoch 1
        vm.prank(recipients[0]);
        mor.burn(100_000e18);
        vm.warp(START + EPOCH + 1 days);
        assertEq(em.tailEmission(1), 500_000e18, "the boundary burn is not epoch 0's");
    }

    function test_TailNeverExceedsCap() public {
        _burnDuringEpochZero(5_000_000e18);
        vm.warp(START + 3 * EPOCH);
        em.release();
        assertLe(mor.totalSupply(), mor.CAP());
    }
}
