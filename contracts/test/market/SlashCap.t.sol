// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Marketplace} from "../../src/Marketplace.sol";
import {IMarketplace} from "../../src/interfaces/IMarketplace.sol";
import {MarketFixture} from "./MarketFixture.sol";

/// @dev The slash episode cap (PROTOCOL §10, THREATS admin/guardian): however many evidence hashes the guardian
///      uses, within any SLASH_WINDOW seconds it takes at most MAX_SLASH_BPS of a provider's stake at the
///      episode's first slash; an episode ends only after SLASH_WINDOW without a slash, and no parameter change
///      can shorten it.
contract SlashCapTest is MarketFixture {
    address internal prov;
    uint256 internal nonce;

    function setUp() public override {
        super.setUp();
        prov = makeAddr("prov");
        _fund(prov, 100_000e18);
        (address signer, bytes memory proof) = _signerFor(market, "signer", prov);
        vm.startPrank(prov);
        mor.approve(address(market), type(uint256).max);
        market.register("https://p.example", signer, proof, 10_000e18);
        vm.stopPrank();
    }

    function _slash(uint256 amount) internal returns (uint256) {
        vm.prank(guardian);
        return market.slash(prov, amount, bytes32(++nonce));
    }

    function _held() internal view returns (uint256) {
        (,,, uint256 stake, uint256 pending,) = market.getProvider(prov);
        return stake + pending;
    }

    function _expectCapReached(uint256 resetsAt) internal {
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.SlashCapReached.selector, prov, resetsAt));
    }

    function test_SlashCap_RepeatedSlashesInOneEpisodeCappedInTotal() public {
        uint256 t0 = block.timestamp;
        assertEq(_slash(300e18), 300e18);
        vm.warp(t0 + 10 days);
        assertEq(_slash(500e18), 500e18);
        (uint256 remaining, uint256 resetsAt) = market.slashAllowance(prov);
        assertEq(remaining, 200e18);
        assertEq(resetsAt, t0 + 10 days + market.SLASH_WINDOW() + 1);
        vm.warp(t0 + 20 days);
        assertEq(_slash(type(uint256).max), 200e18, "only what remains of 10% of 10,000");
        _expectCapReached(t0 + 20 days + market.SLASH_WINDOW() + 1);
        _slash(1);
        assertEq(_held(), 9_000e18);
        assertEq(mor.balanceOf(fund), 1_000e18);
    }

    /// @dev The base is the stake at the episode's first slash: stake added later does not raise the allowance,
    ///      and slashes do not compound below it.
    /// @dev The base is the stake at the episode's start, plus MAX_SLASH_BPS of what is added during it (from a
    ///      review: a provider slashed to the cap topped up 90,000 MOR, had nothing slashable for the episode's 90
    ///      days, unstaked and withdrew it all).
    function test_SlashCap_TopUpInAnEpisodeSlashableAtTheCap() public {
        assertEq(_slash(100e18), 100e18);
        (uint256 remaining,) = market.slashAllowance(prov);
        assertEq(remaining, 900e18, "10% of the 10,000 held at the episode's start, less 100");
        vm.prank(prov);
        market.addStake(90_000e18);
        (remaining,) = market.slashAllowance(prov);
        assertEq(remaining, 9_900e18, "plus 10% of the 90,000 added");
        assertEq(_slash(type(uint256).max), 9_900e18);
        _expectCapReached(block.timestamp + market.SLASH_WINDOW() + 1);
        _slash(1);
    }

    /// @dev A provider slashed to the whole allowance, then topping up, cannot leave with the top-up unslashable
    ///      (the review's proof of concept).
    function test_SlashCap_TopUpAfterTheCapIsSlashable() public {
        assertEq(_slash(type(uint256).max), 1_000e18);
        vm.prank(prov);
        market.addStake(90_000e18);
        assertEq(_slash(type(uint256).max), 9_000e18, "10% of the top-up");
        _expectCapReached(block.timestamp + market.SLASH_WINDOW() + 1);
        _slash(1);
    }

    /// @dev Stake added outside an episode (none open, or the last slash more than SLASH_WINDOW ago) adds nothing
    ///      to an allowance: the next slash begins an episode on the stake then.
    function test_SlashCap_TopUpOutsideAnEpisodeAddsNothing() public {
        uint256 t0 = block.timestamp;
        assertEq(_slash(type(uint256).max), 1_000e18);
        vm.warp(t0 + market.SLASH_WINDOW() + 1);
        vm.prank(prov);
        market.addStake(1_000e18);
        (uint256 remaining, uint256 resetsAt) = market.slashAllowance(prov);
        assertEq(remaining, 1_000e18, "a new episode: 10% of the 10,000 held");
        assertEq(resetsAt, 0);
        assertEq(_slash(type(uint256).max), 1_000e18);
    }

    function test_SlashCap_NewEpisodeAfterTheWindow() public {
        uint256 t0 = block.timestamp;
        assertEq(_slash(type(uint256).max), 1_000e18);
        vm.warp(t0 + market.SLASH_WINDOW());
        _expectCapReached(t0 + market.SLASH_WINDOW() + 1);
        _slash(1); // exactly SLASH_WINDOW later: still the same episode
        vm.warp(t0 + market.SLASH_WINDOW() + 1);
        (uint256 remaining, uint256 resetsAt) = market.slashAllowance(prov);
        assertEq(remaining, 900e18);
        assertEq(resetsAt, 0);
        assertEq(_slash(type(uint256).max), 900e18, "10% of the 9,000 held when the new episode begins");
        assertEq(_held(), 8_100e18);
    }

    /// @dev The boundary worst case of fixed windows (end of one, start of the next: 2x) cannot happen: each slash
    ///      extends the episode, so two slashes of different episodes are more than SLASH_WINDOW apart.
    function test_SlashCap_BoundaryWorstCase() public {
        uint256 t0 = block.timestamp;
        uint256 w = market.SLASH_WINDOW();
        assertEq(_slash(1e18), 1e18); // the episode opens with a small slash
        vm.warp(t0 + w - 1); // the end of a window aligned to the first slash
        assertEq(_slash(type(uint256).max), 999e18);
        vm.warp(t0 + w + 1); // just after it: a fixed window would start afresh here
        _expectCapReached(t0 + 2 * w);
        _slash(1);
        vm.warp(t0 + 2 * w - 1);
        _expectCapReached(t0 + 2 * w);
        _slash(1);
        vm.warp(t0 + 2 * w); // SLASH_WINDOW after the last slash, plus one second
        assertEq(_slash(type(uint256).max), 900e18);
        // Over [t0 + w - 1, t0 + 2w - 1] (SLASH_WINDOW long) the guardian took 999e18 only.
    }

    /// @dev The admin (through the timelock) shortening the unbonding period mid-episode, or to zero, neither
    ///      resets nor shortens the episode: SLASH_WINDOW is a constant.
    function test_SlashCap_AdminChangingUnbondingPeriodMidEpisode() public {
        uint256 t0 = block.timestamp;
        assertEq(_slash(type(uint256).max), 1_000e18);
        vm.startPrank(admin);
        market.setParams(market.minProviderStake(), 0, market.minPrice(), market.maxPrice());
        vm.stopPrank();
        vm.warp(t0 + 1 days);
        _expectCapReached(t0 + market.SLASH_WINDOW() + 1);
        _slash(1);
        vm.startPrank(admin);
        market.setParams(market.minProviderStake(), 1, market.minPrice(), market.maxPrice());
        market.setParams(market.minProviderStake(), market.MAX_UNBONDING_PERIOD(), market.minPrice(), market.maxPrice());
        vm.stopPrank();
        vm.warp(t0 + 2 days);
        _expectCapReached(t0 + market.SLASH_WINDOW() + 1);
        _slash(1);
        assertEq(_held(), 9_000e18);
    }

    /// @dev A withdrawal in front of a slash does not make it revert while anything slashable is left: the slash
    ///      takes what is there; only an empty provider reverts NothingToSlash.
    function test_SlashCap_FrontRunWithdrawalDoesNotRevert() public {
        vm.prank(prov);
        market.requestUnstake(9_950e18);
        vm.warp(block.timestamp + market.unbondingPeriod());
        assertEq(_slash(10e18), 10e18); // taken from the active stake: 50 -> 40
        vm.prank(prov);
        market.withdraw(); // front-runs the next slash
        assertEq(_held(), 40e18);
        assertEq(_slash(type(uint256).max), 40e18, "takes what is left, within the allowance");
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.NothingToSlash.selector, prov));
        market.slash(prov, 1, bytes32(++nonce));
    }

    // The fuzz test's model of the rule and record of slashes.
    uint256 internal lastAt;
    uint256 internal episodeCap;
    uint256 internal episodeUsed;
    uint256[] internal slashAt;
    uint256[] internal slashTook;
    uint256[] internal slashCap;

    /// @dev A guardian slash checked against the model: it takes min(amount, allowance left, stake) and reverts
    ///      only when that is zero.
    function _modelSlash(uint256 r) internal {
        uint256 held = _held();
        if (lastAt == 0 || block.timestamp > lastAt + market.SLASH_WINDOW()) {
            episodeCap = held * market.MAX_SLASH_BPS() / 10_000;
            episodeUsed = 0;
        }
        uint256 amount = 1 + (r >> 8) % (2 * held + 1);
        uint256 want = amount < episodeCap - episodeUsed ? amount : episodeCap - episodeUsed;
        if (want > held) want = held;
        vm.prank(guardian);
        try market.slash(prov, amount, bytes32(r)) returns (uint256 s) {
            assertEq(s, want);
            episodeUsed += s;
            lastAt = block.timestamp;
            slashAt.push(block.timestamp);
            slashTook.push(s);
            slashCap.push(episodeCap);
        } catch {
            assertEq(want, 0, "a slash with something to take reverted");
        }
    }

    /// @dev Any sequence of slashes (fresh evidence each), top-ups, unstakes, withdrawals and time steps: within
    ///      every closed span of SLASH_WINDOW seconds the slashes total at most MAX_SLASH_BPS of the stake at the
    ///      first slash of their episode and of what was added during it, and each slash takes min(amount,
    ///      allowance left, stake).
    function testFuzz_SlashCap_BoundPerWindow(uint256 seed) public {
        uint256 w = market.SLASH_WINDOW();
        for (uint256 i; i < 24; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            (,,, uint256 stake, uint256 pending, uint64 unlockAt) = market.getProvider(prov);
            uint256 op = r % 6;
            if (op <= 2) {
                _modelSlash(r);
            } else if (op == 3) {
                uint256 amount = 1 + (r >> 8) % 5_000e18;
                vm.prank(prov);
                market.addStake(amount);
                if (lastAt != 0 && block.timestamp <= lastAt + w) {
                    episodeCap += amount * market.MAX_SLASH_BPS() / 10_000;
                }
            } else if (op == 4 && stake > 0) {
                vm.prank(prov);
                market.requestUnstake(1 + (r >> 8) % stake);
            } else if (op == 5) {
                if (pending > 0 && (r >> 8) % 2 == 0) {
                    if (block.timestamp < unlockAt) vm.warp(unlockAt);
                    vm.prank(prov);
                    market.withdraw();
                } else {
                    vm.warp(block.timestamp + (r >> 16) % (2 * w));
                }
            }
        }
        for (uint256 i; i < slashAt.length; ++i) {
            uint256 sum;
            uint256 cap; // the episode's allowance at the window's last slash (top-ups only raise it)
            for (uint256 j = i; j < slashAt.length && slashAt[j] <= slashAt[i] + w; ++j) {
                sum += slashTook[j];
                cap = slashCap[j];
            }
            assertLe(sum, cap, "more than MAX_SLASH_BPS within SLASH_WINDOW");
        }
    }
}
