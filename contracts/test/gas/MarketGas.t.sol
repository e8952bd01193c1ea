// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {console2} from "forge-std/console2.sol";
import {ComputePool} from "../../src/ComputePool.sol";
import {GasProbe, MarketGasFixture} from "./MarketGasFixture.sol";
import {MerkleTestLib} from "../market/MerkleTestLib.sol";

/// @notice Gas of settlement (PROTOCOL §8) with a realistic 10,000-leaf credit tree (proofs 13-14 deep).
///
///         State is prepared in setUp, so every measured call starts from cold storage as a real transaction
///         would. `gas.X: N` lines are transaction gas (the receipt's gasUsed on a Cancun chain: execution + 21,000
///         + calldata at 16 gas per non-zero byte and 4 per zero byte), the same with or without --isolate; the
///         execution-only figure follows on the next line. Snapshots (snapshots/MarketGasTest.json) record what
///         forge measures: transaction gas under --isolate, as `make bench` runs.
///
///         Scenarios: the usual one, where the account claimed an earlier epoch and holds MOR (a provider claiming
///         every day or so); "first ever": the account never claimed and holds no MOR, so claimed[account] and its
///         token balance are two fresh storage slots (2 x 22,100 gas, which no design avoids).
///
///         Per settled session: (commitRoot_tx + A * claimManyPerAccount_tx) / S, for S sessions per epoch and A
///         accounts (provider owners and model builders) credited and paid each epoch. A = 100 is pessimistic:
///         a claim covers every epoch so far, so providers need not claim each epoch.
contract MarketGasTest is MarketGasFixture {
    uint256 internal constant LEAVES = 10_000;
    uint256 internal constant BATCH = 100;
    string internal constant URI = "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi";

    uint256 internal constant REPEAT = 7; // claimed in epoch 0 already
    uint256 internal constant FIRST = 1_234; // never claimed
    uint256 internal constant MANY_REPEAT_FROM = 1_000; // [1000, 1100) claimed in epoch 0 already
    uint256 internal constant MANY_FIRST_FROM = 5_000; // [5000, 5100) never claimed

    function _account(uint256 i) internal pure returns (address) {
        // forge-lint: disable-next-line(unsafe-typecast)
        return address(uint160(0x10_0000 + i)); // i < LEAVES
    }

    function _amount(uint256 i, uint256 round) internal pure returns (uint256) {
        return (i % 100 + 1) * 1e15 * round;
    }

    /// @dev Round r credits account i with r * (i % 100 + 1) * 0.001 MOR: 505 MOR in all per round.
    function _tree(uint256 round) internal pure returns (bytes32[][] memory) {
        bytes32[] memory leaves = new bytes32[](LEAVES);
        for (uint256 i; i < LEAVES; ++i) {
            leaves[i] = MerkleTestLib.leaf(_account(i), _amount(i, round));
        }
        return MerkleTestLib.layers(leaves);
    }

    function _total(uint256 round) internal pure returns (uint256) {
        return 505e18 * round;
    }

    function _batch(bytes32[][] memory tree, uint256 from, uint256 round)
        internal
        pure
        returns (address[] memory a, uint256[] memory x, bytes32[][] memory p)
    {
        a = new address[](BATCH);
        x = new uint256[](BATCH);
        p = new bytes32[][](BATCH);
        for (uint256 k; k < BATCH; ++k) {
            a[k] = _account(from + k);
            x[k] = _amount(from + k, round);
            p[k] = MerkleTestLib.proof(tree, from + k);
        }
    }

    function setUp() public override {
        super.setUp();
        probe = new GasProbe();
        em.release(); // the pool holds its emissions: claims do not pull
        bytes32[][] memory tree = _tree(1);
        vm.prank(keeper);
        pool.commitRoot(
            0, MerkleTestLib.root(tree), _total(1), bytes32(0), 0, block.timestamp, keccak256("batch0"), URI
        );
        vm.warp(block.timestamp + WINDOW);
        pool.claim(_account(REPEAT), _amount(REPEAT, 1), MerkleTestLib.proof(tree, REPEAT));
        (address[] memory a, uint256[] memory x, bytes32[][] memory p) = _batch(tree, MANY_REPEAT_FROM, 1);
        pool.claimMany(a, x, p);

        tree = _tree(2);
        vm.prank(keeper);
        pool.commitRoot(
            1, MerkleTestLib.root(tree), _total(2), bytes32(0), 0, block.timestamp, keccak256("batch1"), URI
        );
        vm.warp(block.timestamp + WINDOW);
    }

    function _commitNext(string memory name) internal returns (uint256 exec, uint256 txGas) {
        bytes memory data = abi.encodeCall(
            ComputePool.commitRoot,
            (2, keccak256("root2"), _total(2) + 1e18, bytes32(0), 0, block.timestamp, keccak256("b2"), URI)
        );
        vm.prank(keeper);
        pool.commitRoot(2, keccak256("root2"), _total(2) + 1e18, bytes32(0), 0, block.timestamp, keccak256("b2"), URI);
        return _measured(name, data);
    }

    function test_Gas_CommitRoot() public {
        (uint256 exec, uint256 txGas) = _commitNext("commitRoot");
        _log("commitRoot", exec, txGas);
    }

    function test_Gas_CommitRoot_FirstOfDay() public {
        vm.warp(START + 92 days + 1);
        bytes memory data = abi.encodeCall(
            ComputePool.commitRoot,
            (2, keccak256("root2"), _total(2) + 1e18, bytes32(0), 0, block.timestamp, keccak256("b2"), URI)
        );
        vm.prank(keeper);
        pool.commitRoot(2, keccak256("root2"), _total(2) + 1e18, bytes32(0), 0, block.timestamp, keccak256("b2"), URI);
        (uint256 exec, uint256 txGas) = _measured("commitRoot_firstOfDay", data);
        _log("commitRoot (first of the day)", exec, txGas);
    }

    function _claim(uint256 i, string memory name) internal returns (uint256 exec, uint256 txGas) {
        bytes32[] memory proof = MerkleTestLib.proof(_tree(2), i);
        assertEq(proof.length, 14);
        address account = _account(i);
        uint256 amount = _amount(i, 2);
        bytes memory data = abi.encodeCall(ComputePool.claim, (account, amount, proof));
        pool.claim(account, amount, proof);
        (exec, txGas) = _measured(name, data);
        assertEq(pool.claimed(account), amount);
    }

    /// @dev The usual case: the account claimed before (one claim covers every epoch since).
    function test_Gas_Claim() public {
        (uint256 exec, uint256 txGas) = _claim(REPEAT, "claim");
        _log("claim(10000 leaves)", exec, txGas);
        assertLe(txGas, 80_000);
    }

    /// @dev Worst case: claimed[account] and the account's MOR balance are fresh slots (2 x 22,100 gas).
    function test_Gas_Claim_FirstEver() public {
        (uint256 exec, uint256 txGas) = _claim(FIRST, "claim_firstEver");
        _log("claim(10000 leaves, first ever, empty account)", exec, txGas);
        assertLe(exec, 80_000);
    }

    function _claimMany(uint256 from, string memory name) internal returns (uint256 exec, uint256 txGas) {
        (address[] memory a, uint256[] memory x, bytes32[][] memory p) = _batch(_tree(2), from, 2);
        bytes memory data = abi.encodeCall(ComputePool.claimMany, (a, x, p));
        uint256 paid = pool.claimMany(a, x, p);
        (exec, txGas) = _measured(name, data);
        assertGt(paid, 0);
        assertEq(pool.claimed(a[BATCH - 1]), x[BATCH - 1]);
    }

    function test_Gas_ClaimMany() public {
        (uint256 exec, uint256 txGas) = _claimMany(MANY_REPEAT_FROM, "claimMany100");
        _log("claimMany per account (100)", exec / BATCH, txGas / BATCH);
        assertLe(txGas / BATCH, 40_000);
    }

    function test_Gas_ClaimMany_FirstEver() public {
        (uint256 exec, uint256 txGas) = _claimMany(MANY_FIRST_FROM, "claimMany100_firstEver");
        _log("claimMany per account (100, first ever, empty accounts)", exec / BATCH, txGas / BATCH);
    }

    /// @dev Per settled session, against Morpheus' 750,000-990,000 gas per session (open + close on-chain).
    function test_Gas_PerSession() public {
        (, uint256 commitTx) = _commitNext("perSession_commitRoot");
        (, uint256 manyTx) = _claimMany(MANY_REPEAT_FROM, "perSession_claimMany100");
        uint256 perAccount = manyTx / BATCH;
        console2.log("  per session = (commitRoot_tx + A * claimManyPerAccount_tx) / S, A accounts paid per epoch");
        console2.log("  commitRoot_tx:", commitTx);
        console2.log("  claimManyPerAccount_tx:", perAccount);
        _perSession(1_000, 100, commitTx, perAccount);
        _perSession(100_000, 100, commitTx, perAccount);
        // The keeper benchmark's sizes (issue #6): 1,000,000 sessions for 10,000 accounts.
        _perSession(1_000_000, 10_000, commitTx, perAccount);
    }

    /// @dev Paid usage (issue 16): the epoch also commits a spend root over 100,000 paying users' deposits. The
    ///      users never claim (their deposits pay the providers through the same credit tree), so per session the
    ///      only extra is commitRoot's spend root: 1,000,000 sessions, 10,000 providers paid.
    function test_Gas_PerSession_Deposits() public {
        address payer = makeAddr("payer");
        _fund(payer, 10e18);
        vm.startPrank(payer);
        mor.approve(address(pool), 10e18);
        pool.deposit(10e18);
        vm.stopPrank();
        bytes memory data = abi.encodeCall(
            ComputePool.commitRoot,
            (2, keccak256("root2"), _total(2) + 1e18, keccak256("spend2"), 1e18, block.timestamp, keccak256("b2"), URI)
        );
        vm.prank(keeper);
        pool.commitRoot(
            2, keccak256("root2"), _total(2) + 1e18, keccak256("spend2"), 1e18, block.timestamp, keccak256("b2"), URI
        );
        (uint256 exec, uint256 commitTx) = _measured("commitRoot_withSpend", data);
        _log("commitRoot (with a spend root)", exec, commitTx);
        (, uint256 manyTx) = _claimMany(MANY_REPEAT_FROM, "perSessionDeposits_claimMany100");
        _perSession(1_000_000, 10_000, commitTx, manyTx / BATCH);
    }

    function _perSession(uint256 sessions, uint256 accounts, uint256 commitTx, uint256 perAccount) internal pure {
        uint256 commitOnly100 = commitTx * 100 / sessions; // x100 for two decimals
        uint256 withClaims100 = (commitTx + accounts * perAccount) * 100 / sessions;
        console2.log(
            string.concat(
                "gas per settled session (",
                vm.toString(sessions),
                " sessions/epoch, ",
                vm.toString(accounts),
                " accounts): ",
                _dec2(withClaims100),
                " (ratio vs 750000-990000: ",
                _dec2(75_000_000 * 100 / withClaims100),
                "x-",
                _dec2(99_000_000 * 100 / withClaims100),
                "x); commitRoot alone: ",
                _dec2(commitOnly100)
            )
        );
    }

    /// @dev x/100 with two decimals.
    function _dec2(uint256 x100) internal pure returns (string memory) {
        uint256 frac = x100 % 100;
        return string.concat(vm.toString(x100 / 100), ".", frac < 10 ? "0" : "", vm.toString(frac));
    }
}
