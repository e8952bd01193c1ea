// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {Votes} from "@openzeppelin/contracts/governance/utils/Votes.sol";
import {IERC5805} from "@openzeppelin/contracts/interfaces/IERC5805.sol";
import {MORToken} from "../src/MORToken.sol";

/// @notice MORToken: mint authority, hard cap, burn accounting, timestamp-clock votes, permit.
contract MORTokenTest is Test {
    MORToken internal mor;
    address internal minter = makeAddr("emissions");
    address internal alice;
    uint256 internal aliceKey;
    address internal bob = makeAddr("bob");

    function setUp() public {
        vm.warp(1_700_000_000);
        (alice, aliceKey) = makeAddrAndKey("alice");
        mor = new MORToken(minter);
        vm.prank(minter);
        mor.mint(alice, 1000e18);
    }

    function test_Metadata() public view {
        assertEq(mor.name(), "Morpheus");
        assertEq(mor.symbol(), "MOR");
        assertEq(mor.decimals(), 18);
        assertEq(mor.CAP(), 42_000_000e18);
    }

    function test_RevertMintByAnyoneButMinter() public {
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(MORToken.NotMinter.selector, bob));
        mor.mint(bob, 1);
    }

    function test_RevertZeroMinter() public {
        vm.expectRevert(MORToken.ZeroAddress.selector);
        new MORToken(address(0));
    }

    function test_CapOnCirculatingSupply() public {
        uint256 room = mor.CAP() - mor.totalSupply();
        vm.startPrank(minter);
        mor.mint(bob, room);
        vm.expectRevert(abi.encodeWithSelector(MORToken.CapExceeded.selector, mor.CAP() + 1, mor.CAP()));
        mor.mint(bob, 1);
        vm.stopPrank();
        // Burning frees room: the cap is on circulating supply.
        vm.prank(bob);
        mor.burn(10);
        vm.prank(minter);
        mor.mint(bob, 10);
        assertEq(mor.totalSupply(), mor.CAP());
    }

    function test_BurnsAreCountedWithCheckpoints() public {
        uint256 t0 = block.timestamp;
        vm.prank(alice);
        mor.burn(100e18);
        vm.warp(t0 + 10);
        vm.prank(alice);
        mor.approve(bob, 50e18);
        vm.prank(bob);
        mor.burnFrom(alice, 50e18);
        assertEq(mor.totalBurned(), 150e18);
        vm.warp(t0 + 20);
        assertEq(mor.getPastTotalBurned(t0 - 1), 0);
        assertEq(mor.getPastTotalBurned(t0), 100e18);
        assertEq(mor.getPastTotalBurned(t0 + 9), 100e18);
        assertEq(mor.getPastTotalBurned(t0 + 10), 150e18);
        // Transfers are not burns.
        vm.prank(alice);
        assertTrue(mor.transfer(bob, 1e18));
        assertEq(mor.totalBurned(), 150e18);
    }

    function test_RevertFutureBurnLookup() public {
        vm.expectRevert(abi.encodeWithSelector(Votes.ERC5805FutureLookup.selector, block.timestamp, block.timestamp));
        mor.getPastTotalBurned(block.timestamp);
    }

    function test_VotesUseTimestampClock() public {
        uint256 t0 = block.timestamp;
        assertEq(mor.getVotes(alice), 0, "votes need delegation");
        vm.prank(alice);
        mor.delegate(alice);
        assertEq(mor.getVotes(alice), 1000e18);
        vm.warp(t0 + 100);
        vm.prank(alice);
        assertTrue(mor.transfer(bob, 400e18));
        vm.warp(t0 + 200);
        assertEq(mor.getPastVotes(alice, t0 + 99), 1000e18);
        assertEq(mor.getPastVotes(alice, t0 + 100), 600e18);
        assertEq(mor.getPastTotalSupply(t0 + 150), 1000e18);
        assertEq(IERC5805(address(mor)).clock(), t0 + 200);
    }

    function test_Permit() public {
        bytes32 typehash =
            keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 structHash = keccak256(abi.encode(typehash, alice, bob, 5e18, mor.nonces(alice), deadline));
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", mor.DOMAIN_SEPARATOR(), structHash));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(aliceKey, digest);
        mor.permit(alice, bob, 5e18, deadline, v, r, s);
        assertEq(mor.allowance(alice, bob), 5e18);
        assertEq(mor.nonces(alice), 1);
    }

    function testFuzz_MintRespectsCap(uint256 amount) public {
        amount = bound(amount, 0, type(uint128).max);
        uint256 supply = mor.totalSupply();
        uint256 cap = mor.CAP();
        vm.prank(minter);
        if (supply + amount > cap) {
            vm.expectRevert(abi.encodeWithSelector(MORToken.CapExceeded.selector, supply + amount, cap));
            mor.mint(bob, amount);
        } else {
            mor.mint(bob, amount);
            assertEq(mor.totalSupply(), supply + amount);
        }
    }
}
