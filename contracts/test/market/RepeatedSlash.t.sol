// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IMarketplace} from "../../src/interfaces/IMarketplace.sol";
import {MarketFixture} from "./MarketFixture.sol";

/// @dev Regression of a review PoC: MAX_SLASH_BPS used to cap one call only, and the evidence hash is any fresh
///      bytes32 the guardian picks, so the guardian key alone took ~99% of a provider's stake (active and
///      unbonding) with 44 slashes in one block. The episode cap must hold the total to MAX_SLASH_BPS.
contract RepeatedSlashTest is MarketFixture {
    function test_Review_GuardianDrainsStakeByRepeatingSlash() public {
        address prov = makeAddr("prov");
        _fund(prov, 10_000e18);
        (address signer, bytes memory proof) = _signerFor(market, "signer", prov);
        vm.startPrank(prov);
        mor.approve(address(market), 10_000e18);
        market.register("https://p.example", signer, proof, 10_000e18);
        market.requestUnstake(5_000e18); // half already unbonding: slashable too
        vm.stopPrank();

        uint256 taken;
        uint256 refused;
        vm.startPrank(guardian);
        for (uint256 i; i < 44; ++i) {
            // "evidence" = 1, 2, 3, ...
            try market.slash(prov, type(uint256).max, bytes32(i + 1)) returns (uint256 s) {
                taken += s;
            } catch (bytes memory reason) {
                assertEq(bytes4(reason), IMarketplace.SlashCapReached.selector);
                ++refused;
            }
        }
        vm.stopPrank();
        (,,, uint256 stake, uint256 pending,) = market.getProvider(prov);
        assertEq(taken, 1_000e18, "at most MAX_SLASH_BPS of the stake in one episode");
        assertEq(refused, 43);
        assertEq(stake + pending, 9_000e18);
        assertTrue(market.isMatchable(prov));
    }
}
