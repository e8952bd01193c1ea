// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IComputePool
/// @notice The compute budget, settlement and deposits of PROTOCOL §4 and §8: events, errors and the functions
///         the other contracts and the off-chain roles use (ComputePool implements it).
interface IComputePool {
    /// @notice Why `claimMany` skipped an entry.
    enum SkipReason {
        InvalidProof,
        NothingToClaim,
        ExceedsCommitted
    }

    // ---- settlement events ----

    /// @notice The keeper committed the credit tree of `epoch`.
    /// @param cumulativeTotal Every credit up to this epoch (allowance- and deposit-funded), in wei.
    /// @param delta The increase of the credit total over the previous epoch.
    /// @param day The protocol day of the commit, whose budget paid the allowance-funded part of `delta`.
    /// @param claimableAt When claims may first use this root (the end of its dispute window).
    /// @param batchHash Hash of the published batch file.
    /// @param uri Where the batch file is published.
    event RootCommitted(
        uint256 indexed epoch,
        bytes32 indexed root,
        uint256 cumulativeTotal,
        uint256 delta,
        uint256 day,
        uint64 claimableAt,
        bytes32 batchHash,
        string uri
    );
    /// @notice The deposit spend committed with `epoch`'s credits (emitted in the same transaction as its
    ///         RootCommitted, only while some deposit was ever spent).
    /// @param spendRoot Root of the StandardMerkleTree of (address user, uint256 cumulativeSpent).
    /// @param cumulativeSpent Sum of every user's cumulative spend: the deposit-funded part of the credit total.
    /// @param depositFunded The part of the epoch's credit delta paid from deposits (the rest drew on the budget).
    event SpendCommitted(
        uint256 indexed epoch, bytes32 indexed spendRoot, uint256 cumulativeSpent, uint256 depositFunded
    );
    /// @notice The guardian vetoed pending `epoch`, discarding it and every later epoch.
    /// @param discardedThrough The last epoch discarded with it (the newest one committed).
    /// @param totalCommitted The credit total after the veto (that of epoch - 1).
    event RootVetoed(uint256 indexed epoch, bytes32 indexed root, uint256 discardedThrough, uint256 totalCommitted);
    /// @notice `account` was paid `amount`, raising what it has claimed to `cumulativeAmount`.
    /// @param epoch The claimable epoch whose root proved the claim.
    event Claimed(address indexed account, uint256 indexed epoch, uint256 amount, uint256 cumulativeAmount);
    /// @notice `claimMany` skipped an entry instead of reverting the whole batch.
    event ClaimSkipped(address indexed account, uint256 cumulativeAmount, SkipReason reason);
    /// @notice The budget share changes to `budgetBps` from `effectiveDay` on.
    event BudgetBpsSet(uint256 budgetBps, uint256 effectiveDay);
    /// @notice Roots committed from now on stay vetoable for `disputeWindow` seconds.
    event DisputeWindowSet(uint256 disputeWindow);
    /// @notice The daily spend cap changes to `dailySpendCap` (MOR wei) from `effectiveDay` on; whatever was
    ///         scheduled after that day is dropped.
    event DailySpendCapSet(uint256 dailySpendCap, uint256 effectiveDay);

    // ---- deposit events ----

    /// @notice `user` deposited `amount` MOR to pay for compute beyond its free allowance.
    /// @param deposit The user's deposit after it (`depositOf`).
    event Deposited(address indexed user, uint256 amount, uint256 deposit);
    /// @notice `user` asked to withdraw `amount`; routers stop admitting its deposit-paid sessions.
    /// @param readyAt When `withdraw` may first pay it: the request time plus `withdrawalDelay`, or the start of
    ///        the next day if that falls outside the day's withdrawal window.
    event WithdrawalRequested(address indexed user, uint256 amount, uint64 readyAt);
    /// @notice `user` withdrew its pending request without being paid.
    event WithdrawalCancelled(address indexed user, uint256 amount);
    /// @notice `user` was paid `amount` of its unspent deposit.
    /// @param cumulativeSpent The user's spend proved against `epoch`'s spend root (0 when none was proved: no
    ///        root claimable, a zero spend root, or one committed before the user's deposit last rose from zero).
    /// @param epoch The newest claimable epoch at the withdrawal (0 when none was).
    /// @param deposit The user's deposit after it (`depositOf`).
    event Withdrawn(address indexed user, uint256 amount, uint256 cumulativeSpent, uint256 epoch, uint256 deposit);
    /// @notice Deposits may be withdrawn `withdrawalDelay` seconds after the request.
    event WithdrawalDelaySet(uint256 withdrawalDelay);

    // ---- errors ----

    /// @notice A constructor argument that must be set is the zero address.
    error ZeroAddress();
    /// @notice A deposit or withdrawal request of zero.
    error ZeroAmount();
    /// @notice A day-based view was asked about a time before day 0.
    error BeforePayoutStart(uint256 timestamp, uint256 payoutStart);
    /// @notice `allowance` was asked about a day that has not begun (its checkpoints are not fixed yet).
    error DayNotStarted(uint256 day, uint256 dayStart);
    /// @notice A budget share above `maxBudgetBps` (or a ceiling outside [DEFAULT_BUDGET_BPS, MAX_BUDGET_BPS]).
    error InvalidBudgetBps(uint256 budgetBps);
    /// @notice A dispute window outside [minDisputeWindow, MAX_DISPUTE_WINDOW].
    error InvalidDisputeWindow(uint256 disputeWindow);
    /// @notice A withdrawal delay below `minWithdrawalDelay` or above MAX_WITHDRAWAL_DELAY; or a settlement lag
    ///         outside [1, MAX_SETTLEMENT_LAG].
    error InvalidWithdrawalDelay(uint256 withdrawalDelay);
    /// @notice A withdrawal delay (at deployment, set, or left by a new dispute window) not longer than
    ///         `settlementLag + withdrawalWindow + disputeWindow`: a request could be paid inside the window in
    ///         which a withdrawal stream holds back the deposit-paid sessions admitted before it, before they
    ///         are charged.
    error WithdrawalDelayTooShort(
        uint256 withdrawalDelay, uint256 settlementLag, uint256 withdrawalWindow, uint256 disputeWindow
    );
    /// @notice A withdrawal window shorter than a 24th of the Emissions interval, or leaving less than a 24th.
    error InvalidWithdrawalWindow(uint256 withdrawalWindow);
    /// @notice `commitRoot` got an epoch other than `nextEpoch()`.
    error EpochOutOfOrder(uint256 epoch, uint256 expected);
    /// @notice `commitRoot` got a zero credit root.
    error ZeroRoot();
    /// @notice `commitRoot` got the previous epoch's credit root again.
    error RootUnchanged(bytes32 root);
    /// @notice `commitRoot` got a credit root the guardian vetoed.
    error VetoedRoot(bytes32 root);
    /// @notice The credit total would fall below the total committed so far.
    error CumulativeTotalDecreased(uint256 cumulativeTotal, uint256 totalCommitted);
    /// @notice The deposit spend would fall below the spend committed so far (spends are cumulative).
    error CumulativeSpentDecreased(uint256 cumulativeSpent, uint256 totalSpent);
    /// @notice The spend root is zero while the spend is not, or the other way round.
    error SpendRootMismatch(bytes32 spendRoot, uint256 cumulativeSpent);
    /// @notice The epoch would declare more of its credit delta deposit-funded than the delta itself (the
    ///         allowance-funded total would fall).
    error DepositFundedExceedsDelta(uint256 depositFunded, uint256 delta);
    /// @notice The committed spend would exceed every deposit held (`totalDeposits`).
    error SpendExceedsDeposits(uint256 cumulativeSpent, uint256 totalDeposits);
    /// @notice The allowance-funded part of the credit delta does not fit in today's remaining budget.
    error OverBudget(uint256 delta, uint256 remaining);
    /// @notice The deposit-funded part of the credit delta does not fit in what today's spend cap has left.
    error OverSpendCap(uint256 depositFunded, uint256 remaining);
    /// @notice A daily spend cap of zero or above MAX_SPEND_CAP.
    error InvalidSpendCap(uint256 dailySpendCap);
    /// @notice The withdrawal delay may not rise while a raise of the spend cap is scheduled (from `day`): the
    ///         raise was timed to bind after the requests pending then are paid, which a longer delay would put
    ///         after it. Lower the cap (which drops the raise), raise the delay, then raise the cap again.
    error CapRaiseScheduled(uint256 day);
    /// @notice No live epoch has this number.
    error UnknownEpoch(uint256 epoch);
    /// @notice A veto named another commit (root and claim time) than the epoch holds (discarded and committed
    ///         again since it was sent).
    error RootChanged(uint256 epoch, bytes32 root, uint64 claimableAt);
    /// @notice The epoch's root is already claimable and can no longer be vetoed.
    error DisputeWindowOver(uint256 epoch, uint64 claimableAt);
    /// @notice No root has finished its dispute window yet.
    error NoClaimableRoot();
    /// @notice The proof does not place (account, cumulativeAmount) in the newest claimable credit root.
    error InvalidProof(address account, uint256 cumulativeAmount);
    /// @notice The account already claimed `cumulativeAmount` or more.
    error NothingToClaim(address account, uint256 cumulativeAmount, uint256 claimed);
    /// @notice The claim would take the total claimed past the claimable root's credit total.
    error ExceedsCommitted(uint256 totalClaimed, uint256 cumulativeTotal);
    /// @notice The pool holds less than it must pay, even after releasing due emissions.
    error InsufficientPoolBalance(uint256 balance, uint256 needed);
    /// @notice `claimMany` got arrays of different lengths.
    error LengthMismatch();
    /// @notice The withdrawal request is larger than the user's deposit.
    error ExceedsDeposit(uint256 amount, uint256 deposit);
    /// @notice The user has no pending withdrawal request.
    error NoWithdrawalRequested(address user);
    /// @notice The withdrawal delay of the request is not over, or no withdrawal window is open now: it may be
    ///         paid from `readyAt`.
    error WithdrawalNotReady(uint64 readyAt, uint256 timestamp);
    /// @notice The proof does not place (user, cumulativeSpent) in the newest claimable spend root.
    error InvalidSpendProof(address user, uint256 cumulativeSpent);
    /// @notice What `withdraw` holds back leaves nothing of the user's deposit to withdraw.
    /// @param cumulativeSpent What is held back: the user's proved spend plus the pending epochs' spend.
    error NothingToWithdraw(address user, uint256 deposit, uint256 cumulativeSpent);
    /// @notice Paying the withdrawal would leave the deposits held below the spend committed (pending epochs
    ///         included): a spend the claimable root does not show yet is owed to providers.
    error DepositsBelowSpend(uint256 totalDeposits, uint256 totalSpent);
    /// @notice A commit raising the spend read the deposits before the newest withdrawal: it may charge MOR
    ///         already paid back. The keeper reads again.
    error StaleDepositsRead(uint256 depositsReadAt, uint256 lastWithdrawAt);
    /// @notice A commit stated a deposit read later than its own block: a user who deposited before it would
    ///         need a leaf the tree need not have.
    error DepositsReadAfterCommit(uint256 depositsReadAt, uint256 blockTime);

    // ---- settlement ----

    /// @notice Commits the credit tree and the deposit spend of `epoch`. Only KEEPER_ROLE.
    function commitRoot(
        uint256 epoch,
        bytes32 root,
        uint256 cumulativeTotal,
        bytes32 spendRoot,
        uint256 cumulativeSpent,
        uint256 depositsReadAt,
        bytes32 batchHash,
        string calldata uri
    ) external;
    /// @notice Vetoes pending `epoch` and every later one, if `epoch` still holds the commit checked:
    ///         `expectedRoot` with `expectedClaimableAt`. Only GUARDIAN_ROLE.
    function vetoRoot(uint256 epoch, bytes32 expectedRoot, uint64 expectedClaimableAt) external;
    /// @notice Pays `account` its credit in the newest claimable root minus what it claimed.
    function claim(address account, uint256 cumulativeAmount, bytes32[] calldata proof)
        external
        returns (uint256 amount);
    /// @notice Pays many accounts in one transaction.
    function claimMany(address[] calldata accounts, uint256[] calldata cumulativeAmounts, bytes32[][] calldata proofs)
        external
        returns (uint256 paid);

    // ---- deposits ----

    /// @notice Deposits `amount` MOR of the caller (approved beforehand).
    function deposit(uint256 amount) external;
    /// @notice Deposits `amount` MOR of the caller with an ERC-2612 permit: one signature approves and deposits.
    function depositWithPermit(uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external;
    /// @notice Asks to withdraw `amount` of the caller's deposit after `withdrawalDelay`, proving its spend in the
    ///         newest claimable spend root.
    function requestWithdrawal(uint256 amount, uint256 cumulativeSpent, bytes32[] calldata proof) external;
    /// @notice Drops the caller's pending withdrawal request.
    function cancelWithdrawal() external;
    /// @notice Pays the caller's ready request, at most its deposit minus its proved cumulative spend and minus
    ///         the pending epochs' spend.
    function withdraw(uint256 cumulativeSpent, bytes32[] calldata proof) external returns (uint256 paid);
    /// @notice What `user` deposited minus what it withdrew (its spend is still in it until withdrawn).
    function depositOf(address user) external view returns (uint256);
    /// @notice The user's pending withdrawal request (amount 0 when none) and the first time, from now on, that
    ///         `withdraw` may pay it: past its delay and inside a withdrawal window.
    function pendingWithdrawal(address user) external view returns (uint256 amount, uint64 readyAt);
    /// @notice The first time at or after `timestamp` inside a withdrawal window (or before payoutStart).
    function withdrawalOpensAt(uint256 timestamp) external view returns (uint256);

    // ---- views ----

    /// @notice A user's free compute for `day` (PROTOCOL §4).
    function allowance(address user, uint256 day) external view returns (uint256);
    /// @notice What the keeper may still commit today from the budget.
    function remainingBudget() external view returns (uint256);
    /// @notice What the keeper may still commit today from deposits (today's spend cap minus today's spend).
    function remainingSpend() external view returns (uint256);
    /// @notice The daily spend cap in force today.
    function dailySpendCap() external view returns (uint256);
    /// @notice The credit total of the newest live epoch.
    function totalCommitted() external view returns (uint256);
    /// @notice The deposit spend of the newest live epoch.
    function totalSpent() external view returns (uint256);
}
