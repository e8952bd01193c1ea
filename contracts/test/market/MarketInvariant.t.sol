// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
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
///      Users deposit, and providers register and add stake, with ERC-2612 permits signed by their keys; a permit
///      thief front-runs those permits on the token, replays used ones, submits permits signed for another value
///      or spender, past their deadline, with a used or later nonce or by its own key, and calls
///      depositWithPermit, registerWithPermit and addStakeWithPermit as itself with a victim's signature (from its
///      own MOR and allowance, sometimes). A hostile admin sets the withdrawal delay, the dispute window and the
///      daily spend cap to any value (below, at and past every bound, shorter and longer than now) at any moment
///      among pending requests and epochs (the honest keeper defers spend beyond the cap), and every non-admin
///      role holder and user tries every admin setter and role grant.
///      Ghost state: the amounts of every live epoch's tree and spend tree, the amounts of vetoed trees, what
///      each account was paid, what each user (and the thief) deposited and withdrew, when each pending
///      withdrawal request was made and the least delay in force since, and the days on which settlement
///      happened. Calls that must succeed are wrapped in try/catch and a failure is recorded
///      (`fail_on_revert = false` would otherwise drop it).
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

    // ERC-2612 permits and a permit thief (never a depositor's or provider's key holder).
    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");
    mapping(address => uint256) internal keyOf; // the users' and the accounts' keys (makeAddrAndKey)
    address public thief;
    uint256 internal thiefKey;
    uint256 public nPermitDeposits;
    uint256 public nPermitStakes;
    uint256 public nFrontRuns;
    uint256 public nThiefDeposits; // the thief's depositWithPermit with a victim's signature, paid from its own MOR
    bool public permitTheft; // a call moved, credited or staked MOR of anyone but its caller, or not as it said
    bool public frontRunBlocked; // a front-run permit made the owner's call fail though the allowance it set sufficed
    bool public badPermitAccepted; // a replayed, mismatched, expired or foreign-key permit set an allowance or paid
    string public permitWhat;

    /// @dev One signed permit: the value signed and the deadline, and the signature.
    struct Permit {
        uint256 value;
        uint256 deadline;
        uint8 v;
        bytes32 r;
        bytes32 s;
    }

    // A hostile admin (setWithdrawalDelay, setDisputeWindow, setDailySpendCap with any value at any moment), and
    // the ghost of every pending withdrawal request: when it was made, the delay in force then, and the least
    // delay in force at any moment since.
    mapping(address => uint256) public ghostRequestedAt; // 0: no request pending
    mapping(address => uint256) public ghostDelayAtRequest;
    mapping(address => uint256) public ghostLeastDelaySince;
    uint256 public nDelaySet;
    uint256 public nWindowSet;
    uint256 public nCapSet;
    uint256 public nSetterRefused;
    uint256 public nNonAdminTries;
    uint256 public nPaidSoonerThanDelayAtRequest; // allowed: the admin shortened the delay after the request
    bool public setterOutcomeWrong; // a setter took a value its bounds refuse, or refused one they take
    string public setterWhat;
    bool public nonAdminSetterAccepted; // a non-admin's setter call (or role grant) did not revert, or changed state
    bool public capRaisedEarly; // a cap change raised a day up to the one a withdrawal requested then is paid on
    bool public paidBeforeDelay; // a withdrawal paid before requestedAt + the delay in force (or the floor)

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
            (address a, uint256 key) = makeAddrAndKey(string.concat("actor", vm.toString(i)));
            actors.push(a);
            keyOf[a] = key;
        }
        for (uint256 i; i < U; ++i) {
            (address a, uint256 key) = makeAddrAndKey(string.concat("user", vm.toString(i)));
            users.push(a);
            keyOf[a] = key;
        }
        stranger = makeAddr("stranger");
        (thief, thiefKey) = makeAddrAndKey("permitThief");
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

    /// @dev The provider `seed` picks, funded with a stake between the minimum and five times it, when it is not
    ///      registered yet (zero otherwise, or when the capital cannot fund it).
    function _newProvider(uint256 seed, uint256 stake) internal returns (address p, uint256) {
        p = _provider(seed);
        (bool registered,,,,,) = market.getProvider(p);
        if (registered) return (address(0), 0);
        uint256 min = market.minProviderStake();
        stake = _bound(stake, min, 5 * min);
        return _funded(p, stake);
    }

    /// @dev The registered provider `seed` picks and a top-up of 1 wei to 2,000 MOR it is funded with (zero when
    ///      not registered or not funded).
    function _registeredProvider(uint256 seed, uint256 amount) internal returns (address p, uint256) {
        p = _provider(seed);
        (bool registered,,,,,) = market.getProvider(p);
        if (!registered) return (address(0), 0);
        return _funded(p, _bound(amount, 1, 2_000e18));
    }

    /// @dev The user `seed` picks and a deposit of 1 wei to 5,000 MOR it is funded with (zero when not funded).
    function _fundedUser(uint256 seed, uint256 amount) internal returns (address, uint256) {
        return _funded(users[seed % U], _bound(amount, 1, 5_000e18));
    }

    /// @dev `a` funded with `amount` from the capital, or zero when the capital cannot.
    function _funded(address a, uint256 amount) internal returns (address, uint256) {
        _give(a, amount);
        return mor.balanceOf(a) < amount ? (address(0), 0) : (a, amount);
    }

    function register(uint256 seed, uint256 stake) external {
        calls++;
        address p;
        (p, stake) = _newProvider(seed, stake);
        if (p == address(0)) return;
        (address hot, bytes memory proof) = _hotKey(seed, p);
        vm.startPrank(p);
        mor.approve(address(market), stake);
        market.register("https://provider.example", hot, proof, stake);
        vm.stopPrank();
    }

    /// @dev A signer key shared by the four slots (seed % 4): providers compete for it, as SignerInUse requires;
    ///      and its claim for provider `p`.
    function _hotKey(uint256 seed, address p) internal returns (address hot, bytes memory proof) {
        uint256 hotKey;
        (hot, hotKey) = makeAddrAndKey(string.concat("hot", vm.toString(seed % 4)));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(hotKey, market.signerClaimDigest(p, hot));
        proof = abi.encodePacked(r, s, v);
    }

    function addStake(uint256 seed, uint256 amount) external {
        calls++;
        address p;
        (p, amount) = _registeredProvider(seed, amount);
        if (p == address(0)) return;
        vm.startPrank(p);
        mor.approve(address(market), amount);
        market.addStake(amount);
        vm.stopPrank();
        _noteStakeAdded(p, amount);
    }

    /// @dev The slash model's part of a top-up of `amount` by `p`: in an episode it is slashable too.
    function _noteStakeAdded(address p, uint256 amount) internal {
        uint256[] storage times = slashTimes[p];
        if (times.length > 0 && block.timestamp <= times[times.length - 1] + market.SLASH_WINDOW()) {
            episodeCap[p] += amount * market.MAX_SLASH_BPS() / 10_000;
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
            _notePaid(user, paid);
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
            uint256 capLeft = pool.remainingSpend(); // the admin may have lowered the cap: defer what does not fit
            for (uint256 u; u < U; ++u) {
                (uint256 requested,) = pool.pendingWithdrawal(users[u]);
                uint256 held = pool.depositOf(users[u]);
                if (requested != 0 || held <= spent[u]) continue;
                uint256 most = held - spent[u] < capLeft - funded ? held - spent[u] : capLeft - funded;
                uint256 part = uint256(keccak256(abi.encode(seed, "spend", u))) % (most + 1);
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
            try pool.requestWithdrawal(_bound(amount, 1, held), 0, none) {
                _noteRequest(user);
            } catch {}
            (requested,) = pool.pendingWithdrawal(user);
            if (requested == 0) return;
            (u, user, requested) = _readyToWithdraw(seed);
        }
        vm.prank(user);
        try pool.withdraw(0, none) returns (uint256 paid) {
            _notePaid(user, paid);
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
            _notePaid(user, paid);
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

    // ---- a hostile admin: any value, at any moment ----

    /// @dev A value at an edge of [lo, hi] or of `pivot` (one less, itself, one more), or anywhere up to past `hi`.
    function _edge(uint256 seed, uint256 lo, uint256 hi, uint256 pivot) internal pure returns (uint256) {
        uint256 pick = seed % 8;
        if (pick == 0) return lo == 0 ? 0 : lo - 1;
        if (pick == 1) return lo;
        if (pick == 2) return hi;
        if (pick == 3) return hi + 1;
        if (pick == 4) return pivot == 0 ? 0 : pivot - 1;
        if (pick == 5) return pivot;
        if (pick == 6) return pivot + 1;
        return (seed >> 8) % (hi + hi / 8 + 2);
    }

    function _setterWrong(string memory what, uint256 value, bool landed) internal {
        if (!setterOutcomeWrong) {
            setterWhat = string.concat(what, "(", vm.toString(value), landed ? ") landed" : ") refused");
        }
        setterOutcomeWrong = true;
    }

    /// @dev Whether a raise of the spend cap is scheduled: a day not begun with a higher cap than the day before
    ///      (a raise applies at most a day past the longest delay from now).
    function _capRaiseScheduled() internal view returns (bool) {
        uint256 day = pool.currentDay() + 1;
        uint256 last = day + pool.MAX_WITHDRAWAL_DELAY() / pool.interval() + 2;
        uint256 before = pool.spendCapAt(day - 1);
        for (; day <= last; ++day) {
            uint256 cap = pool.spendCapAt(day);
            if (cap > before) return true;
            before = cap;
        }
        return false;
    }

    /// @dev The admin sets the withdrawal delay to anything (below its floor, at and past the bound settlementLag +
    ///      withdrawalWindow + disputeWindow, past MAX_WITHDRAWAL_DELAY, shorter or longer than now), whatever
    ///      requests are pending. It must land exactly when the bounds allow it: within [minWithdrawalDelay,
    ///      MAX_WITHDRAWAL_DELAY], above the bound, and, when longer than now, with no raise of the spend cap
    ///      scheduled. A delay that lands applies to the pending requests (the ghost keeps the least since each).
    function adminSetsWithdrawalDelay(uint256 seed) external {
        calls++;
        uint256 lo = pool.minWithdrawalDelay();
        uint256 hi = pool.MAX_WITHDRAWAL_DELAY();
        uint256 bound = pool.settlementLag() + pool.withdrawalWindow() + pool.disputeWindow();
        uint256 d = _edge(seed, lo, hi, (seed >> 3) % 2 == 0 ? bound : pool.withdrawalDelay());
        bool ok = d >= lo && d <= hi && d > bound;
        if (ok && d > pool.withdrawalDelay()) ok = !_capRaiseScheduled();
        bool landed;
        vm.prank(admin);
        // forge-lint: disable-next-line(unsafe-typecast)
        try pool.setWithdrawalDelay(uint32(d)) {
            landed = true;
        } catch {}
        if (landed != ok) _setterWrong("setWithdrawalDelay", d, landed);
        if (!landed) {
            nSetterRefused++;
            return;
        }
        nDelaySet++;
        for (uint256 u; u < U; ++u) {
            address user = users[u];
            if (ghostRequestedAt[user] != 0 && d < ghostLeastDelaySince[user]) ghostLeastDelaySince[user] = d;
        }
    }

    /// @dev The admin sets the dispute window to anything (below its floor, past MAX_DISPUTE_WINDOW, at and past
    ///      the largest the withdrawal delay leaves), with epochs pending or not. It must land exactly when the
    ///      bounds allow it: within [minDisputeWindow, MAX_DISPUTE_WINDOW] and leaving the delay above the bound.
    function adminSetsDisputeWindow(uint256 seed) external {
        calls++;
        uint256 lo = pool.minDisputeWindow();
        uint256 hi = pool.MAX_DISPUTE_WINDOW();
        uint256 largest = pool.withdrawalDelay() - pool.settlementLag() - pool.withdrawalWindow(); // refused
        uint256 w = _edge(seed, lo, hi, largest);
        bool ok = w >= lo && w <= hi && w < largest;
        bool landed;
        vm.prank(admin);
        // forge-lint: disable-next-line(unsafe-typecast)
        try pool.setDisputeWindow(uint32(w)) {
            landed = true;
        } catch {}
        if (landed != ok) _setterWrong("setDisputeWindow", w, landed);
        if (landed) nWindowSet++;
        else nSetterRefused++;
    }

    /// @dev The admin sets the daily spend cap to anything (0, past MAX_SPEND_CAP, a raise, a cut, a cap that
    ///      binds the honest keeper): it must land exactly within [1, MAX_SPEND_CAP], and no change may raise a
    ///      day up to the one a withdrawal requested now is first paid on above its cap of before (`_capDays`).
    function adminSetsSpendCap(uint256 seed) external {
        calls++;
        uint256 max = pool.MAX_SPEND_CAP();
        uint256 today = pool.currentDay();
        uint256 pick = seed % 6;
        uint256 cap = pick == 0
            ? 0
            : pick == 1
                ? max + 1
                : pick == 2 ? max : pick == 3 ? pool.spendCapAt(today) + 1 : 1 + (seed >> 8) % 10_000e18;
        uint256[] memory picked = _capDays(seed, today);
        uint256[] memory before = new uint256[](picked.length);
        for (uint256 i; i < picked.length; ++i) {
            before[i] = pool.spendCapAt(picked[i]);
        }
        bool landed;
        vm.prank(admin);
        try pool.setDailySpendCap(cap) {
            landed = true;
        } catch {}
        if (landed != (cap != 0 && cap <= max)) _setterWrong("setDailySpendCap", cap, landed);
        if (!landed) {
            nSetterRefused++;
            return;
        }
        nCapSet++;
        for (uint256 i; i < picked.length; ++i) {
            if (pool.spendCapAt(picked[i]) > before[i]) capRaisedEarly = true;
        }
    }

    /// @dev Days from today up to the one a withdrawal requested now is first paid on, whose caps a change now may
    ///      not raise: today, tomorrow, that day and the one before it, and four more among them picked by `seed`
    ///      (not all of them: up to 92 days, each a call, at every change).
    function _capDays(uint256 seed, uint256 today) internal view returns (uint256[] memory picked) {
        uint256 paidOn = pool.dayOf(pool.withdrawalOpensAt(block.timestamp + pool.withdrawalDelay()));
        uint256 span = paidOn - today + 1;
        picked = new uint256[](8);
        picked[0] = today;
        picked[1] = today + 1 < paidOn ? today + 1 : paidOn;
        picked[2] = paidOn - 1 > today ? paidOn - 1 : today;
        picked[3] = paidOn;
        for (uint256 i = 4; i < 8; ++i) {
            picked[i] = today + uint256(keccak256(abi.encode(seed, i))) % span;
        }
    }

    /// @dev Someone without the admin role (the thief, the keeper, the guardian, a user, a provider) calls every
    ///      admin setter of the pool and the market with values the bounds take, and grants itself the admin and
    ///      keeper roles: every call must revert AccessControlUnauthorizedAccount and change nothing.
    function nonAdminSets(uint256 seed, uint256 value) external {
        calls++;
        address[5] memory who = [thief, keeper, guardian, users[seed % U], actors[seed % N]];
        address caller = who[(seed >> 8) % 5];
        bytes32 before = _adminState(caller);
        bytes[6] memory data = [
            // forge-lint: disable-next-line(unsafe-typecast)
            abi.encodeCall(ComputePool.setWithdrawalDelay, (uint32(_bound(value, pool.minWithdrawalDelay(), 60 days)))),
            // forge-lint: disable-next-line(unsafe-typecast)
            abi.encodeCall(ComputePool.setDisputeWindow, (uint32(pool.minDisputeWindow()))),
            abi.encodeCall(ComputePool.setBudgetBps, (_bound(value, 0, pool.maxBudgetBps()))),
            abi.encodeCall(ComputePool.setDailySpendCap, (_bound(value, 1, pool.MAX_SPEND_CAP()))),
            abi.encodeCall(IAccessControl.grantRole, (pool.DEFAULT_ADMIN_ROLE(), caller)),
            abi.encodeCall(IAccessControl.grantRole, (pool.KEEPER_ROLE(), caller))
        ];
        for (uint256 i; i < data.length; ++i) {
            _mustBeUnauthorized(caller, address(pool), data[i]);
        }
        bytes memory setParams = abi.encodeCall(
            Marketplace.setParams, (1, _bound(value, 0, market.MAX_UNBONDING_PERIOD()), 1, market.maxPrice())
        );
        _mustBeUnauthorized(caller, address(market), setParams);
        if (_adminState(caller) != before) nonAdminSetterAccepted = true;
        nNonAdminTries++;
        nAdversarial++;
    }

    function _mustBeUnauthorized(address caller, address target, bytes memory data) internal {
        vm.prank(caller);
        (bool ok, bytes memory reason) = target.call(data);
        // forge-lint: disable-next-line(unsafe-typecast)
        if (ok || bytes4(reason) != IAccessControl.AccessControlUnauthorizedAccount.selector) {
            nonAdminSetterAccepted = true;
        }
    }

    /// @dev Everything the admin setters and role grants write, as seen for `caller`.
    function _adminState(address caller) internal view returns (bytes32) {
        uint256 tomorrow = pool.currentDay() + 1;
        return keccak256(
            abi.encode(
                pool.withdrawalDelay(),
                pool.disputeWindow(),
                pool.budgetBpsAt(tomorrow),
                pool.spendCapAt(tomorrow),
                pool.spendCapAt(tomorrow + 100), // a raise applies at most a day past the longest delay
                pool.hasRole(pool.DEFAULT_ADMIN_ROLE(), caller),
                pool.hasRole(pool.KEEPER_ROLE(), caller),
                market.minProviderStake(),
                market.unbondingPeriod(),
                market.minPrice()
            )
        );
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
        address user;
        (user, amount) = _fundedUser(seed, amount);
        if (user == address(0)) return;
        vm.startPrank(user);
        mor.approve(address(pool), amount);
        try pool.deposit(amount) {
            _noteDeposit(user, amount);
        } catch {
            _fail("deposit");
        }
        vm.stopPrank();
    }

    // ---- ERC-2612 permits, and a permit thief ----

    /// @dev `key`'s signature of the permit (owner, spender, value, nonce, deadline), submitted as `value`.
    function _signPermit(uint256 key, address owner, address spender, uint256 value, uint256 nonce, uint256 deadline)
        internal
        view
        returns (Permit memory p)
    {
        bytes32 structHash = keccak256(abi.encode(PERMIT_TYPEHASH, owner, spender, value, nonce, deadline));
        (p.v, p.r, p.s) = vm.sign(key, keccak256(abi.encodePacked("\x19\x01", mor.DOMAIN_SEPARATOR(), structHash)));
        p.value = value;
        p.deadline = deadline;
    }

    /// @dev `owner`'s own valid permit of `value` for `spender`: its key, its next nonce, a deadline from now to a
    ///      day ahead.
    function _ownPermit(address owner, address spender, uint256 value, uint256 seed)
        internal
        view
        returns (Permit memory)
    {
        uint256 deadline = block.timestamp + _bound(seed, 0, 1 days);
        return _signPermit(keyOf[owner], owner, spender, value, mor.nonces(owner), deadline);
    }

    /// @dev A permit of `value` from `victim` to `spender` that must set nothing, of kind `kind`: signed for another
    ///      value, for another spender, with a deadline past, by another key (the thief's), with a nonce already used
    ///      (a replay) or one ahead. Submitted as `value` with the deadline it names.
    function _forged(address victim, address spender, uint256 value, uint256 kind)
        internal
        view
        returns (Permit memory p)
    {
        uint256 key = keyOf[victim];
        uint256 nonce = mor.nonces(victim);
        uint256 deadline = block.timestamp + 1 hours;
        if (kind == 0) {
            p = _signPermit(key, victim, spender, value + 1, nonce, deadline);
        } else if (kind == 1) {
            address other = spender == address(pool) ? address(market) : address(pool);
            p = _signPermit(key, victim, other, value, nonce, deadline);
        } else if (kind == 2) {
            deadline = block.timestamp - 1;
            p = _signPermit(key, victim, spender, value, nonce, deadline);
        } else if (kind == 3) {
            p = _signPermit(thiefKey, victim, spender, value, nonce, deadline);
        } else {
            // A used nonce when there is one, else (and for kind 5) the next but one.
            nonce = kind == 4 && nonce > 0 ? nonce - 1 : nonce + 1;
            p = _signPermit(key, victim, spender, value, nonce, deadline);
        }
        p.value = value;
    }

    /// @dev What an account holds in and around the market: its MOR, its deposit, its stake (active and pending)
    ///      and its allowances to the pool and the market.
    struct Holdings {
        uint256 mor;
        uint256 deposit;
        uint256 stake;
        uint256 toPool;
        uint256 toMarket;
    }

    function _holdings(address a) internal view returns (Holdings memory h) {
        h.mor = mor.balanceOf(a);
        h.deposit = pool.depositOf(a);
        (,,, uint256 stake, uint256 pending,) = market.getProvider(a);
        h.stake = stake + pending;
        h.toPool = mor.allowance(a, address(pool));
        h.toMarket = mor.allowance(a, address(market));
    }

    function _sameHoldings(Holdings memory a, Holdings memory b) internal pure returns (bool) {
        return keccak256(abi.encode(a)) == keccak256(abi.encode(b));
    }

    function _theft(string memory what) internal {
        if (!permitTheft) permitWhat = what;
        permitTheft = true;
    }

    function _badPermit(string memory what) internal {
        if (!badPermitAccepted) permitWhat = what;
        badPermitAccepted = true;
    }

    /// @dev The owner's own permit call was refused: after a front-run of its permit, which set the allowance the
    ///      call needs, that is the failure the pool's try/catch rules out; otherwise an honest call failed.
    function _permitCallRefused(bool frontRun, string memory what) internal {
        if (!frontRun) return _fail(what);
        if (!frontRunBlocked) permitWhat = string.concat(what, " after its permit was front-run");
        frontRunBlocked = true;
    }

    /// @dev The thief submits `owner`'s valid permit `p` for `spender` to the token itself, ahead of the owner's own
    ///      call (copied from the mempool): it lands, sets exactly the signed allowance and moves no MOR.
    function _frontRun(address owner, address spender, Permit memory p) internal {
        Holdings memory h = _holdings(owner);
        vm.prank(thief);
        try mor.permit(owner, spender, p.value, p.deadline, p.v, p.r, p.s) {
            nFrontRuns++;
        } catch {
            _fail("front-run of a valid permit");
            return;
        }
        Holdings memory a = _holdings(owner);
        if (mor.allowance(owner, spender) != p.value || a.mor != h.mor || a.deposit != h.deposit || a.stake != h.stake)
        {
            _theft("a front-run permit moved MOR or set another allowance");
        }
    }

    /// @dev The thief calls depositWithPermit, registerWithPermit and addStakeWithPermit as itself with `victim`'s
    ///      permit `p` (valid, used or forged): the victim's MOR, deposit, stake and allowances stay as they were, and
    ///      a call that lands credits the thief exactly what it debits the thief. With `funded` the thief holds MOR
    ///      and has approved the pool itself, so its deposit lands, from its own MOR; it never approves the market,
    ///      so its stake calls (which would need the victim's allowance) must fail.
    function _thiefUses(address victim, Permit memory p, bool funded) internal {
        Holdings memory v = _holdings(victim);
        if (funded) {
            _give(thief, p.value);
            vm.prank(thief);
            mor.approve(address(pool), p.value);
        }
        Holdings memory t = _holdings(thief);
        if (_permitCall(thief, PermitCall.Deposit, 0, p)) {
            Holdings memory a = _holdings(thief);
            if (a.mor + p.value != t.mor || a.deposit != t.deposit + p.value) {
                _theft("the thief's depositWithPermit did not take exactly its own MOR");
            }
            _noteDeposit(thief, p.value);
            nThiefDeposits++;
        }
        vm.prank(thief);
        try market.registerWithPermit("https://thief.example", thief, "", p.value, p.deadline, p.v, p.r, p.s) {
            _theft("the thief registered with a victim's permit");
        } catch {}
        if (_permitCall(thief, PermitCall.AddStake, 0, p)) _theft("the thief staked with a victim's permit");
        if (!_sameHoldings(v, _holdings(victim))) _theft("the thief's calls moved a victim's MOR or allowance");
        nAdversarial++;
    }

    /// @dev The thief replays `owner`'s used permit `p` for `spender` on the token: refused (its nonce is spent).
    function _replay(address owner, address spender, Permit memory p) internal {
        uint256 allowance = mor.allowance(owner, spender);
        vm.prank(thief);
        try mor.permit(owner, spender, p.value, p.deadline, p.v, p.r, p.s) {
            _badPermit("a used permit was replayed");
        } catch {}
        if (mor.allowance(owner, spender) != allowance) _badPermit("a replay set an allowance");
    }

    /// @dev What a permit pays for: a deposit, a registration's stake, a top-up of stake.
    enum PermitCall {
        Deposit,
        Register,
        AddStake
    }

    /// @dev `caller` calls depositWithPermit, registerWithPermit (its signer's claim as in `register`) or
    ///      addStakeWithPermit with permit `p` for `p.value`; whether it landed.
    function _permitCall(address caller, PermitCall what, uint256 seed, Permit memory p) internal returns (bool) {
        if (what == PermitCall.Register) {
            (address hot, bytes memory proof) = _hotKey(seed, caller);
            vm.prank(caller);
            try market.registerWithPermit("https://provider.example", hot, proof, p.value, p.deadline, p.v, p.r, p.s) {
                return true;
            } catch {
                return false;
            }
        }
        vm.prank(caller);
        if (what == PermitCall.Deposit) {
            try pool.depositWithPermit(p.value, p.deadline, p.v, p.r, p.s) {
                return true;
            } catch {
                return false;
            }
        }
        try market.addStakeWithPermit(p.value, p.deadline, p.v, p.r, p.s) {
            return true;
        } catch {
            return false;
        }
    }

    /// @dev `owner` pays `amount` into the pool or the market with one ERC-2612 signature (its key, its next
    ///      nonce). When the seed says so, the permit thief front-runs it: it submits the permit to the token first,
    ///      then calls the pool and the market with it as itself; the owner's call must land all the same, on the
    ///      allowance the permit set (the contracts ignore the failing permit), and take exactly `amount` of the
    ///      owner's MOR into its deposit or stake. After it the thief replays the used permit on the token and,
    ///      when it did not front-run, calls the pool and the market with it. Returns whether the owner's call
    ///      landed.
    function _payWithOwnPermit(address owner, PermitCall what, uint256 amount, uint256 seed) internal returns (bool) {
        address spender = what == PermitCall.Deposit ? address(pool) : address(market);
        string memory name = ["depositWithPermit", "registerWithPermit", "addStakeWithPermit"][uint256(what)];
        Permit memory p = _ownPermit(owner, spender, amount, seed >> 16);
        bool frontRun = (seed >> 8) & 1 == 1;
        if (frontRun) {
            _frontRun(owner, spender, p);
            _thiefUses(owner, p, (seed >> 9) & 1 == 1); // with the unused permit, its allowance set
        }
        Holdings memory h = _holdings(owner);
        bool landed = _permitCall(owner, what, seed, p);
        if (landed) {
            Holdings memory a = _holdings(owner);
            bool credited = what == PermitCall.Deposit ? a.deposit == h.deposit + amount : a.stake == h.stake + amount;
            if (a.mor + amount != h.mor || !credited) {
                _theft(string.concat(name, " took other than the caller's amount"));
            }
        } else {
            _permitCallRefused(frontRun, name);
        }
        _replay(owner, spender, p);
        if (!frontRun) _thiefUses(owner, p, (seed >> 9) & 1 == 1); // with the used permit
        return landed;
    }

    /// @dev A user deposits with a permit (`_payWithOwnPermit`).
    function depositWithPermit(uint256 seed, uint256 amount) external {
        calls++;
        address user;
        (user, amount) = _fundedUser(seed, amount);
        if (user == address(0)) return;
        if (_payWithOwnPermit(user, PermitCall.Deposit, amount, seed)) {
            _noteDeposit(user, amount);
            nPermitDeposits++;
        }
    }

    /// @dev A provider registers with a permit for its stake (`_payWithOwnPermit`).
    function registerWithPermit(uint256 seed, uint256 stake) external {
        calls++;
        address p;
        (p, stake) = _newProvider(seed, stake);
        if (p == address(0)) return;
        if (_payWithOwnPermit(p, PermitCall.Register, stake, seed)) nPermitStakes++;
    }

    /// @dev A registered provider adds stake with a permit (`_payWithOwnPermit`).
    function addStakeWithPermit(uint256 seed, uint256 amount) external {
        calls++;
        address p;
        (p, amount) = _registeredProvider(seed, amount);
        if (p == address(0)) return;
        if (_payWithOwnPermit(p, PermitCall.AddStake, amount, seed)) {
            _noteStakeAdded(p, amount);
            nPermitStakes++;
        }
    }

    /// @dev A permit that must set nothing (`_forged`: another value, another spender, a deadline past, another key,
    ///      a used nonce, a nonce ahead) for a user's deposit or a provider's stake. The thief submits it to the
    ///      token (refused, no allowance set) and to the pool and the market as itself (`_thiefUses`); then the
    ///      victim submits it with its own depositWithPermit or addStakeWithPermit, which may land only on an
    ///      allowance the victim gave before (the handler's approvals are used up, so in practice never).
    function forgedPermit(uint256 seed, uint256 amount, uint256 kind) external {
        calls++;
        bool provider = (seed >> 8) & 1 == 1;
        address victim = provider ? _provider(seed) : users[seed % U];
        address spender = provider ? address(market) : address(pool);
        amount = _bound(amount, 1, 5_000e18);
        _give(victim, amount);
        Permit memory p = _forged(victim, spender, amount, kind % 6);
        uint256 allowance = mor.allowance(victim, spender);
        vm.prank(thief);
        try mor.permit(victim, spender, amount, p.deadline, p.v, p.r, p.s) {
            _badPermit("the token took a forged permit");
        } catch {}
        if (mor.allowance(victim, spender) != allowance) _badPermit("a forged permit set an allowance");
        _thiefUses(victim, p, (seed >> 9) & 1 == 1);
        Holdings memory h = _holdings(victim);
        bool landed = _permitCall(victim, provider ? PermitCall.AddStake : PermitCall.Deposit, seed, p);
        if (landed && provider) _noteStakeAdded(victim, amount);
        if (landed && !provider) _noteDeposit(victim, amount);
        if (landed && (provider ? h.toMarket : h.toPool) < amount) _badPermit("a forged permit paid");
    }

    function requestWithdrawal(uint256 seed, uint256 amount) external {
        calls++;
        uint256 u = seed % U;
        address user = users[u];
        uint256 held = pool.depositOf(user);
        if (held == 0) return;
        (uint256 spent, bytes32[] memory proof) = _spendProof(u);
        vm.prank(user);
        try pool.requestWithdrawal(_bound(amount, 1, held), spent, proof) {
            _noteRequest(user);
        } catch {
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
        ghostRequestedAt[user] = 0;
    }

    function _noteDeposit(address user, uint256 amount) internal {
        ghostDeposited[user] += amount;
        ghostDepositedTotal += amount;
        nDeposits++;
    }

    /// @dev A request of `user` landed now (replacing any before it): its clock restarts under the delay in force.
    function _noteRequest(address user) internal {
        uint256 delay = pool.withdrawalDelay();
        ghostRequestedAt[user] = block.timestamp;
        ghostDelayAtRequest[user] = delay;
        ghostLeastDelaySince[user] = delay;
    }

    /// @dev `user`'s request was paid `paid` now: never before its request time plus the delay in force now, which
    ///      is at least the floor and at least the least delay in force since the request (the one guarantee a
    ///      hostile admin leaves: a shorter delay set after the request applies to it), and only inside a window.
    function _notePaid(address user, uint256 paid) internal {
        uint256 at = ghostRequestedAt[user];
        if (
            at == 0 || block.timestamp < at + pool.withdrawalDelay() || block.timestamp < at + pool.minWithdrawalDelay()
                || block.timestamp < at + ghostLeastDelaySince[user]
        ) paidBeforeDelay = true;
        if (block.timestamp < at + ghostDelayAtRequest[user]) nPaidSoonerThanDelayAtRequest++;
        if (pool.withdrawalOpensAt(block.timestamp) != block.timestamp) outsideWindowPaid = true;
        ghostRequestedAt[user] = 0;
        ghostWithdrawn[user] += paid;
        ghostWithdrawnTotal += paid;
        nWithdrawalsPaid++;
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
            _notePaid(user, paid);
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
        bytes4[] memory selectors = new bytes4[](48);
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
        selectors[40] = MarketHandler.depositWithPermit.selector;
        selectors[41] = MarketHandler.registerWithPermit.selector;
        selectors[42] = MarketHandler.addStakeWithPermit.selector;
        selectors[43] = MarketHandler.forgedPermit.selector;
        selectors[44] = MarketHandler.adminSetsWithdrawalDelay.selector;
        selectors[45] = MarketHandler.adminSetsDisputeWindow.selector;
        selectors[46] = MarketHandler.adminSetsSpendCap.selector;
        selectors[47] = MarketHandler.nonAdminSets.selector;
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
        // The permit thief's deposits, from its own MOR (it never withdraws).
        address thief = handler.thief();
        assertEq(pool.depositOf(thief), handler.ghostDeposited(thief));
        sum += handler.ghostDeposited(thief);
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
        // The spend of a day changes only on that day, and this is checked after every step: today's and the
        // newest settlement day's (a step may warp past midnight after it settled) cover every day.
        assertLe(pool.spentOn(today), pool.spendCapAt(today), "deposit spend above today's cap");
        if (n > 0) {
            uint256 last = handler.settlementDays(n - 1);
            assertLe(pool.spentOn(last), pool.spendCapAt(last), "deposit spend above the day's cap");
        }
    }

    /// @dev ERC-2612 permits under a permit thief (handler steps depositWithPermit, registerWithPermit,
    ///      addStakeWithPermit, forgedPermit): nobody's MOR moves except by its owner's own call. The thief's
    ///      front-run of a permit sets exactly the signed allowance and moves nothing; its calls to depositWithPermit,
    ///      registerWithPermit and addStakeWithPermit with a victim's permit (valid, used or forged) leave the
    ///      victim's MOR, deposit, stake and allowances as they were, and the one that may land (a deposit, when the
    ///      thief approved the pool itself) takes and credits the thief's own MOR exactly; the thief never becomes a
    ///      provider. A front-run permit never makes the owner's call fail: the allowance it set suffices and the
    ///      contracts ignore the failing permit. A used, replayed, mismatched (value, spender), expired or
    ///      foreign-key permit sets no allowance and pays nothing. The owner's call takes exactly its amount.
    ///      Token conservation under these steps is invariant_Solvency, invariant_Deposits (the thief's deposit
    ///      counted) and invariant_StakeAccounting.
    function invariant_PermitsMoveOnlyTheOwnersMOR() public view {
        assertFalse(handler.permitTheft(), handler.permitWhat());
        assertFalse(handler.frontRunBlocked(), handler.permitWhat());
        assertFalse(handler.badPermitAccepted(), handler.permitWhat());
        address thief = handler.thief();
        (bool registered,,, uint256 stake, uint256 pending,) = market.getProvider(thief);
        assertFalse(registered, "the thief registered");
        assertEq(stake + pending, 0);
        assertEq(mor.allowance(thief, address(market)), 0);
    }

    /// @dev A hostile admin (handler steps adminSetsWithdrawalDelay, adminSetsDisputeWindow, adminSetsSpendCap: any
    ///      value, at any moment relative to pending requests and epochs) and non-admins trying the same
    ///      (nonAdminSets). Every setter lands exactly when its bounds allow (a value they refuse never lands, one
    ///      they take always does), so at every moment minWithdrawalDelay <= withdrawalDelay <=
    ///      MAX_WITHDRAWAL_DELAY and withdrawalDelay > settlementLag + withdrawalWindow + disputeWindow (so every
    ///      session admitted before a request is committed before the request pays, and held back while its epoch
    ///      is pending), minDisputeWindow <= disputeWindow <= MAX_DISPUTE_WINDOW, and the spend cap of
    ///      today and tomorrow is in [1, MAX_SPEND_CAP]; a raise of the cap never raises a day up to the one a
    ///      withdrawal requested at the raise is first paid on. A non-admin's setter call or role grant always
    ///      reverts AccessControlUnauthorizedAccount and changes nothing.
    function invariant_AdminSettersWithinBounds() public view {
        assertFalse(handler.setterOutcomeWrong(), handler.setterWhat());
        assertFalse(handler.nonAdminSetterAccepted(), "a non-admin's setter call landed or changed state");
        assertFalse(handler.capRaisedEarly(), "a cap raise reached a day a pending-now withdrawal is paid on");
        uint256 delay = pool.withdrawalDelay();
        assertGe(delay, pool.minWithdrawalDelay(), "delay below its floor");
        assertLe(delay, pool.MAX_WITHDRAWAL_DELAY());
        assertGt(delay, pool.settlementLag() + pool.withdrawalWindow() + pool.disputeWindow(), "delay at the bound");
        assertGe(pool.disputeWindow(), pool.minDisputeWindow());
        assertLe(pool.disputeWindow(), pool.MAX_DISPUTE_WINDOW());
        uint256 today = pool.currentDay();
        for (uint256 d = today; d <= today + 1; ++d) {
            assertGe(pool.spendCapAt(d), 1);
            assertLe(pool.spendCapAt(d), pool.MAX_SPEND_CAP());
        }
    }

    /// @dev A withdrawal request made at r (the handler's own ghost of r, not the pool's view) is never paid at a
    ///      time t, nor reported payable (pendingWithdrawal's readyAt), before r + the withdrawalDelay in force at
    ///      t, and only inside a withdrawal window. Every delay in force is at least minWithdrawalDelay, so neither
    ///      before r + minWithdrawalDelay nor before r + the least delay in force at any moment in [r, t]. That is
    ///      the whole guarantee: the delay applies to pending requests too (ComputePool.setWithdrawalDelay), so r +
    ///      the delay in force when the request was made is not one. An admin who lengthens the delay before a
    ///      request and shortens it after (never below the floor) has it paid sooner (the handler counts those
    ///      payments, nPaidSoonerThanDelayAtRequest: documented behaviour, not a failure).
    function invariant_WithdrawalNeverPaidBeforeItsDelay() public view {
        assertFalse(handler.paidBeforeDelay(), "a withdrawal paid before its delay");
        assertFalse(handler.outsideWindowPaid(), "a withdrawal paid outside the withdrawal window");
        address[] memory u = handler.depositors();
        for (uint256 i; i < u.length; ++i) {
            (uint256 requested, uint64 readyAt) = pool.pendingWithdrawal(u[i]);
            uint256 at = handler.ghostRequestedAt(u[i]);
            assertEq(requested != 0, at != 0, "the ghost lost a request");
            if (requested == 0) continue;
            assertGe(readyAt, at + pool.withdrawalDelay(), "payable before the delay in force");
            assertGe(readyAt, at + pool.minWithdrawalDelay(), "payable before the floor");
            assertGe(readyAt, at + handler.ghostLeastDelaySince(u[i]), "payable before the least delay since");
            assertEq(pool.withdrawalOpensAt(readyAt), readyAt, "payable outside a window");
        }
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
