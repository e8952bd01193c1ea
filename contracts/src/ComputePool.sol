// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Roles} from "./libraries/Roles.sol";
import {IEmissions} from "./interfaces/IEmissions.sol";
import {IComputePool} from "./interfaces/IComputePool.sol";

/// @title ComputePool
/// @notice Holds the compute bucket of the emissions (PROTOCOL §4) and pays settled credits (§8).
///
///         Budget. `computeBalance(d) = computeAccrued(dayStart(d)) - committedBefore(d)` and
///         `budget(d) = computeBalance(d) * budgetBpsAt(d) / 10000`. A user's free share of it is
///         `allowance(user, d) = budget(d) * min(getPastVotes(user, dayStart(d)), getPastVotes(user, dayStart(d) -
///         interval)) / getPastTotalSupply(dayStart(d))` (day 0: the first term only): a vote counts only when it
///         was held for a whole day, so MOR borrowed around one day start earns nothing.
///
///         Settlement. Once per epoch the keeper commits the root of a Merkle tree of cumulative credits
///         `(account, cumulativeAmount)` (OpenZeppelin StandardMerkleTree leaves, sorted-pair hashing) together
///         with `cumulativeTotal`, the sum of all credits so far. Epochs are numbered 0, 1, 2, … with no gap.
///         The increase `cumulativeTotal - totalCommitted()` must fit in what is left of today's budget. A root
///         becomes claimable `disputeWindow` seconds after its commit; until then the guardian may veto it.
///         Claims are checked against the newest claimable root only and pay `cumulativeAmount - claimed[account]`:
///         nothing is ever paid beyond what the newest claimable root grants (a claim built against an older root
///         fails and is rebuilt against the new one).
///
///         Bounds (PROTOCOL §10), fixed at deployment: the dispute window never falls below `minDisputeWindow`
///         and the budget share never exceeds `maxBudgetBps`, so even an admin holding every role commits at most
///         a bounded share of the balance per day, and only after a window the guardian can veto in. The admin is
///         a timelock whose delay is longer than the dispute window (see the deploy script).
///
///         Day history. `committedBefore(d)` is the total committed as it stood at the start of day `d`
///         (pending roots included): a checkpoint trace keyed by day records the total at the end of each day
///         with activity, so budgets of past days stay exact and never change once the day has begun.
///         `committedOn(d)`, what day `d` used of its budget, is the net change of the total over the day.
///         Budget shares set by the admin apply from the next day on, for the same reason.
///
///         Veto. `vetoRoot(e, root, claimableAt)` discards pending epoch `e` (if it still holds that commit) and every later one (all later epochs are pending too:
///         claim times never decrease along the epochs). The total committed returns to that of epoch `e - 1` and
///         the next expected epoch to `e`, so the keeper recommits a corrected epoch `e`. O(1): no loop over the
///         discarded epochs. The vetoed root is remembered and can never be committed again; the discarded later
///         roots were never claimable and are simply dropped (a later commit of one restarts its window). A veto
///         frees budget of the day it happens (the day's net use falls), never of days already begun.
///
///         Deposits (PROTOCOL §4 "Paid usage"). A user deposits MOR (`deposit`, or `depositWithPermit`: one ERC-2612
///         signature approves and deposits) and spends it on sessions beyond its free allowance with no
///         transaction per session. Each commit carries, besides the credit root, a spend root: the
///         StandardMerkleTree of (address user, uint256 cumulativeSpent) over every user who ever deposited, and
///         `cumulativeSpent`, the sum of its leaves, which is the deposit-funded part of `cumulativeTotal`. Only the
///         allowance-funded part, `cumulativeTotal - cumulativeSpent`, draws on the budget: committedBefore,
///         committedOn, computeBalance and remainingBudget count it alone. Providers and builders are paid from the
///         one credit tree through the same `claim`, whoever funded the credit. Withdrawing is a request, then
///         `withdraw` once `withdrawalDelay` has passed, paying at most `depositOf(user)` minus the user's spend
///         proved against the newest claimable spend root (none to prove when that root's deposits were read
///         before the user's deposit last rose from zero, `fundedAt`: it has no spend of the user; kept within bounds the
///         request recorded, "Spend cap" below) and minus the whole spend
///         of the pending epochs, every user's (a pending root's spend per user is not provable; holding all of
///         it back means a late epoch is never paid from another depositor's deposit). The delay is longer than
///         `settlementLag` (the longest session plus one epoch, fixed at deployment) plus the withdrawal window
///         plus the dispute window (the constructor and both setters check it), and never below its deployment
///         value: with keepers whose epoch passes their start-up check (keeper/ledger CheckWithdrawalDelay: the
///         ticket's deposit window, the close window, three epochs and four feed graces, the withdrawal window
///         and a commit slack, all below `minWithdrawalDelay`), every session admitted before the request is committed before the
///         request can be paid, even one a withdrawal stream made the keeper hold back through a window
///         (below; `_checkWithdrawalDelay`); its root may still be pending then (the delay in force can fall
///         to the floor while the dispute window in force was longer), and `withdraw` holds every pending
///         epoch's spend back. Routers stop admitting deposit-paid sessions of a
///         user with a pending request. A commit raising the spend states when the keeper read the deposits
///         (`depositsReadAt`) and is refused if a withdrawal was paid after that (`lastWithdrawAt`): no epoch
///         charges MOR paid back before it was committed, and every keeper reads the deposits as of the same
///         time (protocol/README.md). Withdrawal windows: `withdraw` pays only in the first `withdrawalWindow`
///         seconds of each day (fixed at deployment, at least a 24th of a day and leaving at least a 24th of a day outside it; any time before
///         payoutStart, when nothing can be committed). A read made after a window closes and committed before
///         the next one opens is never refused, so withdrawals (honest ones, or a griefer's stream from many
///         small pre-requested accounts) can keep deposit spend out only while a window is open, never for good;
///         a request past its delay waits at most a day for the next window, and no admin can lengthen it.
///
///         Spend cap. The per-user spend leaves are beyond the contract's sight, so a keeper that is also the
///         guardian could charge every deposit to itself. What bounds it is `dailySpendCap`: the deposit spend
///         committed on a day (the net rise of `totalSpent()` over the day, `spentOn(d)`) never exceeds
///         `spendCapAt(d)`. The cap sees only the total, and a root whose total does not rise may move every
///         unit of spend between users (an accomplice spends its own deposit at the cap for weeks in honest
///         roots, then one root moves all of it onto another depositor). So a request records the caller's spend
///         proved against the newest claimable root and that root's total, and `withdraw` holds back of the
///         claimable spend at least the first and at most the first plus the rise of the claimable total since,
///         which the cap bounds (honest leaves only rise, and no more than their sum: never binding). A depositor
///         who requests a withdrawal as soon as a hostile root appears therefore loses at most the caps of the
///         days from the oldest root then pending (committed within a dispute window of the request) until it is
///         paid, and a depositor who requested before such a root is claimable gets none of the spend it proved
///         back. A depositor who first requests after it is claimable proves its lowered leaf: it may be paid
///         spend the root moved off it, out of the deposits of those who never asked, or, when it is paid first
///         and no other deposit is left to cover the total spend, by making the victim's `withdraw` revert
///         (DepositsBelowSpend) until it asks for less. The cap is set at deployment (never zero);
///         the admin (the timelock) may lower it from the next day on, and raise it only from the day after the one in
///         which a withdrawal requested at the change may first be paid (and lengthen the delay only while no
///         raise is scheduled), so every depositor can request and complete a withdrawal before a higher cap
///         binds. A veto lowers the day's baseline to the spend it restored: a recommit never carries the caps of
///         days before. Keepers defer the deposit-funded credits beyond it to a later day.
///
/// @dev Invariants (checked by the invariant suite):
///      - `totalClaimed <= totalCommitted()` and `totalCommitted() - totalSpent() <= computeAccrued(now)`: each
///        commit on day T keeps `budgetTotal - committedBefore(T) <= budget(T) <= computeAccrued(dayStart(T)) -
///        committedBefore(T)`, vetoes only lower the totals, and every claim keeps `totalClaimed` within the
///        claimed root's total.
///      - `totalSpent() <= totalDeposits`: the deposits held (deposited minus withdrawn) always cover the
///        deposit-funded credits; commits cannot spend more than is deposited, withdrawals cannot leave less.
///        Hence the pool's MOR plus its releasable emission covers the unclaimed credits plus every unspent
///        deposit.
///      - `committedOn(d) <= budget(d)` and `spentOn(d) <= spendCapAt(d)` for every day.
///      - `claimed[a]` equals what `a` was paid and never exceeds its amount in the newest claimable root.
///      - `claimableAt` is non-decreasing along the epochs, so the claimable epochs are a prefix of the committed
///        ones and the pending ones a suffix.
///      The pool is solvent if it receives the whole compute bucket: deploy it at the address given to Emissions
///      as bucket 3's recipient (or fund it with what was released to an earlier recipient).
contract ComputePool is IComputePool, AccessControl, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using Checkpoints for Checkpoints.Trace224;

    bytes32 public constant KEEPER_ROLE = Roles.KEEPER;
    bytes32 public constant GUARDIAN_ROLE = Roles.GUARDIAN;

    /// @notice Emissions bucket funding this pool (compute).
    uint8 public constant COMPUTE_BUCKET = 3;
    /// @notice Budget share at deployment: 1% of the compute balance per day (Yellowstone).
    uint256 public constant DEFAULT_BUDGET_BPS = 100;
    /// @notice Largest budget share ever allowed (100%: `budget(d) <= computeBalance(d)` keeps the pool solvent).
    uint256 public constant MAX_BUDGET_BPS = 10_000;
    /// @notice Shortest dispute window a pool may be deployed with.
    uint256 public constant MIN_DISPUTE_WINDOW = 1;
    /// @notice Longest dispute window the admin may set.
    uint256 public constant MAX_DISPUTE_WINDOW = 30 days;
    /// @notice Longest settlement lag (longest session plus one epoch) a pool may be deployed with.
    uint256 public constant MAX_SETTLEMENT_LAG = 30 days;
    /// @notice Longest withdrawal delay the admin may set.
    uint256 public constant MAX_WITHDRAWAL_DELAY = 90 days;
    /// @notice Largest daily spend cap (2^96 - 1 wei: every total is a uint96).
    uint256 public constant MAX_SPEND_CAP = type(uint96).max;

    struct Epoch {
        bytes32 root;
        bytes32 spendRoot; // zero while nothing was ever spent from a deposit
        uint96 cumulativeTotal; // every credit up to this epoch (wei); 2^96 wei > 79e9 MOR
        uint96 cumulativeSpent; // the deposit-funded part of cumulativeTotal
        uint32 depositsReadAt; // max(stated read, previous live epoch's): a user funded after it may have no leaf
        uint32 claimableAt; // commit time + dispute window, never below the previous epoch's
    }

    struct DepositAccount {
        uint96 deposit; // deposited minus withdrawn; 2^96 wei > 79e9 MOR
        uint96 requested; // pending withdrawal request, 0 when none
        uint32 requestedAt;
        uint32 fundedAt; // when the deposit last rose from zero: a claimable root whose deposits were read before needs no proof
        // Second slot, set by a request and cleared with it (`withdraw` holds back at most these plus the rise).
        uint96 spentAtRequest; // the caller's spend proved at the request against the newest claimable root
        uint96 totalAtRequest; // that root's cumulativeSpent (0 when none was claimable)
    }

    /// @notice The emission schedule funding the pool.
    IEmissions public immutable emissions;
    /// @notice The MOR token (ERC20Votes, timestamp clock).
    IERC20 public immutable token;
    /// @notice Start of day 0 (from Emissions).
    uint256 public immutable payoutStart;
    /// @notice Seconds per day (from Emissions).
    uint256 public immutable interval;
    /// @notice Floor of the dispute window, fixed at deployment (the initial window).
    uint256 public immutable minDisputeWindow;
    /// @notice Ceiling of the budget share, fixed at deployment (basis points).
    uint256 public immutable maxBudgetBps;
    /// @notice Longest session plus one epoch, in seconds, fixed at deployment: a session admitted before a
    ///         withdrawal request is committed at most this long after it.
    uint256 public immutable settlementLag;
    /// @notice Floor of the withdrawal delay, fixed at deployment (the initial delay).
    uint256 public immutable minWithdrawalDelay;
    /// @notice Seconds at the start of each day during which `withdraw` pays, fixed at deployment (at least a 24th
    ///         of `interval`, and leaving at least a 24th outside it): keepers read deposits and commit spend outside the windows, where no
    ///         withdrawal can make the commit stale.
    uint256 public immutable withdrawalWindow;

    mapping(uint256 epoch => Epoch) private _epochs;

    // One storage slot, read by every commit and claim (32 + 32 + 32 + 128 bits).
    uint32 private _nextEpoch; // epochs [0, _nextEpoch) are live (committed and not vetoed)
    uint32 private _claimableHint; // epochs [0, _claimableHint) are known to be claimable
    /// @notice Seconds between a root's commit and its first claim.
    uint32 public disputeWindow;
    /// @notice MOR paid out by claims, in total.
    uint128 public totalClaimed;
    /// @notice Cumulative amount already paid to each account.
    mapping(address account => uint256) public claimed;
    /// @notice Roots vetoed by the guardian; they can never be committed again.
    mapping(bytes32 root => bool) public isVetoed;

    /// @notice Sum of every user's deposit (deposited minus withdrawn, spent or not).
    uint128 public totalDeposits;
    /// @notice Seconds between a withdrawal request and its payment.
    uint32 public withdrawalDelay;
    /// @notice Time of the newest `withdraw` (0: none yet). A commit that spends deposits must have read them
    ///         at or after it (`depositsReadAt`), so no epoch charges MOR withdrawn after the keeper's read. It is
    ///         always inside a withdrawal window (or before payoutStart).
    uint32 public lastWithdrawAt;
    mapping(address user => DepositAccount) private _deposits;
    // The lowest spend a veto restored on day `_vetoDayPlusOne - 1` (0: no veto yet). That day's spend ceiling
    // is min(its start, this) + its cap (_spendBaseline): a veto restores the spend without lowering the day's
    // start, so otherwise a root committed late on a day and vetoed after midnight could be recommitted with
    // one more day's cap, day after day, one pending root gathering many days' caps.
    uint32 private _vetoDayPlusOne;
    uint96 private _vetoLowSpent;

    // key: day; value: the totals at the end of that day, packed (_pack): the spend (cumulativeSpent) in the
    // high bits, the allowance-funded total (cumulativeTotal - cumulativeSpent) in the low 96. One checkpoint
    // serves the budget and the spend cap, so a commit writes one slot.
    Checkpoints.Trace224 private _committed;
    Checkpoints.Trace224 private _budgetBps; // key: first day the share applies; value: basis points
    Checkpoints.Trace224 private _spendCap; // key: first day the cap applies; value: MOR (wei) per day

    /// @param emissions_ The Emissions contract; its compute bucket (3) must be paid to this pool.
    /// @param admin Holder of DEFAULT_ADMIN_ROLE (grants KEEPER_ROLE and GUARDIAN_ROLE).
    /// @param disputeWindow_ Seconds a root stays vetoable before it can be claimed against; also the floor
    ///        the window can never be set below.
    /// @param maxBudgetBps_ Ceiling of the budget share (DEFAULT_BUDGET_BPS..MAX_BUDGET_BPS).
    /// @param settlementLag_ The longest session plus one epoch, in seconds (1..MAX_SETTLEMENT_LAG).
    /// @param withdrawalDelay_ Seconds between a withdrawal request and its payment; longer than
    ///        `settlementLag_ + withdrawalWindow_ + disputeWindow_` (WithdrawalDelayTooShort otherwise; reasoning
    ///        at `_checkWithdrawalDelay`), and the floor the delay can never be set below.
    /// @param dailySpendCap_ Most deposit spend (MOR wei) the commits of one day may add; not zero.
    /// @param withdrawalWindow_ Seconds at the start of each day during which `withdraw` pays: at least a 24th
    ///        of the Emissions interval, and at most the interval minus a 24th.
    constructor(
        IEmissions emissions_,
        address admin,
        uint32 disputeWindow_,
        uint256 maxBudgetBps_,
        uint32 settlementLag_,
        uint32 withdrawalDelay_,
        uint256 dailySpendCap_,
        uint32 withdrawalWindow_
    ) {
        if (address(emissions_) == address(0) || admin == address(0)) revert ZeroAddress();
        if (disputeWindow_ < MIN_DISPUTE_WINDOW || disputeWindow_ > MAX_DISPUTE_WINDOW) {
            revert InvalidDisputeWindow(disputeWindow_);
        }
        if (maxBudgetBps_ < DEFAULT_BUDGET_BPS || maxBudgetBps_ > MAX_BUDGET_BPS) {
            revert InvalidBudgetBps(maxBudgetBps_);
        }
        if (settlementLag_ == 0 || settlementLag_ > MAX_SETTLEMENT_LAG) revert InvalidWithdrawalDelay(settlementLag_);
        if (withdrawalDelay_ > MAX_WITHDRAWAL_DELAY) revert InvalidWithdrawalDelay(withdrawalDelay_);
        if (dailySpendCap_ == 0 || dailySpendCap_ > MAX_SPEND_CAP) revert InvalidSpendCap(dailySpendCap_);
        minDisputeWindow = disputeWindow_;
        maxBudgetBps = maxBudgetBps_;
        settlementLag = settlementLag_;
        minWithdrawalDelay = withdrawalDelay_;
        withdrawalDelay = withdrawalDelay_;
        emissions = emissions_;
        token = IERC20(emissions_.token());
        payoutStart = emissions_.payoutStart();
        interval = emissions_.interval();
        if (withdrawalWindow_ < interval / 24 || withdrawalWindow_ > interval - interval / 24) {
            revert InvalidWithdrawalWindow(withdrawalWindow_);
        }
        withdrawalWindow = withdrawalWindow_;
        _checkWithdrawalDelay(withdrawalDelay_, disputeWindow_);
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        disputeWindow = disputeWindow_;
        _budgetBps.push(0, SafeCast.toUint224(DEFAULT_BUDGET_BPS));
        // forge-lint: disable-next-line(unsafe-typecast)
        _spendCap.push(0, uint224(dailySpendCap_)); // <= MAX_SPEND_CAP < 2^96
        emit DisputeWindowSet(disputeWindow_);
        emit BudgetBpsSet(DEFAULT_BUDGET_BPS, 0);
        emit WithdrawalDelaySet(withdrawalDelay_);
        emit DailySpendCapSet(dailySpendCap_, 0);
    }

    // ------------------------------------------------------------------------------------------------
    // Settlement
    // ------------------------------------------------------------------------------------------------

    /// @notice Commits the credit tree and the deposit spend of `epoch`, in one transaction. Only KEEPER_ROLE.
    /// @dev Reverts unless `epoch == nextEpoch()`; `root` is new (non-zero, not the previous epoch's, never
    ///      vetoed); neither total falls; the deposit-funded part of the delta (the spend's increase) is at most
    ///      the delta; the allowance-funded rest fits in `remainingBudget()`; the spend fits in `remainingSpend()`
    ///      (today's cap); `cumulativeSpent` stays within `totalDeposits`; and, when the spend rises, the deposits
    ///      were read at `depositsReadAt`, no earlier than the newest `withdraw`: a withdrawal paid between a
    ///      keeper's read and its commit makes the commit revert (the keeper reads again), so an epoch never
    ///      charges MOR already paid back (a keeper reads only final blocks, and a time no block after them
    ///      can have: see protocol/README.md). The spend root's leaves are per
    ///      user, so the contract cannot check one user's spend against its deposit: the batch file lets anyone
    ///      rebuild both roots, and the guardian vetoes within the window; a user is never paid back more than
    ///      its deposit minus its spend in the claimable root (and minus every pending epoch's spend), that spend
    ///      kept within the bounds its request recorded (`withdraw`).
    /// @param epoch The epoch number: the next expected one.
    /// @param root Root of the StandardMerkleTree of (address account, uint256 cumulativeAmount) credits.
    /// @param cumulativeTotal Sum of every credit up to this epoch, in wei.
    /// @param spendRoot Root of the StandardMerkleTree of (address user, uint256 cumulativeSpent) over every
    ///        user who ever deposited; zero exactly when `cumulativeSpent` is zero.
    /// @param cumulativeSpent Sum of the spend leaves: the deposit-funded part of `cumulativeTotal`.
    /// @param depositsReadAt The block time the keeper read the deposits as of (every event up to it; at most now): the
    ///        later of the epoch's cutoff minus one second and the newest withdrawal (protocol/README.md).
    /// @param batchHash Hash of the published batch file (sessions, receipts, signatures, both trees' leaves).
    /// @param uri Where the batch file is published.
    function commitRoot(
        uint256 epoch,
        bytes32 root,
        uint256 cumulativeTotal,
        bytes32 spendRoot,
        uint256 cumulativeSpent,
        uint256 depositsReadAt,
        bytes32 batchHash,
        string calldata uri
    ) external onlyRole(KEEPER_ROLE) {
        if (epoch != _nextEpoch) revert EpochOutOfOrder(epoch, _nextEpoch);
        uint32 claimableAt = _checkNewRoot(epoch, root);
        if ((spendRoot == bytes32(0)) != (cumulativeSpent == 0)) revert SpendRootMismatch(spendRoot, cumulativeSpent);
        if (depositsReadAt > block.timestamp) revert DepositsReadAfterCommit(depositsReadAt, block.timestamp);
        // Written before the checks (which read only the epochs before it): fewer values live on the stack.
        _epochs[epoch] = Epoch({
            root: root,
            spendRoot: spendRoot,
            cumulativeTotal: SafeCast.toUint96(cumulativeTotal),
            cumulativeSpent: SafeCast.toUint96(cumulativeSpent),
            // At least the previous epoch's (_readFloor): up to it the tree must list every depositor. The
            // staleness check below reads the stated read, the accounts the keeper charged.
            depositsReadAt: _readFloor(epoch, depositsReadAt),
            claimableAt: claimableAt
        });
        (uint256 today, uint256 delta, uint256 depositFunded) = _checkTotals(epoch, cumulativeTotal, cumulativeSpent);
        if (depositFunded != 0) _checkDepositsRead(depositsReadAt);
        _claimableHint = SafeCast.toUint32(_claimableCount()); // counted before the new epoch is live
        _nextEpoch = SafeCast.toUint32(epoch + 1);
        _committed.push(SafeCast.toUint32(today), _pack(cumulativeTotal - cumulativeSpent, cumulativeSpent));
        emit RootCommitted(epoch, root, cumulativeTotal, delta, today, claimableAt, batchHash, uri);
        if (spendRoot != bytes32(0)) emit SpendCommitted(epoch, spendRoot, cumulativeSpent, depositFunded);
    }

    /// @notice Vetoes pending `epoch`, discarding it and every later epoch. Only GUARDIAN_ROLE.
    /// @dev Restores `totalCommitted()` and `totalSpent()` to epoch - 1's and `nextEpoch()` to `epoch`, so the
    ///      keeper can recommit a corrected epoch with the same number: today's budget use and spend fall with
    ///      them (days already begun keep theirs), and today's spend cap counts from the spend it restored when
    ///      that is below the day's start (a recommit never carries the caps of days before). Reverts once the epoch's dispute window is over.
    /// @param epoch A committed epoch whose root is not yet claimable.
    /// @param expectedRoot The root the guardian checked, and
    /// @param expectedClaimableAt its commit's claim time: reverts RootChanged if the epoch holds another
    ///        commit, so a veto mined late (a transaction stuck in a pool while someone else vetoed and the
    ///        keeper recommitted) never discards the replacement it did not check. The claim time tells a
    ///        replacement with the same root apart (only the vetoed root is barred, so an epoch discarded by
    ///        the veto of an earlier one may be committed again with its root and a new window), unless both
    ///        took the previous epoch's claim time (a dispute window shortened since) or share a second.
    function vetoRoot(uint256 epoch, bytes32 expectedRoot, uint64 expectedClaimableAt)
        external
        onlyRole(GUARDIAN_ROLE)
    {
        uint256 next = _nextEpoch;
        if (epoch >= next) revert UnknownEpoch(epoch);
        Epoch storage e = _epochs[epoch];
        uint32 claimableAt = e.claimableAt;
        if (block.timestamp >= claimableAt) revert DisputeWindowOver(epoch, claimableAt);
        bytes32 root = e.root;
        if (root != expectedRoot || claimableAt != expectedClaimableAt) revert RootChanged(epoch, root, claimableAt);

        isVetoed[root] = true;
        (uint256 restored, uint256 restoredSpent) = _totalsBefore(epoch);
        _nextEpoch = SafeCast.toUint32(epoch); // _claimableHint <= epoch already, as `epoch` is pending
        uint256 today = currentDay();
        if (_vetoDayPlusOne != today + 1 || restoredSpent < _vetoLowSpent) {
            _vetoDayPlusOne = SafeCast.toUint32(today + 1);
            // forge-lint: disable-next-line(unsafe-typecast)
            _vetoLowSpent = uint96(restoredSpent); // an epoch's uint96 cumulativeSpent
        }
        _committed.push(SafeCast.toUint32(today), _pack(restored - restoredSpent, restoredSpent));
        emit RootVetoed(epoch, root, next - 1, restored);
    }

    /// @notice Pays `account` what it is owed: `cumulativeAmount - claimed[account]`. Anyone may call; the MOR
    ///         always goes to `account`.
    /// @dev Verified against the newest claimable root only. Pulls due emissions first if the pool is short.
    /// @param account The credited account (provider owner or model builder).
    /// @param cumulativeAmount Its cumulative credit in the newest claimable tree.
    /// @param proof Its StandardMerkleTree proof.
    /// @return amount The MOR paid.
    function claim(address account, uint256 cumulativeAmount, bytes32[] calldata proof)
        external
        nonReentrant
        returns (uint256 amount)
    {
        (uint256 epoch, bytes32 root, uint256 cap) = _claimableRoot();
        if (!MerkleProof.verifyCalldata(proof, root, _leaf(account, cumulativeAmount))) {
            revert InvalidProof(account, cumulativeAmount);
        }
        uint256 already = claimed[account];
        if (cumulativeAmount <= already) revert NothingToClaim(account, cumulativeAmount, already);
        amount = cumulativeAmount - already;
        uint256 newTotal = totalClaimed + amount;
        if (newTotal > cap) revert ExceedsCommitted(newTotal, cap);

        claimed[account] = cumulativeAmount;
        totalClaimed = SafeCast.toUint128(newTotal);
        emit Claimed(account, epoch, amount, cumulativeAmount);
        _topUp(amount);
        token.safeTransfer(account, amount);
    }

    /// @notice Pays many accounts in one transaction (see `claim`). Anyone may call.
    /// @dev An entry with an invalid proof, nothing left to claim, or that would take claims past the root's
    ///      total is skipped with a ClaimSkipped event, not reverted. Reverts only on mismatched lengths, when no
    ///      root is claimable, or when the pool cannot pay.
    /// @param accounts The credited accounts.
    /// @param cumulativeAmounts Their cumulative credits in the newest claimable tree.
    /// @param proofs Their proofs.
    /// @return paid The MOR paid in total.
    function claimMany(address[] calldata accounts, uint256[] calldata cumulativeAmounts, bytes32[][] calldata proofs)
        external
        nonReentrant
        returns (uint256 paid)
    {
        uint256 n = accounts.length;
        if (cumulativeAmounts.length != n || proofs.length != n) revert LengthMismatch();
        (uint256 epoch, bytes32 root, uint256 cap) = _claimableRoot();

        uint256 claimedTotal = totalClaimed;
        uint256 available = token.balanceOf(address(this)); // what the pool can pay without releasing
        for (uint256 i; i < n; ++i) {
            address account = accounts[i];
            uint256 cumulativeAmount = cumulativeAmounts[i];
            if (!MerkleProof.verifyCalldata(proofs[i], root, _leaf(account, cumulativeAmount))) {
                emit ClaimSkipped(account, cumulativeAmount, SkipReason.InvalidProof);
                continue;
            }
            uint256 already = claimed[account];
            if (cumulativeAmount <= already) {
                emit ClaimSkipped(account, cumulativeAmount, SkipReason.NothingToClaim);
                continue;
            }
            uint256 amount = cumulativeAmount - already;
            if (claimedTotal + amount > cap) {
                emit ClaimSkipped(account, cumulativeAmount, SkipReason.ExceedsCommitted);
                continue;
            }
            // Effects of this entry, then its transfer (the guard stops any re-entry).
            claimed[account] = cumulativeAmount;
            claimedTotal += amount;
            // forge-lint: disable-next-line(unsafe-typecast)
            totalClaimed = uint128(claimedTotal); // safe: claimedTotal <= cap, a uint128 epoch total
            paid += amount;
            emit Claimed(account, epoch, amount, cumulativeAmount);
            if (amount > available) available = _topUp(amount);
            available -= amount;
            token.safeTransfer(account, amount);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Deposits (PROTOCOL §4 "Paid usage")
    // ------------------------------------------------------------------------------------------------

    /// @notice Deposits `amount` MOR of the caller, approved to this pool beforehand.
    /// @param amount MOR (wei), > 0.
    function deposit(uint256 amount) external nonReentrant {
        _deposit(amount);
    }

    /// @notice Deposits `amount` MOR of the caller with an ERC-2612 permit: one signature approves and deposits.
    /// @dev A permit already used (for example by someone who copied it from the mempool to front-run this call)
    ///      is ignored: the deposit then goes through on the allowance it set, and fails only without one.
    /// @param amount MOR (wei), > 0; also the permit's value.
    /// @param deadline The permit's deadline.
    /// @param v The permit signature's v.
    /// @param r The permit signature's r.
    /// @param s The permit signature's s.
    function depositWithPermit(uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external nonReentrant {
        try IERC20Permit(address(token)).permit(msg.sender, address(this), amount, deadline, v, r, s) {} catch {}
        _deposit(amount);
    }

    /// @notice Asks to withdraw `amount` of the caller's deposit once `withdrawalDelay` has passed. Replaces any
    ///         pending request and restarts its clock. Routers admit no deposit-paid session of the caller while
    ///         a request is pending.
    /// @dev Records the caller's spend proved against the newest claimable spend root, by the rule `withdraw`
    ///      uses, and that root's `cumulativeSpent`: `withdraw` holds back of the claimable spend at most the
    ///      first plus the rise of the second since (the cap bounds the rise), and at least the first (see
    ///      `withdraw`). Reverts on a proof against any other root (InvalidSpendProof).
    /// @param amount MOR (wei), in [1, depositOf(caller)]; `withdraw` pays at most the part it does not hold back.
    /// @param cumulativeSpent The caller's cumulative spend in the newest claimable spend root (ignored, and 0,
    ///        while no root is claimable, that root is zero, or its deposits were read before the caller's deposit
    ///        last rose from zero).
    /// @param proof Its StandardMerkleTree proof.
    function requestWithdrawal(uint256 amount, uint256 cumulativeSpent, bytes32[] calldata proof) external {
        if (amount == 0) revert ZeroAmount();
        DepositAccount storage a = _deposits[msg.sender];
        uint256 held = a.deposit;
        if (amount > held) revert ExceedsDeposit(amount, held);
        (uint256 proven, uint256 total) = _provenSpend(_claimableCount(), a.fundedAt, cumulativeSpent, proof);
        a.requested = SafeCast.toUint96(amount);
        a.requestedAt = SafeCast.toUint32(block.timestamp);
        // forge-lint: disable-next-line(unsafe-typecast)
        a.spentAtRequest = uint96(Math.min(proven, type(uint96).max)); // a hostile tree's leaf may be any size
        // forge-lint: disable-next-line(unsafe-typecast)
        a.totalAtRequest = uint96(total); // safe: an epoch's uint96 cumulativeSpent
        emit WithdrawalRequested(msg.sender, amount, _readyAt(block.timestamp));
    }

    /// @notice Drops the caller's pending withdrawal request (it may then use its deposit again).
    function cancelWithdrawal() external {
        DepositAccount storage a = _deposits[msg.sender];
        uint256 requested = a.requested;
        if (requested == 0) revert NoWithdrawalRequested(msg.sender);
        a.requested = 0;
        a.requestedAt = 0;
        a.spentAtRequest = 0;
        a.totalAtRequest = 0;
        emit WithdrawalCancelled(msg.sender, requested);
    }

    /// @notice Pays the caller's pending request once ready: `min(requested, depositOf(caller) - claimableSpend -
    ///         pendingSpend)`, where `claimableSpend` is `cumulativeSpent`, the caller's leaf in the newest claimable
    ///         spend root, kept within [s, s + t' - t] (s: the spend the request proved, t and t': the claimable
    ///         cumulativeSpent at the request and now) and `pendingSpend` the deposit spend committed by the pending
    ///         epochs, every user's. The request is then done, whatever it paid.
    /// @dev A pending epoch's spend per user is not known on-chain without a proof against a root the guardian
    ///      may still veto, so the whole pending spend is held back: a late epoch charging the caller's sessions
    ///      can never leave the caller's deposit below its spend, so it is never paid from another depositor's
    ///      deposit; a hostile pending root can only lower a payment (never raise it), and once it is vetoed the
    ///      caller asks again. The bounds on the claimable spend stop a root that moves spend between users
    ///      without raising the total (no cap check sees it) from charging a requester more than the cap allows
    ///      since its request, or paying a requester back spend it proved (`_reserved`). A caller whose deposit
    ///      last rose from zero after the claimable epoch's deposits were read (`depositsReadAt`, even one made
    ///      before that epoch was committed) has no leaf in it and spent nothing in it: its spend is 0 with any
    ///      proof (an idle market does not lock a new deposit). Reverts while the delay runs or no withdrawal window is open (WithdrawalNotReady with
    ///      the next time it may pay), on a proof against any other root (a stale proof), when
    ///      nothing is left, and when the payment would leave `totalDeposits` below `totalSpent()`.
    /// @param cumulativeSpent The caller's cumulative spend in the newest claimable spend root (ignored, and 0,
    ///        while no root is claimable, that root is zero, or its deposits were read before the caller's deposit
    ///        last rose from zero).
    /// @param proof Its StandardMerkleTree proof.
    /// @return paid The MOR paid.
    function withdraw(uint256 cumulativeSpent, bytes32[] calldata proof) external nonReentrant returns (uint256 paid) {
        DepositAccount storage a = _deposits[msg.sender];
        uint256 requested = a.requested;
        if (requested == 0) revert NoWithdrawalRequested(msg.sender);
        uint64 readyAt = _readyAt(a.requestedAt);
        if (block.timestamp < readyAt) revert WithdrawalNotReady(readyAt, block.timestamp);

        uint256 epoch;
        uint256 reserved;
        (epoch, cumulativeSpent, reserved) = _reserved(a, cumulativeSpent, proof);
        uint256 spent = totalSpent();
        uint256 held = a.deposit;
        if (held <= reserved) revert NothingToWithdraw(msg.sender, held, reserved);
        paid = Math.min(requested, held - reserved);
        uint256 remainingDeposits = totalDeposits - paid;
        if (remainingDeposits < spent) revert DepositsBelowSpend(remainingDeposits, spent);

        // forge-lint: disable-next-line(unsafe-typecast)
        a.deposit = uint96(held - paid);
        a.requested = 0;
        a.requestedAt = 0;
        a.spentAtRequest = 0;
        a.totalAtRequest = 0;
        // forge-lint: disable-next-line(unsafe-typecast)
        totalDeposits = uint128(remainingDeposits);
        lastWithdrawAt = SafeCast.toUint32(block.timestamp);
        emit Withdrawn(msg.sender, paid, cumulativeSpent, epoch, held - paid);
        _topUp(paid);
        token.safeTransfer(msg.sender, paid);
    }

    /// @notice What `user` deposited minus what it withdrew. Its spend is part of it until withdrawn: what
    ///         `withdraw` can pay is this minus its cumulative spend in the newest claimable spend root and minus
    ///         the pending epochs' spend (`totalSpent()` minus the newest claimable epoch's `spendInfo`).
    function depositOf(address user) external view returns (uint256) {
        return _deposits[user].deposit;
    }

    /// @notice `user`'s pending withdrawal request: its amount (0 when none) and the first time from now on that
    ///         `withdraw` may pay it: past the delay and inside a withdrawal window.
    function pendingWithdrawal(address user) external view returns (uint256 amount, uint64 readyAt) {
        DepositAccount storage a = _deposits[user];
        amount = a.requested;
        if (amount != 0) readyAt = _readyAt(a.requestedAt);
    }

    /// @notice The first time at or after `timestamp` at which `withdraw` may pay: `timestamp` itself before
    ///         payoutStart (no commit happens then) or inside a day's first `withdrawalWindow` seconds, else the
    ///         start of the next day.
    function withdrawalOpensAt(uint256 timestamp) public view returns (uint256) {
        if (timestamp < payoutStart) return timestamp;
        uint256 into = (timestamp - payoutStart) % interval;
        return into < withdrawalWindow ? timestamp : timestamp - into + interval;
    }

    // ------------------------------------------------------------------------------------------------
    // Administration
    // ------------------------------------------------------------------------------------------------

    /// @notice Sets the daily budget share, effective from the next day (from day 0 before payoutStart).
    ///         Only DEFAULT_ADMIN_ROLE.
    /// @param budgetBps_ Share of the compute balance per day, in basis points (<= maxBudgetBps).
    function setBudgetBps(uint256 budgetBps_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (budgetBps_ > maxBudgetBps) revert InvalidBudgetBps(budgetBps_);
        uint256 effectiveDay = _firstDayNotBegun();
        _budgetBps.push(SafeCast.toUint32(effectiveDay), SafeCast.toUint224(budgetBps_));
        emit BudgetBpsSet(budgetBps_, effectiveDay);
    }

    /// @notice Sets the daily spend cap. Only DEFAULT_ADMIN_ROLE. A cap no higher than every cap in force or
    ///         scheduled from tomorrow on applies from tomorrow (from day 0 before payoutStart); a higher one only
    ///         from the day after the one in which a withdrawal requested now may first be paid (the first
    ///         withdrawal window at or after `withdrawalDelay` from now; from day 1 at the earliest), so a depositor who requests a withdrawal
    ///         when the change is made is paid on a day the old cap still bounds: not at the second the new one
    ///         binds, when a commit ordered before the withdraw in the same block would be held back from it.
    ///         Either replaces whatever was scheduled after the day it applies from, and a raise also every cap
    ///         scheduled before it above it: from tomorrow on the schedule never falls, so `min(spendCapAt(today),
    ///         spendCapAt(today + 1))` is the lowest cap of every day to come.
    /// @param dailySpendCap_ MOR (wei) per day, in [1, MAX_SPEND_CAP].
    function setDailySpendCap(uint256 dailySpendCap_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (dailySpendCap_ == 0 || dailySpendCap_ > MAX_SPEND_CAP) revert InvalidSpendCap(dailySpendCap_);
        uint256 notBegun = _firstDayNotBegun();
        uint256 effectiveDay = notBegun;
        Checkpoints.Checkpoint224[] storage cps = _spendCap._checkpoints;
        // The lowest cap of any day from effectiveDay on: tomorrow's and every one scheduled after it.
        uint256 lowest = spendCapAt(effectiveDay);
        for (uint256 i = cps.length; i > 0 && cps[i - 1]._key > effectiveDay; --i) {
            lowest = Math.min(lowest, cps[i - 1]._value);
        }
        if (dailySpendCap_ > lowest) {
            // A request made now is paid from withdrawalOpensAt(now + delay) on: the day after that one (day 1 at
            // the earliest, so that a raise is a checkpoint above the one before it: _checkNoCapRaiseScheduled).
            effectiveDay = dayOf(withdrawalOpensAt(Math.max(block.timestamp + withdrawalDelay, payoutStart))) + 1;
        }
        // Drop what was scheduled after the effective day (no day that has begun is touched: effectiveDay is at
        // least tomorrow), so no earlier schedule outlives this change; and, for a raise, every cap scheduled
        // before it for a day not begun that is above it: the schedule from tomorrow on never falls, so the
        // lowest cap of the days to come is today's or tomorrow's (spendCapAt of both; a session's whole cost
        // must fit it). Lowering a day not begun is always allowed. The first checkpoint (key 0) stays.
        while (cps.length > 1) {
            Checkpoints.Checkpoint224 storage last = cps[cps.length - 1];
            if (last._key <= effectiveDay && (last._key < notBegun || last._value <= dailySpendCap_)) break;
            cps.pop();
        }
        // forge-lint: disable-next-line(unsafe-typecast)
        _spendCap.push(SafeCast.toUint32(effectiveDay), uint224(dailySpendCap_)); // <= MAX_SPEND_CAP
        emit DailySpendCapSet(dailySpendCap_, effectiveDay);
    }

    /// @notice Sets the dispute window of roots committed from now on. Only DEFAULT_ADMIN_ROLE.
    /// @param disputeWindow_ Seconds, in [minDisputeWindow, MAX_DISPUTE_WINDOW].
    /// @dev The withdrawal delay must stay longer than settlementLag + withdrawalWindow + the dispute window
    ///      (`_checkWithdrawalDelay`): raise it first.
    function setDisputeWindow(uint32 disputeWindow_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (disputeWindow_ < minDisputeWindow || disputeWindow_ > MAX_DISPUTE_WINDOW) {
            revert InvalidDisputeWindow(disputeWindow_);
        }
        _checkWithdrawalDelay(withdrawalDelay, disputeWindow_);
        disputeWindow = disputeWindow_;
        emit DisputeWindowSet(disputeWindow_);
    }

    /// @notice Sets the delay between a withdrawal request and its payment, for requests made from now on and
    ///         pending ones alike. Only DEFAULT_ADMIN_ROLE. A longer delay is refused while a raise of the spend
    ///         cap is scheduled (CapRaiseScheduled): that raise binds after the requests pending when it was made
    ///         are paid with the delay of then, and a longer one would leave them waiting under it.
    /// @param withdrawalDelay_ Seconds, in [minWithdrawalDelay, MAX_WITHDRAWAL_DELAY] and longer than
    ///        settlementLag + withdrawalWindow + the dispute window (`_checkWithdrawalDelay`).
    function setWithdrawalDelay(uint32 withdrawalDelay_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (withdrawalDelay_ < minWithdrawalDelay || withdrawalDelay_ > MAX_WITHDRAWAL_DELAY) {
            revert InvalidWithdrawalDelay(withdrawalDelay_);
        }
        _checkWithdrawalDelay(withdrawalDelay_, disputeWindow);
        if (withdrawalDelay_ > withdrawalDelay) _checkNoCapRaiseScheduled();
        withdrawalDelay = withdrawalDelay_;
        emit WithdrawalDelaySet(withdrawalDelay_);
    }

    // ------------------------------------------------------------------------------------------------
    // Views: days and budget (PROTOCOL §4)
    // ------------------------------------------------------------------------------------------------

    /// @notice The day containing `timestamp`: (timestamp - payoutStart) / interval. Reverts before payoutStart.
    function dayOf(uint256 timestamp) public view returns (uint256) {
        if (timestamp < payoutStart) revert BeforePayoutStart(timestamp, payoutStart);
        return (timestamp - payoutStart) / interval;
    }

    /// @notice Today's day index. Reverts before payoutStart.
    function currentDay() public view returns (uint256) {
        return dayOf(block.timestamp);
    }

    /// @notice Unix time at which `day` starts.
    function dayStart(uint256 day) public view returns (uint256) {
        return payoutStart + day * interval;
    }

    /// @notice The compute bucket's emission from payoutStart up to `timestamp`, whoever released it when.
    function computeAccrued(uint256 timestamp) public view returns (uint256) {
        return emissions.bucketEmittedUntil(COMPUTE_BUCKET, timestamp);
    }

    /// @notice Total committed: the credit total of the newest live epoch (allowance- and deposit-funded), in wei.
    function totalCommitted() public view returns (uint256) {
        uint256 next = _nextEpoch;
        return next == 0 ? 0 : _epochs[next - 1].cumulativeTotal;
    }

    /// @notice The deposit-funded part of `totalCommitted()`: the newest live epoch's cumulative spend.
    function totalSpent() public view returns (uint256) {
        uint256 next = _nextEpoch;
        return next == 0 ? 0 : _epochs[next - 1].cumulativeSpent;
    }

    /// @notice The allowance-funded part of `totalCommitted()`: what the budget has paid for, in wei.
    function totalFromBudget() external view returns (uint256) {
        (uint256 fromBudget,) = _unpack(_committed.latest());
        return fromBudget;
    }

    /// @notice The allowance-funded total as it stood at the start of `day` (for a future day: as it stands now).
    function committedBefore(uint256 day) public view returns (uint256 fromBudget) {
        (fromBudget,) = _totalsAtStart(day);
    }

    /// @notice What `day` used of its budget: the net increase of the allowance-funded total over the day (0 if
    ///         vetoes outweighed commits). For today, the use so far.
    function committedOn(uint256 day) public view returns (uint256) {
        uint256 before = committedBefore(day);
        (uint256 atEnd,) = _unpack(_committed.upperLookupRecent(SafeCast.toUint32(day)));
        return atEnd > before ? atEnd - before : 0;
    }

    /// @notice The deposit spend (`totalSpent()`) as it stood at the start of `day` (for a future day: as it
    ///         stands now).
    function spentBefore(uint256 day) public view returns (uint256 spent) {
        (, spent) = _totalsAtStart(day);
    }

    /// @notice What `day` used of its spend cap: the net increase of the deposit spend over the day (0 if vetoes
    ///         outweighed commits). For today, the use so far.
    function spentOn(uint256 day) external view returns (uint256) {
        uint256 before = spentBefore(day);
        (, uint256 atEnd) = _unpack(_committed.upperLookupRecent(SafeCast.toUint32(day)));
        return atEnd > before ? atEnd - before : 0;
    }

    /// @notice The daily spend cap in force on `day` (scheduled changes included), in MOR wei.
    function spendCapAt(uint256 day) public view returns (uint256) {
        return _spendCap.upperLookupRecent(SafeCast.toUint32(day));
    }

    /// @notice The daily spend cap in force today (day 0's before payoutStart), in MOR wei.
    function dailySpendCap() external view returns (uint256) {
        return spendCapAt(block.timestamp < payoutStart ? 0 : currentDay());
    }

    /// @notice What the keeper may still commit today from deposits: spentBefore(today) + spendCapAt(today) -
    ///         totalSpent(). Reverts before payoutStart.
    function remainingSpend() external view returns (uint256) {
        uint256 today = currentDay();
        (, uint256 spent) = _unpack(_committed.latest());
        return _remainingSpend(today, _spendBaseline(today, spentBefore(today)), spent);
    }

    /// @notice computeAccrued(start of `day`) - committedBefore(`day`) (PROTOCOL §4).
    function computeBalance(uint256 day) public view returns (uint256) {
        return computeAccrued(dayStart(day)) - committedBefore(day);
    }

    /// @notice computeBalance(`day`) * budgetBpsAt(`day`) / 10000 (PROTOCOL §4).
    function budget(uint256 day) public view returns (uint256) {
        return computeBalance(day) * budgetBpsAt(day) / 10_000;
    }

    /// @notice The budget share in force on `day`, in basis points.
    function budgetBpsAt(uint256 day) public view returns (uint256) {
        return _budgetBps.upperLookupRecent(SafeCast.toUint32(day));
    }

    /// @notice The budget share in force today, in basis points (day 0's before payoutStart).
    function budgetBps() external view returns (uint256) {
        return budgetBpsAt(block.timestamp < payoutStart ? 0 : currentDay());
    }

    /// @notice What the keeper may still commit today from the budget: committedBefore(today) + budget(today) -
    ///         totalFromBudget(). Deposit-funded credits come on top. Reverts before payoutStart.
    function remainingBudget() external view returns (uint256) {
        uint256 today = currentDay();
        (uint256 fromBudget,) = _unpack(_committed.latest());
        return _remainingBudget(today, committedBefore(today), fromBudget);
    }

    /// @notice A user's free compute for `day` (PROTOCOL §4 v2): budget(day) * min(getPastVotes(user,
    ///         dayStart(day)), getPastVotes(user, dayStart(day) - interval)) / getPastTotalSupply(dayStart(day));
    ///         for day 0 only the first checkpoint; 0 when the supply was 0. Reverts unless the day has begun
    ///         (dayStart < now), so it is fixed by past checkpoints. Votes count only when held at both day
    ///         starts: MOR borrowed for one block (a flash loan) or for the second of a day start earns nothing.
    function allowance(address user, uint256 day) external view returns (uint256) {
        uint256 start = dayStart(day);
        if (start >= block.timestamp) revert DayNotStarted(day, start);
        IVotes votes = IVotes(address(token));
        uint256 supply = votes.getPastTotalSupply(start);
        if (supply == 0) return 0;
        uint256 held = votes.getPastVotes(user, start);
        if (day != 0 && held != 0) held = Math.min(held, votes.getPastVotes(user, start - interval));
        return Math.mulDiv(budget(day), held, supply);
    }

    // ------------------------------------------------------------------------------------------------
    // Views: epochs
    // ------------------------------------------------------------------------------------------------

    /// @notice The epoch number `commitRoot` expects next.
    function nextEpoch() external view returns (uint256) {
        return _nextEpoch;
    }

    /// @notice A live epoch. Reverts with UnknownEpoch for an epoch not committed (or discarded by a veto).
    function epochInfo(uint256 epoch)
        external
        view
        returns (bytes32 root, uint256 cumulativeTotal, uint64 claimableAt)
    {
        if (epoch >= _nextEpoch) {
            revert UnknownEpoch(epoch);
        }
        Epoch storage e = _epochs[epoch];
        return (e.root, e.cumulativeTotal, e.claimableAt);
    }

    /// @notice The deposit spend committed with a live epoch. Reverts with UnknownEpoch like `epochInfo`.
    /// @return spendRoot Root of the (user, cumulativeSpent) tree; zero while nothing was ever spent.
    /// @return cumulativeSpent The deposit-funded part of the epoch's credit total.
    /// @return depositsReadAt The later of the read the commit stated and the previous live epoch's (`_readFloor`):
    ///         a user whose deposit rose from zero after it needs no proof against the spend root.
    function spendInfo(uint256 epoch)
        external
        view
        returns (bytes32 spendRoot, uint256 cumulativeSpent, uint64 depositsReadAt)
    {
        if (epoch >= _nextEpoch) {
            revert UnknownEpoch(epoch);
        }
        Epoch storage e = _epochs[epoch];
        return (e.spendRoot, e.cumulativeSpent, e.depositsReadAt);
    }

    /// @notice The root claims are checked against now: the newest epoch whose dispute window is over.
    /// @return exists False while no root is claimable.
    /// @return epoch Its epoch.
    /// @return root Its root.
    /// @return cumulativeTotal Its total.
    function claimableEpoch()
        external
        view
        returns (bool exists, uint256 epoch, bytes32 root, uint256 cumulativeTotal)
    {
        uint256 count = _claimableCount();
        if (count == 0) return (false, 0, bytes32(0), 0);
        Epoch storage e = _epochs[count - 1];
        return (true, count - 1, e.root, e.cumulativeTotal);
    }

    // ------------------------------------------------------------------------------------------------
    // Internals
    // ------------------------------------------------------------------------------------------------

    /// @dev The StandardMerkleTree leaf of (address, uint256):
    ///      keccak256(bytes.concat(keccak256(abi.encode(account, cumulativeAmount)))); the double hash rules out
    ///      second preimages. Hashed in the scratch space (0x00-0x3f), which needs no allocation.
    function _leaf(address account, uint256 cumulativeAmount) private pure returns (bytes32 leaf) {
        assembly ("memory-safe") {
            mstore(0x00, account) // abi.encode: the address left-padded to 32 bytes (ABI-decoded, so clean)
            mstore(0x20, cumulativeAmount)
            mstore(0x00, keccak256(0x00, 0x40))
            leaf := keccak256(0x00, 0x20)
        }
    }

    /// @dev Checks that `root` may be committed as `epoch` and returns its claim time: now + disputeWindow, or
    ///      the previous epoch's claim time if later (the window may have been shortened).
    function _checkNewRoot(uint256 epoch, bytes32 root) private view returns (uint32 claimableAt) {
        if (root == bytes32(0)) revert ZeroRoot();
        if (isVetoed[root]) revert VetoedRoot(root);
        claimableAt = SafeCast.toUint32(block.timestamp + disputeWindow);
        if (epoch != 0) {
            Epoch storage prev = _epochs[epoch - 1];
            if (prev.root == root) revert RootUnchanged(root);
            if (prev.claimableAt > claimableAt) claimableAt = prev.claimableAt;
        }
    }

    /// @dev The deposit read epoch `epoch` keeps: the later of the stated `depositsReadAt` and the one the live epoch
    ///      before it keeps (`epoch - 1`: after a veto of `epoch` that is the newest epoch the veto left live, so a
    ///      vetoed epoch's read never raises the floor of its recommit, and the recommit's slot overwrites it). Spend
    ///      leaves carry over from epoch to epoch, so a user charged in an earlier epoch has its leaf in every later
    ///      tree: were a later epoch to keep an earlier read (an honest keeper in hold mode reads at its cutoff minus
    ///      one second, possibly before the previous epoch's read at a withdrawal; a hostile one may state 0), a user
    ///      whose deposit rose from zero between the two reads would need no proof there, prove 0 and take its
    ///      spend back (`_provenSpend`), leaving the other depositors below the spend (DepositsBelowSpend).
    function _readFloor(uint256 epoch, uint256 depositsReadAt) private view returns (uint32) {
        uint256 floor = epoch == 0 ? 0 : _epochs[epoch - 1].depositsReadAt;
        return SafeCast.toUint32(Math.max(depositsReadAt, floor));
    }

    /// @dev The credit total and spend of the live epochs before `epoch` (zero before epoch 0).
    function _totalsBefore(uint256 epoch) private view returns (uint256 total, uint256 spent) {
        if (epoch == 0) return (0, 0);
        Epoch storage prev = _epochs[epoch - 1];
        return (prev.cumulativeTotal, prev.cumulativeSpent);
    }

    /// @dev Checks the totals of new `epoch`: neither falls, the spend's increase (the deposit-funded part of the
    ///      credit delta) is at most the delta, the rest fits in today's remaining budget, the spend fits in
    ///      today's spend cap and stays within the deposits held.
    function _checkTotals(uint256 epoch, uint256 cumulativeTotal, uint256 cumulativeSpent)
        private
        view
        returns (uint256 today, uint256 delta, uint256 depositFunded)
    {
        today = currentDay();
        (uint256 previous, uint256 previousSpent) = _totalsBefore(epoch);
        if (cumulativeTotal < previous) revert CumulativeTotalDecreased(cumulativeTotal, previous);
        if (cumulativeSpent < previousSpent) revert CumulativeSpentDecreased(cumulativeSpent, previousSpent);
        delta = cumulativeTotal - previous;
        depositFunded = cumulativeSpent - previousSpent;
        if (depositFunded > delta) revert DepositFundedExceedsDelta(depositFunded, delta);
        // Withdrawals never take totalDeposits below totalSpent(), so only a rising spend needs the check.
        (uint256 budgetBefore, uint256 spentAtStart) = _totalsAtStart(today);
        if (depositFunded != 0) {
            if (cumulativeSpent > totalDeposits) revert SpendExceedsDeposits(cumulativeSpent, totalDeposits);
            uint256 spendLeft = _remainingSpend(today, _spendBaseline(today, spentAtStart), previousSpent);
            if (depositFunded > spendLeft) revert OverSpendCap(depositFunded, spendLeft);
        }
        uint256 fromBudget = delta - depositFunded;
        uint256 remaining = _remainingBudget(today, budgetBefore, previous - previousSpent);
        if (fromBudget > remaining) revert OverBudget(fromBudget, remaining);
    }

    /// @dev Checks that deposits read as of `readAt` may be spent: no withdrawal was paid after it.
    function _checkDepositsRead(uint256 readAt) private view {
        uint256 last = lastWithdrawAt;
        if (readAt < last) revert StaleDepositsRead(readAt, last);
    }

    /// @dev Today the allowance-funded total may reach `before + budget(today)`, `before` being its value at the
    ///      start of today; what is left below it for a total of `total`.
    function _remainingBudget(uint256 today, uint256 before, uint256 total) private view returns (uint256) {
        uint256 ceiling = before + (computeAccrued(dayStart(today)) - before) * budgetBpsAt(today) / 10_000;
        return ceiling > total ? ceiling - total : 0;
    }

    /// @dev Today the spend may reach `before + spendCapAt(today)`, `before` being its value at the start of
    ///      today; what is left below it for a spend of `spent`.
    function _remainingSpend(uint256 today, uint256 before, uint256 spent) private view returns (uint256) {
        uint256 ceiling = before + spendCapAt(today);
        return ceiling > spent ? ceiling - spent : 0;
    }

    /// @dev What `today`'s spend cap counts from: the spend at its start, or the lowest a veto restored today if
    ///      lower (`_vetoLowSpent`).
    function _spendBaseline(uint256 today, uint256 start) private view returns (uint256) {
        return _vetoDayPlusOne == today + 1 ? Math.min(start, _vetoLowSpent) : start;
    }

    /// @dev The allowance-funded total and the spend at the start of `day` (one checkpoint read).
    function _totalsAtStart(uint256 day) private view returns (uint256 fromBudget, uint256 spent) {
        if (day == 0) return (0, 0);
        return _unpack(_committed.upperLookupRecent(SafeCast.toUint32(day - 1)));
    }

    /// @dev One `_committed` value: the spend in bits 96..191, the allowance-funded total in bits 0..95 (both are
    ///      at most an epoch's uint96 credit total).
    function _pack(uint256 fromBudget, uint256 spent) private pure returns (uint224) {
        // forge-lint: disable-next-line(unsafe-typecast)
        return uint224((spent << 96) | fromBudget);
    }

    function _unpack(uint224 packed) private pure returns (uint256 fromBudget, uint256 spent) {
        return (uint256(packed) & type(uint96).max, uint256(packed) >> 96);
    }

    /// @dev Number of claimable epochs, i.e. index of the first pending one (or `_nextEpoch`). Claim times are
    ///      non-decreasing, so it is found by binary search above the hint; usually one storage read.
    function _claimableCount() private view returns (uint256 count) {
        uint256 next = _nextEpoch;
        count = _claimableHint;
        if (count == next || _epochs[count].claimableAt > block.timestamp) return count;
        // Epoch `count` is claimable.
        if (_epochs[next - 1].claimableAt <= block.timestamp) return next;
        // The first pending epoch is in (count, next - 1].
        uint256 hi = next - 1;
        ++count;
        while (count < hi) {
            uint256 mid = (count + hi) / 2;
            if (_epochs[mid].claimableAt <= block.timestamp) count = mid + 1;
            else hi = mid;
        }
    }

    /// @dev The newest claimable epoch, its root and total; advances the hint.
    function _claimableRoot() private returns (uint256 epoch, bytes32 root, uint256 cumulativeTotal) {
        uint256 count = _claimableCount();
        if (count == 0) revert NoClaimableRoot();
        if (count != _claimableHint) _claimableHint = SafeCast.toUint32(count);
        epoch = count - 1;
        Epoch storage e = _epochs[epoch];
        return (epoch, e.root, e.cumulativeTotal);
    }

    /// @dev The caller's spend in the newest claimable epoch, `count - 1` (none when `count` is 0), its deposit
    ///      having last risen from zero at time `funded`: `cumulativeSpent` proved against that epoch's spend root,
    ///      or 0 with any proof when no epoch is claimable, its spend root is zero or its deposits were read
    ///      before `funded` (InvalidSpendProof otherwise): the keeper's tree lists every depositor of its read,
    ///      so a deposit made after it (between the read and the commit included) has no leaf there. `total` is that epoch's cumulativeSpent (0 when none).
    function _provenSpend(uint256 count, uint256 funded, uint256 cumulativeSpent, bytes32[] calldata proof)
        private
        view
        returns (uint256 proven, uint256 total)
    {
        if (count == 0) return (0, 0);
        Epoch storage e = _epochs[count - 1];
        total = e.cumulativeSpent;
        bytes32 spendRoot = e.spendRoot;
        if (spendRoot != bytes32(0) && e.depositsReadAt >= funded) {
            if (!MerkleProof.verifyCalldata(proof, spendRoot, _leaf(msg.sender, cumulativeSpent))) {
                revert InvalidSpendProof(msg.sender, cumulativeSpent);
            }
            proven = cumulativeSpent;
        }
    }

    /// @dev What `withdraw` holds back of the caller's deposit `a`: its proved spend in the newest claimable epoch
    ///      (`_provenSpend`), kept within [spentAtRequest, spentAtRequest + the rise of the claimable
    ///      cumulativeSpent since the request], plus the whole spend of the pending epochs. Honest leaves only
    ///      rise, and no more than their sum, so the bounds never bind an honest root; they bind a root that moved
    ///      spend between users without raising the total, which `_checkTotals` (and so the cap) cannot see.
    function _reserved(DepositAccount storage a, uint256 cumulativeSpent, bytes32[] calldata proof)
        private
        view
        returns (uint256 epoch, uint256 proven, uint256 reserved)
    {
        uint256 count = _claimableCount();
        uint256 total;
        (proven, total) = _provenSpend(count, a.fundedAt, cumulativeSpent, proof);
        if (count != 0) epoch = count - 1;
        uint256 atRequest = a.spentAtRequest;
        uint256 totalAtRequest = a.totalAtRequest;
        // Claimable totals never fall (a veto discards only pending epochs); guarded all the same.
        uint256 rise = total > totalAtRequest ? total - totalAtRequest : 0;
        reserved = Math.max(atRequest, Math.min(proven, atRequest + rise));
        if (count < _nextEpoch) {
            (, uint256 before) = _totalsBefore(count);
            reserved += totalSpent() - before;
        }
    }

    /// @dev Reverts unless `delay > settlementLag + withdrawalWindow + dispute` (WithdrawalDelayTooShort), the
    ///      bound the constructor and both setters keep. It is necessary, not sufficient: a session's close may
    ///      come up to settle.CloseWindow after its ticket ends and a keeper commits up to two feed graces after
    ///      an epoch's cutoff, which the keepers' start-up check adds (keeper/ledger CheckWithdrawalDelay, against
    ///      `minWithdrawalDelay`; the deploy script's default delay leaves room for it). With that, a session
    ///      admitted before a withdrawal request is in an epoch committed before the request pays, unless that
    ///      commit falls inside a withdrawal window and a stream of withdrawals makes the keeper hold the deposit-paid sessions back
    ///      (keeper/README.md "Withdrawal streams"): they are then committed in an epoch after the window closes,
    ///      at most `withdrawalWindow` plus two epochs and two feed graces after the commit they missed
    ///      (keepers commit outside every window once a day: two of their epochs fit outside it; the keepers' start-up
    ///      check counts that epoch too). A delay no longer than `settlementLag + withdrawalWindow` could end
    ///      inside that same window, and the user's `withdraw` pay back, before the charge, the deposit the held
    ///      sessions were to be charged to (they would then be `deposit_exceeded`, their provider unpaid). Past
    ///      the bound the request is paid only after that window has closed, so in a later window, once the held
    ///      spend is committed and withdraw holds it back; the dispute window on top keeps the earlier rule
    ///      (`delay > settlementLag + disputeWindow`: a root not held back is claimable before the request pays).
    function _checkWithdrawalDelay(uint256 delay, uint256 dispute) private view {
        if (delay <= settlementLag + withdrawalWindow + dispute) {
            revert WithdrawalDelayTooShort(delay, settlementLag, withdrawalWindow, dispute);
        }
    }

    /// @dev Reverts (CapRaiseScheduled) when a day that has not begun has a higher spend cap than the day before
    ///      it: a raise scheduled by setDailySpendCap. Days not begun: from tomorrow, from day 0 before payoutStart.
    ///      setDailySpendCap drops what was scheduled after the day it sets, so few checkpoints lie ahead.
    function _checkNoCapRaiseScheduled() private view {
        Checkpoints.Checkpoint224[] storage cps = _spendCap._checkpoints;
        uint256 notBegun = _firstDayNotBegun();
        for (uint256 i = cps.length - 1; i > 0 && cps[i]._key >= notBegun; --i) {
            if (cps[i]._value > cps[i - 1]._value) revert CapRaiseScheduled(cps[i]._key);
        }
    }

    /// @dev The first day that has not begun: tomorrow, or day 0 before payoutStart (the day a change applies from).
    function _firstDayNotBegun() private view returns (uint256) {
        return block.timestamp < payoutStart ? 0 : currentDay() + 1;
    }

    /// @dev When a request made at `requestedAt` may be paid, as of now: the first time inside a withdrawal window
    ///      at or after both now and the end of its delay (so the time now when it may be paid now).
    function _readyAt(uint256 requestedAt) private view returns (uint64) {
        return SafeCast.toUint64(withdrawalOpensAt(Math.max(block.timestamp, requestedAt + withdrawalDelay)));
    }

    /// @dev Takes `amount` MOR from the caller into its deposit; records when it rises from zero.
    function _deposit(uint256 amount) private {
        if (amount == 0) revert ZeroAmount();
        DepositAccount storage a = _deposits[msg.sender];
        uint256 held = a.deposit;
        uint256 newDeposit = held + amount;
        uint256 newTotal = totalDeposits + amount;
        if (held == 0) a.fundedAt = SafeCast.toUint32(block.timestamp);
        a.deposit = SafeCast.toUint96(newDeposit);
        totalDeposits = SafeCast.toUint128(newTotal);
        emit Deposited(msg.sender, amount, newDeposit);
        token.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @dev Makes sure the pool holds `needed`, releasing due emissions first if it does not (release() reverts
    ///      when nothing is due, hence the releasable() check). Returns the pool's balance.
    function _topUp(uint256 needed) private returns (uint256 balance) {
        balance = token.balanceOf(address(this));
        if (balance >= needed) return balance;
        if (emissions.releasable() > 0) {
            emissions.release();
            balance = token.balanceOf(address(this));
        }
        if (balance < needed) revert InsufficientPoolBalance(balance, needed);
    }
}
