// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {console2} from "forge-std/console2.sol";
import {Emissions} from "../../src/Emissions.sol";
import {MORToken} from "../../src/MORToken.sol";
import {ComputeSinkLib} from "../ComputeSink.sol";

/// @notice Gas of the token and emission hot paths (`make bench`). Figures go to snapshots/EmissionsGas.json
///         (committed, so changes show in review) and are printed as "gas.<name>: N".
contract EmissionsGas is Test {
    Emissions internal em;
    MORToken internal mor;
    address[5] internal r;
    address internal alice = makeAddr("alice");

    function setUp() public {
        vm.warp(1_700_000_000);
        for (uint256 i; i < 5; ++i) {
            r[i] = makeAddr(string.concat("bucket", vm.toString(i)));
        }
        r[3] = address(0); // bound below
        em = new Emissions(address(this), block.timestamp, 1 days, r);
        r[3] = ComputeSinkLib.bind(em);
        mor = em.token();
    }

    function _report(string memory name) internal {
        uint256 gas = vm.snapshotGasLastCall(name);
        console2.log(string.concat("gas.", name, ":"), gas);
    }

    function test_gas_release() public {
        vm.warp(block.timestamp + 1 days);
        em.release();
        _report("release_first");
        vm.warp(block.timestamp + 1 days);
        em.release();
        _report("release_daily");
        // Inside a tail epoch (16 years on) with burns recorded: the tail branch is priced too.
        vm.prank(r[0]);
        mor.burn(1e18);
        vm.warp(block.timestamp + 5833 days);
        em.release();
        _report("release_tail_epoch");
    }

    function test_gas_transfer() public {
        vm.warp(block.timestamp + 1 days);
        em.release();
        vm.prank(r[0]);
        require(mor.transfer(alice, 1e18), "transfer");
        _report("transfer_to_new_holder");
        vm.prank(r[0]);
        require(mor.transfer(alice, 1e18), "transfer");
        _report("transfer");
    }

    function test_gas_delegate() public {
        vm.warp(block.timestamp + 1 days);
        em.release();
        vm.prank(r[0]);
        mor.delegate(r[0]);
        _report("delegate_self");
        vm.prank(r[0]);
        require(mor.transfer(alice, 1e18), "transfer");
        _report("transfer_from_delegated");
    }
}
