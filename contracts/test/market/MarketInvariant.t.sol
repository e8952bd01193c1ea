// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IModelRegistry} from "../../src/interfaces/IModelRegistry.sol";
import {Test} from "forge-std/Test.sol";
import {StdInvariant} from "forge-std/StdInvariant.sol";
import {MORToken} from "../../src/MORToken.sol";
import {Emissions} from "../../src/Emissions.sol";
import {ComputePool} from "../../src/ComputePool.sol";
import {Marketplace} from "../../src/Marketplace.sol";
import {ModelRegistry} from "../../src/ModelRegistry.sol";
import {MarketFixture} from "./MarketFixture.sol";
import {MerkleTestLib} from "./MerkleTestLib.sol";

/// @dev Drives the market with bounded inputs: providers register, stake, unstake, withdraw, bid and get
///      slashed (capped per episode, also when slashed again and again with fresh evidence, into the fund); the
///      admin moves the unbonding period; the keeper commits cumulative trees within the budget, and sometimes
///      turns adversarial: trees that lower an account's amount, over-budget roots; the guardian vetoes; the admin
///      moves the budget share and the dispute window within their bounds (and fails outside them); holders burn
///      MOR; anyone claims, also with proofs of older or vetoed trees, which must never pay beyond the newest
///      claimable tree; time moves by seconds to days, sometimes by years (into the tail epochs).
///      Users deposit MOR, request withdrawals, cancel them and withdraw; the keeper spends their deposits on
///      sessions beyond the budget (never for a user with a pending request: routers admit none), committing a
///      spend tree with the credits; adversaries withdraw before the delay (front-running the settlement),
///      with a proof of an older spend tree (stale), twice, and the keeper commits more spend than is deposited,
///      partly for a user who never deposited. Withdrawers race the keeper: between its read (outside a
///      withdrawal window) and its commit every user with a request tries to withdraw (it must fail and the
///      commit must land), and a user whose served sessions were just committed withdraws at once (the pending
///      spend must be held back).
///      Ghost state: the amounts of every live epoch's tree and spend tree, the amounts of vetoed trees, what
///      each account was paid, what each user deposited and withdrew, and the days on which settlement happened. Calls that must succeed are wrapped in try/catch and a
///      failure is recorded (`fail_on_revert = false` would otherwise drop it).
contract MarketHandler is Test {
    uint256 internal constant N = 5; // credited accounts: 4 providers and 1 model builder
    uint256 internal constant U = 3; // depositing users

    MORToken internal immutable mor;
    Emissions internal immutable em;
    address internal immutable admin;
    address internal immutable fund;
    ComputePool internal immutable pool;
    Marketplace internal immutable market;
    ModelRegistry internal immutable registry;
    address internal immutable keeper;
    address internal immutable guardian;
    address internal immutable capital;

    address[] internal actors; // actors[0..3] providers, actors[4] builder
    bytes32[] internal models;

    mapping(uint256 epoch => uint256[N]) internal epochAmounts; // live epochs' cumulative credits
    mapping(uint256 epoch => uint256[U]) internal epochSpent; // live epochs' cumulative spend per user
    address[] internal users;
    address internal stranger; // never deposits
    mapping(address => uint256) public ghostDeposited;
    mapping(address => uint256) public ghostWithdrawn;
    uint256 public ghostDepositedTotal;
    uint256 public ghostWithdrawnTotal;
    uint256 public nDeposits;
    uint256 public nWithdrawalsPaid;
    uint256 public nSpends;
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
    uint256 public nAdversarial;
    uint256 public ghostSlashed;
    uint256 internal evidenceNonce;
    // The slash episode model: each provider's slashes (time, amount) and its episode's allowance and use.
    mapping(address => uint256[]) internal slashTimes;
    mapping(address => uint256[]) internal slashAmounts;
    mapping(address => uint256) internal episodeCap;
    mapping(address => uint256) internal episodeUsed;

    // Violations, each asserted false by an invariant.
    bool public mustSucceedFailed; // an honest call that must succeed reverted
    string public failedCall;
    bool public overpaid; // a claim left an account above its amount in the newest claimable tree
    bool public overBudgetAccepted; // a root over the day's remaining budget was committed
    bool public outOfBoundsAccepted; // an admin setter accepted a value outside its fixed bounds
    bool public slashTooLarge; // a slash took other than min(amount, episode allowance left, stake), or paid elsewhere
    bool public slashOverWindow; // a provider's slashes within SLASH_WINDOW seconds exceeded its episode's allowance
    bool public earlyWithdrawalPaid; // a withdrawal was paid before its delay ran out
    bool public staleWithdrawalPaid; // a withdrawal was paid on a proof of an older spend tree
    bool public secondWithdrawalPaid; // one request was paid twice
    bool public wrongWithdrawal; // a withdrawal paid other than min(requested, deposit - spend)
    bool public overspendAccepted; // a spend above the deposits held was committed
    bool public staleReadAccepted; // a spend read before a withdrawal paid since was committed
    bool public readRegressed; // an epoch kept a deposit read earlier than the epoch before it
    bool public outsideWindowPaid; // a withdrawal was paid outside the day's withdrawal window
    uint256 public nRacedCommits; // honest commits read outside a window, raced by withdrawers
    bool public pastFeeChanged; // a builder's fee change altered the fee of a time before its block
    bool public increaseBeforeNotice; // a fee increase took effect before FEE_INCREASE_NOTICE

    // Builder fees observed for times already past (final): (model index, time, fee).
    struct FeeSeen {
        uint8 model;
        uint64 t;
        uint16 fee;
    }

    FeeSeen[] internal feesSeen;
    uint256 public nFeeChanges;

    constructor(
        MORToken mor_,
        Emissions em_,
        address admin_,
        address fund_,
        ComputePool pool_,
        Marketplace market_,
        ModelRegistry registry_,
        address keeper_,
        address guardian_,
        address capital_
    ) {
        mor = mor_;
        em = em_;
        admin = admin_;
        fund = fund_;
        pool = pool_;
        market = market_;
        registry = registry_;
        keeper = keeper_;
        guardian = guardian_;
        capital = capital_;
        for (uint256 i; i < N; ++i) {
            actors.push(makeAddr(string.concat("actor", vm.toString(i))));
        }
        for (uint256 i; i < U; ++i) {
            users.push(makeAddr(string.concat("user", vm.toString(i))));
        }
        stranger = makeAddr("stranger");
        vm.startPrank(actors[4]);
        registry.commitName(registry.nameCommitment("model-a", actors[4], 0)); // new names: commit, reveal later
        registry.commitName(registry.nameCommitment("model-b", actors[4], 0));
        vm.roll(block.number + 1);
        models.push(registry.register("model-a", "v1", keccak256("a"), 300, IModelRegistry.Kind.Model, 0));
        models.push(registry.register("model-b", "v1", keccak256("b"), 0, IModelRegistry.Kind.Model, 0));
        vm.stopPrank();
    }

    function accounts() external view returns (address[] memory) {
        return actors;
    }

    function depositors() external view returns (address[] memory) {
        return users;
    }

    /// @dev A user's cumulative spend in the newest live epoch (0 before any).
    function spentOf(uint256 u) public view returns (uint256) {
        uint256 next = pool.nextEpoch();
        return next == 0 ? 0 : epochSpent[next - 1][u];
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
        // A signer key shared by the four slots (seed % 4): providers compete for it, as SignerInUse requires.
        (address hot, uint256 hotKey) = makeAddrAndKey(string.concat("hot", vm.toString(seed % 4)));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(hotKey, market.signerClaimDigest(p, hot));
        vm.startPrank(p);
        mor.approve(address(market), stake);
        market.register("https://provider.example", hot, abi.encodePacked(r, s, v), stake);
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
        uint256[] storage times = slashTimes[p];
        if (times.length > 0 && block.timestamp <= times[times.length - 1] + market.SLASH_WINDOW()) {
            episodeCap[p] += amount * market.MAX_SLASH_BPS() / 10_000; // a top-up in an episode is slashable too
        }
    }

    function requestUnstake(uint256 seed, uint256 amount) external {
        calls++;
        address p = _provider(seed);
        (bool registered,,, uint256 stake,,) = market.getProvider(p);
        if (!registered || stake == 0) return;
        vm.prank(p);
        market.requestUnstake(_bound(amount, 1, stake));
    }

    function _fail(string memory what) internal {
        if (!mustSucceedFailed) failedCall = what;
        mustSucceedFailed = true;
    }

    function withdraw(uint256 seed) external {
        calls++;
        address p = _provider(seed);
        (,,,, uint256 pending, uint64 unlockAt) = market.getProvider(p);
        if (pending == 0) return;
        if (block.timestamp < unlockAt) vm.warp(unlockAt); // the provider waits out the unbonding period
        vm.prank(p);
        try market.withdraw() returns (uint256 out) {
            if (out != pending) _fail("withdraw amount");
        } catch {
            _fail("withdraw");
        }
        nWithdrawals++;
    }

    function slash(uint256 seed, uint256 amount) external {
        calls++;
        _slash(_provider(seed), amount);
    }

    /// @dev A guardian (or a stolen guardian key) slashing one provider again and again in one block, each time
    ///      with a fresh evidence hash: the episode cap must hold the total.
    function slashRepeatedly(uint256 seed, uint256 amount, uint256 times) external {
        calls++;
        address p = _provider(seed);
        times = _bound(times, 2, 8);
        for (uint256 i; i < times; ++i) {
            _slash(p, uint256(keccak256(abi.encode(amount, i))));
        }
        nAdversarial++;
    }

    /// @dev One slash with a fresh evidence hash, against the model of the episode cap (a slash more than
    ///      SLASH_WINDOW after the provider's last one opens an episode of MAX_SLASH_BPS of its stake then): it must
    ///      take min(amount, allowance left, stake) and revert only when that is zero; and, whatever the rule, the
    ///      provider's slashes within the last SLASH_WINDOW seconds must total at most that episode's allowance.
    function _slash(address p, uint256 amount) internal {
        (bool registered,,, uint256 stake, uint256 pending,) = market.getProvider(p);
        if (!registered) return;
        uint256 held = stake + pending;
        uint256 w = market.SLASH_WINDOW();
        uint256[] storage times = slashTimes[p];
        if (times.length == 0 || block.timestamp > times[times.length - 1] + w) {
            episodeCap[p] = held * market.MAX_SLASH_BPS() / 10_000;
            episodeUsed[p] = 0;
        }
        amount = _bound(amount, 1, 2 * held + 1);
        uint256 left = episodeCap[p] - episodeUsed[p];
        uint256 want = amount < left ? amount : left;
        if (want > held) want = held;
        uint256 fundBefore = mor.balanceOf(fund);
        vm.prank(guardian);
        try market.slash(p, amount, bytes32(++evidenceNonce)) returns (uint256 s) {
            if (s != want || mor.balanceOf(fund) != fundBefore + s) slashTooLarge = true;
            ghostSlashed += s;
            episodeUsed[p] += s;
            times.push(block.timestamp);
            slashAmounts[p].push(s);
            uint256 sum;
            for (uint256 i = times.length; i > 0 && times[i - 1] + w >= block.timestamp; --i) {
                sum += slashAmounts[p][i - 1];
            }
            if (sum > episodeCap[p]) slashOverWindow = true;
            nSlashes++;
        } catch {
            if (want > 0) _fail("slash");
        }
    }

    /// @dev The admin (through the timelock) moves the unbonding period anywhere within its bounds, also to zero
    ///      mid-episode: it must not reset or shorten a slashing episode (checked by the window sum above).
    function setUnbondingPeriod(uint256 period) external {
        calls++;
        uint256 minStake = market.minProviderStake();
        uint256 lo = market.minPrice();
        uint256 hi = market.maxPrice();
        period = _bound(period, 0, market.MAX_UNBONDING_PERIOD());
        vm.prank(admin);
        try market.setParams(minStake, period, lo, hi) {}
        catch {
            _fail("setParams within bounds");
        }
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
        _commitRead(seed, size, block.timestamp);
    }

    /// @dev Honest keeper and racing withdrawers: the keeper reads the deposits outside a withdrawal window (at
    ///      its close if one is open), every user with a request tries to withdraw before the commit (refused:
    ///      no window is open), and the keeper commits what it read before the next window opens: it must land.
    function commitRacedByWithdrawals(uint256 seed, uint256 size, uint256 lag) external {
        calls++;
        uint256 day = pool.interval();
        uint256 into = (block.timestamp - pool.payoutStart()) % day;
        uint256 w = pool.withdrawalWindow();
        if (into < w) {
            vm.warp(block.timestamp + w - into);
            into = w;
        }
        uint256 readAt = block.timestamp;
        vm.warp(block.timestamp + _bound(lag, 0, day - 1 - into));
        for (uint256 u; u < U; ++u) {
            (uint256 requested,) = pool.pendingWithdrawal(users[u]);
            if (requested != 0 && _withdrawPays(u)) outsideWindowPaid = true;
        }
        nAdversarial++;
        if (_commitRead(seed, size, readAt)) nRacedCommits++;
    }

    /// @dev A user whose request is ready had sessions served before it (routers admitted them): the keeper reads
    ///      (in the window), commits their charge, and the user withdraws at once, before the epoch is claimable.
    ///      The pending spend must be held back (invariant_Deposits: withdrawn + spent <= deposited).
    function withdrawServed(uint256 seed, uint256 charge) external {
        calls++;
        (uint256 u, address user, uint256 requested) = _readyToWithdraw(seed);
        if (requested == 0) return;
        if (!_commitServed(seed, u, charge)) return;
        (uint256 proven, bytes32[] memory proof) = _spendProof(u);
        vm.prank(user);
        try pool.withdraw(proven, proof) returns (uint256 paid) {
            ghostWithdrawn[user] += paid;
            ghostWithdrawnTotal += paid;
            nWithdrawalsPaid++;
        } catch {}
        nAdversarial++;
    }

    /// @dev The keeper's honest commit charging user `u` up to `charge` more (sessions served before its
    ///      request), read now; returns whether there was anything to commit.
    function _commitServed(uint256 seed, uint256 u, uint256 charge) internal returns (bool) {
        uint256 epoch = pool.nextEpoch();
        uint256[U] memory spent;
        uint256[N] memory amounts;
        if (epoch > 0) (spent, amounts) = (epochSpent[epoch - 1], epochAmounts[epoch - 1]);
        uint256 held = pool.depositOf(users[u]);
        if (held <= spent[u]) return false;
        charge = _bound(charge, 1, held - spent[u]);
        if (charge > pool.remainingSpend()) return false;
        spent[u] += charge;
        amounts[seed % N] += charge;
        (bytes32 spendRoot, uint256 spentTotal) = _spendRoot(spent);
        bytes32 root = MerkleTestLib.root(_tree(amounts));
        uint256 cumulative = pool.totalCommitted() + charge; // read before the prank, which the next call takes
        vm.prank(keeper);
        try pool.commitRoot(epoch, root, cumulative, spendRoot, spentTotal, block.timestamp, bytes32(0), "") {
            epochAmounts[epoch] = amounts;
            epochSpent[epoch] = spent;
            _noteDay();
            nCommits++;
            nSpends++;
            return true;
        } catch (bytes memory reason) {
            _fail(string.concat("commit of served sessions: ", vm.toString(reason)));
            return false;
        }
    }

    /// @dev Commits the next epoch from deposits read at `readAt`; returns whether it landed (a refusal of this
    ///      honest commit is recorded as a failure).
    function _commitRead(uint256 seed, uint256 size, uint256 readAt) internal returns (bool) {
        uint256 remaining = pool.remainingBudget();
        uint256 epoch = pool.nextEpoch();
        // Sessions paid from deposits: only users without a pending withdrawal, within what they have left.
        uint256[U] memory spent;
        if (epoch > 0) spent = epochSpent[epoch - 1];
        uint256 funded;
        if (seed % 2 == 0) {
            for (uint256 u; u < U; ++u) {
                (uint256 requested,) = pool.pendingWithdrawal(users[u]);
                uint256 held = pool.depositOf(users[u]);
                if (requested != 0 || held <= spent[u]) continue;
                uint256 part = uint256(keccak256(abi.encode(seed, "spend", u))) % (held - spent[u] + 1);
                spent[u] += part;
                funded += part;
            }
        }
        if (remaining == 0 && funded == 0) return false;
        uint256 delta = (remaining == 0 ? 0 : _bound(size, 1, remaining)) + funded; // budget part up to all of it
        uint256[N] memory amounts;
        if (epoch > 0) amounts = epochAmounts[epoch - 1];
        // Split `delta` over the accounts: provider owners and the builder.
        uint256 left = delta;
        for (uint256 i; i < N && left > 0; ++i) {
            uint256 part = i == N - 1 ? left : uint256(keccak256(abi.encode(seed, i))) % (left + 1);
            amounts[i] += part;
            left -= part;
        }
        if (funded > 0) nSpends++;
        return _commit(epoch, amounts, pool.totalCommitted() + delta, spent, readAt);
    }

    function _spendTree(uint256[U] memory spent) internal view returns (bytes32[][] memory) {
        uint256[] memory x = new uint256[](U);
        for (uint256 u; u < U; ++u) {
            x[u] = spent[u];
        }
        return MerkleTestLib.build(users, x);
    }

    function _spendRoot(uint256[U] memory spent) internal view returns (bytes32 root, uint256 total) {
        for (uint256 u; u < U; ++u) {
            total += spent[u];
        }
        if (total != 0) root = MerkleTestLib.root(_spendTree(spent));
    }

    function _commit(
        uint256 epoch,
        uint256[N] memory amounts,
        uint256 cumulative,
        uint256[U] memory spent,
        uint256 readAt
    ) internal returns (bool) {
        bytes32 root = MerkleTestLib.root(_tree(amounts));
        if (pool.isVetoed(root)) return false;
        if (epoch > 0 && pool.nextEpoch() > 0) {
            (bytes32 prev,,) = pool.epochInfo(epoch - 1);
            if (prev == root) return false;
        }
        (bytes32 spendRoot, uint256 spentTotal) = _spendRoot(spent);
        vm.prank(keeper);
        try pool.commitRoot(
            epoch, root, cumulative, spendRoot, spentTotal, readAt, keccak256(abi.encode(amounts)), "ipfs://batch"
        ) {
            epochAmounts[epoch] = amounts;
            epochSpent[epoch] = spent;
            _noteDay();
            nCommits++;
            return true;
        } catch {
            _fail("commit within budget");
            return false;
        }
    }

    /// @dev A keeper stating a deposit read earlier than the previous epoch's, spend leaves unchanged (an honest
    ///      keeper in hold mode reading at an older cutoff, or a hostile one stating anything down to 0): it lands
    ///      (no deposit is charged, so no staleness check applies), and the pool keeps the previous epoch's read
    ///      as the floor, so a user charged before still proves its spend (`withdrawUnproven`, invariant_Deposits).
    function commitReadRegress(uint256 seed, uint256 size) external {
        calls++;
        uint256 epoch = pool.nextEpoch();
        if (epoch == 0) return;
        (,, uint64 prevRead) = pool.spendInfo(epoch - 1);
        nAdversarial++;
        // An odd seed: _commitRead charges no deposit.
        if (_commitRead(seed | 1, size, _bound(seed >> 8, 0, prevRead))) {
            (,, uint64 kept) = pool.spendInfo(epoch);
            if (kept < prevRead) readRegressed = true;
        }
    }

    /// @dev A user asks for and takes its deposit back with no spend proof (spend 0, an empty proof), as one
    ///      funded after the claimable epoch's deposit read may: whatever it is paid, it never takes back what it
    ///      spent (invariant_Deposits).
    function withdrawUnproven(uint256 seed, uint256 amount) external {
        calls++;
        (uint256 u, address user, uint256 requested) = _readyToWithdraw(seed);
        bytes32[] memory none;
        nAdversarial++;
        if (requested == 0) {
            uint256 held = pool.depositOf(user);
            if (held == 0) return;
            vm.prank(user);
            try pool.requestWithdrawal(_bound(amount, 1, held), 0, none) {} catch {}
            (requested,) = pool.pendingWithdrawal(user);
            if (requested == 0) return;
            (u, user, requested) = _readyToWithdraw(seed);
        }
        vm.prank(user);
        try pool.withdraw(0, none) returns (uint256 paid) {
            ghostWithdrawn[user] += paid;
            ghostWithdrawnTotal += paid;
            nWithdrawalsPaid++;
        } catch {}
    }

    /// @dev A compromised keeper moves credit from one account to another (the first one's cumulative amount
    ///      falls, possibly below what it already claimed) while staying within the budget.
    function commitDecreasing(uint256 seed, uint256 size) external {
        calls++;
        uint256 epoch = pool.nextEpoch();
        if (epoch == 0) return;
        uint256[N] memory amounts = epochAmounts[epoch - 1];
        uint256 from = seed % N;
        uint256 to = (from + 1 + (seed >> 8) % (N - 1)) % N;
        uint256 moved = _bound(size, 1, amounts[from] + 1) - 1;
        if (moved == 0) return;
        amounts[from] -= moved;
        amounts[to] += moved;
        nAdversarial++;
        _commit(epoch, amounts, pool.totalCommitted(), epochSpent[epoch - 1], block.timestamp);
    }

    /// @dev A compromised keeper commits a root above what is left of today's budget: it must be refused.
    function commitOverBudget(uint256 seed, uint256 excess) external {
        calls++;
        if (block.timestamp < pool.payoutStart()) return;
        uint256 epoch = pool.nextEpoch();
        uint256 remaining = pool.remainingBudget();
        uint256 cumulative = pool.totalCommitted() + remaining + _bound(excess, 1, 1e30);
        vm.prank(keeper);
        try pool.commitRoot(
            epoch, keccak256(abi.encode("over", seed)), cumulative, bytes32(0), 0, block.timestamp, bytes32(0), ""
        ) {
            overBudgetAccepted = true;
        } catch {}
        nAdversarial++;
    }

    /// @dev A compromised keeper commits a spend above every deposit held, part of it for a user who never
    ///      deposited, with credits to match and within the budget: it must be refused.
    function commitOverspend(uint256 seed, uint256 excess) external {
        calls++;
        if (block.timestamp < pool.payoutStart()) return;
        uint256 epoch = pool.nextEpoch();
        uint256 over = pool.totalDeposits() - pool.totalSpent() + _bound(excess, 1, 1e24);
        uint256[N] memory amounts;
        if (epoch > 0) amounts = epochAmounts[epoch - 1];
        amounts[seed % N] += over;
        address[] memory who = new address[](U + 1);
        uint256[] memory x = new uint256[](U + 1);
        uint256 total = over;
        for (uint256 u; u < U; ++u) {
            who[u] = users[u];
            x[u] = spentOf(u);
            total += x[u];
        }
        who[U] = stranger;
        x[U] = over;
        bytes32 spendRoot = MerkleTestLib.root(MerkleTestLib.build(who, x));
        uint256 cumulative = pool.totalCommitted() + over; // before the prank: it applies to the next call
        vm.prank(keeper);
        try pool.commitRoot(
            epoch, MerkleTestLib.root(_tree(amounts)), cumulative, spendRoot, total, block.timestamp, bytes32(0), ""
        ) {
            overspendAccepted = true;
        } catch {}
        nAdversarial++;
    }

    /// @dev Issue 13, a late keeper: it reads the deposits (a user with a ready request still holds its deposit),
    ///      the user withdraws before the commit lands, and the keeper commits what it read, charging the user
    ///      what it held (the rest of the deposits cover it, so no other check refuses it). It must be refused.
    function commitStaleRead(uint256 seed) external {
        calls++;
        (uint256 u, address user, uint256 requested) = _readyToWithdraw(seed);
        if (requested == 0) return;
        uint256 epoch = pool.nextEpoch();
        uint256 before = epoch > 0 ? epochSpent[epoch - 1][u] : 0;
        uint256 held = pool.depositOf(user);
        if (held <= before) return;
        uint256 readAt = block.timestamp; // the keeper's read
        (uint256 proven, bytes32[] memory proof) = _spendProof(u);
        vm.warp(block.timestamp + 1);
        vm.prank(user);
        try pool.withdraw(proven, proof) returns (uint256 paid) {
            ghostWithdrawn[user] += paid;
            ghostWithdrawnTotal += paid;
            nWithdrawalsPaid++;
        } catch {
            return;
        }
        _staleCommit(seed, epoch, u, held - before, readAt);
    }

    /// @dev Commits epoch `epoch` charging user `u` `charge` more (within the deposits and the cap) on a read at
    ///      `readAt`; must revert.
    function _staleCommit(uint256 seed, uint256 epoch, uint256 u, uint256 charge, uint256 readAt) internal {
        uint256 free = pool.totalDeposits() - pool.totalSpent();
        if (charge > free) charge = free;
        if (charge > pool.remainingSpend()) charge = pool.remainingSpend();
        if (charge == 0) return;
        uint256[U] memory spent;
        uint256[N] memory amounts;
        if (epoch > 0) (spent, amounts) = (epochSpent[epoch - 1], epochAmounts[epoch - 1]);
        spent[u] += charge;
        amounts[seed % N] += charge;
        bytes32 root = MerkleTestLib.root(_tree(amounts));
        (bytes32 spendRoot, uint256 spentTotal) = _spendRoot(spent);
        uint256 cumulative = pool.totalCommitted() + charge;
        nAdversarial++;
        vm.prank(keeper);
        try pool.commitRoot(epoch, root, cumulative, spendRoot, spentTotal, readAt, bytes32(0), "") {
            staleReadAccepted = true;
            epochAmounts[epoch] = amounts;
            epochSpent[epoch] = spent;
        } catch {}
    }

    /// @dev Proofs of an older live tree (not the newest claimable one) must never pay beyond the newest tree.
    function claimStale(uint256 seed) external {
        calls++;
        (bool exists, uint256 newest,,) = pool.claimableEpoch();
        if (!exists || newest == 0) return;
        uint256 old = (seed >> 16) % newest;
        uint256 i = seed % N;
        uint256[N] memory amounts = epochAmounts[old];
        bytes32[] memory proof = MerkleTestLib.proof(_tree(amounts), i);
        try pool.claim(actors[i], amounts[i], proof) returns (uint256 paid) {
            ghostPaid[actors[i]] += paid;
            _checkPaid(i, newest);
        } catch {}
        nAdversarial++;
    }

    function _checkPaid(uint256 i, uint256 newest) internal {
        if (pool.claimed(actors[i]) > epochAmounts[newest][i]) overpaid = true;
    }

    // ---- admin within (and beyond) its bounds ----

    function setBudgetBps(uint256 bps) external {
        calls++;
        uint256 max = pool.maxBudgetBps();
        vm.prank(admin);
        try pool.setBudgetBps(_bound(bps, 0, max)) {}
        catch {
            _fail("setBudgetBps within bounds");
        }
        vm.prank(admin);
        try pool.setBudgetBps(_bound(bps, max + 1, type(uint256).max)) {
            outOfBoundsAccepted = true;
        } catch {}
    }

    function setDisputeWindow(uint256 window) external {
        calls++;
        uint256 min = pool.minDisputeWindow();
        vm.prank(admin);
        // forge-lint: disable-next-line(unsafe-typecast)
        try pool.setDisputeWindow(uint32(_bound(window, min, min * 4))) {}
        catch {
            _fail("setDisputeWindow within bounds");
        }
        vm.prank(admin);
        // forge-lint: disable-next-line(unsafe-typecast)
        try pool.setDisputeWindow(uint32(_bound(window, 0, min - 1))) {
            outOfBoundsAccepted = true;
        } catch {}
    }

    // ---- emissions: burns and releases ----

    function burn(uint256 seed, uint256 amount) external {
        calls++;
        address who = seed % 2 == 0 ? capital : actors[seed % N];
        uint256 bal = mor.balanceOf(who);
        if (bal == 0) return;
        amount = _bound(amount, 1, bal);
        vm.prank(who);
        try mor.burn(amount) {}
        catch {
            _fail("burn");
        }
    }

    function release() external {
        calls++;
        if (em.releasable() == 0) return;
        try em.release() {}
        catch {
            _fail("release");
        }
    }

    function veto(uint256 seed) external {
        calls++;
        uint256 next = pool.nextEpoch();
        if (next == 0) return;
        uint256 epoch = next - 1 - (seed % next);
        (,, uint64 claimableAt) = pool.epochInfo(epoch);
        if (block.timestamp >= claimableAt) return;
        (bytes32 vetoed12,, uint64 vetoed12At) = pool.epochInfo(epoch);
        vm.prank(guardian);
        pool.vetoRoot(epoch, vetoed12, vetoed12At);
        vetoedAmounts.push(epochAmounts[epoch]);
        if (pool.totalSpent() != (epoch == 0 ? 0 : _sumSpent(epochSpent[epoch - 1]))) _fail("veto restores spend");
        _noteDay();
        nVetoes++;
    }

    function claim(uint256 seed) external {
        calls++;
        (bool exists, uint256 epoch,,) = pool.claimableEpoch();
        if (!exists) return;
        uint256 i = seed % N;
        uint256[N] memory amounts = epochAmounts[epoch];
        uint256 already = pool.claimed(actors[i]);
        if (amounts[i] <= already) return;
        (,,, uint256 cap) = pool.claimableEpoch();
        bool mustPay = pool.totalClaimed() + amounts[i] - already <= cap; // else a lowering keeper overdrew it
        bytes32[][] memory tree = _tree(amounts);
        vm.prank(makeAddr("relayer"));
        try pool.claim(actors[i], amounts[i], MerkleTestLib.proof(tree, i)) returns (uint256 paid) {
            if (paid != amounts[i] - already) _fail("claim amount");
            ghostPaid[actors[i]] += paid;
            _checkPaid(i, epoch);
            nClaimsPaid++;
        } catch {
            if (mustPay) _fail("valid claim");
        }
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
            if (received > 0) {
                nClaimsPaid++;
                _checkPaid(i, epoch);
            }
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

    // ---- deposits ----

    function _sumSpent(uint256[U] memory spent) internal pure returns (uint256 total) {
        for (uint256 u; u < U; ++u) {
            total += spent[u];
        }
    }

    function deposit(uint256 seed, uint256 amount) external {
        calls++;
        address user = users[seed % U];
        amount = _bound(amount, 1, 5_000e18);
        _give(user, amount);
        if (mor.balanceOf(user) < amount) return;
        vm.startPrank(user);
        mor.approve(address(pool), amount);
        try pool.deposit(amount) {
            ghostDeposited[user] += amount;
            ghostDepositedTotal += amount;
            nDeposits++;
        } catch {
            _fail("deposit");
        }
        vm.stopPrank();
    }

    function requestWithdrawal(uint256 seed, uint256 amount) external {
        calls++;
        uint256 u = seed % U;
        address user = users[u];
        uint256 held = pool.depositOf(user);
        if (held == 0) return;
        (uint256 spent, bytes32[] memory proof) = _spendProof(u);
        vm.prank(user);
        try pool.requestWithdrawal(_bound(amount, 1, held), spent, proof) {}
        catch {
            _fail("requestWithdrawal");
        }
    }

    function cancelWithdrawal(uint256 seed) external {
        calls++;
        address user = users[seed % U];
        (uint256 requested,) = pool.pendingWithdrawal(user);
        if (requested == 0) return;
        vm.prank(user);
        pool.cancelWithdrawal();
    }

    /// @dev The spend leaf and proof of user `u` in the newest claimable epoch (zero and empty when none).
    function _spendProof(uint256 u) internal view returns (uint256 spent, bytes32[] memory proof) {
        (bool exists, uint256 epoch,,) = pool.claimableEpoch();
        if (!exists) return (0, proof);
        uint256[U] memory s = epochSpent[epoch];
        if (_sumSpent(s) == 0) return (0, proof);
        return (s[u], MerkleTestLib.proof(_spendTree(s), u));
    }

    /// @dev What withdraw holds back beyond the claimable spend: the spend of the pending epochs (every
    /// depositor's: the pool cannot tell a pending epoch's spend per user, so the user is not read).
    function _pendingSpend(address) internal view returns (uint256) {
        (bool exists, uint256 epoch,,) = pool.claimableEpoch();
        uint256 first = exists ? epoch + 1 : 0;
        if (first >= pool.nextEpoch()) return 0;
        uint256 before;
        if (first > 0) (, before,) = pool.spendInfo(first - 1);
        return pool.totalSpent() - before;
    }

    /// @dev The user `seed` picks, with its pending request (0: none), the clock moved to when it can be paid.
    function _readyToWithdraw(uint256 seed) internal returns (uint256 u, address user, uint256 requested) {
        u = seed % U;
        user = users[u];
        uint64 readyAt;
        (requested, readyAt) = pool.pendingWithdrawal(user);
        if (requested != 0 && block.timestamp < readyAt) vm.warp(readyAt);
    }

    /// @dev An honest user waits out the delay and withdraws with the newest claimable proof: it must be paid
    ///      exactly min(requested, deposit - spend); the same call again (withdrawing twice) must fail.
    function withdrawDeposit(uint256 seed) external {
        calls++;
        (uint256 u, address user, uint256 requested) = _readyToWithdraw(seed);
        if (requested == 0) return;
        (uint256 spent, bytes32[] memory proof) = _spendProof(u);
        uint256 held = pool.depositOf(user);
        uint256 before = mor.balanceOf(user);
        uint256 reserved = spent + _pendingSpend(user);
        vm.prank(user);
        try pool.withdraw(spent, proof) returns (uint256 paid) {
            uint256 due = held - reserved < requested ? held - reserved : requested;
            if (paid != due || mor.balanceOf(user) - before != paid) wrongWithdrawal = true;
            ghostWithdrawn[user] += paid;
            ghostWithdrawnTotal += paid;
            nWithdrawalsPaid++;
        } catch {
            if (held > reserved) _fail("withdraw after the delay");
            return;
        }
        vm.prank(user);
        try pool.withdraw(spent, proof) returns (uint256) {
            secondWithdrawalPaid = true;
        } catch {}
    }

    /// @dev Front-running: the user withdraws before its delay is over (while its sessions may still be
    ///      settling), with a valid proof of the newest claimable spend: it must fail.
    function withdrawEarly(uint256 seed, uint256 secs) external {
        calls++;
        uint256 u = seed % U;
        (uint256 requested, uint64 readyAt) = pool.pendingWithdrawal(users[u]);
        if (requested == 0 || block.timestamp >= readyAt) return;
        vm.warp(block.timestamp + _bound(secs, 0, readyAt - block.timestamp - 1));
        if (_withdrawPays(u)) earlyWithdrawalPaid = true;
        nAdversarial++;
    }

    /// @dev User `u` tries to withdraw with the newest claimable proof where it must be refused: whether it was
    ///      paid (the ghosts are not updated: being paid is the failure recorded).
    function _withdrawPays(uint256 u) internal returns (bool) {
        (uint256 spent, bytes32[] memory proof) = _spendProof(u);
        vm.prank(users[u]);
        try pool.withdraw(spent, proof) returns (uint256) {
            return true;
        } catch {
            return false;
        }
    }

    /// @dev A stale proof: the user proves a lower spend from an older live epoch: it must fail.
    function withdrawStale(uint256 seed) external {
        calls++;
        uint256 u = seed % U;
        (bool exists, uint256 newest,,) = pool.claimableEpoch();
        if (!exists || newest == 0) return;
        (uint256 requested, uint64 readyAt) = pool.pendingWithdrawal(users[u]);
        if (requested == 0) return;
        uint256[U] memory old = epochSpent[(seed >> 16) % newest];
        if (old[u] >= epochSpent[newest][u] || _sumSpent(old) == 0) return;
        if (block.timestamp < readyAt) vm.warp(readyAt);
        (exists, newest,,) = pool.claimableEpoch();
        if (old[u] >= epochSpent[newest][u]) return;
        vm.prank(users[u]);
        try pool.withdraw(old[u], MerkleTestLib.proof(_spendTree(old), u)) returns (uint256) {
            staleWithdrawalPaid = true;
        } catch {}
        nAdversarial++;
    }

    /// @dev Adversarial builder: changes a model's fee (up or down, replacing a pending change) at any time.
    ///      Every fee seen before for a past time must stay; an increase must wait out the notice.
    function builderSetsFee(uint256 seed, uint256 fee, uint256 probe) external {
        calls++;
        uint256 k = seed % models.length;
        bytes32 id = models[k];
        uint64 now_ = uint64(block.timestamp);
        uint64 past = uint64(_bound(probe, 0, now_ - 1));
        // forge-lint: disable-next-line(unsafe-typecast)
        feesSeen.push(FeeSeen(uint8(k), past, registry.feeAt(id, past)));
        uint16 inForce = registry.feeAt(id, now_);
        uint16 newFee = uint16(_bound(fee, 0, registry.MAX_FEE_BPS()));
        vm.prank(actors[4]);
        registry.setBuilderFee(id, newFee);
        nFeeChanges++;
        nAdversarial++;
        uint64 notice = registry.FEE_INCREASE_NOTICE();
        if (newFee > inForce && registry.feeAt(id, now_ + notice - 1) != inForce) increaseBeforeNotice = true;
        if (!feesUnchanged()) pastFeeChanged = true;
    }

    /// @notice Whether every fee seen for a past time is still the fee of that time.
    function feesUnchanged() public view returns (bool) {
        for (uint256 i; i < feesSeen.length; ++i) {
            FeeSeen memory f = feesSeen[i];
            if (registry.feeAt(models[f.model], f.t) != f.fee) return false;
        }
        return true;
    }

    function warp(uint256 secs) external {
        calls++;
        // Mostly up to three days; one warp in 32 jumps years ahead, into the tail epochs.
        uint256 max = secs % 32 == 0 ? 6_000 days : 3 days;
        vm.warp(block.timestamp + _bound(secs, 1, max));
    }
}

/// @notice Invariants of the market contracts under the handler above.
contract MarketInvariantTest is StdInvariant, MarketFixture {
    MarketHandler internal handler;

    function setUp() public override {
        super.setUp();
        em.release(); // capital funds the providers
        handler = new MarketHandler(mor, em, admin, fund, pool, market, registry, keeper, guardian, capital);
        targetContract(address(handler));
        bytes4[] memory selectors = new bytes4[](40);
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
        selectors[15] = MarketHandler.commitDecreasing.selector;
        selectors[16] = MarketHandler.commitOverBudget.selector;
        selectors[17] = MarketHandler.claimStale.selector;
        selectors[18] = MarketHandler.setBudgetBps.selector;
        selectors[19] = MarketHandler.setDisputeWindow.selector;
        selectors[20] = MarketHandler.burn.selector;
        selectors[21] = MarketHandler.release.selector;
        selectors[22] = MarketHandler.claim.selector;
        selectors[23] = MarketHandler.deposit.selector;
        selectors[24] = MarketHandler.requestWithdrawal.selector;
        selectors[25] = MarketHandler.cancelWithdrawal.selector;
        selectors[26] = MarketHandler.withdrawDeposit.selector;
        selectors[27] = MarketHandler.withdrawEarly.selector;
        selectors[28] = MarketHandler.withdrawStale.selector;
        selectors[29] = MarketHandler.commitOverspend.selector;
        selectors[30] = MarketHandler.deposit.selector;
        selectors[31] = MarketHandler.commit.selector;
        selectors[32] = MarketHandler.commitStaleRead.selector;
        selectors[33] = MarketHandler.builderSetsFee.selector;
        selectors[34] = MarketHandler.commitRacedByWithdrawals.selector;
        selectors[35] = MarketHandler.withdrawServed.selector;
        selectors[36] = MarketHandler.commitReadRegress.selector;
        selectors[37] = MarketHandler.withdrawUnproven.selector;
        selectors[38] = MarketHandler.slashRepeatedly.selector;
        selectors[39] = MarketHandler.setUnbondingPeriod.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }

    /// @dev totalClaimed <= totalCommitted; the allowance-funded part <= computeAccrued(now) (PROTOCOL §4);
    ///      the deposits held cover the deposit-funded part (the solvency invariant of deposits).
    function invariant_Solvency() public view {
        assertLe(pool.totalClaimed(), pool.totalCommitted());
        assertLe(pool.totalSpent(), pool.totalCommitted());
        assertEq(pool.totalFromBudget(), pool.totalCommitted() - pool.totalSpent());
        assertLe(pool.totalFromBudget(), pool.computeAccrued(block.timestamp));
        assertLe(pool.totalSpent(), pool.totalDeposits());
        // Claims never exceed what the claimable root committed.
        (bool exists,,, uint256 claimableTotal) = pool.claimableEpoch();
        if (exists) assertLe(pool.totalClaimed(), claimableTotal);
        // The pool holds exactly what was released to it plus deposits minus withdrawals and claims, and with
        // what is still unreleased of the compute bucket it covers every credit not yet claimed and every
        // deposit not yet spent.
        uint256 held = mor.balanceOf(address(pool));
        assertEq(
            held, em.released(3) + handler.ghostDepositedTotal() - handler.ghostWithdrawnTotal() - pool.totalClaimed()
        );
        uint256 unreleased = pool.computeAccrued(block.timestamp) - em.released(3);
        assertGe(
            held + unreleased, pool.totalCommitted() - pool.totalClaimed() + pool.totalDeposits() - pool.totalSpent()
        );
    }

    /// @dev Each user's deposit is what it deposited minus what it withdrew; it never withdrew what it spent
    ///      (withdrawn + spend in the newest live epoch <= deposited); no withdrawal came early, on a stale proof,
    ///      twice or with the wrong amount; no spend above the deposits was committed.
    function invariant_Deposits() public view {
        address[] memory u = handler.depositors();
        uint256 sum;
        for (uint256 i; i < u.length; ++i) {
            uint256 deposited = handler.ghostDeposited(u[i]);
            uint256 withdrawn = handler.ghostWithdrawn(u[i]);
            assertEq(pool.depositOf(u[i]), deposited - withdrawn);
            assertLe(withdrawn + handler.spentOf(i), deposited, "withdrew a spent deposit");
            sum += deposited - withdrawn;
        }
        assertEq(sum, pool.totalDeposits());
        assertFalse(handler.earlyWithdrawalPaid(), "withdrawal paid before the delay");
        assertFalse(handler.staleWithdrawalPaid(), "withdrawal paid on a stale proof");
        assertFalse(handler.secondWithdrawalPaid(), "withdrawal paid twice");
        assertFalse(handler.wrongWithdrawal(), "withdrawal paid the wrong amount");
        assertFalse(handler.overspendAccepted(), "spend above the deposits committed");
        assertFalse(handler.staleReadAccepted(), "spend read before a later withdrawal committed");
        assertFalse(handler.outsideWindowPaid(), "withdrawal paid outside the withdrawal window");
        assertFalse(handler.readRegressed(), "an epoch kept a deposit read before the previous epoch's");
    }

    /// @dev Calls that must succeed did; adversarial calls never got through; bounds held.
    function invariant_HonestCallsSucceedAdversarialFail() public view {
        assertFalse(handler.mustSucceedFailed(), handler.failedCall());
        assertFalse(handler.overBudgetAccepted(), "over-budget root committed");
        assertFalse(handler.outOfBoundsAccepted(), "admin setter out of bounds");
        assertFalse(handler.slashTooLarge(), "slash above the cap or paid elsewhere");
        assertGe(pool.disputeWindow(), pool.minDisputeWindow());
        uint256 today = pool.currentDay();
        assertLe(pool.budgetBpsAt(today), pool.maxBudgetBps());
        assertLe(pool.budgetBpsAt(today + 1), pool.maxBudgetBps());
        assertEq(market.protectionFund(), fund);
        assertEq(mor.balanceOf(fund), handler.ghostSlashed());
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

    /// @dev Each account was paid exactly `claimed`; no claim ever left it above its amount in the newest
    ///      claimable tree at the time (a lowering keeper may leave an earlier claim above a later tree, which
    ///      is why this is checked at each claim).
    function invariant_NoOverpayment() public view {
        address[] memory a = handler.accounts();
        (bool exists,,,) = pool.claimableEpoch();
        uint256 sum;
        for (uint256 i; i < a.length; ++i) {
            uint256 c = pool.claimed(a[i]);
            assertEq(c, handler.ghostPaid(a[i]));
            if (!exists) assertEq(c, 0);
            sum += c;
        }
        assertEq(sum, pool.totalClaimed());
        assertFalse(handler.overpaid(), "paid beyond the newest claimable tree");
    }

    /// @dev The guardian's slashes, however many evidence hashes it uses (slashRepeatedly) and however the admin
    ///      moves the unbonding period, never take more from a provider within SLASH_WINDOW seconds than
    ///      MAX_SLASH_BPS of its stake at the first slash of the episode (PROTOCOL §10: slashes capped).
    function invariant_SlashBoundedPerWindow() public view {
        assertFalse(handler.slashOverWindow(), "more than MAX_SLASH_BPS slashed within SLASH_WINDOW");
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

    /// @dev A builder raising (or lowering) its fee never changes the fee of an earlier time, and an increase
    ///      takes effect only after FEE_INCREASE_NOTICE (the keeper charges the fee at each session's start).
    function invariant_BuilderFeeHistory() public view {
        assertFalse(handler.pastFeeChanged(), "a fee change altered the fee of an earlier time");
        assertFalse(handler.increaseBeforeNotice(), "a fee increase took effect before its notice");
        assertTrue(handler.feesUnchanged(), "a past fee changed");
    }

    /// @dev A vetoed root is never claimable and its proofs never pay.
    function invariant_VetoedNeverPaid() public view {
        assertFalse(handler.vetoedRootPaid());
        (bool exists,, bytes32 root,) = pool.claimableEpoch();
        if (exists) assertFalse(pool.isVetoed(root));
    }
}
