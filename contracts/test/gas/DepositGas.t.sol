// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ComputePool} from "../../src/ComputePool.sol";
import {GasProbe, MarketGasFixture} from "./MarketGasFixture.sol";
import {MerkleTestLib} from "../market/MerkleTestLib.sol";

/// @notice Gas of the deposit path (PROTOCOL §4 "Paid usage"): deposit, the permit variant, requestWithdrawal,
///         with and without a spend proof 17 deep, withdraw with one (a spend tree of 100,000 paying users), and commitRoot carrying a
///         spend root. Measured like MarketGasTest: state prepared in setUp, so each measured call starts from
///         cold storage; `gas.X: N` is transaction gas (execution + 21,000 + calldata), and the snapshot
///         (snapshots/DepositGasTest.json) records what forge measures under --isolate, as `make bench` runs.
///
///         "first" means the user's deposit slot is fresh (a first deposit); the repeat case deposits again.
contract DepositGasTest is MarketGasFixture {
    uint256 internal constant DEPTH = 17; // ceil(log2(100,000)): a spend tree of 100,000 paying users
    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");

    address internal user;
    uint256 internal userKey;
    address internal repeat; // deposited before
    bytes32[] internal spendProof;
    uint256 internal constant SPENT = 40e18;

    function setUp() public override {
        super.setUp();
        probe = new GasProbe();
        em.release(); // the pool holds its emissions: withdrawals do not pull
        (user, userKey) = makeAddrAndKey("user");
        repeat = makeAddr("repeat");
        _fund(user, 1_000e18);
        _fund(repeat, 1_000e18);
        vm.startPrank(repeat);
        mor.approve(address(pool), type(uint256).max);
        pool.deposit(100e18);
        pool.requestWithdrawal(100e18, 0, new bytes32[](0)); // no spend root yet: nothing to prove
        vm.stopPrank();
        vm.prank(user);
        mor.approve(address(pool), type(uint256).max);

        // Epoch 0 spends SPENT of `repeat`'s deposit: its leaf hashed up through DEPTH made-up siblings.
        bytes32 node = MerkleTestLib.leaf(repeat, SPENT);
        for (uint256 i; i < DEPTH; ++i) {
            bytes32 sibling = keccak256(abi.encode("sibling", i));
            spendProof.push(sibling);
            node = MerkleTestLib.hashPair(node, sibling);
        }
        vm.prank(keeper);
        pool.commitRoot(
            0, keccak256("credits0"), SPENT, node, SPENT, block.timestamp, keccak256("batch0"), "ipfs://batch0"
        );
        vm.warp(block.timestamp + WITHDRAWAL_DELAY);
    }

    function test_Gas_Deposit_First() public {
        vm.prank(user);
        pool.deposit(100e18);
        (uint256 exec, uint256 txGas) = _measured("deposit_first", abi.encodeCall(ComputePool.deposit, (100e18)));
        _log("deposit (first)", exec, txGas);
        assertEq(pool.depositOf(user), 100e18);
    }

    function test_Gas_Deposit() public {
        vm.prank(repeat);
        pool.deposit(100e18);
        (uint256 exec, uint256 txGas) = _measured("deposit", abi.encodeCall(ComputePool.deposit, (100e18)));
        _log("deposit (again)", exec, txGas);
        assertEq(pool.depositOf(repeat), 200e18);
    }

    function test_Gas_DepositWithPermit() public {
        address payer = makeAddr("payer");
        uint256 payerKey = uint256(keccak256(abi.encodePacked("payer")));
        _fund(payer, 1_000e18);
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 digest = keccak256(
            abi.encodePacked(
                "\x19\x01",
                mor.DOMAIN_SEPARATOR(),
                keccak256(abi.encode(PERMIT_TYPEHASH, payer, address(pool), 100e18, mor.nonces(payer), deadline))
            )
        );
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(payerKey, digest);
        vm.prank(payer);
        pool.depositWithPermit(100e18, deadline, v, r, s);
        (uint256 exec, uint256 txGas) =
            _measured("depositWithPermit", abi.encodeCall(ComputePool.depositWithPermit, (100e18, deadline, v, r, s)));
        _log("depositWithPermit (first)", exec, txGas);
        assertEq(pool.depositOf(payer), 100e18);
    }

    /// @dev A user funded after the claimable spend root was committed: nothing to prove.
    function test_Gas_RequestWithdrawal() public {
        vm.prank(user);
        pool.deposit(100e18);
        bytes32[] memory none = new bytes32[](0);
        vm.prank(user);
        pool.requestWithdrawal(60e18, 0, none);
        (uint256 exec, uint256 txGas) =
            _measured("requestWithdrawal", abi.encodeCall(ComputePool.requestWithdrawal, (60e18, 0, none)));
        _log("requestWithdrawal", exec, txGas);
    }

    /// @dev A user with spend in the claimable root: proves it, 17 deep, and records it with the root's total.
    function test_Gas_RequestWithdrawal_SpendProof() public {
        bytes32[] memory proof = spendProof;
        vm.prank(repeat);
        pool.requestWithdrawal(60e18, SPENT, proof);
        (uint256 exec, uint256 txGas) = _measured(
            "requestWithdrawal_spendProof", abi.encodeCall(ComputePool.requestWithdrawal, (60e18, SPENT, proof))
        );
        _log("requestWithdrawal (spend proof 17 deep)", exec, txGas);
    }

    function test_Gas_Withdraw() public {
        bytes32[] memory proof = spendProof;
        vm.prank(repeat);
        uint256 paid = pool.withdraw(SPENT, proof);
        (uint256 exec, uint256 txGas) = _measured("withdraw", abi.encodeCall(ComputePool.withdraw, (SPENT, proof)));
        _log("withdraw (spend proof 17 deep)", exec, txGas);
        assertEq(paid, 100e18 - SPENT);
    }
}
