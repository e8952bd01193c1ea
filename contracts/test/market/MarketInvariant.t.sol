// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {console2} from "forge-std/console2.sol";
import {StdInvariant} from "forge-std/StdInvariant.sol";
import {MORToken} from "../../src/MORToken.sol";
import {ComputePool} from "../../src/ComputePool.sol";
import {Marketplace} from "../../src/Marketplace.sol";
import {ModelRegistry} from "../../src/ModelRegistry.sol";
import {MarketFixture} from "./MarketFixture.sol";
import {MerkleTestLib} from "./MerkleTestLib.sol";

/// @dev Drives the market with bounded inputs: providers register, stake, unstake, withdraw, bid and get
///      slashed; the keeper commits honest cumulative trees within the budget; the guardian vetoes; anyone claims
///      (also with proofs of vetoed trees, which must never pay); time moves by up to three days.
///      Ghost state: the amounts of every live epoch's tree, the amounts of vetoed trees, what each account was
///      paid, and the days on which settlement happened.
contract MarketHandler is Test {
    uint256 internal constant N = 5; // credited accounts: 4 providers and 1 model builder

    MORToken internal immutable mor;
    ComputePool internal immutable pool;
    Marketplace internal immutable market;
    ModelRegistry internal immutable registry;
    address internal immutable keeper;
    address internal immutable guardian;
    address internal immutable capital;

    address[] internal actors; // actors[0..3] providers, actors[4] builder
    bytes32[] internal models;

    mapping(uint256 epoch => uint256[N]) internal epochAmounts; // live epochs' cumulative credits
    uint256[N][] internal vetoedAmounts;

    mapping(address => uint256) public ghostPaid;
    uint256[] public settlementDays;
    bool public vetoedRootPaid;
    uint256 public calls;
    // What actually happened (not just attempted), for the call summary.
    uint256 public nCommits;
    uint256 public nVetoes;
    uint256 public nClaimsPaid;
    uint256 public nSlashes;
    uint256 public nWithdrawals;

    constructor(
        MORToken mor_,
        ComputePool pool_,
        Marketplace market_,
        ModelRegistry registry_,
        address keeper_,
        address guardian_,
        address capital_
    ) {
        mor = mor_;
        pool = pool_;
        market = market_;
        registry = registry_;
        keeper = keeper_;
        guardian = guardian_;
        capital = capital_;
        for (uint256 i; i < N; ++i) {
            actors.push(makeAddr(string.concat("actor", vm.toString(i))));
        }
        vm.startPrank(actors[4]);
        models.push(registry.register("model-a", "v1", keccak256("a"), 300));
        models.push(registry.register("model-b", "v1", keccak256("b"), 0));
        vm.stopPrank();
    }

    function accounts() external view returns (address[] memory) {
        return actors;
    }

    function settlementDayCount() external view returns (uint256) {
        return settlementDays.length;
    }

    function vetoedCount() external view returns (uint256) {
        return vetoedAmounts.length;
    }

    function amountIn(uint256 epoch, uint256 i) external view returns (uint256) {
        return epochAmounts[epoch][i];
    }

    // ---- providers ----

    function _provider(uint256 seed) internal view returns (address) {
        return actors[seed % 4];
    }

    function _give(address to, uint256 amount) internal {
        if (mor.balanceOf(capital) < amount) return;
        vm.prank(capital);
        require(mor.transfer(to, amount), "give");
    }

    function register(uint256 seed, uint256 stake) external {
        calls++;
        address p = _provider(seed);
        (bool registered,,,,,) = market.getProvider(p);
        if (registered) return;
        uint256 min = market.minProviderStake();
        stake = _bound(stake, min, 5 * min);
        _give(p, stake);
        if (mor.balanceOf(p) < stake) return;
        vm.startPrank(p);
        mor.approve(address(market), stake);
        market.register("https://provider.example", makeAddr("hot"), stake);
        vm.stopPrank();
    }

    function addStake(uint256 seed, uint256 amount) external {
        calls++;
        address p = _provider(seed);
        (bool registered,,,,,) = market.getProvider(p);
        if (!registered) return;
        amount = _bound(amount, 1, 2_000e18);
        _give(p, amount);
        if (mor.balanceOf(p) < amount) return;
        vm.startPrank(p);
        mor.approve(address(market), amount);
        market.addStake(amount);
        vm.stopPrank();
    }

    function requestUnstake(uint256 seed, uint256 amount) external {
        calls++;
        address p = _provider(seed);
        (bool registered,,, uint256 stake,,) = market.getProvider(p);
        if (!registered || stake == 0) return;
        vm.prank(p);
        market.requestUnstake(_bound(amount, 1, stake));
    }

    function withdraw(uint256 seed) external {
        calls++;
        address p = _provider(seed);
        (,,,, uint256 pending, uint64 unlockAt) = market.getProvider(p);
        if (pending == 0) return;
        if (block.timestamp < unlockAt) vm.warp(unlockAt); // the provider waits out the unbonding period
        vm.prank(p);
        market.withdraw();
        nWithdrawals++;
    }

    function slash(uint256 seed, uint256 amount) external {
        calls++;
        address p = _provider(seed);
        (bool registered,,, uint256 stake, uint256 pending,) = market.getProvider(p);
        if (!registered || stake + pending == 0) return;
        vm.prank(guardian);
        market.slash(p, _bound(amount, 1, 2 * (stake + pending)), bytes32(seed));
        nSlashes++;
    }

    function postBid(uint256 seed, uint256 price) external {
        calls++;
        address p = _provider(seed);
        if (!market.isMatchable(p)) return;
        price = _bound(price, market.minPrice(), market.maxPrice());
        vm.prank(p);
        market.postBid(models[(seed >> 8) % models.length], price);
    }

    function deleteBid(uint256 seed) external {
        calls++;
        address p = _provider(seed);
        bytes32 m = models[(seed >> 8) % models.length];
        if (market.bid(p, m) == 0) return;
        vm.prank(p);
        market.deleteBid(m);
    }

    // ---- settlement ----

    function _tree(uint256[N] memory amounts) internal view returns (bytes32[][] memory) {
        uint256[] memory x = new uint256[](N);
        for (uint256 i; i < N; ++i) {
            x[i] = amounts[i];
        }
        return MerkleTestLib.build(actors, x);
    }

    function _noteDay() internal {
        uint256 today = pool.currentDay();
        uint256 n = settlementDays.length;
        if (n == 0 || settlementDays[n - 1] != today) settlementDays.push(today);
    }

    function commit(uint256 seed, uint256 size) external {
        calls++;
        uint256 remaining = pool.remainingBudget();
        if (remaining == 0) return;
        uint256 delta = _bound(size, 1, remaining); // sometimes the whole rest of the day's budget
        uint256 epoch = pool.nextEpoch();
        uint256[N] memory amounts;
        if (epoch > 0) amounts = epochAmounts[epoch - 1];
        // Split `delta` over the accounts: provider owners and the builder.
        uint256 left = delta;
        for (uint256 i; i < N && left > 0; ++i) {
            uint256 part = i == N - 1 ? left : uint256(keccak256(abi.encode(seed, i))) % (left + 1);
            amounts[i] += part;
            left -= part;
        }
        bytes32 root = MerkleTestLib.root(_tree(amounts));
        if (pool.isVetoed(root)) return;
        uint256 cumulative = pool.totalCommitted() + delta;
        vm.prank(keeper);
        pool.commitRoot(epoch, root, cumulative, keccak256(abi.encode(amounts)), "ipfs://batch");
        epochAmounts[epoch] = amounts;
        _noteDay();
        nCommits++;
    }

    function veto(uint256 seed) external {
        calls++;
        uint256 next = pool.nextEpoch();
        if (next == 0) return;
        uint256 epoch = next - 1 - (seed % next);
        (,, uint64 claimableAt) = pool.epochInfo(epoch);
        if (block.timestamp >= claimableAt) return;
        vm.prank(guardian);
        pool.vetoRoot(epoch);
        vetoedAmounts.push(epochAmounts[epoch]);
        _noteDay();
        nVetoes++;
    }

    function claim(uint256 seed) external {
        calls++;
        (bool exists, uint256 epoch,,) = pool.claimableEpoch();
        if (!exists) return;
        uint256 i = seed % N;
        uint256[N] memory amounts = epochAmounts[epoch];
        if (amounts[i] <= pool.claimed(actors[i])) return;
        bytes32[][] memory tree = _tree(amounts);
        vm.prank(makeAddr("relayer"));
        ghostPaid[actors[i]] += pool.claim(actors[i], amounts[i], MerkleTestLib.proof(tree, i));
        nClaimsPaid++;
    }

    function claimMany(uint256 seed) external {
        calls++;
        (bool exists, uint256 epoch,,) = pool.claimableEpoch();
        if (!exists) return;
        uint256[N] memory amounts = epochAmounts[epoch];
        bytes32[][] memory tree = _tree(amounts);
        uint256[] memory x = new uint256[](N);
        bytes32[][] memory proofs = new bytes32[][](N);
        uint256[] memory before = new uint256[](N);
        for (uint256 i; i < N; ++i) {
            x[i] = amounts[i];
            proofs[i] = MerkleTestLib.proof(tree, i);
            before[i] = mor.balanceOf(actors[i]);
        }
        if (seed % 3 == 0) x[seed % N] += 1; // a bad entry is skipped, not fatal
        pool.claimMany(actors, x, proofs);
        for (uint256 i; i < N; ++i) {
            uint256 received = mor.balanceOf(actors[i]) - before[i];
            ghostPaid[actors[i]] += received;
            if (received > 0) nClaimsPaid++;
        }
    }

    /// @dev Proofs of a vetoed tree must never pay, whatever is claimable now.
    function claimVetoed(uint256 seed) external {
        calls++;
        uint256 n = vetoedAmounts.length;
        if (n == 0) return;
        uint256[N] memory amounts = vetoedAmounts[seed % n];
        uint256 i = (seed >> 8) % N;
        bytes32[][] memory tree = _tree(amounts);
        bytes32[] memory proof = MerkleTestLib.proof(tree, i);
        try pool.claim(actors[i], amounts[i], proof) returns (uint256) {
            // Only legitimate if the very same leaf set is live and claimable (a root equal to a vetoed one
            // cannot be committed, so this never happens).
            vetoedRootPaid = true;
        } catch {}
    }

    function warp(uint256 secs) external {
        calls++;
        vm.warp(block.timestamp + _bound(secs, 1, 3 days));
    }
}

/// @notice Invariants of the market contracts under the handler above.
contract MarketInvariantTest is StdInvariant, MarketFixture {
    MarketHandler internal handler;

    function setUp() public override {
        super.setUp();
        em.release(); // capital funds the providers
        handler = new MarketHandler(mor, pool, market, registry, keeper, guardian, capital);
        targetContract(address(handler));
        bytes4[] memory selectors = new bytes4[](15);
        selectors[0] = MarketHandler.register.selector;
        selectors[1] = MarketHandler.addStake.selector;
        selectors[2] = MarketHandler.requestUnstake.selector;
        selectors[3] = MarketHandler.withdraw.selector;
        selectors[4] = MarketHandler.slash.selector;
        selectors[5] = MarketHandler.postBid.selector;
        selectors[6] = MarketHandler.deleteBid.selector;
        selectors[7] = MarketHandler.commit.selector;
        selectors[8] = MarketHandler.veto.selector;
        selectors[9] = MarketHandler.claim.selector;
        selectors[10] = MarketHandler.claimMany.selector;
        selectors[11] = MarketHandler.claimVetoed.selector;
        selectors[12] = MarketHandler.warp.selector;
        selectors[13] = MarketHandler.commit.selector; // settle and move time twice as often
        selectors[14] = MarketHandler.warp.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }

    /// @dev totalClaimed <= totalCommitted <= computeAccrued(now) (PROTOCOL §4).
    function invariant_Solvency() public view {
        assertLe(pool.totalClaimed(), pool.totalCommitted());
        assertLe(pool.totalCommitted(), pool.computeAccrued(block.timestamp));
        // What was released to the pool always covers what it still owes on claimable roots.
        (bool exists,,, uint256 claimableTotal) = pool.claimableEpoch();
        if (exists) assertLe(pool.totalClaimed(), claimableTotal);
    }

    /// @dev Committed on a day never exceeds that day's budget, for every day with settlement activity and today.
    function invariant_DailyBudget() public view {
        uint256 n = handler.settlementDayCount();
        for (uint256 i; i < n; ++i) {
            uint256 d = handler.settlementDays(i);
            assertLe(pool.committedOn(d), pool.budget(d));
        }
        uint256 today = pool.currentDay();
        assertLe(pool.committedOn(today), pool.budget(today));
    }

    /// @dev Each account was paid exactly `claimed`, never more than its amount in the newest claimable tree.
    function invariant_NoOverpayment() public view {
        address[] memory a = handler.accounts();
        (bool exists, uint256 epoch,,) = pool.claimableEpoch();
        uint256 sum;
        for (uint256 i; i < a.length; ++i) {
            uint256 c = pool.claimed(a[i]);
            assertEq(c, handler.ghostPaid(a[i]));
            if (exists) assertLe(c, handler.amountIn(epoch, i));
            else assertEq(c, 0);
            sum += c;
        }
        assertEq(sum, pool.totalClaimed());
    }

    /// @dev Stake accounting adds up to the Marketplace's token balance.
    function invariant_StakeAccounting() public view {
        address[] memory a = handler.accounts();
        uint256 sum;
        for (uint256 i; i < a.length; ++i) {
            (bool registered,,, uint256 stake, uint256 pending,) = market.getProvider(a[i]);
            sum += stake + pending;
            assertEq(market.isMatchable(a[i]), registered && stake >= market.minProviderStake());
        }
        assertEq(sum, market.totalStaked());
        assertEq(market.totalStaked(), mor.balanceOf(address(market)));
    }

    /// @dev Not a check: shows (with -vv) that the handler really settles, vetoes, claims and slashes.
    function invariant_CallSummary() public view {
        console2.log("commits", handler.nCommits(), "vetoes", handler.nVetoes());
        console2.log("claims paid", handler.nClaimsPaid(), "vetoed trees tried", handler.vetoedCount());
        console2.log("slashes", handler.nSlashes(), "withdrawals", handler.nWithdrawals());
        console2.log("settlement days", handler.settlementDayCount(), "total claimed", pool.totalClaimed());
    }

    /// @dev A vetoed root is never claimable and its proofs never pay.
    function invariant_VetoedNeverPaid() public view {
        assertFalse(handler.vetoedRootPaid());
        (bool exists,, bytes32 root,) = pool.claimableEpoch();
        if (exists) assertFalse(pool.isVetoed(root));
    }
}
