// Code generated - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package computepool

import (
	"context"
	"errors"
	"math/big"
	"strings"
	"time"

	ethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/event"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = errors.New
	_ = big.NewInt
	_ = strings.NewReader
	_ = ethereum.NotFound
	_ = bind.Bind
	_ = common.Big1
	_ = types.BloomLookup
	_ = event.NewSubscription
	_ = abi.ConvertType
	_ = time.Tick
	_ = context.Background
)

// ComputePoolMetaData contains all meta data concerning the ComputePool contract.
var ComputePoolMetaData = &bind.MetaData{
	ABI: "[{\"type\":\"constructor\",\"inputs\":[{\"name\":\"emissions_\",\"type\":\"address\",\"internalType\":\"contractIEmissions\"},{\"name\":\"admin\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"disputeWindow_\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"maxBudgetBps_\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"settlementLag_\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"withdrawalDelay_\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"COMPUTE_BUCKET\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint8\",\"internalType\":\"uint8\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"DEFAULT_ADMIN_ROLE\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"DEFAULT_BUDGET_BPS\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"GUARDIAN_ROLE\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"KEEPER_ROLE\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_BUDGET_BPS\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_DISPUTE_WINDOW\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_SETTLEMENT_LAG\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_WITHDRAWAL_DELAY\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MIN_DISPUTE_WINDOW\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"allowance\",\"inputs\":[{\"name\":\"user\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"budget\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"budgetBps\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"budgetBpsAt\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"cancelWithdrawal\",\"inputs\":[],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"claim\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"cumulativeAmount\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"proof\",\"type\":\"bytes32[]\",\"internalType\":\"bytes32[]\"}],\"outputs\":[{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"claimMany\",\"inputs\":[{\"name\":\"accounts\",\"type\":\"address[]\",\"internalType\":\"address[]\"},{\"name\":\"cumulativeAmounts\",\"type\":\"uint256[]\",\"internalType\":\"uint256[]\"},{\"name\":\"proofs\",\"type\":\"bytes32[][]\",\"internalType\":\"bytes32[][]\"}],\"outputs\":[{\"name\":\"paid\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"claimableEpoch\",\"inputs\":[],\"outputs\":[{\"name\":\"exists\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"root\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"cumulativeTotal\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"claimed\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"commitRoot\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"root\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"cumulativeTotal\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"spendRoot\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"cumulativeSpent\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"batchHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"uri\",\"type\":\"string\",\"internalType\":\"string\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"committedBefore\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"committedOn\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"computeAccrued\",\"inputs\":[{\"name\":\"timestamp\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"computeBalance\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"currentDay\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"dayOf\",\"inputs\":[{\"name\":\"timestamp\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"dayStart\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"deposit\",\"inputs\":[{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"depositOf\",\"inputs\":[{\"name\":\"user\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"depositWithPermit\",\"inputs\":[{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"deadline\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"v\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"r\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"s\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"disputeWindow\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"emissions\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"contractIEmissions\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"epochInfo\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"root\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"cumulativeTotal\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"claimableAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getRoleAdmin\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"grantRole\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"hasRole\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"interval\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"isVetoed\",\"inputs\":[{\"name\":\"root\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"maxBudgetBps\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"minDisputeWindow\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"minWithdrawalDelay\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"nextEpoch\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"payoutStart\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"pendingWithdrawal\",\"inputs\":[{\"name\":\"user\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"readyAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"remainingBudget\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"renounceRole\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"callerConfirmation\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"requestWithdrawal\",\"inputs\":[{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"revokeRole\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setBudgetBps\",\"inputs\":[{\"name\":\"budgetBps_\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setDisputeWindow\",\"inputs\":[{\"name\":\"disputeWindow_\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setWithdrawalDelay\",\"inputs\":[{\"name\":\"withdrawalDelay_\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"settlementLag\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"spendInfo\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"spendRoot\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"cumulativeSpent\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"committedAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"supportsInterface\",\"inputs\":[{\"name\":\"interfaceId\",\"type\":\"bytes4\",\"internalType\":\"bytes4\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"token\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"contractIERC20\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"totalClaimed\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint128\",\"internalType\":\"uint128\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"totalCommitted\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"totalDeposits\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint128\",\"internalType\":\"uint128\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"totalFromBudget\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"totalSpent\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"vetoRoot\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"withdraw\",\"inputs\":[{\"name\":\"cumulativeSpent\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"proof\",\"type\":\"bytes32[]\",\"internalType\":\"bytes32[]\"}],\"outputs\":[{\"name\":\"paid\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"withdrawalDelay\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"stateMutability\":\"view\"},{\"type\":\"event\",\"name\":\"BudgetBpsSet\",\"inputs\":[{\"name\":\"budgetBps\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"effectiveDay\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"ClaimSkipped\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"cumulativeAmount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"reason\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"enumIComputePool.SkipReason\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Claimed\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"epoch\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"amount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"cumulativeAmount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Deposited\",\"inputs\":[{\"name\":\"user\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"amount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"deposit\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"DisputeWindowSet\",\"inputs\":[{\"name\":\"disputeWindow\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RoleAdminChanged\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"previousAdminRole\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"newAdminRole\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RoleGranted\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"account\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"sender\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RoleRevoked\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"account\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"sender\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RootCommitted\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"root\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"cumulativeTotal\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"delta\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"day\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"claimableAt\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"batchHash\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"},{\"name\":\"uri\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RootVetoed\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"root\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"discardedThrough\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"totalCommitted\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"SpendCommitted\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"spendRoot\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"cumulativeSpent\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"depositFunded\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"WithdrawalCancelled\",\"inputs\":[{\"name\":\"user\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"amount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"WithdrawalDelaySet\",\"inputs\":[{\"name\":\"withdrawalDelay\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"WithdrawalRequested\",\"inputs\":[{\"name\":\"user\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"amount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"readyAt\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Withdrawn\",\"inputs\":[{\"name\":\"user\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"amount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"cumulativeSpent\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"epoch\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"deposit\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"error\",\"name\":\"AccessControlBadConfirmation\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"AccessControlUnauthorizedAccount\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"neededRole\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"BeforePayoutStart\",\"inputs\":[{\"name\":\"timestamp\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"payoutStart\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"CheckpointUnorderedInsertion\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"CumulativeSpentDecreased\",\"inputs\":[{\"name\":\"cumulativeSpent\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"totalSpent\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"CumulativeTotalDecreased\",\"inputs\":[{\"name\":\"cumulativeTotal\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"totalCommitted\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"DayNotStarted\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"dayStart\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"DepositFundedExceedsDelta\",\"inputs\":[{\"name\":\"depositFunded\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"delta\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"DepositsBelowSpend\",\"inputs\":[{\"name\":\"totalDeposits\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"totalSpent\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"DisputeWindowOver\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"claimableAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"EpochOutOfOrder\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"expected\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ExceedsCommitted\",\"inputs\":[{\"name\":\"totalClaimed\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"cumulativeTotal\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ExceedsDeposit\",\"inputs\":[{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"deposit\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InsufficientPoolBalance\",\"inputs\":[{\"name\":\"balance\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"needed\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidBudgetBps\",\"inputs\":[{\"name\":\"budgetBps\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidDisputeWindow\",\"inputs\":[{\"name\":\"disputeWindow\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidProof\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"cumulativeAmount\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidSpendProof\",\"inputs\":[{\"name\":\"user\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"cumulativeSpent\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidWithdrawalDelay\",\"inputs\":[{\"name\":\"withdrawalDelay\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"LengthMismatch\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"NoClaimableRoot\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"NoWithdrawalRequested\",\"inputs\":[{\"name\":\"user\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NothingToClaim\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"cumulativeAmount\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"claimed\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"NothingToWithdraw\",\"inputs\":[{\"name\":\"user\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"deposit\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"cumulativeSpent\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"OverBudget\",\"inputs\":[{\"name\":\"delta\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"remaining\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ReentrancyGuardReentrantCall\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"RootUnchanged\",\"inputs\":[{\"name\":\"root\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"SafeCastOverflowedUintDowncast\",\"inputs\":[{\"name\":\"bits\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"value\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"SafeERC20FailedOperation\",\"inputs\":[{\"name\":\"token\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"SpendExceedsDeposits\",\"inputs\":[{\"name\":\"cumulativeSpent\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"totalDeposits\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"SpendRootMismatch\",\"inputs\":[{\"name\":\"spendRoot\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"cumulativeSpent\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"UnknownEpoch\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"VetoedRoot\",\"inputs\":[{\"name\":\"root\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"WithdrawalNotReady\",\"inputs\":[{\"name\":\"readyAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"timestamp\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ZeroAddress\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"ZeroAmount\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"ZeroRoot\",\"inputs\":[]}]",
	Bin: "0x610180604052348015610010575f5ffd5b506040516152f23803806152f283398101604081905261002f91610680565b6001600160a01b038616158061004c57506001600160a01b038516155b1561006a5760405163d92e233d60e01b815260040160405180910390fd5b60018463ffffffff161080610087575062278d008463ffffffff16115b156100b257604051630521274160e51b815263ffffffff851660048201526024015b60405180910390fd5b60648310806100c2575061271083115b156100e357604051632fcdecd760e01b8152600481018490526024016100a9565b63ffffffff821615806100fe575062278d008263ffffffff16115b1561012457604051638ef4581960e01b815263ffffffff831660048201526024016100a9565b61013763ffffffff808616908416610703565b8163ffffffff1611158061015357506276a7008163ffffffff16115b1561017957604051638ef4581960e01b815263ffffffff821660048201526024016100a9565b63ffffffff848116610100526101208490528281166101405281166101608190526005805463ffffffff60801b1916600160801b9092029190911790556001600160a01b038616608081905260408051637e062a3560e11b8152905163fc0c546a916004808201926020929091908290030181865afa1580156101fe573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906102229190610716565b6001600160a01b031660a0816001600160a01b031681525050856001600160a01b031663eaddc0fe6040518163ffffffff1660e01b8152600401602060405180830381865afa158015610277573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061029b9190610738565b60c08181525050856001600160a01b031663947a36fb6040518163ffffffff1660e01b8152600401602060405180830381865afa1580156102de573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906103029190610738565b60e05261030f5f86610402565b506002805463ffffffff60401b19166801000000000000000063ffffffff87160217905561034a5f61034160646104ab565b600891906104e2565b505060405163ffffffff851681527f05dc1ea42bf6db568fa068d5d22a6763f6aef6c094962a1a851234ac188378df9060200160405180910390a160408051606481525f60208201527fc8764634c540a9ab2f84b0b7722917b5d9158e1073b5f18de50685ed7a702248910160405180910390a160405163ffffffff821681527f41777346a14390a3108e351819fbec31854ee0a25e66bd476cb2747b3be7f5fe9060200160405180910390a1505050505050610762565b5f828152602081815260408083206001600160a01b038516845290915281205460ff166104a2575f838152602081815260408083206001600160a01b03861684529091529020805460ff1916600117905561045a3390565b6001600160a01b0316826001600160a01b0316847f2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d60405160405180910390a45060016104a5565b505f5b92915050565b5f6001600160e01b038211156104de576040516306dfcc6560e41b815260e06004820152602481018390526044016100a9565b5090565b5f806104ef8585856104fc565b915091505b935093915050565b82545f90819080156105f8575f6105258761051860018561074f565b5f91825260209091200190565b805490915063ffffffff8082169164010000000090046001600160e01b031690881682111561056757604051632520601d60e01b815260040160405180910390fd5b8763ffffffff168263ffffffff160361059b57825463ffffffff166401000000006001600160e01b038916021783556105ea565b6040805180820190915263ffffffff808a1682526001600160e01b03808a1660208085019182528d54600181018f555f8f81529190912094519151909216640100000000029216919091179101555b94508593506104f492505050565b50506040805180820190915263ffffffff80851682526001600160e01b0380851660208085019182528854600181018a555f8a8152918220955192519093166401000000000291909316179201919091559050816104f4565b6001600160a01b0381168114610665575f5ffd5b50565b805163ffffffff8116811461067b575f5ffd5b919050565b5f5f5f5f5f5f60c08789031215610695575f5ffd5b86516106a081610651565b60208801519096506106b181610651565b94506106bf60408801610668565b606088015190945092506106d560808801610668565b91506106e360a08801610668565b90509295509295509295565b634e487b7160e01b5f52601160045260245ffd5b808201808211156104a5576104a56106ef565b5f60208284031215610726575f5ffd5b815161073181610651565b9392505050565b5f60208284031215610748575f5ffd5b5051919050565b818103818111156104a5576104a56106ef565b60805160a05160c05160e05161010051610120516101405161016051614a7f6108735f395f818161042e015261184e01525f81816108e50152818161174601526118a901525f8181610799015261116b01525f818161045501526116fa01525f818161080b015281816119c4015281816129280152612b3a01525f81816109c5015281816111c9015281816119ef01528181612ab701528181612b0c01528181612b5e0152612bdd01525f8181610a0701528181611026015281816114fd015281816115f301528181611dd50152818161215a015281816127bf01528181612ff5015281816131d2015261376d01525f81816104d201528181612a360152818161308401526131170152614a7f5ff3fe608060405234801561000f575f5ffd5b50600436106103b4575f3560e01c80637d882097116101f5578063bd35141b11610114578063ddc6a171116100a9578063f1a8de5911610079578063f1a8de59146109e7578063fb346eab146109fa578063fc0c546a14610a02578063ff301d8714610a29575f5ffd5b8063ddc6a17114610980578063e37cd0b014610993578063e87aa6be146109a6578063eaddc0fe146109c0575f5ffd5b8063cbeab516116100e4578063cbeab51614610926578063d547741f1461092e578063d54ad2a114610941578063d652c2041461096d575f5ffd5b8063bd35141b146108c5578063c64d9064146108cd578063c884a7ff146108e0578063c884ef8314610907575f5ffd5b8063a217fddf1161018a578063ab52bde91161015a578063ab52bde91461087e578063aea0e78b14610891578063b6b55f251461089f578063bc4d5467146108b2575f5ffd5b8063a217fddf14610840578063a238f9df14610847578063a3db819c14610851578063a7ab69611461085a575f5ffd5b806391d14854116101c557806391d14854146107bb57806393a3a656146107fe578063947a36fb146108065780639ee679e81461082d575f5ffd5b80637d8820971461074f57806380cbc6fa1461041157806388177a231461078c5780639162991314610794575f5ffd5b8063364bc15a116102e157806353082de3116102765780635d78e65d116102465780635d78e65d1461070357806365b09d2d146107165780636f472d901461072957806378c1e3cd1461073c575f5ffd5b806353082de3146106b357806358715e3b146106c657806358ec004e146106d95780635c9302c9146106fb575f5ffd5b80633d13f874116102b15780633d13f87414610650578063450ac634146106635780634a970be7146106765780634e30a05614610689575f5ffd5b8063364bc15a146105cb57806336568abe146105f25780633894228e1461060557806339b37cdd1461063d575f5ffd5b80631d3231d411610357578063248a9ca311610327578063248a9ca31461055c57806324ea54f41461057e5780632f2ff15d146105a557806336317972146105b8575f5ffd5b80631d3231d4146104bb57806322611280146104c35780632267716c146104cd57806323e3fbd514610519575f5ffd5b80630d5b0067116103925780630d5b0067146104295780630e6bc0dd14610450578063117f5f92146104775780631395dfb5146104a8575f5ffd5b806301ffc9a7146103b85780630964c95b146103e05780630a7fae9c14610411575b5f5ffd5b6103cb6103c636600461446c565b610a31565b60405190151581526020015b60405180910390f35b6103f36103ee3660046144ce565b610ac9565b6040805192835267ffffffffffffffff9091166020830152016103d7565b61041b62278d0081565b6040519081526020016103d7565b61041b7f000000000000000000000000000000000000000000000000000000000000000081565b61041b7f000000000000000000000000000000000000000000000000000000000000000081565b6002546104939068010000000000000000900463ffffffff1681565b60405163ffffffff90911681526020016103d7565b61041b6104b63660046144e7565b610b66565b61041b610b9f565b6104cb610bf9565b005b6104f47f000000000000000000000000000000000000000000000000000000000000000081565b60405173ffffffffffffffffffffffffffffffffffffffff90911681526020016103d7565b61041b6105273660046144ce565b73ffffffffffffffffffffffffffffffffffffffff165f908152600660205260409020546bffffffffffffffffffffffff1690565b61041b61056a3660046144e7565b5f9081526020819052604090206001015490565b61041b7f55435dd261a4b9b3364963f7738a7a662ad9c84396d64be3365284bb7f0a504181565b6104cb6105b33660046144fe565b610cca565b61041b6105c6366004614570565b610cf4565b61041b7ffc8737ab85eb45125971625a9ebdb75cc78e01d5c1fa80c4c6e5203f47bc4fab81565b6104cb6106003660046144fe565b611064565b6106186106133660046144e7565b6110c2565b60408051938452602084019290925267ffffffffffffffff16908201526060016103d7565b6104cb61064b3660046144e7565b61115f565b61041b61065e3660046145b8565b611268565b61041b6106713660046144e7565b611539565b6104cb61068436600461460e565b611592565b610691611673565b60408051941515855260208501939093529183015260608201526080016103d7565b6104cb6106c1366004614658565b6116ee565b6104cb6106d4366004614658565b611842565b6103cb6106e73660046144e7565b60046020525f908152604090205460ff1681565b61041b61198f565b61041b6107113660046144e7565b61199e565b61041b6107243660046144e7565b6119be565b6106186107373660046144e7565b611a13565b61041b61074a3660046144e7565b611ac0565b60055461076b906fffffffffffffffffffffffffffffffff1681565b6040516fffffffffffffffffffffffffffffffff90911681526020016103d7565b61041b611ae5565b61041b7f000000000000000000000000000000000000000000000000000000000000000081565b6103cb6107c93660046144fe565b5f9182526020828152604080842073ffffffffffffffffffffffffffffffffffffffff93909316845291905290205460ff1690565b61041b606481565b61041b7f000000000000000000000000000000000000000000000000000000000000000081565b6104cb61083b3660046144e7565b611b1e565b61041b5f81565b61041b6276a70081565b61041b61271081565b60055461049390700100000000000000000000000000000000900463ffffffff1681565b61041b61088c3660046144e7565b611cd6565b60025463ffffffff1661041b565b6104cb6108ad3660046144e7565b611d00565b61041b6108c036600461467b565b611d1c565b61041b6121a7565b6104cb6108db3660046144e7565b6121d5565b61041b7f000000000000000000000000000000000000000000000000000000000000000081565b61041b6109153660046144ce565b60036020525f908152604090205481565b61041b600181565b6104cb61093c3660046144fe565b6123bb565b60025461076b906c0100000000000000000000000090046fffffffffffffffffffffffffffffffff1681565b6104cb61097b36600461471a565b6123df565b61041b61098e3660046147be565b612740565b61041b6109a13660046144e7565b6129fe565b6109ae600381565b60405160ff90911681526020016103d7565b61041b7f000000000000000000000000000000000000000000000000000000000000000081565b61041b6109f53660046144e7565b612ab4565b61041b612b83565b6104f47f000000000000000000000000000000000000000000000000000000000000000081565b61041b612bd7565b5f7fffffffff0000000000000000000000000000000000000000000000000000000082167f7965db0b000000000000000000000000000000000000000000000000000000001480610ac357507f01ffc9a7000000000000000000000000000000000000000000000000000000007fffffffff000000000000000000000000000000000000000000000000000000008316145b92915050565b73ffffffffffffffffffffffffffffffffffffffff81165f90815260066020526040812080546c0100000000000000000000000090046bffffffffffffffffffffffff1691908215610b60576005548154610b5d9163ffffffff7001000000000000000000000000000000009091048116917801000000000000000000000000000000000000000000000000900416614813565b91505b50915091565b5f610b7b610b7383612c10565b600890612c5d565b7bffffffffffffffffffffffffffffffffffffffffffffffffffffffff1692915050565b6002545f9063ffffffff168015610be35760015f610bbd8284614833565b815260208101919091526040015f20600201546bffffffffffffffffffffffff16610be5565b5f5b6bffffffffffffffffffffffff1691505090565b335f908152600660205260408120805490916c010000000000000000000000009091046bffffffffffffffffffffffff1690819003610c6b576040517f6756774e0000000000000000000000000000000000000000000000000000000081523360048201526024015b60405180910390fd5b81547fffffffff00000000000000000000000000000000ffffffffffffffffffffffff16825560405181815233907f2eed97477f07c07ec48f8f678f4e84f7c0de55bf33f51c3dc989b133530803199060200160405180910390a25050565b5f82815260208190526040902060010154610ce481612d20565b610cee8383612d2a565b50505050565b5f610cfd612e23565b335f908152600660205260408120805490916c010000000000000000000000009091046bffffffffffffffffffffffff1690819003610d6a576040517f6756774e000000000000000000000000000000000000000000000000000000008152336004820152602401610c62565b60055482545f91610db59163ffffffff700100000000000000000000000000000000909204821691780100000000000000000000000000000000000000000000000090910416614813565b90508067ffffffffffffffff16421015610e0d576040517faf66809b00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff82166004820152426024820152604401610c62565b82545f908190610e45907c0100000000000000000000000000000000000000000000000000000000900463ffffffff168a8a8a612eab565b909a5090925090505f610e56612b83565b86549091506bffffffffffffffffffffffff16828111610eb2576040517f3298cc240000000000000000000000000000000000000000000000000000000081523360048201526024810182905260448101849052606401610c62565b610ec586610ec08584614833565b612fb6565b6005549098505f90610eea908a906fffffffffffffffffffffffffffffffff16614833565b905082811015610f30576040517f1a99ca840000000000000000000000000000000000000000000000000000000081526004810182905260248101849052604401610c62565b610f3a8983614833565b88547fffffffff00000000000000000000000000000000000000000000000000000000166bffffffffffffffffffffffff91909116178855600580546fffffffffffffffffffffffffffffffff83167fffffffffffffffffffffffffffffffff00000000000000000000000000000000909116179055337f94ffd6b85c71b847775c89ef6496b93cee961bdc6ff827fd117f174f06f745ae8a8e88610fdf8388614833565b60408051948552602085019390935291830152606082015260800160405180910390a261100b89612fc5565b5061104d73ffffffffffffffffffffffffffffffffffffffff7f000000000000000000000000000000000000000000000000000000000000000016338b61329c565b505050505050505061105d61331d565b9392505050565b73ffffffffffffffffffffffffffffffffffffffff811633146110b3576040517f6697b23200000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6110bd8282613347565b505050565b6002545f908190819063ffffffff16841061110c576040517f80cfe51700000000000000000000000000000000000000000000000000000000815260048101859052602401610c62565b5050505f908152600160205260409020805460029091015490916bffffffffffffffffffffffff8216917c0100000000000000000000000000000000000000000000000000000000900463ffffffff1690565b5f61116981612d20565b7f00000000000000000000000000000000000000000000000000000000000000008211156111c6576040517f2fcdecd700000000000000000000000000000000000000000000000000000000815260048101839052602401610c62565b5f7f00000000000000000000000000000000000000000000000000000000000000004210611206576111f661198f565b611201906001614846565b611208565b5f5b905061122861121682612c10565b61121f85613400565b60089190613461565b505060408051848152602081018390527fc8764634c540a9ab2f84b0b7722917b5d9158e1073b5f18de50685ed7a702248910160405180910390a1505050565b5f611271612e23565b5f5f5f61127c61347b565b9250925092506112a68686846112a18c8c5f9182526020908152604082208252902090565b61353f565b6112fb576040517fadbd651200000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8916600482015260248101889052604401610c62565b73ffffffffffffffffffffffffffffffffffffffff88165f9081526003602052604090205480881161137f576040517f0cfa2bb000000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8a1660048201526024810189905260448101829052606401610c62565b6113898189614833565b6002549095505f906113be9087906c0100000000000000000000000090046fffffffffffffffffffffffffffffffff16614846565b905082811115611404576040517fdfc30fd60000000000000000000000000000000000000000000000000000000081526004810182905260248101849052604401610c62565b73ffffffffffffffffffffffffffffffffffffffff8a165f90815260036020526040902089905561143481613556565b600280546fffffffffffffffffffffffffffffffff929092166c01000000000000000000000000027fffffffff00000000000000000000000000000000ffffffffffffffffffffffff90921691909117905560408051878152602081018b9052869173ffffffffffffffffffffffffffffffffffffffff8d16917f9cdcf2f7714cca3508c7f0110b04a90a80a3a8dd0e35de99689db74d28c5383e910160405180910390a36114e286612fc5565b5061152473ffffffffffffffffffffffffffffffffffffffff7f0000000000000000000000000000000000000000000000000000000000000000168b8861329c565b505050505061153161331d565b949350505050565b5f5f61154483611ac0565b90505f61155b61155385612c10565b600790612c5d565b7bffffffffffffffffffffffffffffffffffffffffffffffffffffffff169050818111611588575f611531565b6115318282614833565b61159a612e23565b6040517fd505accf000000000000000000000000000000000000000000000000000000008152336004820152306024820152604481018690526064810185905260ff8416608482015260a4810183905260c481018290527f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff169063d505accf9060e4015f604051808303815f87803b158015611649575f5ffd5b505af192505050801561165a575060015b50611664856135ab565b61166c61331d565b5050505050565b5f5f5f5f5f611680613795565b9050805f0361169b57505f93508392508291508190506116e8565b5f6001816116a98285614833565b81526020019081526020015f209050600180836116c69190614833565b825460029093015491975095509093506bffffffffffffffffffffffff169150505b90919293565b5f6116f881612d20565b7f00000000000000000000000000000000000000000000000000000000000000008263ffffffff161080611734575062278d008263ffffffff16115b8061178a575061176a63ffffffff83167f0000000000000000000000000000000000000000000000000000000000000000614846565b600554700100000000000000000000000000000000900463ffffffff1611155b156117c9576040517fa424e82000000000000000000000000000000000000000000000000000000000815263ffffffff83166004820152602401610c62565b600280547fffffffffffffffffffffffffffffffffffffffff00000000ffffffffffffffff166801000000000000000063ffffffff8516908102919091179091556040519081527f05dc1ea42bf6db568fa068d5d22a6763f6aef6c094962a1a851234ac188378df906020015b60405180910390a15050565b5f61184c81612d20565b7f00000000000000000000000000000000000000000000000000000000000000008263ffffffff16108061188857506276a7008263ffffffff16115b806118d757506002546118cd9068010000000000000000900463ffffffff167f0000000000000000000000000000000000000000000000000000000000000000614846565b8263ffffffff1611155b15611916576040517f8ef4581900000000000000000000000000000000000000000000000000000000815263ffffffff83166004820152602401610c62565b600580547fffffffffffffffffffffffff00000000ffffffffffffffffffffffffffffffff1670010000000000000000000000000000000063ffffffff8516908102919091179091556040519081527f41777346a14390a3108e351819fbec31854ee0a25e66bd476cb2747b3be7f5fe90602001611836565b5f61199942612ab4565b905090565b5f6119a882611ac0565b6119b46109a1846119be565b610ac39190614833565b5f6119e97f000000000000000000000000000000000000000000000000000000000000000083614859565b610ac3907f0000000000000000000000000000000000000000000000000000000000000000614846565b6002545f908190819063ffffffff168410611a5d576040517f80cfe51700000000000000000000000000000000000000000000000000000000815260048101859052602401610c62565b5050505f9081526001602081905260409091209081015460029091015490916c0100000000000000000000000082046bffffffffffffffffffffffff16917801000000000000000000000000000000000000000000000000900463ffffffff1690565b5f815f03611acf57505f919050565b610b7b611553611ae0600185614833565b612c10565b5f611999611af161198f565b611afb60076138e2565b7bffffffffffffffffffffffffffffffffffffffffffffffffffffffff1661392f565b805f03611b57576040517f1f2a200500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b335f90815260066020526040902080546bffffffffffffffffffffffff1680831115611bb9576040517f303eeb1d0000000000000000000000000000000000000000000000000000000081526004810184905260248101829052604401610c62565b611bc2836139a0565b82546bffffffffffffffffffffffff919091166c01000000000000000000000000027fffffffffffffffff000000000000000000000000ffffffffffffffffffffffff909116178255611c1442612c10565b82547fffffffff00000000ffffffffffffffffffffffffffffffffffffffffffffffff16780100000000000000000000000000000000000000000000000063ffffffff9283160217835560055433917fbf6730b5b5d9fd45cdb42f69910317da629fd6e12b3ab41aa1708cd916385dfc918691611cb091611cab917001000000000000000000000000000000009091041642614846565b6139f1565b6040805192835267ffffffffffffffff90911660208301520160405180910390a2505050565b5f612710611ce383610b66565b611cec8461199e565b611cf69190614859565b610ac3919061489d565b611d08612e23565b611d11816135ab565b611d1961331d565b50565b5f611d25612e23565b858481141580611d355750828114155b15611d6c576040517fff633a3800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f5f5f611d7761347b565b6002546040517f70a0823100000000000000000000000000000000000000000000000000000000815230600482015293965091945092506c0100000000000000000000000090046fffffffffffffffffffffffffffffffff16905f907f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff16906370a0823190602401602060405180830381865afa158015611e2f573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190611e5391906148d5565b90505f5b8681101561218e575f8e8e83818110611e7257611e726148ec565b9050602002016020810190611e8791906144ce565b90505f8d8d84818110611e9c57611e9c6148ec565b905060200201359050611ee48c8c85818110611eba57611eba6148ec565b9050602002810190611ecc9190614919565b5f858152602085815260408220825290208a9061353f565b611f3f578173ffffffffffffffffffffffffffffffffffffffff167f22cdf744b68ab26213d3e4ea1f1d7585466e185e762ffda0c04a1d1851e30784825f604051611f3092919061497d565b60405180910390a25050612186565b73ffffffffffffffffffffffffffffffffffffffff82165f90815260036020526040902054808211611fc4578273ffffffffffffffffffffffffffffffffffffffff167f22cdf744b68ab26213d3e4ea1f1d7585466e185e762ffda0c04a1d1851e30784836001604051611fb492919061497d565b60405180910390a2505050612186565b5f611fcf8284614833565b905087611fdc8289614846565b111561203c578373ffffffffffffffffffffffffffffffffffffffff167f22cdf744b68ab26213d3e4ea1f1d7585466e185e762ffda0c04a1d1851e3078484600260405161202b92919061497d565b60405180910390a250505050612186565b73ffffffffffffffffffffffffffffffffffffffff84165f90815260036020526040902083905561206d8188614846565b600280547fffffffff00000000000000000000000000000000ffffffffffffffffffffffff166c010000000000000000000000006fffffffffffffffffffffffffffffffff84160217905596506120c4818d614846565b9b50898473ffffffffffffffffffffffffffffffffffffffff167f9cdcf2f7714cca3508c7f0110b04a90a80a3a8dd0e35de99689db74d28c5383e8386604051612118929190918252602082015260400190565b60405180910390a3858111156121345761213181612fc5565b95505b61213e8187614833565b955061218173ffffffffffffffffffffffffffffffffffffffff7f000000000000000000000000000000000000000000000000000000000000000016858361329c565b505050505b600101611e57565b5050505050505061219d61331d565b9695505050505050565b5f6121b260076138e2565b7bffffffffffffffffffffffffffffffffffffffffffffffffffffffff16905090565b7f55435dd261a4b9b3364963f7738a7a662ad9c84396d64be3365284bb7f0a50416121ff81612d20565b60025463ffffffff16808310612244576040517f80cfe51700000000000000000000000000000000000000000000000000000000815260048101849052602401610c62565b5f83815260016020526040902060028101547c0100000000000000000000000000000000000000000000000000000000900463ffffffff164281116122c4576040517f695bc5430000000000000000000000000000000000000000000000000000000081526004810186905263ffffffff82166024820152604401610c62565b81545f81815260046020526040812080547fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff001660011790558061230688613a40565b9150915061231388612c10565b600280547fffffffffffffffffffffffffffffffffffffffffffffffffffffffff000000001663ffffffff92909216919091179055612369612356611ae061198f565b6123608385614833565b60079190613461565b50839050887f5af1dd43387ae8d6659d38c055491f527aa55d5018c3c3bef197cd5cd444175b61239a60018a614833565b60408051918252602082018790520160405180910390a35050505050505050565b5f828152602081905260409020600101546123d581612d20565b610cee8383613347565b7ffc8737ab85eb45125971625a9ebdb75cc78e01d5c1fa80c4c6e5203f47bc4fab61240981612d20565b60025463ffffffff16891461245d576002546040517f7ed88437000000000000000000000000000000000000000000000000000000008152600481018b905263ffffffff9091166024820152604401610c62565b5f6124688a8a613a9f565b905086158615146124af576040517f968f8f7a0000000000000000000000000000000000000000000000000000000081526004810188905260248101879052604401610c62565b5f5f5f6124bd8d8c8b613c13565b9250925092506040518060c001604052808d81526020018b81526020016124e38d6139a0565b6bffffffffffffffffffffffff1681526020016124ff8b6139a0565b6bffffffffffffffffffffffff16815260200161251b42612c10565b63ffffffff1681526020018563ffffffff1681525060015f8f81526020019081526020015f205f820151815f0155602082015181600101556040820151816002015f6101000a8154816bffffffffffffffffffffffff02191690836bffffffffffffffffffffffff160217905550606082015181600201600c6101000a8154816bffffffffffffffffffffffff02191690836bffffffffffffffffffffffff16021790555060808201518160020160186101000a81548163ffffffff021916908363ffffffff16021790555060a082015181600201601c6101000a81548163ffffffff021916908363ffffffff1602179055509050505f61261a613795565b905061262a611ae08f6001614846565b600280547fffffffffffffffffffffffffffffffffffffffffffffffffffffffff000000001663ffffffff9290921691909117905561266881612c10565b600260046101000a81548163ffffffff021916908363ffffffff16021790555061269e61269485612c10565b6123608c8f614833565b50508c8e7f7e4147ada7099475ce5e70521fd331e8edfb0b71c3a8457065ec1ee599c271ff8e86888a8f8f8f6040516126dd97969594939291906149c6565b60405180910390a38a15612730578a8e7fbb29f1c80a5d1424cef040793d9ce1193fb43fec3fac9e08b700e18cd7e0202c8c85604051612727929190918252602082015260400190565b60405180910390a35b5050505050505050505050505050565b5f5f61274b836119be565b9050428110612790576040517fdefb45dc0000000000000000000000000000000000000000000000000000000081526004810184905260248101829052604401610c62565b6040517f8e539e8c000000000000000000000000000000000000000000000000000000008152600481018290527f0000000000000000000000000000000000000000000000000000000000000000905f9073ffffffffffffffffffffffffffffffffffffffff831690638e539e8c90602401602060405180830381865afa15801561281d573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061284191906148d5565b9050805f03612855575f9350505050610ac3565b6040517f3a46b1a800000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8781166004830152602482018590525f9190841690633a46b1a890604401602060405180830381865afa1580156128c9573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906128ed91906148d5565b905085158015906128fd57508015155b156129e0576129dd8173ffffffffffffffffffffffffffffffffffffffff8516633a46b1a88a61294d7f00000000000000000000000000000000000000000000000000000000000000008a614833565b6040517fffffffff0000000000000000000000000000000000000000000000000000000060e085901b16815273ffffffffffffffffffffffffffffffffffffffff90921660048301526024820152604401602060405180830381865afa1580156129b9573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610ec091906148d5565b90505b6129f36129ec87611cd6565b8284613dff565b979650505050505050565b6040517f8332680400000000000000000000000000000000000000000000000000000000815260036004820152602481018290525f907f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff1690638332680490604401602060405180830381865afa158015612a90573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610ac391906148d5565b5f7f0000000000000000000000000000000000000000000000000000000000000000821015612b38576040517f836054f1000000000000000000000000000000000000000000000000000000008152600481018390527f00000000000000000000000000000000000000000000000000000000000000006024820152604401610c62565b7f0000000000000000000000000000000000000000000000000000000000000000611cf67f000000000000000000000000000000000000000000000000000000000000000084614833565b6002545f9063ffffffff168015610be35760015f612ba18284614833565b815260208101919091526040015f20600201546c0100000000000000000000000090046bffffffffffffffffffffffff16610be5565b5f6119997f00000000000000000000000000000000000000000000000000000000000000004210612c0a576104b661198f565b5f610b66565b5f63ffffffff821115612c59576040517f6dfcc6500000000000000000000000000000000000000000000000000000000081526020600482015260248101839052604401610c62565b5090565b81545f9081816005811115612cb7575f612c7684613eaf565b612c809085614833565b5f8881526020902090915081015463ffffffff9081169087161015612ca757809150612cb5565b612cb2816001614846565b92505b505b5f612cc487878585614014565b90508015612d1457612ce887612cdb600184614833565b5f91825260209091200190565b5464010000000090047bffffffffffffffffffffffffffffffffffffffffffffffffffffffff166129f3565b505f9695505050505050565b611d19813361406f565b5f8281526020818152604080832073ffffffffffffffffffffffffffffffffffffffff8516845290915281205460ff16612e1c575f8381526020818152604080832073ffffffffffffffffffffffffffffffffffffffff86168452909152902080547fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00166001179055612dba3390565b73ffffffffffffffffffffffffffffffffffffffff168273ffffffffffffffffffffffffffffffffffffffff16847f2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d60405160405180910390a4506001610ac3565b505f610ac3565b7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005c15612e7c576040517f3ee5aeb500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b612ea960017f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005b906140f8565b565b5f5f5f5f612eb7613795565b90508015612ecd57612eca600182614833565b93505b87811115612f51575f84815260016020819052604090912001548015612f4f57612f0c8787836112a1338d5f9182526020908152604082208252902090565b612f4b576040517f810bdc5400000000000000000000000000000000000000000000000000000000815233600482015260248101899052604401610c62565b8793505b505b8291505f612f69828a5f82821882841102821861105d565b60025490915063ffffffff16811015612faa575f612f8682613a40565b91505080612f92612b83565b612f9c9190614833565b612fa69085614846565b9350505b50509450945094915050565b5f82821882841002821861105d565b6040517f70a082310000000000000000000000000000000000000000000000000000000081523060048201525f907f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff16906370a0823190602401602060405180830381865afa15801561304f573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061307391906148d5565b905081811061308157919050565b5f7f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff1663fbccedae6040518163ffffffff1660e01b8152600401602060405180830381865afa1580156130eb573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061310f91906148d5565b1115613253577f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff166386d1a69f6040518163ffffffff1660e01b81526004016020604051808303815f875af115801561317f573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906131a391906148d5565b506040517f70a082310000000000000000000000000000000000000000000000000000000081523060048201527f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff16906370a0823190602401602060405180830381865afa15801561322c573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061325091906148d5565b90505b81811015613297576040517fce9514f90000000000000000000000000000000000000000000000000000000081526004810182905260248101839052604401610c62565b919050565b60405173ffffffffffffffffffffffffffffffffffffffff8381166024830152604482018390526110bd91859182169063a9059cbb906064015b604051602081830303815290604052915060e01b6020820180517bffffffffffffffffffffffffffffffffffffffffffffffffffffffff83818316178352505050506140ff565b612ea95f7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f00612ea3565b5f8281526020818152604080832073ffffffffffffffffffffffffffffffffffffffff8516845290915281205460ff1615612e1c575f8381526020818152604080832073ffffffffffffffffffffffffffffffffffffffff8616808552925280832080547fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0016905551339286917ff6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b9190a4506001610ac3565b5f7bffffffffffffffffffffffffffffffffffffffffffffffffffffffff821115612c59576040517f6dfcc65000000000000000000000000000000000000000000000000000000000815260e0600482015260248101839052604401610c62565b5f8061346e85858561419e565b915091505b935093915050565b5f5f5f5f613487613795565b9050805f036134c2576040517f58daf7b600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b600254640100000000900463ffffffff168114613503576134e281612c10565b600260046101000a81548163ffffffff021916908363ffffffff1602179055505b61350e600182614833565b5f818152600160205260409020805460029091015491969095506bffffffffffffffffffffffff9091169350915050565b5f8261354c868685614353565b1495945050505050565b5f6fffffffffffffffffffffffffffffffff821115612c59576040517f6dfcc6500000000000000000000000000000000000000000000000000000000081526080600482015260248101839052604401610c62565b805f036135e4576040517f1f2a200500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b335f908152600660205260408120805490916bffffffffffffffffffffffff909116906136118483614846565b6005549091505f906136369086906fffffffffffffffffffffffffffffffff16614846565b9050825f0361368d5760025484547bffffffffffffffffffffffffffffffffffffffffffffffffffffffff1663ffffffff9091167c0100000000000000000000000000000000000000000000000000000000021784555b613696826139a0565b84547fffffffffffffffffffffffffffffffffffffffff000000000000000000000000166bffffffffffffffffffffffff919091161784556136d781613556565b600580547fffffffffffffffffffffffffffffffff00000000000000000000000000000000166fffffffffffffffffffffffffffffffff92909216919091179055604080518681526020810184905233917f73a19dd210f1a7f902193214c0ee91dd35ee5b4d920cba8d519eca65a7b488ca910160405180910390a261166c73ffffffffffffffffffffffffffffffffffffffff7f000000000000000000000000000000000000000000000000000000000000000016333088614394565b60025463ffffffff640100000000820481169116808214806137ed57505f82815260016020526040902060020154427c010000000000000000000000000000000000000000000000000000000090910463ffffffff16115b156137f6575090565b4260015f6138048285614833565b815260208101919091526040015f20600201547c0100000000000000000000000000000000000000000000000000000000900463ffffffff161161384757919050565b5f613853600183614833565b905061385e83614a3b565b92505b808310156138dd575f60026138768386614846565b613880919061489d565b5f81815260016020526040902060020154909150427c010000000000000000000000000000000000000000000000000000000090910463ffffffff16116138d3576138cc816001614846565b93506138d7565b8091505b50613861565b505090565b80545f908015613927576138fb83612cdb600184614833565b5464010000000090047bffffffffffffffffffffffffffffffffffffffffffffffffffffffff1661105d565b5f9392505050565b5f5f61393a84611ac0565b90505f61271061394986610b66565b836139566109a1896119be565b6139609190614833565b61396a9190614859565b613974919061489d565b61397e9083614846565b905083811161398d575f613997565b6139978482614833565b95945050505050565b5f6bffffffffffffffffffffffff821115612c59576040517f6dfcc6500000000000000000000000000000000000000000000000000000000081526060600482015260248101839052604401610c62565b5f67ffffffffffffffff821115612c5957604080517f6dfcc650000000000000000000000000000000000000000000000000000000008152600481019190915260248101839052604401610c62565b5f5f825f03613a5357505f928392509050565b5f600181613a618287614833565b815260208101919091526040015f20600201546bffffffffffffffffffffffff808216966c0100000000000000000000000090920416945092505050565b5f81613ad7576040517fb263ae7300000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f8281526004602052604090205460ff1615613b22576040517f90bababf00000000000000000000000000000000000000000000000000000000815260048101839052602401610c62565b600254613b4590611ae09068010000000000000000900463ffffffff1642614846565b90508215610ac3575f600181613b5b8287614833565b81526020019081526020015f20905082815f015403613ba9576040517f96095d1900000000000000000000000000000000000000000000000000000000815260048101849052602401610c62565b600281015463ffffffff8084167c0100000000000000000000000000000000000000000000000000000000909204161115613c0c5760028101547c0100000000000000000000000000000000000000000000000000000000900463ffffffff1691505b5092915050565b5f5f5f613c1e61198f565b92505f5f613c2b88613a40565b9150915081871015613c73576040517f44b0cea20000000000000000000000000000000000000000000000000000000081526004810188905260248101839052604401610c62565b80861015613cb7576040517f1893da540000000000000000000000000000000000000000000000000000000081526004810187905260248101829052604401610c62565b613cc18288614833565b9350613ccd8187614833565b925083831115613d13576040517f493f2faa0000000000000000000000000000000000000000000000000000000081526004810184905260248101859052604401610c62565b8215801590613d3557506005546fffffffffffffffffffffffffffffffff1686115b15613d8b576005546040517f3e2e58ad000000000000000000000000000000000000000000000000000000008152600481018890526fffffffffffffffffffffffffffffffff9091166024820152604401610c62565b5f613d968486614833565b90505f613dac87613da78587614833565b61392f565b905080821115613df2576040517f755b0cdd0000000000000000000000000000000000000000000000000000000081526004810183905260248101829052604401610c62565b5050505093509350939050565b5f5f5f613e0c86866143da565b91509150815f03613e3057838181613e2657613e26614870565b049250505061105d565b818411613e4757613e476003851502601118614415565b5f848688095f868103871696879004966002600389028118808a02820302808a02820302808a02820302808a02820302808a02820302808a02909103029181900381900460010185841190960395909502919093039390930492909217029150509392505050565b5f60018211613ebc575090565b8160017001000000000000000000000000000000008210613ee25760809190911c9060401b5b680100000000000000008210613efd5760409190911c9060201b5b6401000000008210613f145760209190911c9060101b5b620100008210613f295760109190911c9060081b5b6101008210613f3d5760089190911c9060041b5b60108210613f505760049190911c9060021b5b60048210613f5c5760011b5b600302600190811c90818581613f7457613f74614870565b048201901c90506001818581613f8c57613f8c614870565b048201901c90506001818581613fa457613fa4614870565b048201901c90506001818581613fbc57613fbc614870565b048201901c90506001818581613fd457613fd4614870565b048201901c90506001818581613fec57613fec614870565b048201901c905061400b81858161400557614005614870565b04821190565b90039392505050565b5f5b81831015614067575f6140298484614426565b5f8781526020902090915063ffffffff86169082015463ffffffff16111561405357809250614061565b61405e816001614846565b93505b50614016565b509392505050565b5f8281526020818152604080832073ffffffffffffffffffffffffffffffffffffffff8516845290915290205460ff166140f4576040517fe2517d3f00000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8216600482015260248101839052604401610c62565b5050565b80825d5050565b5f5f60205f8451602086015f885af18061411e576040513d5f823e3d81fd5b50505f513d9150811561413557806001141561414f565b73ffffffffffffffffffffffffffffffffffffffff84163b155b15610cee576040517f5274afe700000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff85166004820152602401610c62565b82545f90819080156142e5575f6141ba87612cdb600185614833565b805490915063ffffffff8082169164010000000090047bffffffffffffffffffffffffffffffffffffffffffffffffffffffff1690881682111561422a576040517f2520601d00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b8763ffffffff168263ffffffff160361427357825463ffffffff166401000000007bffffffffffffffffffffffffffffffffffffffffffffffffffffffff8916021783556142d7565b6040805180820190915263ffffffff808a1682527bffffffffffffffffffffffffffffffffffffffffffffffffffffffff808a1660208085019182528d54600181018f555f8f81529190912094519151909216640100000000029216919091179101555b945085935061347392505050565b50506040805180820190915263ffffffff80851682527bffffffffffffffffffffffffffffffffffffffffffffffffffffffff80851660208085019182528854600181018a555f8a815291822095519251909316640100000000029190931617920191909155905081613473565b5f81815b8481101561438b5761438182878784818110614375576143756148ec565b90506020020135614440565b9150600101614357565b50949350505050565b60405173ffffffffffffffffffffffffffffffffffffffff8481166024830152838116604483015260648201839052610cee9186918216906323b872dd906084016132d6565b5f807fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff83850993909202808410938190039390930393915050565b634e487b715f52806020526024601cfd5b5f614434600284841861489d565b61105d90848416614846565b5f81831061445a575f82815260208490526040902061105d565b5f83815260208390526040902061105d565b5f6020828403121561447c575f5ffd5b81357fffffffff000000000000000000000000000000000000000000000000000000008116811461105d575f5ffd5b803573ffffffffffffffffffffffffffffffffffffffff81168114613297575f5ffd5b5f602082840312156144de575f5ffd5b61105d826144ab565b5f602082840312156144f7575f5ffd5b5035919050565b5f5f6040838503121561450f575f5ffd5b8235915061451f602084016144ab565b90509250929050565b5f5f83601f840112614538575f5ffd5b50813567ffffffffffffffff81111561454f575f5ffd5b6020830191508360208260051b8501011115614569575f5ffd5b9250929050565b5f5f5f60408486031215614582575f5ffd5b83359250602084013567ffffffffffffffff81111561459f575f5ffd5b6145ab86828701614528565b9497909650939450505050565b5f5f5f5f606085870312156145cb575f5ffd5b6145d4856144ab565b935060208501359250604085013567ffffffffffffffff8111156145f6575f5ffd5b61460287828801614528565b95989497509550505050565b5f5f5f5f5f60a08688031215614622575f5ffd5b8535945060208601359350604086013560ff81168114614640575f5ffd5b94979396509394606081013594506080013592915050565b5f60208284031215614668575f5ffd5b813563ffffffff8116811461105d575f5ffd5b5f5f5f5f5f5f60608789031215614690575f5ffd5b863567ffffffffffffffff8111156146a6575f5ffd5b6146b289828a01614528565b909750955050602087013567ffffffffffffffff8111156146d1575f5ffd5b6146dd89828a01614528565b909550935050604087013567ffffffffffffffff8111156146fc575f5ffd5b61470889828a01614528565b979a9699509497509295939492505050565b5f5f5f5f5f5f5f5f60e0898b031215614731575f5ffd5b883597506020890135965060408901359550606089013594506080890135935060a0890135925060c089013567ffffffffffffffff811115614771575f5ffd5b8901601f81018b13614781575f5ffd5b803567ffffffffffffffff811115614797575f5ffd5b8b60208284010111156147a8575f5ffd5b989b979a50959850939692959194602001935050565b5f5f604083850312156147cf575f5ffd5b6147d8836144ab565b946020939093013593505050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b67ffffffffffffffff8181168382160190811115610ac357610ac36147e6565b81810381811115610ac357610ac36147e6565b80820180821115610ac357610ac36147e6565b8082028115828204841417610ac357610ac36147e6565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601260045260245ffd5b5f826148d0577f4e487b71000000000000000000000000000000000000000000000000000000005f52601260045260245ffd5b500490565b5f602082840312156148e5575f5ffd5b5051919050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603260045260245ffd5b5f5f83357fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe184360301811261494c575f5ffd5b83018035915067ffffffffffffffff821115614966575f5ffd5b6020019150600581901b3603821315614569575f5ffd5b82815260408101600383106149b9577f4e487b71000000000000000000000000000000000000000000000000000000005f52602160045260245ffd5b8260208301529392505050565b87815286602082015285604082015263ffffffff8516606082015283608082015260c060a08201528160c0820152818360e08301375f81830160e090810191909152601f9092017fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe01601019695505050505050565b5f7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff8203614a6b57614a6b6147e6565b506001019056fea164736f6c634300081e000a",
}

// ComputePoolABI is the input ABI used to generate the binding from.
// Deprecated: Use ComputePoolMetaData.ABI instead.
var ComputePoolABI = ComputePoolMetaData.ABI

// ComputePoolBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use ComputePoolMetaData.Bin instead.
var ComputePoolBin = ComputePoolMetaData.Bin

// DeployComputePool deploys a new Ethereum contract, binding an instance of ComputePool to it.
func DeployComputePool(auth *bind.TransactOpts, backend bind.ContractBackend, emissions_ common.Address, admin common.Address, disputeWindow_ uint32, maxBudgetBps_ *big.Int, settlementLag_ uint32, withdrawalDelay_ uint32) (common.Address, *types.Transaction, *ComputePool, error) {
	parsed, err := ComputePoolMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(ComputePoolBin), backend, emissions_, admin, disputeWindow_, maxBudgetBps_, settlementLag_, withdrawalDelay_)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &ComputePool{ComputePoolCaller: ComputePoolCaller{contract: contract}, ComputePoolTransactor: ComputePoolTransactor{contract: contract}, ComputePoolFilterer: ComputePoolFilterer{contract: contract}}, nil
}

// ComputePool is an auto generated Go binding around an Ethereum contract.
type ComputePool struct {
	ComputePoolCaller     // Read-only binding to the contract
	ComputePoolTransactor // Write-only binding to the contract
	ComputePoolFilterer   // Log filterer for contract events
}

// ComputePoolCaller is an auto generated read-only Go binding around an Ethereum contract.
type ComputePoolCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// ComputePoolTransactor is an auto generated write-only Go binding around an Ethereum contract.
type ComputePoolTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// ComputePoolFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type ComputePoolFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// ComputePoolSession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type ComputePoolSession struct {
	Contract     *ComputePool      // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// ComputePoolCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type ComputePoolCallerSession struct {
	Contract *ComputePoolCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts      // Call options to use throughout this session
}

// ComputePoolTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type ComputePoolTransactorSession struct {
	Contract     *ComputePoolTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts      // Transaction auth options to use throughout this session
}

// ComputePoolRaw is an auto generated low-level Go binding around an Ethereum contract.
type ComputePoolRaw struct {
	Contract *ComputePool // Generic contract binding to access the raw methods on
}

// ComputePoolCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type ComputePoolCallerRaw struct {
	Contract *ComputePoolCaller // Generic read-only contract binding to access the raw methods on
}

// ComputePoolTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type ComputePoolTransactorRaw struct {
	Contract *ComputePoolTransactor // Generic write-only contract binding to access the raw methods on
}

// NewComputePool creates a new instance of ComputePool, bound to a specific deployed contract.
func NewComputePool(address common.Address, backend bind.ContractBackend) (*ComputePool, error) {
	contract, err := bindComputePool(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &ComputePool{ComputePoolCaller: ComputePoolCaller{contract: contract}, ComputePoolTransactor: ComputePoolTransactor{contract: contract}, ComputePoolFilterer: ComputePoolFilterer{contract: contract}}, nil
}

// NewComputePoolCaller creates a new read-only instance of ComputePool, bound to a specific deployed contract.
func NewComputePoolCaller(address common.Address, caller bind.ContractCaller) (*ComputePoolCaller, error) {
	contract, err := bindComputePool(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &ComputePoolCaller{contract: contract}, nil
}

// NewComputePoolTransactor creates a new write-only instance of ComputePool, bound to a specific deployed contract.
func NewComputePoolTransactor(address common.Address, transactor bind.ContractTransactor) (*ComputePoolTransactor, error) {
	contract, err := bindComputePool(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &ComputePoolTransactor{contract: contract}, nil
}

// NewComputePoolFilterer creates a new log filterer instance of ComputePool, bound to a specific deployed contract.
func NewComputePoolFilterer(address common.Address, filterer bind.ContractFilterer) (*ComputePoolFilterer, error) {
	contract, err := bindComputePool(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &ComputePoolFilterer{contract: contract}, nil
}

// bindComputePool binds a generic wrapper to an already deployed contract.
func bindComputePool(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := ComputePoolMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_ComputePool *ComputePoolRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _ComputePool.Contract.ComputePoolCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_ComputePool *ComputePoolRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _ComputePool.Contract.ComputePoolTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_ComputePool *ComputePoolRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _ComputePool.Contract.ComputePoolTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_ComputePool *ComputePoolCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _ComputePool.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_ComputePool *ComputePoolTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _ComputePool.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_ComputePool *ComputePoolTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _ComputePool.Contract.contract.Transact(opts, method, params...)
}

// COMPUTEBUCKET is a free data retrieval call binding the contract method 0xe87aa6be.
//
// Solidity: function COMPUTE_BUCKET() view returns(uint8)
func (_ComputePool *ComputePoolCaller) COMPUTEBUCKET(opts *bind.CallOpts) (uint8, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "COMPUTE_BUCKET")

	if err != nil {
		return *new(uint8), err
	}

	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)

	return out0, err

}

// COMPUTEBUCKET is a free data retrieval call binding the contract method 0xe87aa6be.
//
// Solidity: function COMPUTE_BUCKET() view returns(uint8)
func (_ComputePool *ComputePoolSession) COMPUTEBUCKET() (uint8, error) {
	return _ComputePool.Contract.COMPUTEBUCKET(&_ComputePool.CallOpts)
}

// COMPUTEBUCKET is a free data retrieval call binding the contract method 0xe87aa6be.
//
// Solidity: function COMPUTE_BUCKET() view returns(uint8)
func (_ComputePool *ComputePoolCallerSession) COMPUTEBUCKET() (uint8, error) {
	return _ComputePool.Contract.COMPUTEBUCKET(&_ComputePool.CallOpts)
}

// DEFAULTADMINROLE is a free data retrieval call binding the contract method 0xa217fddf.
//
// Solidity: function DEFAULT_ADMIN_ROLE() view returns(bytes32)
func (_ComputePool *ComputePoolCaller) DEFAULTADMINROLE(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "DEFAULT_ADMIN_ROLE")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// DEFAULTADMINROLE is a free data retrieval call binding the contract method 0xa217fddf.
//
// Solidity: function DEFAULT_ADMIN_ROLE() view returns(bytes32)
func (_ComputePool *ComputePoolSession) DEFAULTADMINROLE() ([32]byte, error) {
	return _ComputePool.Contract.DEFAULTADMINROLE(&_ComputePool.CallOpts)
}

// DEFAULTADMINROLE is a free data retrieval call binding the contract method 0xa217fddf.
//
// Solidity: function DEFAULT_ADMIN_ROLE() view returns(bytes32)
func (_ComputePool *ComputePoolCallerSession) DEFAULTADMINROLE() ([32]byte, error) {
	return _ComputePool.Contract.DEFAULTADMINROLE(&_ComputePool.CallOpts)
}

// DEFAULTBUDGETBPS is a free data retrieval call binding the contract method 0x93a3a656.
//
// Solidity: function DEFAULT_BUDGET_BPS() view returns(uint256)
func (_ComputePool *ComputePoolCaller) DEFAULTBUDGETBPS(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "DEFAULT_BUDGET_BPS")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// DEFAULTBUDGETBPS is a free data retrieval call binding the contract method 0x93a3a656.
//
// Solidity: function DEFAULT_BUDGET_BPS() view returns(uint256)
func (_ComputePool *ComputePoolSession) DEFAULTBUDGETBPS() (*big.Int, error) {
	return _ComputePool.Contract.DEFAULTBUDGETBPS(&_ComputePool.CallOpts)
}

// DEFAULTBUDGETBPS is a free data retrieval call binding the contract method 0x93a3a656.
//
// Solidity: function DEFAULT_BUDGET_BPS() view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) DEFAULTBUDGETBPS() (*big.Int, error) {
	return _ComputePool.Contract.DEFAULTBUDGETBPS(&_ComputePool.CallOpts)
}

// GUARDIANROLE is a free data retrieval call binding the contract method 0x24ea54f4.
//
// Solidity: function GUARDIAN_ROLE() view returns(bytes32)
func (_ComputePool *ComputePoolCaller) GUARDIANROLE(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "GUARDIAN_ROLE")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// GUARDIANROLE is a free data retrieval call binding the contract method 0x24ea54f4.
//
// Solidity: function GUARDIAN_ROLE() view returns(bytes32)
func (_ComputePool *ComputePoolSession) GUARDIANROLE() ([32]byte, error) {
	return _ComputePool.Contract.GUARDIANROLE(&_ComputePool.CallOpts)
}

// GUARDIANROLE is a free data retrieval call binding the contract method 0x24ea54f4.
//
// Solidity: function GUARDIAN_ROLE() view returns(bytes32)
func (_ComputePool *ComputePoolCallerSession) GUARDIANROLE() ([32]byte, error) {
	return _ComputePool.Contract.GUARDIANROLE(&_ComputePool.CallOpts)
}

// KEEPERROLE is a free data retrieval call binding the contract method 0x364bc15a.
//
// Solidity: function KEEPER_ROLE() view returns(bytes32)
func (_ComputePool *ComputePoolCaller) KEEPERROLE(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "KEEPER_ROLE")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// KEEPERROLE is a free data retrieval call binding the contract method 0x364bc15a.
//
// Solidity: function KEEPER_ROLE() view returns(bytes32)
func (_ComputePool *ComputePoolSession) KEEPERROLE() ([32]byte, error) {
	return _ComputePool.Contract.KEEPERROLE(&_ComputePool.CallOpts)
}

// KEEPERROLE is a free data retrieval call binding the contract method 0x364bc15a.
//
// Solidity: function KEEPER_ROLE() view returns(bytes32)
func (_ComputePool *ComputePoolCallerSession) KEEPERROLE() ([32]byte, error) {
	return _ComputePool.Contract.KEEPERROLE(&_ComputePool.CallOpts)
}

// MAXBUDGETBPS is a free data retrieval call binding the contract method 0xa3db819c.
//
// Solidity: function MAX_BUDGET_BPS() view returns(uint256)
func (_ComputePool *ComputePoolCaller) MAXBUDGETBPS(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "MAX_BUDGET_BPS")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// MAXBUDGETBPS is a free data retrieval call binding the contract method 0xa3db819c.
//
// Solidity: function MAX_BUDGET_BPS() view returns(uint256)
func (_ComputePool *ComputePoolSession) MAXBUDGETBPS() (*big.Int, error) {
	return _ComputePool.Contract.MAXBUDGETBPS(&_ComputePool.CallOpts)
}

// MAXBUDGETBPS is a free data retrieval call binding the contract method 0xa3db819c.
//
// Solidity: function MAX_BUDGET_BPS() view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) MAXBUDGETBPS() (*big.Int, error) {
	return _ComputePool.Contract.MAXBUDGETBPS(&_ComputePool.CallOpts)
}

// MAXDISPUTEWINDOW is a free data retrieval call binding the contract method 0x80cbc6fa.
//
// Solidity: function MAX_DISPUTE_WINDOW() view returns(uint256)
func (_ComputePool *ComputePoolCaller) MAXDISPUTEWINDOW(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "MAX_DISPUTE_WINDOW")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// MAXDISPUTEWINDOW is a free data retrieval call binding the contract method 0x80cbc6fa.
//
// Solidity: function MAX_DISPUTE_WINDOW() view returns(uint256)
func (_ComputePool *ComputePoolSession) MAXDISPUTEWINDOW() (*big.Int, error) {
	return _ComputePool.Contract.MAXDISPUTEWINDOW(&_ComputePool.CallOpts)
}

// MAXDISPUTEWINDOW is a free data retrieval call binding the contract method 0x80cbc6fa.
//
// Solidity: function MAX_DISPUTE_WINDOW() view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) MAXDISPUTEWINDOW() (*big.Int, error) {
	return _ComputePool.Contract.MAXDISPUTEWINDOW(&_ComputePool.CallOpts)
}

// MAXSETTLEMENTLAG is a free data retrieval call binding the contract method 0x0a7fae9c.
//
// Solidity: function MAX_SETTLEMENT_LAG() view returns(uint256)
func (_ComputePool *ComputePoolCaller) MAXSETTLEMENTLAG(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "MAX_SETTLEMENT_LAG")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// MAXSETTLEMENTLAG is a free data retrieval call binding the contract method 0x0a7fae9c.
//
// Solidity: function MAX_SETTLEMENT_LAG() view returns(uint256)
func (_ComputePool *ComputePoolSession) MAXSETTLEMENTLAG() (*big.Int, error) {
	return _ComputePool.Contract.MAXSETTLEMENTLAG(&_ComputePool.CallOpts)
}

// MAXSETTLEMENTLAG is a free data retrieval call binding the contract method 0x0a7fae9c.
//
// Solidity: function MAX_SETTLEMENT_LAG() view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) MAXSETTLEMENTLAG() (*big.Int, error) {
	return _ComputePool.Contract.MAXSETTLEMENTLAG(&_ComputePool.CallOpts)
}

// MAXWITHDRAWALDELAY is a free data retrieval call binding the contract method 0xa238f9df.
//
// Solidity: function MAX_WITHDRAWAL_DELAY() view returns(uint256)
func (_ComputePool *ComputePoolCaller) MAXWITHDRAWALDELAY(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "MAX_WITHDRAWAL_DELAY")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// MAXWITHDRAWALDELAY is a free data retrieval call binding the contract method 0xa238f9df.
//
// Solidity: function MAX_WITHDRAWAL_DELAY() view returns(uint256)
func (_ComputePool *ComputePoolSession) MAXWITHDRAWALDELAY() (*big.Int, error) {
	return _ComputePool.Contract.MAXWITHDRAWALDELAY(&_ComputePool.CallOpts)
}

// MAXWITHDRAWALDELAY is a free data retrieval call binding the contract method 0xa238f9df.
//
// Solidity: function MAX_WITHDRAWAL_DELAY() view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) MAXWITHDRAWALDELAY() (*big.Int, error) {
	return _ComputePool.Contract.MAXWITHDRAWALDELAY(&_ComputePool.CallOpts)
}

// MINDISPUTEWINDOW is a free data retrieval call binding the contract method 0xcbeab516.
//
// Solidity: function MIN_DISPUTE_WINDOW() view returns(uint256)
func (_ComputePool *ComputePoolCaller) MINDISPUTEWINDOW(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "MIN_DISPUTE_WINDOW")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// MINDISPUTEWINDOW is a free data retrieval call binding the contract method 0xcbeab516.
//
// Solidity: function MIN_DISPUTE_WINDOW() view returns(uint256)
func (_ComputePool *ComputePoolSession) MINDISPUTEWINDOW() (*big.Int, error) {
	return _ComputePool.Contract.MINDISPUTEWINDOW(&_ComputePool.CallOpts)
}

// MINDISPUTEWINDOW is a free data retrieval call binding the contract method 0xcbeab516.
//
// Solidity: function MIN_DISPUTE_WINDOW() view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) MINDISPUTEWINDOW() (*big.Int, error) {
	return _ComputePool.Contract.MINDISPUTEWINDOW(&_ComputePool.CallOpts)
}

// Allowance is a free data retrieval call binding the contract method 0xddc6a171.
//
// Solidity: function allowance(address user, uint256 day) view returns(uint256)
func (_ComputePool *ComputePoolCaller) Allowance(opts *bind.CallOpts, user common.Address, day *big.Int) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "allowance", user, day)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Allowance is a free data retrieval call binding the contract method 0xddc6a171.
//
// Solidity: function allowance(address user, uint256 day) view returns(uint256)
func (_ComputePool *ComputePoolSession) Allowance(user common.Address, day *big.Int) (*big.Int, error) {
	return _ComputePool.Contract.Allowance(&_ComputePool.CallOpts, user, day)
}

// Allowance is a free data retrieval call binding the contract method 0xddc6a171.
//
// Solidity: function allowance(address user, uint256 day) view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) Allowance(user common.Address, day *big.Int) (*big.Int, error) {
	return _ComputePool.Contract.Allowance(&_ComputePool.CallOpts, user, day)
}

// Budget is a free data retrieval call binding the contract method 0xab52bde9.
//
// Solidity: function budget(uint256 day) view returns(uint256)
func (_ComputePool *ComputePoolCaller) Budget(opts *bind.CallOpts, day *big.Int) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "budget", day)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Budget is a free data retrieval call binding the contract method 0xab52bde9.
//
// Solidity: function budget(uint256 day) view returns(uint256)
func (_ComputePool *ComputePoolSession) Budget(day *big.Int) (*big.Int, error) {
	return _ComputePool.Contract.Budget(&_ComputePool.CallOpts, day)
}

// Budget is a free data retrieval call binding the contract method 0xab52bde9.
//
// Solidity: function budget(uint256 day) view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) Budget(day *big.Int) (*big.Int, error) {
	return _ComputePool.Contract.Budget(&_ComputePool.CallOpts, day)
}

// BudgetBps is a free data retrieval call binding the contract method 0xff301d87.
//
// Solidity: function budgetBps() view returns(uint256)
func (_ComputePool *ComputePoolCaller) BudgetBps(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "budgetBps")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// BudgetBps is a free data retrieval call binding the contract method 0xff301d87.
//
// Solidity: function budgetBps() view returns(uint256)
func (_ComputePool *ComputePoolSession) BudgetBps() (*big.Int, error) {
	return _ComputePool.Contract.BudgetBps(&_ComputePool.CallOpts)
}

// BudgetBps is a free data retrieval call binding the contract method 0xff301d87.
//
// Solidity: function budgetBps() view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) BudgetBps() (*big.Int, error) {
	return _ComputePool.Contract.BudgetBps(&_ComputePool.CallOpts)
}

// BudgetBpsAt is a free data retrieval call binding the contract method 0x1395dfb5.
//
// Solidity: function budgetBpsAt(uint256 day) view returns(uint256)
func (_ComputePool *ComputePoolCaller) BudgetBpsAt(opts *bind.CallOpts, day *big.Int) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "budgetBpsAt", day)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// BudgetBpsAt is a free data retrieval call binding the contract method 0x1395dfb5.
//
// Solidity: function budgetBpsAt(uint256 day) view returns(uint256)
func (_ComputePool *ComputePoolSession) BudgetBpsAt(day *big.Int) (*big.Int, error) {
	return _ComputePool.Contract.BudgetBpsAt(&_ComputePool.CallOpts, day)
}

// BudgetBpsAt is a free data retrieval call binding the contract method 0x1395dfb5.
//
// Solidity: function budgetBpsAt(uint256 day) view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) BudgetBpsAt(day *big.Int) (*big.Int, error) {
	return _ComputePool.Contract.BudgetBpsAt(&_ComputePool.CallOpts, day)
}

// ClaimableEpoch is a free data retrieval call binding the contract method 0x4e30a056.
//
// Solidity: function claimableEpoch() view returns(bool exists, uint256 epoch, bytes32 root, uint256 cumulativeTotal)
func (_ComputePool *ComputePoolCaller) ClaimableEpoch(opts *bind.CallOpts) (struct {
	Exists          bool
	Epoch           *big.Int
	Root            [32]byte
	CumulativeTotal *big.Int
}, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "claimableEpoch")

	outstruct := new(struct {
		Exists          bool
		Epoch           *big.Int
		Root            [32]byte
		CumulativeTotal *big.Int
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.Exists = *abi.ConvertType(out[0], new(bool)).(*bool)
	outstruct.Epoch = *abi.ConvertType(out[1], new(*big.Int)).(**big.Int)
	outstruct.Root = *abi.ConvertType(out[2], new([32]byte)).(*[32]byte)
	outstruct.CumulativeTotal = *abi.ConvertType(out[3], new(*big.Int)).(**big.Int)

	return *outstruct, err

}

// ClaimableEpoch is a free data retrieval call binding the contract method 0x4e30a056.
//
// Solidity: function claimableEpoch() view returns(bool exists, uint256 epoch, bytes32 root, uint256 cumulativeTotal)
func (_ComputePool *ComputePoolSession) ClaimableEpoch() (struct {
	Exists          bool
	Epoch           *big.Int
	Root            [32]byte
	CumulativeTotal *big.Int
}, error) {
	return _ComputePool.Contract.ClaimableEpoch(&_ComputePool.CallOpts)
}

// ClaimableEpoch is a free data retrieval call binding the contract method 0x4e30a056.
//
// Solidity: function claimableEpoch() view returns(bool exists, uint256 epoch, bytes32 root, uint256 cumulativeTotal)
func (_ComputePool *ComputePoolCallerSession) ClaimableEpoch() (struct {
	Exists          bool
	Epoch           *big.Int
	Root            [32]byte
	CumulativeTotal *big.Int
}, error) {
	return _ComputePool.Contract.ClaimableEpoch(&_ComputePool.CallOpts)
}

// Claimed is a free data retrieval call binding the contract method 0xc884ef83.
//
// Solidity: function claimed(address account) view returns(uint256)
func (_ComputePool *ComputePoolCaller) Claimed(opts *bind.CallOpts, account common.Address) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "claimed", account)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Claimed is a free data retrieval call binding the contract method 0xc884ef83.
//
// Solidity: function claimed(address account) view returns(uint256)
func (_ComputePool *ComputePoolSession) Claimed(account common.Address) (*big.Int, error) {
	return _ComputePool.Contract.Claimed(&_ComputePool.CallOpts, account)
}

// Claimed is a free data retrieval call binding the contract method 0xc884ef83.
//
// Solidity: function claimed(address account) view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) Claimed(account common.Address) (*big.Int, error) {
	return _ComputePool.Contract.Claimed(&_ComputePool.CallOpts, account)
}

// CommittedBefore is a free data retrieval call binding the contract method 0x78c1e3cd.
//
// Solidity: function committedBefore(uint256 day) view returns(uint256)
func (_ComputePool *ComputePoolCaller) CommittedBefore(opts *bind.CallOpts, day *big.Int) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "committedBefore", day)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// CommittedBefore is a free data retrieval call binding the contract method 0x78c1e3cd.
//
// Solidity: function committedBefore(uint256 day) view returns(uint256)
func (_ComputePool *ComputePoolSession) CommittedBefore(day *big.Int) (*big.Int, error) {
	return _ComputePool.Contract.CommittedBefore(&_ComputePool.CallOpts, day)
}

// CommittedBefore is a free data retrieval call binding the contract method 0x78c1e3cd.
//
// Solidity: function committedBefore(uint256 day) view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) CommittedBefore(day *big.Int) (*big.Int, error) {
	return _ComputePool.Contract.CommittedBefore(&_ComputePool.CallOpts, day)
}

// CommittedOn is a free data retrieval call binding the contract method 0x450ac634.
//
// Solidity: function committedOn(uint256 day) view returns(uint256)
func (_ComputePool *ComputePoolCaller) CommittedOn(opts *bind.CallOpts, day *big.Int) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "committedOn", day)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// CommittedOn is a free data retrieval call binding the contract method 0x450ac634.
//
// Solidity: function committedOn(uint256 day) view returns(uint256)
func (_ComputePool *ComputePoolSession) CommittedOn(day *big.Int) (*big.Int, error) {
	return _ComputePool.Contract.CommittedOn(&_ComputePool.CallOpts, day)
}

// CommittedOn is a free data retrieval call binding the contract method 0x450ac634.
//
// Solidity: function committedOn(uint256 day) view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) CommittedOn(day *big.Int) (*big.Int, error) {
	return _ComputePool.Contract.CommittedOn(&_ComputePool.CallOpts, day)
}

// ComputeAccrued is a free data retrieval call binding the contract method 0xe37cd0b0.
//
// Solidity: function computeAccrued(uint256 timestamp) view returns(uint256)
func (_ComputePool *ComputePoolCaller) ComputeAccrued(opts *bind.CallOpts, timestamp *big.Int) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "computeAccrued", timestamp)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// ComputeAccrued is a free data retrieval call binding the contract method 0xe37cd0b0.
//
// Solidity: function computeAccrued(uint256 timestamp) view returns(uint256)
func (_ComputePool *ComputePoolSession) ComputeAccrued(timestamp *big.Int) (*big.Int, error) {
	return _ComputePool.Contract.ComputeAccrued(&_ComputePool.CallOpts, timestamp)
}

// ComputeAccrued is a free data retrieval call binding the contract method 0xe37cd0b0.
//
// Solidity: function computeAccrued(uint256 timestamp) view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) ComputeAccrued(timestamp *big.Int) (*big.Int, error) {
	return _ComputePool.Contract.ComputeAccrued(&_ComputePool.CallOpts, timestamp)
}

// ComputeBalance is a free data retrieval call binding the contract method 0x5d78e65d.
//
// Solidity: function computeBalance(uint256 day) view returns(uint256)
func (_ComputePool *ComputePoolCaller) ComputeBalance(opts *bind.CallOpts, day *big.Int) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "computeBalance", day)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// ComputeBalance is a free data retrieval call binding the contract method 0x5d78e65d.
//
// Solidity: function computeBalance(uint256 day) view returns(uint256)
func (_ComputePool *ComputePoolSession) ComputeBalance(day *big.Int) (*big.Int, error) {
	return _ComputePool.Contract.ComputeBalance(&_ComputePool.CallOpts, day)
}

// ComputeBalance is a free data retrieval call binding the contract method 0x5d78e65d.
//
// Solidity: function computeBalance(uint256 day) view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) ComputeBalance(day *big.Int) (*big.Int, error) {
	return _ComputePool.Contract.ComputeBalance(&_ComputePool.CallOpts, day)
}

// CurrentDay is a free data retrieval call binding the contract method 0x5c9302c9.
//
// Solidity: function currentDay() view returns(uint256)
func (_ComputePool *ComputePoolCaller) CurrentDay(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "currentDay")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// CurrentDay is a free data retrieval call binding the contract method 0x5c9302c9.
//
// Solidity: function currentDay() view returns(uint256)
func (_ComputePool *ComputePoolSession) CurrentDay() (*big.Int, error) {
	return _ComputePool.Contract.CurrentDay(&_ComputePool.CallOpts)
}

// CurrentDay is a free data retrieval call binding the contract method 0x5c9302c9.
//
// Solidity: function currentDay() view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) CurrentDay() (*big.Int, error) {
	return _ComputePool.Contract.CurrentDay(&_ComputePool.CallOpts)
}

// DayOf is a free data retrieval call binding the contract method 0xf1a8de59.
//
// Solidity: function dayOf(uint256 timestamp) view returns(uint256)
func (_ComputePool *ComputePoolCaller) DayOf(opts *bind.CallOpts, timestamp *big.Int) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "dayOf", timestamp)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// DayOf is a free data retrieval call binding the contract method 0xf1a8de59.
//
// Solidity: function dayOf(uint256 timestamp) view returns(uint256)
func (_ComputePool *ComputePoolSession) DayOf(timestamp *big.Int) (*big.Int, error) {
	return _ComputePool.Contract.DayOf(&_ComputePool.CallOpts, timestamp)
}

// DayOf is a free data retrieval call binding the contract method 0xf1a8de59.
//
// Solidity: function dayOf(uint256 timestamp) view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) DayOf(timestamp *big.Int) (*big.Int, error) {
	return _ComputePool.Contract.DayOf(&_ComputePool.CallOpts, timestamp)
}

// DayStart is a free data retrieval call binding the contract method 0x65b09d2d.
//
// Solidity: function dayStart(uint256 day) view returns(uint256)
func (_ComputePool *ComputePoolCaller) DayStart(opts *bind.CallOpts, day *big.Int) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "dayStart", day)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// DayStart is a free data retrieval call binding the contract method 0x65b09d2d.
//
// Solidity: function dayStart(uint256 day) view returns(uint256)
func (_ComputePool *ComputePoolSession) DayStart(day *big.Int) (*big.Int, error) {
	return _ComputePool.Contract.DayStart(&_ComputePool.CallOpts, day)
}

// DayStart is a free data retrieval call binding the contract method 0x65b09d2d.
//
// Solidity: function dayStart(uint256 day) view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) DayStart(day *big.Int) (*big.Int, error) {
	return _ComputePool.Contract.DayStart(&_ComputePool.CallOpts, day)
}

// DepositOf is a free data retrieval call binding the contract method 0x23e3fbd5.
//
// Solidity: function depositOf(address user) view returns(uint256)
func (_ComputePool *ComputePoolCaller) DepositOf(opts *bind.CallOpts, user common.Address) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "depositOf", user)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// DepositOf is a free data retrieval call binding the contract method 0x23e3fbd5.
//
// Solidity: function depositOf(address user) view returns(uint256)
func (_ComputePool *ComputePoolSession) DepositOf(user common.Address) (*big.Int, error) {
	return _ComputePool.Contract.DepositOf(&_ComputePool.CallOpts, user)
}

// DepositOf is a free data retrieval call binding the contract method 0x23e3fbd5.
//
// Solidity: function depositOf(address user) view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) DepositOf(user common.Address) (*big.Int, error) {
	return _ComputePool.Contract.DepositOf(&_ComputePool.CallOpts, user)
}

// DisputeWindow is a free data retrieval call binding the contract method 0x117f5f92.
//
// Solidity: function disputeWindow() view returns(uint32)
func (_ComputePool *ComputePoolCaller) DisputeWindow(opts *bind.CallOpts) (uint32, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "disputeWindow")

	if err != nil {
		return *new(uint32), err
	}

	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)

	return out0, err

}

// DisputeWindow is a free data retrieval call binding the contract method 0x117f5f92.
//
// Solidity: function disputeWindow() view returns(uint32)
func (_ComputePool *ComputePoolSession) DisputeWindow() (uint32, error) {
	return _ComputePool.Contract.DisputeWindow(&_ComputePool.CallOpts)
}

// DisputeWindow is a free data retrieval call binding the contract method 0x117f5f92.
//
// Solidity: function disputeWindow() view returns(uint32)
func (_ComputePool *ComputePoolCallerSession) DisputeWindow() (uint32, error) {
	return _ComputePool.Contract.DisputeWindow(&_ComputePool.CallOpts)
}

// Emissions is a free data retrieval call binding the contract method 0x2267716c.
//
// Solidity: function emissions() view returns(address)
func (_ComputePool *ComputePoolCaller) Emissions(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "emissions")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Emissions is a free data retrieval call binding the contract method 0x2267716c.
//
// Solidity: function emissions() view returns(address)
func (_ComputePool *ComputePoolSession) Emissions() (common.Address, error) {
	return _ComputePool.Contract.Emissions(&_ComputePool.CallOpts)
}

// Emissions is a free data retrieval call binding the contract method 0x2267716c.
//
// Solidity: function emissions() view returns(address)
func (_ComputePool *ComputePoolCallerSession) Emissions() (common.Address, error) {
	return _ComputePool.Contract.Emissions(&_ComputePool.CallOpts)
}

// EpochInfo is a free data retrieval call binding the contract method 0x3894228e.
//
// Solidity: function epochInfo(uint256 epoch) view returns(bytes32 root, uint256 cumulativeTotal, uint64 claimableAt)
func (_ComputePool *ComputePoolCaller) EpochInfo(opts *bind.CallOpts, epoch *big.Int) (struct {
	Root            [32]byte
	CumulativeTotal *big.Int
	ClaimableAt     uint64
}, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "epochInfo", epoch)

	outstruct := new(struct {
		Root            [32]byte
		CumulativeTotal *big.Int
		ClaimableAt     uint64
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.Root = *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	outstruct.CumulativeTotal = *abi.ConvertType(out[1], new(*big.Int)).(**big.Int)
	outstruct.ClaimableAt = *abi.ConvertType(out[2], new(uint64)).(*uint64)

	return *outstruct, err

}

// EpochInfo is a free data retrieval call binding the contract method 0x3894228e.
//
// Solidity: function epochInfo(uint256 epoch) view returns(bytes32 root, uint256 cumulativeTotal, uint64 claimableAt)
func (_ComputePool *ComputePoolSession) EpochInfo(epoch *big.Int) (struct {
	Root            [32]byte
	CumulativeTotal *big.Int
	ClaimableAt     uint64
}, error) {
	return _ComputePool.Contract.EpochInfo(&_ComputePool.CallOpts, epoch)
}

// EpochInfo is a free data retrieval call binding the contract method 0x3894228e.
//
// Solidity: function epochInfo(uint256 epoch) view returns(bytes32 root, uint256 cumulativeTotal, uint64 claimableAt)
func (_ComputePool *ComputePoolCallerSession) EpochInfo(epoch *big.Int) (struct {
	Root            [32]byte
	CumulativeTotal *big.Int
	ClaimableAt     uint64
}, error) {
	return _ComputePool.Contract.EpochInfo(&_ComputePool.CallOpts, epoch)
}

// GetRoleAdmin is a free data retrieval call binding the contract method 0x248a9ca3.
//
// Solidity: function getRoleAdmin(bytes32 role) view returns(bytes32)
func (_ComputePool *ComputePoolCaller) GetRoleAdmin(opts *bind.CallOpts, role [32]byte) ([32]byte, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "getRoleAdmin", role)

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// GetRoleAdmin is a free data retrieval call binding the contract method 0x248a9ca3.
//
// Solidity: function getRoleAdmin(bytes32 role) view returns(bytes32)
func (_ComputePool *ComputePoolSession) GetRoleAdmin(role [32]byte) ([32]byte, error) {
	return _ComputePool.Contract.GetRoleAdmin(&_ComputePool.CallOpts, role)
}

// GetRoleAdmin is a free data retrieval call binding the contract method 0x248a9ca3.
//
// Solidity: function getRoleAdmin(bytes32 role) view returns(bytes32)
func (_ComputePool *ComputePoolCallerSession) GetRoleAdmin(role [32]byte) ([32]byte, error) {
	return _ComputePool.Contract.GetRoleAdmin(&_ComputePool.CallOpts, role)
}

// HasRole is a free data retrieval call binding the contract method 0x91d14854.
//
// Solidity: function hasRole(bytes32 role, address account) view returns(bool)
func (_ComputePool *ComputePoolCaller) HasRole(opts *bind.CallOpts, role [32]byte, account common.Address) (bool, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "hasRole", role, account)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// HasRole is a free data retrieval call binding the contract method 0x91d14854.
//
// Solidity: function hasRole(bytes32 role, address account) view returns(bool)
func (_ComputePool *ComputePoolSession) HasRole(role [32]byte, account common.Address) (bool, error) {
	return _ComputePool.Contract.HasRole(&_ComputePool.CallOpts, role, account)
}

// HasRole is a free data retrieval call binding the contract method 0x91d14854.
//
// Solidity: function hasRole(bytes32 role, address account) view returns(bool)
func (_ComputePool *ComputePoolCallerSession) HasRole(role [32]byte, account common.Address) (bool, error) {
	return _ComputePool.Contract.HasRole(&_ComputePool.CallOpts, role, account)
}

// Interval is a free data retrieval call binding the contract method 0x947a36fb.
//
// Solidity: function interval() view returns(uint256)
func (_ComputePool *ComputePoolCaller) Interval(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "interval")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Interval is a free data retrieval call binding the contract method 0x947a36fb.
//
// Solidity: function interval() view returns(uint256)
func (_ComputePool *ComputePoolSession) Interval() (*big.Int, error) {
	return _ComputePool.Contract.Interval(&_ComputePool.CallOpts)
}

// Interval is a free data retrieval call binding the contract method 0x947a36fb.
//
// Solidity: function interval() view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) Interval() (*big.Int, error) {
	return _ComputePool.Contract.Interval(&_ComputePool.CallOpts)
}

// IsVetoed is a free data retrieval call binding the contract method 0x58ec004e.
//
// Solidity: function isVetoed(bytes32 root) view returns(bool)
func (_ComputePool *ComputePoolCaller) IsVetoed(opts *bind.CallOpts, root [32]byte) (bool, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "isVetoed", root)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// IsVetoed is a free data retrieval call binding the contract method 0x58ec004e.
//
// Solidity: function isVetoed(bytes32 root) view returns(bool)
func (_ComputePool *ComputePoolSession) IsVetoed(root [32]byte) (bool, error) {
	return _ComputePool.Contract.IsVetoed(&_ComputePool.CallOpts, root)
}

// IsVetoed is a free data retrieval call binding the contract method 0x58ec004e.
//
// Solidity: function isVetoed(bytes32 root) view returns(bool)
func (_ComputePool *ComputePoolCallerSession) IsVetoed(root [32]byte) (bool, error) {
	return _ComputePool.Contract.IsVetoed(&_ComputePool.CallOpts, root)
}

// MaxBudgetBps is a free data retrieval call binding the contract method 0x91629913.
//
// Solidity: function maxBudgetBps() view returns(uint256)
func (_ComputePool *ComputePoolCaller) MaxBudgetBps(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "maxBudgetBps")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// MaxBudgetBps is a free data retrieval call binding the contract method 0x91629913.
//
// Solidity: function maxBudgetBps() view returns(uint256)
func (_ComputePool *ComputePoolSession) MaxBudgetBps() (*big.Int, error) {
	return _ComputePool.Contract.MaxBudgetBps(&_ComputePool.CallOpts)
}

// MaxBudgetBps is a free data retrieval call binding the contract method 0x91629913.
//
// Solidity: function maxBudgetBps() view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) MaxBudgetBps() (*big.Int, error) {
	return _ComputePool.Contract.MaxBudgetBps(&_ComputePool.CallOpts)
}

// MinDisputeWindow is a free data retrieval call binding the contract method 0x0e6bc0dd.
//
// Solidity: function minDisputeWindow() view returns(uint256)
func (_ComputePool *ComputePoolCaller) MinDisputeWindow(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "minDisputeWindow")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// MinDisputeWindow is a free data retrieval call binding the contract method 0x0e6bc0dd.
//
// Solidity: function minDisputeWindow() view returns(uint256)
func (_ComputePool *ComputePoolSession) MinDisputeWindow() (*big.Int, error) {
	return _ComputePool.Contract.MinDisputeWindow(&_ComputePool.CallOpts)
}

// MinDisputeWindow is a free data retrieval call binding the contract method 0x0e6bc0dd.
//
// Solidity: function minDisputeWindow() view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) MinDisputeWindow() (*big.Int, error) {
	return _ComputePool.Contract.MinDisputeWindow(&_ComputePool.CallOpts)
}

// MinWithdrawalDelay is a free data retrieval call binding the contract method 0x0d5b0067.
//
// Solidity: function minWithdrawalDelay() view returns(uint256)
func (_ComputePool *ComputePoolCaller) MinWithdrawalDelay(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "minWithdrawalDelay")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// MinWithdrawalDelay is a free data retrieval call binding the contract method 0x0d5b0067.
//
// Solidity: function minWithdrawalDelay() view returns(uint256)
func (_ComputePool *ComputePoolSession) MinWithdrawalDelay() (*big.Int, error) {
	return _ComputePool.Contract.MinWithdrawalDelay(&_ComputePool.CallOpts)
}

// MinWithdrawalDelay is a free data retrieval call binding the contract method 0x0d5b0067.
//
// Solidity: function minWithdrawalDelay() view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) MinWithdrawalDelay() (*big.Int, error) {
	return _ComputePool.Contract.MinWithdrawalDelay(&_ComputePool.CallOpts)
}

// NextEpoch is a free data retrieval call binding the contract method 0xaea0e78b.
//
// Solidity: function nextEpoch() view returns(uint256)
func (_ComputePool *ComputePoolCaller) NextEpoch(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "nextEpoch")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// NextEpoch is a free data retrieval call binding the contract method 0xaea0e78b.
//
// Solidity: function nextEpoch() view returns(uint256)
func (_ComputePool *ComputePoolSession) NextEpoch() (*big.Int, error) {
	return _ComputePool.Contract.NextEpoch(&_ComputePool.CallOpts)
}

// NextEpoch is a free data retrieval call binding the contract method 0xaea0e78b.
//
// Solidity: function nextEpoch() view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) NextEpoch() (*big.Int, error) {
	return _ComputePool.Contract.NextEpoch(&_ComputePool.CallOpts)
}

// PayoutStart is a free data retrieval call binding the contract method 0xeaddc0fe.
//
// Solidity: function payoutStart() view returns(uint256)
func (_ComputePool *ComputePoolCaller) PayoutStart(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "payoutStart")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// PayoutStart is a free data retrieval call binding the contract method 0xeaddc0fe.
//
// Solidity: function payoutStart() view returns(uint256)
func (_ComputePool *ComputePoolSession) PayoutStart() (*big.Int, error) {
	return _ComputePool.Contract.PayoutStart(&_ComputePool.CallOpts)
}

// PayoutStart is a free data retrieval call binding the contract method 0xeaddc0fe.
//
// Solidity: function payoutStart() view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) PayoutStart() (*big.Int, error) {
	return _ComputePool.Contract.PayoutStart(&_ComputePool.CallOpts)
}

// PendingWithdrawal is a free data retrieval call binding the contract method 0x0964c95b.
//
// Solidity: function pendingWithdrawal(address user) view returns(uint256 amount, uint64 readyAt)
func (_ComputePool *ComputePoolCaller) PendingWithdrawal(opts *bind.CallOpts, user common.Address) (struct {
	Amount  *big.Int
	ReadyAt uint64
}, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "pendingWithdrawal", user)

	outstruct := new(struct {
		Amount  *big.Int
		ReadyAt uint64
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.Amount = *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)
	outstruct.ReadyAt = *abi.ConvertType(out[1], new(uint64)).(*uint64)

	return *outstruct, err

}

// PendingWithdrawal is a free data retrieval call binding the contract method 0x0964c95b.
//
// Solidity: function pendingWithdrawal(address user) view returns(uint256 amount, uint64 readyAt)
func (_ComputePool *ComputePoolSession) PendingWithdrawal(user common.Address) (struct {
	Amount  *big.Int
	ReadyAt uint64
}, error) {
	return _ComputePool.Contract.PendingWithdrawal(&_ComputePool.CallOpts, user)
}

// PendingWithdrawal is a free data retrieval call binding the contract method 0x0964c95b.
//
// Solidity: function pendingWithdrawal(address user) view returns(uint256 amount, uint64 readyAt)
func (_ComputePool *ComputePoolCallerSession) PendingWithdrawal(user common.Address) (struct {
	Amount  *big.Int
	ReadyAt uint64
}, error) {
	return _ComputePool.Contract.PendingWithdrawal(&_ComputePool.CallOpts, user)
}

// RemainingBudget is a free data retrieval call binding the contract method 0x88177a23.
//
// Solidity: function remainingBudget() view returns(uint256)
func (_ComputePool *ComputePoolCaller) RemainingBudget(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "remainingBudget")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// RemainingBudget is a free data retrieval call binding the contract method 0x88177a23.
//
// Solidity: function remainingBudget() view returns(uint256)
func (_ComputePool *ComputePoolSession) RemainingBudget() (*big.Int, error) {
	return _ComputePool.Contract.RemainingBudget(&_ComputePool.CallOpts)
}

// RemainingBudget is a free data retrieval call binding the contract method 0x88177a23.
//
// Solidity: function remainingBudget() view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) RemainingBudget() (*big.Int, error) {
	return _ComputePool.Contract.RemainingBudget(&_ComputePool.CallOpts)
}

// SettlementLag is a free data retrieval call binding the contract method 0xc884a7ff.
//
// Solidity: function settlementLag() view returns(uint256)
func (_ComputePool *ComputePoolCaller) SettlementLag(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "settlementLag")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// SettlementLag is a free data retrieval call binding the contract method 0xc884a7ff.
//
// Solidity: function settlementLag() view returns(uint256)
func (_ComputePool *ComputePoolSession) SettlementLag() (*big.Int, error) {
	return _ComputePool.Contract.SettlementLag(&_ComputePool.CallOpts)
}

// SettlementLag is a free data retrieval call binding the contract method 0xc884a7ff.
//
// Solidity: function settlementLag() view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) SettlementLag() (*big.Int, error) {
	return _ComputePool.Contract.SettlementLag(&_ComputePool.CallOpts)
}

// SpendInfo is a free data retrieval call binding the contract method 0x6f472d90.
//
// Solidity: function spendInfo(uint256 epoch) view returns(bytes32 spendRoot, uint256 cumulativeSpent, uint64 committedAt)
func (_ComputePool *ComputePoolCaller) SpendInfo(opts *bind.CallOpts, epoch *big.Int) (struct {
	SpendRoot       [32]byte
	CumulativeSpent *big.Int
	CommittedAt     uint64
}, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "spendInfo", epoch)

	outstruct := new(struct {
		SpendRoot       [32]byte
		CumulativeSpent *big.Int
		CommittedAt     uint64
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.SpendRoot = *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	outstruct.CumulativeSpent = *abi.ConvertType(out[1], new(*big.Int)).(**big.Int)
	outstruct.CommittedAt = *abi.ConvertType(out[2], new(uint64)).(*uint64)

	return *outstruct, err

}

// SpendInfo is a free data retrieval call binding the contract method 0x6f472d90.
//
// Solidity: function spendInfo(uint256 epoch) view returns(bytes32 spendRoot, uint256 cumulativeSpent, uint64 committedAt)
func (_ComputePool *ComputePoolSession) SpendInfo(epoch *big.Int) (struct {
	SpendRoot       [32]byte
	CumulativeSpent *big.Int
	CommittedAt     uint64
}, error) {
	return _ComputePool.Contract.SpendInfo(&_ComputePool.CallOpts, epoch)
}

// SpendInfo is a free data retrieval call binding the contract method 0x6f472d90.
//
// Solidity: function spendInfo(uint256 epoch) view returns(bytes32 spendRoot, uint256 cumulativeSpent, uint64 committedAt)
func (_ComputePool *ComputePoolCallerSession) SpendInfo(epoch *big.Int) (struct {
	SpendRoot       [32]byte
	CumulativeSpent *big.Int
	CommittedAt     uint64
}, error) {
	return _ComputePool.Contract.SpendInfo(&_ComputePool.CallOpts, epoch)
}

// SupportsInterface is a free data retrieval call binding the contract method 0x01ffc9a7.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (_ComputePool *ComputePoolCaller) SupportsInterface(opts *bind.CallOpts, interfaceId [4]byte) (bool, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "supportsInterface", interfaceId)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// SupportsInterface is a free data retrieval call binding the contract method 0x01ffc9a7.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (_ComputePool *ComputePoolSession) SupportsInterface(interfaceId [4]byte) (bool, error) {
	return _ComputePool.Contract.SupportsInterface(&_ComputePool.CallOpts, interfaceId)
}

// SupportsInterface is a free data retrieval call binding the contract method 0x01ffc9a7.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (_ComputePool *ComputePoolCallerSession) SupportsInterface(interfaceId [4]byte) (bool, error) {
	return _ComputePool.Contract.SupportsInterface(&_ComputePool.CallOpts, interfaceId)
}

// Token is a free data retrieval call binding the contract method 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (_ComputePool *ComputePoolCaller) Token(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "token")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Token is a free data retrieval call binding the contract method 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (_ComputePool *ComputePoolSession) Token() (common.Address, error) {
	return _ComputePool.Contract.Token(&_ComputePool.CallOpts)
}

// Token is a free data retrieval call binding the contract method 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (_ComputePool *ComputePoolCallerSession) Token() (common.Address, error) {
	return _ComputePool.Contract.Token(&_ComputePool.CallOpts)
}

// TotalClaimed is a free data retrieval call binding the contract method 0xd54ad2a1.
//
// Solidity: function totalClaimed() view returns(uint128)
func (_ComputePool *ComputePoolCaller) TotalClaimed(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "totalClaimed")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// TotalClaimed is a free data retrieval call binding the contract method 0xd54ad2a1.
//
// Solidity: function totalClaimed() view returns(uint128)
func (_ComputePool *ComputePoolSession) TotalClaimed() (*big.Int, error) {
	return _ComputePool.Contract.TotalClaimed(&_ComputePool.CallOpts)
}

// TotalClaimed is a free data retrieval call binding the contract method 0xd54ad2a1.
//
// Solidity: function totalClaimed() view returns(uint128)
func (_ComputePool *ComputePoolCallerSession) TotalClaimed() (*big.Int, error) {
	return _ComputePool.Contract.TotalClaimed(&_ComputePool.CallOpts)
}

// TotalCommitted is a free data retrieval call binding the contract method 0x1d3231d4.
//
// Solidity: function totalCommitted() view returns(uint256)
func (_ComputePool *ComputePoolCaller) TotalCommitted(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "totalCommitted")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// TotalCommitted is a free data retrieval call binding the contract method 0x1d3231d4.
//
// Solidity: function totalCommitted() view returns(uint256)
func (_ComputePool *ComputePoolSession) TotalCommitted() (*big.Int, error) {
	return _ComputePool.Contract.TotalCommitted(&_ComputePool.CallOpts)
}

// TotalCommitted is a free data retrieval call binding the contract method 0x1d3231d4.
//
// Solidity: function totalCommitted() view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) TotalCommitted() (*big.Int, error) {
	return _ComputePool.Contract.TotalCommitted(&_ComputePool.CallOpts)
}

// TotalDeposits is a free data retrieval call binding the contract method 0x7d882097.
//
// Solidity: function totalDeposits() view returns(uint128)
func (_ComputePool *ComputePoolCaller) TotalDeposits(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "totalDeposits")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// TotalDeposits is a free data retrieval call binding the contract method 0x7d882097.
//
// Solidity: function totalDeposits() view returns(uint128)
func (_ComputePool *ComputePoolSession) TotalDeposits() (*big.Int, error) {
	return _ComputePool.Contract.TotalDeposits(&_ComputePool.CallOpts)
}

// TotalDeposits is a free data retrieval call binding the contract method 0x7d882097.
//
// Solidity: function totalDeposits() view returns(uint128)
func (_ComputePool *ComputePoolCallerSession) TotalDeposits() (*big.Int, error) {
	return _ComputePool.Contract.TotalDeposits(&_ComputePool.CallOpts)
}

// TotalFromBudget is a free data retrieval call binding the contract method 0xbd35141b.
//
// Solidity: function totalFromBudget() view returns(uint256)
func (_ComputePool *ComputePoolCaller) TotalFromBudget(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "totalFromBudget")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// TotalFromBudget is a free data retrieval call binding the contract method 0xbd35141b.
//
// Solidity: function totalFromBudget() view returns(uint256)
func (_ComputePool *ComputePoolSession) TotalFromBudget() (*big.Int, error) {
	return _ComputePool.Contract.TotalFromBudget(&_ComputePool.CallOpts)
}

// TotalFromBudget is a free data retrieval call binding the contract method 0xbd35141b.
//
// Solidity: function totalFromBudget() view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) TotalFromBudget() (*big.Int, error) {
	return _ComputePool.Contract.TotalFromBudget(&_ComputePool.CallOpts)
}

// TotalSpent is a free data retrieval call binding the contract method 0xfb346eab.
//
// Solidity: function totalSpent() view returns(uint256)
func (_ComputePool *ComputePoolCaller) TotalSpent(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "totalSpent")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// TotalSpent is a free data retrieval call binding the contract method 0xfb346eab.
//
// Solidity: function totalSpent() view returns(uint256)
func (_ComputePool *ComputePoolSession) TotalSpent() (*big.Int, error) {
	return _ComputePool.Contract.TotalSpent(&_ComputePool.CallOpts)
}

// TotalSpent is a free data retrieval call binding the contract method 0xfb346eab.
//
// Solidity: function totalSpent() view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) TotalSpent() (*big.Int, error) {
	return _ComputePool.Contract.TotalSpent(&_ComputePool.CallOpts)
}

// WithdrawalDelay is a free data retrieval call binding the contract method 0xa7ab6961.
//
// Solidity: function withdrawalDelay() view returns(uint32)
func (_ComputePool *ComputePoolCaller) WithdrawalDelay(opts *bind.CallOpts) (uint32, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "withdrawalDelay")

	if err != nil {
		return *new(uint32), err
	}

	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)

	return out0, err

}

// WithdrawalDelay is a free data retrieval call binding the contract method 0xa7ab6961.
//
// Solidity: function withdrawalDelay() view returns(uint32)
func (_ComputePool *ComputePoolSession) WithdrawalDelay() (uint32, error) {
	return _ComputePool.Contract.WithdrawalDelay(&_ComputePool.CallOpts)
}

// WithdrawalDelay is a free data retrieval call binding the contract method 0xa7ab6961.
//
// Solidity: function withdrawalDelay() view returns(uint32)
func (_ComputePool *ComputePoolCallerSession) WithdrawalDelay() (uint32, error) {
	return _ComputePool.Contract.WithdrawalDelay(&_ComputePool.CallOpts)
}

// CancelWithdrawal is a paid mutator transaction binding the contract method 0x22611280.
//
// Solidity: function cancelWithdrawal() returns()
func (_ComputePool *ComputePoolTransactor) CancelWithdrawal(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _ComputePool.contract.Transact(opts, "cancelWithdrawal")
}

// CancelWithdrawal is a paid mutator transaction binding the contract method 0x22611280.
//
// Solidity: function cancelWithdrawal() returns()
func (_ComputePool *ComputePoolSession) CancelWithdrawal() (*types.Transaction, error) {
	return _ComputePool.Contract.CancelWithdrawal(&_ComputePool.TransactOpts)
}

// CancelWithdrawal is a paid mutator transaction binding the contract method 0x22611280.
//
// Solidity: function cancelWithdrawal() returns()
func (_ComputePool *ComputePoolTransactorSession) CancelWithdrawal() (*types.Transaction, error) {
	return _ComputePool.Contract.CancelWithdrawal(&_ComputePool.TransactOpts)
}

// Claim is a paid mutator transaction binding the contract method 0x3d13f874.
//
// Solidity: function claim(address account, uint256 cumulativeAmount, bytes32[] proof) returns(uint256 amount)
func (_ComputePool *ComputePoolTransactor) Claim(opts *bind.TransactOpts, account common.Address, cumulativeAmount *big.Int, proof [][32]byte) (*types.Transaction, error) {
	return _ComputePool.contract.Transact(opts, "claim", account, cumulativeAmount, proof)
}

// Claim is a paid mutator transaction binding the contract method 0x3d13f874.
//
// Solidity: function claim(address account, uint256 cumulativeAmount, bytes32[] proof) returns(uint256 amount)
func (_ComputePool *ComputePoolSession) Claim(account common.Address, cumulativeAmount *big.Int, proof [][32]byte) (*types.Transaction, error) {
	return _ComputePool.Contract.Claim(&_ComputePool.TransactOpts, account, cumulativeAmount, proof)
}

// Claim is a paid mutator transaction binding the contract method 0x3d13f874.
//
// Solidity: function claim(address account, uint256 cumulativeAmount, bytes32[] proof) returns(uint256 amount)
func (_ComputePool *ComputePoolTransactorSession) Claim(account common.Address, cumulativeAmount *big.Int, proof [][32]byte) (*types.Transaction, error) {
	return _ComputePool.Contract.Claim(&_ComputePool.TransactOpts, account, cumulativeAmount, proof)
}

// ClaimMany is a paid mutator transaction binding the contract method 0xbc4d5467.
//
// Solidity: function claimMany(address[] accounts, uint256[] cumulativeAmounts, bytes32[][] proofs) returns(uint256 paid)
func (_ComputePool *ComputePoolTransactor) ClaimMany(opts *bind.TransactOpts, accounts []common.Address, cumulativeAmounts []*big.Int, proofs [][][32]byte) (*types.Transaction, error) {
	return _ComputePool.contract.Transact(opts, "claimMany", accounts, cumulativeAmounts, proofs)
}

// ClaimMany is a paid mutator transaction binding the contract method 0xbc4d5467.
//
// Solidity: function claimMany(address[] accounts, uint256[] cumulativeAmounts, bytes32[][] proofs) returns(uint256 paid)
func (_ComputePool *ComputePoolSession) ClaimMany(accounts []common.Address, cumulativeAmounts []*big.Int, proofs [][][32]byte) (*types.Transaction, error) {
	return _ComputePool.Contract.ClaimMany(&_ComputePool.TransactOpts, accounts, cumulativeAmounts, proofs)
}

// ClaimMany is a paid mutator transaction binding the contract method 0xbc4d5467.
//
// Solidity: function claimMany(address[] accounts, uint256[] cumulativeAmounts, bytes32[][] proofs) returns(uint256 paid)
func (_ComputePool *ComputePoolTransactorSession) ClaimMany(accounts []common.Address, cumulativeAmounts []*big.Int, proofs [][][32]byte) (*types.Transaction, error) {
	return _ComputePool.Contract.ClaimMany(&_ComputePool.TransactOpts, accounts, cumulativeAmounts, proofs)
}

// CommitRoot is a paid mutator transaction binding the contract method 0xd652c204.
//
// Solidity: function commitRoot(uint256 epoch, bytes32 root, uint256 cumulativeTotal, bytes32 spendRoot, uint256 cumulativeSpent, bytes32 batchHash, string uri) returns()
func (_ComputePool *ComputePoolTransactor) CommitRoot(opts *bind.TransactOpts, epoch *big.Int, root [32]byte, cumulativeTotal *big.Int, spendRoot [32]byte, cumulativeSpent *big.Int, batchHash [32]byte, uri string) (*types.Transaction, error) {
	return _ComputePool.contract.Transact(opts, "commitRoot", epoch, root, cumulativeTotal, spendRoot, cumulativeSpent, batchHash, uri)
}

// CommitRoot is a paid mutator transaction binding the contract method 0xd652c204.
//
// Solidity: function commitRoot(uint256 epoch, bytes32 root, uint256 cumulativeTotal, bytes32 spendRoot, uint256 cumulativeSpent, bytes32 batchHash, string uri) returns()
func (_ComputePool *ComputePoolSession) CommitRoot(epoch *big.Int, root [32]byte, cumulativeTotal *big.Int, spendRoot [32]byte, cumulativeSpent *big.Int, batchHash [32]byte, uri string) (*types.Transaction, error) {
	return _ComputePool.Contract.CommitRoot(&_ComputePool.TransactOpts, epoch, root, cumulativeTotal, spendRoot, cumulativeSpent, batchHash, uri)
}

// CommitRoot is a paid mutator transaction binding the contract method 0xd652c204.
//
// Solidity: function commitRoot(uint256 epoch, bytes32 root, uint256 cumulativeTotal, bytes32 spendRoot, uint256 cumulativeSpent, bytes32 batchHash, string uri) returns()
func (_ComputePool *ComputePoolTransactorSession) CommitRoot(epoch *big.Int, root [32]byte, cumulativeTotal *big.Int, spendRoot [32]byte, cumulativeSpent *big.Int, batchHash [32]byte, uri string) (*types.Transaction, error) {
	return _ComputePool.Contract.CommitRoot(&_ComputePool.TransactOpts, epoch, root, cumulativeTotal, spendRoot, cumulativeSpent, batchHash, uri)
}

// Deposit is a paid mutator transaction binding the contract method 0xb6b55f25.
//
// Solidity: function deposit(uint256 amount) returns()
func (_ComputePool *ComputePoolTransactor) Deposit(opts *bind.TransactOpts, amount *big.Int) (*types.Transaction, error) {
	return _ComputePool.contract.Transact(opts, "deposit", amount)
}

// Deposit is a paid mutator transaction binding the contract method 0xb6b55f25.
//
// Solidity: function deposit(uint256 amount) returns()
func (_ComputePool *ComputePoolSession) Deposit(amount *big.Int) (*types.Transaction, error) {
	return _ComputePool.Contract.Deposit(&_ComputePool.TransactOpts, amount)
}

// Deposit is a paid mutator transaction binding the contract method 0xb6b55f25.
//
// Solidity: function deposit(uint256 amount) returns()
func (_ComputePool *ComputePoolTransactorSession) Deposit(amount *big.Int) (*types.Transaction, error) {
	return _ComputePool.Contract.Deposit(&_ComputePool.TransactOpts, amount)
}

// DepositWithPermit is a paid mutator transaction binding the contract method 0x4a970be7.
//
// Solidity: function depositWithPermit(uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s) returns()
func (_ComputePool *ComputePoolTransactor) DepositWithPermit(opts *bind.TransactOpts, amount *big.Int, deadline *big.Int, v uint8, r [32]byte, s [32]byte) (*types.Transaction, error) {
	return _ComputePool.contract.Transact(opts, "depositWithPermit", amount, deadline, v, r, s)
}

// DepositWithPermit is a paid mutator transaction binding the contract method 0x4a970be7.
//
// Solidity: function depositWithPermit(uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s) returns()
func (_ComputePool *ComputePoolSession) DepositWithPermit(amount *big.Int, deadline *big.Int, v uint8, r [32]byte, s [32]byte) (*types.Transaction, error) {
	return _ComputePool.Contract.DepositWithPermit(&_ComputePool.TransactOpts, amount, deadline, v, r, s)
}

// DepositWithPermit is a paid mutator transaction binding the contract method 0x4a970be7.
//
// Solidity: function depositWithPermit(uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s) returns()
func (_ComputePool *ComputePoolTransactorSession) DepositWithPermit(amount *big.Int, deadline *big.Int, v uint8, r [32]byte, s [32]byte) (*types.Transaction, error) {
	return _ComputePool.Contract.DepositWithPermit(&_ComputePool.TransactOpts, amount, deadline, v, r, s)
}

// GrantRole is a paid mutator transaction binding the contract method 0x2f2ff15d.
//
// Solidity: function grantRole(bytes32 role, address account) returns()
func (_ComputePool *ComputePoolTransactor) GrantRole(opts *bind.TransactOpts, role [32]byte, account common.Address) (*types.Transaction, error) {
	return _ComputePool.contract.Transact(opts, "grantRole", role, account)
}

// GrantRole is a paid mutator transaction binding the contract method 0x2f2ff15d.
//
// Solidity: function grantRole(bytes32 role, address account) returns()
func (_ComputePool *ComputePoolSession) GrantRole(role [32]byte, account common.Address) (*types.Transaction, error) {
	return _ComputePool.Contract.GrantRole(&_ComputePool.TransactOpts, role, account)
}

// GrantRole is a paid mutator transaction binding the contract method 0x2f2ff15d.
//
// Solidity: function grantRole(bytes32 role, address account) returns()
func (_ComputePool *ComputePoolTransactorSession) GrantRole(role [32]byte, account common.Address) (*types.Transaction, error) {
	return _ComputePool.Contract.GrantRole(&_ComputePool.TransactOpts, role, account)
}

// RenounceRole is a paid mutator transaction binding the contract method 0x36568abe.
//
// Solidity: function renounceRole(bytes32 role, address callerConfirmation) returns()
func (_ComputePool *ComputePoolTransactor) RenounceRole(opts *bind.TransactOpts, role [32]byte, callerConfirmation common.Address) (*types.Transaction, error) {
	return _ComputePool.contract.Transact(opts, "renounceRole", role, callerConfirmation)
}

// RenounceRole is a paid mutator transaction binding the contract method 0x36568abe.
//
// Solidity: function renounceRole(bytes32 role, address callerConfirmation) returns()
func (_ComputePool *ComputePoolSession) RenounceRole(role [32]byte, callerConfirmation common.Address) (*types.Transaction, error) {
	return _ComputePool.Contract.RenounceRole(&_ComputePool.TransactOpts, role, callerConfirmation)
}

// RenounceRole is a paid mutator transaction binding the contract method 0x36568abe.
//
// Solidity: function renounceRole(bytes32 role, address callerConfirmation) returns()
func (_ComputePool *ComputePoolTransactorSession) RenounceRole(role [32]byte, callerConfirmation common.Address) (*types.Transaction, error) {
	return _ComputePool.Contract.RenounceRole(&_ComputePool.TransactOpts, role, callerConfirmation)
}

// RequestWithdrawal is a paid mutator transaction binding the contract method 0x9ee679e8.
//
// Solidity: function requestWithdrawal(uint256 amount) returns()
func (_ComputePool *ComputePoolTransactor) RequestWithdrawal(opts *bind.TransactOpts, amount *big.Int) (*types.Transaction, error) {
	return _ComputePool.contract.Transact(opts, "requestWithdrawal", amount)
}

// RequestWithdrawal is a paid mutator transaction binding the contract method 0x9ee679e8.
//
// Solidity: function requestWithdrawal(uint256 amount) returns()
func (_ComputePool *ComputePoolSession) RequestWithdrawal(amount *big.Int) (*types.Transaction, error) {
	return _ComputePool.Contract.RequestWithdrawal(&_ComputePool.TransactOpts, amount)
}

// RequestWithdrawal is a paid mutator transaction binding the contract method 0x9ee679e8.
//
// Solidity: function requestWithdrawal(uint256 amount) returns()
func (_ComputePool *ComputePoolTransactorSession) RequestWithdrawal(amount *big.Int) (*types.Transaction, error) {
	return _ComputePool.Contract.RequestWithdrawal(&_ComputePool.TransactOpts, amount)
}

// RevokeRole is a paid mutator transaction binding the contract method 0xd547741f.
//
// Solidity: function revokeRole(bytes32 role, address account) returns()
func (_ComputePool *ComputePoolTransactor) RevokeRole(opts *bind.TransactOpts, role [32]byte, account common.Address) (*types.Transaction, error) {
	return _ComputePool.contract.Transact(opts, "revokeRole", role, account)
}

// RevokeRole is a paid mutator transaction binding the contract method 0xd547741f.
//
// Solidity: function revokeRole(bytes32 role, address account) returns()
func (_ComputePool *ComputePoolSession) RevokeRole(role [32]byte, account common.Address) (*types.Transaction, error) {
	return _ComputePool.Contract.RevokeRole(&_ComputePool.TransactOpts, role, account)
}

// RevokeRole is a paid mutator transaction binding the contract method 0xd547741f.
//
// Solidity: function revokeRole(bytes32 role, address account) returns()
func (_ComputePool *ComputePoolTransactorSession) RevokeRole(role [32]byte, account common.Address) (*types.Transaction, error) {
	return _ComputePool.Contract.RevokeRole(&_ComputePool.TransactOpts, role, account)
}

// SetBudgetBps is a paid mutator transaction binding the contract method 0x39b37cdd.
//
// Solidity: function setBudgetBps(uint256 budgetBps_) returns()
func (_ComputePool *ComputePoolTransactor) SetBudgetBps(opts *bind.TransactOpts, budgetBps_ *big.Int) (*types.Transaction, error) {
	return _ComputePool.contract.Transact(opts, "setBudgetBps", budgetBps_)
}

// SetBudgetBps is a paid mutator transaction binding the contract method 0x39b37cdd.
//
// Solidity: function setBudgetBps(uint256 budgetBps_) returns()
func (_ComputePool *ComputePoolSession) SetBudgetBps(budgetBps_ *big.Int) (*types.Transaction, error) {
	return _ComputePool.Contract.SetBudgetBps(&_ComputePool.TransactOpts, budgetBps_)
}

// SetBudgetBps is a paid mutator transaction binding the contract method 0x39b37cdd.
//
// Solidity: function setBudgetBps(uint256 budgetBps_) returns()
func (_ComputePool *ComputePoolTransactorSession) SetBudgetBps(budgetBps_ *big.Int) (*types.Transaction, error) {
	return _ComputePool.Contract.SetBudgetBps(&_ComputePool.TransactOpts, budgetBps_)
}

// SetDisputeWindow is a paid mutator transaction binding the contract method 0x53082de3.
//
// Solidity: function setDisputeWindow(uint32 disputeWindow_) returns()
func (_ComputePool *ComputePoolTransactor) SetDisputeWindow(opts *bind.TransactOpts, disputeWindow_ uint32) (*types.Transaction, error) {
	return _ComputePool.contract.Transact(opts, "setDisputeWindow", disputeWindow_)
}

// SetDisputeWindow is a paid mutator transaction binding the contract method 0x53082de3.
//
// Solidity: function setDisputeWindow(uint32 disputeWindow_) returns()
func (_ComputePool *ComputePoolSession) SetDisputeWindow(disputeWindow_ uint32) (*types.Transaction, error) {
	return _ComputePool.Contract.SetDisputeWindow(&_ComputePool.TransactOpts, disputeWindow_)
}

// SetDisputeWindow is a paid mutator transaction binding the contract method 0x53082de3.
//
// Solidity: function setDisputeWindow(uint32 disputeWindow_) returns()
func (_ComputePool *ComputePoolTransactorSession) SetDisputeWindow(disputeWindow_ uint32) (*types.Transaction, error) {
	return _ComputePool.Contract.SetDisputeWindow(&_ComputePool.TransactOpts, disputeWindow_)
}

// SetWithdrawalDelay is a paid mutator transaction binding the contract method 0x58715e3b.
//
// Solidity: function setWithdrawalDelay(uint32 withdrawalDelay_) returns()
func (_ComputePool *ComputePoolTransactor) SetWithdrawalDelay(opts *bind.TransactOpts, withdrawalDelay_ uint32) (*types.Transaction, error) {
	return _ComputePool.contract.Transact(opts, "setWithdrawalDelay", withdrawalDelay_)
}

// SetWithdrawalDelay is a paid mutator transaction binding the contract method 0x58715e3b.
//
// Solidity: function setWithdrawalDelay(uint32 withdrawalDelay_) returns()
func (_ComputePool *ComputePoolSession) SetWithdrawalDelay(withdrawalDelay_ uint32) (*types.Transaction, error) {
	return _ComputePool.Contract.SetWithdrawalDelay(&_ComputePool.TransactOpts, withdrawalDelay_)
}

// SetWithdrawalDelay is a paid mutator transaction binding the contract method 0x58715e3b.
//
// Solidity: function setWithdrawalDelay(uint32 withdrawalDelay_) returns()
func (_ComputePool *ComputePoolTransactorSession) SetWithdrawalDelay(withdrawalDelay_ uint32) (*types.Transaction, error) {
	return _ComputePool.Contract.SetWithdrawalDelay(&_ComputePool.TransactOpts, withdrawalDelay_)
}

// VetoRoot is a paid mutator transaction binding the contract method 0xc64d9064.
//
// Solidity: function vetoRoot(uint256 epoch) returns()
func (_ComputePool *ComputePoolTransactor) VetoRoot(opts *bind.TransactOpts, epoch *big.Int) (*types.Transaction, error) {
	return _ComputePool.contract.Transact(opts, "vetoRoot", epoch)
}

// VetoRoot is a paid mutator transaction binding the contract method 0xc64d9064.
//
// Solidity: function vetoRoot(uint256 epoch) returns()
func (_ComputePool *ComputePoolSession) VetoRoot(epoch *big.Int) (*types.Transaction, error) {
	return _ComputePool.Contract.VetoRoot(&_ComputePool.TransactOpts, epoch)
}

// VetoRoot is a paid mutator transaction binding the contract method 0xc64d9064.
//
// Solidity: function vetoRoot(uint256 epoch) returns()
func (_ComputePool *ComputePoolTransactorSession) VetoRoot(epoch *big.Int) (*types.Transaction, error) {
	return _ComputePool.Contract.VetoRoot(&_ComputePool.TransactOpts, epoch)
}

// Withdraw is a paid mutator transaction binding the contract method 0x36317972.
//
// Solidity: function withdraw(uint256 cumulativeSpent, bytes32[] proof) returns(uint256 paid)
func (_ComputePool *ComputePoolTransactor) Withdraw(opts *bind.TransactOpts, cumulativeSpent *big.Int, proof [][32]byte) (*types.Transaction, error) {
	return _ComputePool.contract.Transact(opts, "withdraw", cumulativeSpent, proof)
}

// Withdraw is a paid mutator transaction binding the contract method 0x36317972.
//
// Solidity: function withdraw(uint256 cumulativeSpent, bytes32[] proof) returns(uint256 paid)
func (_ComputePool *ComputePoolSession) Withdraw(cumulativeSpent *big.Int, proof [][32]byte) (*types.Transaction, error) {
	return _ComputePool.Contract.Withdraw(&_ComputePool.TransactOpts, cumulativeSpent, proof)
}

// Withdraw is a paid mutator transaction binding the contract method 0x36317972.
//
// Solidity: function withdraw(uint256 cumulativeSpent, bytes32[] proof) returns(uint256 paid)
func (_ComputePool *ComputePoolTransactorSession) Withdraw(cumulativeSpent *big.Int, proof [][32]byte) (*types.Transaction, error) {
	return _ComputePool.Contract.Withdraw(&_ComputePool.TransactOpts, cumulativeSpent, proof)
}

// ComputePoolBudgetBpsSetIterator is returned from FilterBudgetBpsSet and is used to iterate over the raw logs and unpacked data for BudgetBpsSet events raised by the ComputePool contract.
type ComputePoolBudgetBpsSetIterator struct {
	Event *ComputePoolBudgetBpsSet // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *ComputePoolBudgetBpsSetIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ComputePoolBudgetBpsSet)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(ComputePoolBudgetBpsSet)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *ComputePoolBudgetBpsSetIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ComputePoolBudgetBpsSetIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ComputePoolBudgetBpsSet represents a BudgetBpsSet event raised by the ComputePool contract.
type ComputePoolBudgetBpsSet struct {
	BudgetBps    *big.Int
	EffectiveDay *big.Int
	Raw          types.Log // Blockchain specific contextual infos
}

// FilterBudgetBpsSet is a free log retrieval operation binding the contract event 0xc8764634c540a9ab2f84b0b7722917b5d9158e1073b5f18de50685ed7a702248.
//
// Solidity: event BudgetBpsSet(uint256 budgetBps, uint256 effectiveDay)
func (_ComputePool *ComputePoolFilterer) FilterBudgetBpsSet(opts *bind.FilterOpts) (*ComputePoolBudgetBpsSetIterator, error) {

	logs, sub, err := _ComputePool.contract.FilterLogs(opts, "BudgetBpsSet")
	if err != nil {
		return nil, err
	}
	return &ComputePoolBudgetBpsSetIterator{contract: _ComputePool.contract, event: "BudgetBpsSet", logs: logs, sub: sub}, nil
}

// WatchBudgetBpsSet is a free log subscription operation binding the contract event 0xc8764634c540a9ab2f84b0b7722917b5d9158e1073b5f18de50685ed7a702248.
//
// Solidity: event BudgetBpsSet(uint256 budgetBps, uint256 effectiveDay)
func (_ComputePool *ComputePoolFilterer) WatchBudgetBpsSet(opts *bind.WatchOpts, sink chan<- *ComputePoolBudgetBpsSet) (event.Subscription, error) {

	logs, sub, err := _ComputePool.contract.WatchLogs(opts, "BudgetBpsSet")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ComputePoolBudgetBpsSet)
				if err := _ComputePool.contract.UnpackLog(event, "BudgetBpsSet", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseBudgetBpsSet is a log parse operation binding the contract event 0xc8764634c540a9ab2f84b0b7722917b5d9158e1073b5f18de50685ed7a702248.
//
// Solidity: event BudgetBpsSet(uint256 budgetBps, uint256 effectiveDay)
func (_ComputePool *ComputePoolFilterer) ParseBudgetBpsSet(log types.Log) (*ComputePoolBudgetBpsSet, error) {
	event := new(ComputePoolBudgetBpsSet)
	if err := _ComputePool.contract.UnpackLog(event, "BudgetBpsSet", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// ComputePoolClaimSkippedIterator is returned from FilterClaimSkipped and is used to iterate over the raw logs and unpacked data for ClaimSkipped events raised by the ComputePool contract.
type ComputePoolClaimSkippedIterator struct {
	Event *ComputePoolClaimSkipped // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *ComputePoolClaimSkippedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ComputePoolClaimSkipped)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(ComputePoolClaimSkipped)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *ComputePoolClaimSkippedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ComputePoolClaimSkippedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ComputePoolClaimSkipped represents a ClaimSkipped event raised by the ComputePool contract.
type ComputePoolClaimSkipped struct {
	Account          common.Address
	CumulativeAmount *big.Int
	Reason           uint8
	Raw              types.Log // Blockchain specific contextual infos
}

// FilterClaimSkipped is a free log retrieval operation binding the contract event 0x22cdf744b68ab26213d3e4ea1f1d7585466e185e762ffda0c04a1d1851e30784.
//
// Solidity: event ClaimSkipped(address indexed account, uint256 cumulativeAmount, uint8 reason)
func (_ComputePool *ComputePoolFilterer) FilterClaimSkipped(opts *bind.FilterOpts, account []common.Address) (*ComputePoolClaimSkippedIterator, error) {

	var accountRule []interface{}
	for _, accountItem := range account {
		accountRule = append(accountRule, accountItem)
	}

	logs, sub, err := _ComputePool.contract.FilterLogs(opts, "ClaimSkipped", accountRule)
	if err != nil {
		return nil, err
	}
	return &ComputePoolClaimSkippedIterator{contract: _ComputePool.contract, event: "ClaimSkipped", logs: logs, sub: sub}, nil
}

// WatchClaimSkipped is a free log subscription operation binding the contract event 0x22cdf744b68ab26213d3e4ea1f1d7585466e185e762ffda0c04a1d1851e30784.
//
// Solidity: event ClaimSkipped(address indexed account, uint256 cumulativeAmount, uint8 reason)
func (_ComputePool *ComputePoolFilterer) WatchClaimSkipped(opts *bind.WatchOpts, sink chan<- *ComputePoolClaimSkipped, account []common.Address) (event.Subscription, error) {

	var accountRule []interface{}
	for _, accountItem := range account {
		accountRule = append(accountRule, accountItem)
	}

	logs, sub, err := _ComputePool.contract.WatchLogs(opts, "ClaimSkipped", accountRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ComputePoolClaimSkipped)
				if err := _ComputePool.contract.UnpackLog(event, "ClaimSkipped", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseClaimSkipped is a log parse operation binding the contract event 0x22cdf744b68ab26213d3e4ea1f1d7585466e185e762ffda0c04a1d1851e30784.
//
// Solidity: event ClaimSkipped(address indexed account, uint256 cumulativeAmount, uint8 reason)
func (_ComputePool *ComputePoolFilterer) ParseClaimSkipped(log types.Log) (*ComputePoolClaimSkipped, error) {
	event := new(ComputePoolClaimSkipped)
	if err := _ComputePool.contract.UnpackLog(event, "ClaimSkipped", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// ComputePoolClaimedIterator is returned from FilterClaimed and is used to iterate over the raw logs and unpacked data for Claimed events raised by the ComputePool contract.
type ComputePoolClaimedIterator struct {
	Event *ComputePoolClaimed // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *ComputePoolClaimedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ComputePoolClaimed)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(ComputePoolClaimed)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *ComputePoolClaimedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ComputePoolClaimedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ComputePoolClaimed represents a Claimed event raised by the ComputePool contract.
type ComputePoolClaimed struct {
	Account          common.Address
	Epoch            *big.Int
	Amount           *big.Int
	CumulativeAmount *big.Int
	Raw              types.Log // Blockchain specific contextual infos
}

// FilterClaimed is a free log retrieval operation binding the contract event 0x9cdcf2f7714cca3508c7f0110b04a90a80a3a8dd0e35de99689db74d28c5383e.
//
// Solidity: event Claimed(address indexed account, uint256 indexed epoch, uint256 amount, uint256 cumulativeAmount)
func (_ComputePool *ComputePoolFilterer) FilterClaimed(opts *bind.FilterOpts, account []common.Address, epoch []*big.Int) (*ComputePoolClaimedIterator, error) {

	var accountRule []interface{}
	for _, accountItem := range account {
		accountRule = append(accountRule, accountItem)
	}
	var epochRule []interface{}
	for _, epochItem := range epoch {
		epochRule = append(epochRule, epochItem)
	}

	logs, sub, err := _ComputePool.contract.FilterLogs(opts, "Claimed", accountRule, epochRule)
	if err != nil {
		return nil, err
	}
	return &ComputePoolClaimedIterator{contract: _ComputePool.contract, event: "Claimed", logs: logs, sub: sub}, nil
}

// WatchClaimed is a free log subscription operation binding the contract event 0x9cdcf2f7714cca3508c7f0110b04a90a80a3a8dd0e35de99689db74d28c5383e.
//
// Solidity: event Claimed(address indexed account, uint256 indexed epoch, uint256 amount, uint256 cumulativeAmount)
func (_ComputePool *ComputePoolFilterer) WatchClaimed(opts *bind.WatchOpts, sink chan<- *ComputePoolClaimed, account []common.Address, epoch []*big.Int) (event.Subscription, error) {

	var accountRule []interface{}
	for _, accountItem := range account {
		accountRule = append(accountRule, accountItem)
	}
	var epochRule []interface{}
	for _, epochItem := range epoch {
		epochRule = append(epochRule, epochItem)
	}

	logs, sub, err := _ComputePool.contract.WatchLogs(opts, "Claimed", accountRule, epochRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ComputePoolClaimed)
				if err := _ComputePool.contract.UnpackLog(event, "Claimed", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseClaimed is a log parse operation binding the contract event 0x9cdcf2f7714cca3508c7f0110b04a90a80a3a8dd0e35de99689db74d28c5383e.
//
// Solidity: event Claimed(address indexed account, uint256 indexed epoch, uint256 amount, uint256 cumulativeAmount)
func (_ComputePool *ComputePoolFilterer) ParseClaimed(log types.Log) (*ComputePoolClaimed, error) {
	event := new(ComputePoolClaimed)
	if err := _ComputePool.contract.UnpackLog(event, "Claimed", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// ComputePoolDepositedIterator is returned from FilterDeposited and is used to iterate over the raw logs and unpacked data for Deposited events raised by the ComputePool contract.
type ComputePoolDepositedIterator struct {
	Event *ComputePoolDeposited // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *ComputePoolDepositedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ComputePoolDeposited)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(ComputePoolDeposited)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *ComputePoolDepositedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ComputePoolDepositedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ComputePoolDeposited represents a Deposited event raised by the ComputePool contract.
type ComputePoolDeposited struct {
	User    common.Address
	Amount  *big.Int
	Deposit *big.Int
	Raw     types.Log // Blockchain specific contextual infos
}

// FilterDeposited is a free log retrieval operation binding the contract event 0x73a19dd210f1a7f902193214c0ee91dd35ee5b4d920cba8d519eca65a7b488ca.
//
// Solidity: event Deposited(address indexed user, uint256 amount, uint256 deposit)
func (_ComputePool *ComputePoolFilterer) FilterDeposited(opts *bind.FilterOpts, user []common.Address) (*ComputePoolDepositedIterator, error) {

	var userRule []interface{}
	for _, userItem := range user {
		userRule = append(userRule, userItem)
	}

	logs, sub, err := _ComputePool.contract.FilterLogs(opts, "Deposited", userRule)
	if err != nil {
		return nil, err
	}
	return &ComputePoolDepositedIterator{contract: _ComputePool.contract, event: "Deposited", logs: logs, sub: sub}, nil
}

// WatchDeposited is a free log subscription operation binding the contract event 0x73a19dd210f1a7f902193214c0ee91dd35ee5b4d920cba8d519eca65a7b488ca.
//
// Solidity: event Deposited(address indexed user, uint256 amount, uint256 deposit)
func (_ComputePool *ComputePoolFilterer) WatchDeposited(opts *bind.WatchOpts, sink chan<- *ComputePoolDeposited, user []common.Address) (event.Subscription, error) {

	var userRule []interface{}
	for _, userItem := range user {
		userRule = append(userRule, userItem)
	}

	logs, sub, err := _ComputePool.contract.WatchLogs(opts, "Deposited", userRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ComputePoolDeposited)
				if err := _ComputePool.contract.UnpackLog(event, "Deposited", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseDeposited is a log parse operation binding the contract event 0x73a19dd210f1a7f902193214c0ee91dd35ee5b4d920cba8d519eca65a7b488ca.
//
// Solidity: event Deposited(address indexed user, uint256 amount, uint256 deposit)
func (_ComputePool *ComputePoolFilterer) ParseDeposited(log types.Log) (*ComputePoolDeposited, error) {
	event := new(ComputePoolDeposited)
	if err := _ComputePool.contract.UnpackLog(event, "Deposited", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// ComputePoolDisputeWindowSetIterator is returned from FilterDisputeWindowSet and is used to iterate over the raw logs and unpacked data for DisputeWindowSet events raised by the ComputePool contract.
type ComputePoolDisputeWindowSetIterator struct {
	Event *ComputePoolDisputeWindowSet // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *ComputePoolDisputeWindowSetIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ComputePoolDisputeWindowSet)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(ComputePoolDisputeWindowSet)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *ComputePoolDisputeWindowSetIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ComputePoolDisputeWindowSetIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ComputePoolDisputeWindowSet represents a DisputeWindowSet event raised by the ComputePool contract.
type ComputePoolDisputeWindowSet struct {
	DisputeWindow *big.Int
	Raw           types.Log // Blockchain specific contextual infos
}

// FilterDisputeWindowSet is a free log retrieval operation binding the contract event 0x05dc1ea42bf6db568fa068d5d22a6763f6aef6c094962a1a851234ac188378df.
//
// Solidity: event DisputeWindowSet(uint256 disputeWindow)
func (_ComputePool *ComputePoolFilterer) FilterDisputeWindowSet(opts *bind.FilterOpts) (*ComputePoolDisputeWindowSetIterator, error) {

	logs, sub, err := _ComputePool.contract.FilterLogs(opts, "DisputeWindowSet")
	if err != nil {
		return nil, err
	}
	return &ComputePoolDisputeWindowSetIterator{contract: _ComputePool.contract, event: "DisputeWindowSet", logs: logs, sub: sub}, nil
}

// WatchDisputeWindowSet is a free log subscription operation binding the contract event 0x05dc1ea42bf6db568fa068d5d22a6763f6aef6c094962a1a851234ac188378df.
//
// Solidity: event DisputeWindowSet(uint256 disputeWindow)
func (_ComputePool *ComputePoolFilterer) WatchDisputeWindowSet(opts *bind.WatchOpts, sink chan<- *ComputePoolDisputeWindowSet) (event.Subscription, error) {

	logs, sub, err := _ComputePool.contract.WatchLogs(opts, "DisputeWindowSet")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ComputePoolDisputeWindowSet)
				if err := _ComputePool.contract.UnpackLog(event, "DisputeWindowSet", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseDisputeWindowSet is a log parse operation binding the contract event 0x05dc1ea42bf6db568fa068d5d22a6763f6aef6c094962a1a851234ac188378df.
//
// Solidity: event DisputeWindowSet(uint256 disputeWindow)
func (_ComputePool *ComputePoolFilterer) ParseDisputeWindowSet(log types.Log) (*ComputePoolDisputeWindowSet, error) {
	event := new(ComputePoolDisputeWindowSet)
	if err := _ComputePool.contract.UnpackLog(event, "DisputeWindowSet", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// ComputePoolRoleAdminChangedIterator is returned from FilterRoleAdminChanged and is used to iterate over the raw logs and unpacked data for RoleAdminChanged events raised by the ComputePool contract.
type ComputePoolRoleAdminChangedIterator struct {
	Event *ComputePoolRoleAdminChanged // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *ComputePoolRoleAdminChangedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ComputePoolRoleAdminChanged)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(ComputePoolRoleAdminChanged)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *ComputePoolRoleAdminChangedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ComputePoolRoleAdminChangedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ComputePoolRoleAdminChanged represents a RoleAdminChanged event raised by the ComputePool contract.
type ComputePoolRoleAdminChanged struct {
	Role              [32]byte
	PreviousAdminRole [32]byte
	NewAdminRole      [32]byte
	Raw               types.Log // Blockchain specific contextual infos
}

// FilterRoleAdminChanged is a free log retrieval operation binding the contract event 0xbd79b86ffe0ab8e8776151514217cd7cacd52c909f66475c3af44e129f0b00ff.
//
// Solidity: event RoleAdminChanged(bytes32 indexed role, bytes32 indexed previousAdminRole, bytes32 indexed newAdminRole)
func (_ComputePool *ComputePoolFilterer) FilterRoleAdminChanged(opts *bind.FilterOpts, role [][32]byte, previousAdminRole [][32]byte, newAdminRole [][32]byte) (*ComputePoolRoleAdminChangedIterator, error) {

	var roleRule []interface{}
	for _, roleItem := range role {
		roleRule = append(roleRule, roleItem)
	}
	var previousAdminRoleRule []interface{}
	for _, previousAdminRoleItem := range previousAdminRole {
		previousAdminRoleRule = append(previousAdminRoleRule, previousAdminRoleItem)
	}
	var newAdminRoleRule []interface{}
	for _, newAdminRoleItem := range newAdminRole {
		newAdminRoleRule = append(newAdminRoleRule, newAdminRoleItem)
	}

	logs, sub, err := _ComputePool.contract.FilterLogs(opts, "RoleAdminChanged", roleRule, previousAdminRoleRule, newAdminRoleRule)
	if err != nil {
		return nil, err
	}
	return &ComputePoolRoleAdminChangedIterator{contract: _ComputePool.contract, event: "RoleAdminChanged", logs: logs, sub: sub}, nil
}

// WatchRoleAdminChanged is a free log subscription operation binding the contract event 0xbd79b86ffe0ab8e8776151514217cd7cacd52c909f66475c3af44e129f0b00ff.
//
// Solidity: event RoleAdminChanged(bytes32 indexed role, bytes32 indexed previousAdminRole, bytes32 indexed newAdminRole)
func (_ComputePool *ComputePoolFilterer) WatchRoleAdminChanged(opts *bind.WatchOpts, sink chan<- *ComputePoolRoleAdminChanged, role [][32]byte, previousAdminRole [][32]byte, newAdminRole [][32]byte) (event.Subscription, error) {

	var roleRule []interface{}
	for _, roleItem := range role {
		roleRule = append(roleRule, roleItem)
	}
	var previousAdminRoleRule []interface{}
	for _, previousAdminRoleItem := range previousAdminRole {
		previousAdminRoleRule = append(previousAdminRoleRule, previousAdminRoleItem)
	}
	var newAdminRoleRule []interface{}
	for _, newAdminRoleItem := range newAdminRole {
		newAdminRoleRule = append(newAdminRoleRule, newAdminRoleItem)
	}

	logs, sub, err := _ComputePool.contract.WatchLogs(opts, "RoleAdminChanged", roleRule, previousAdminRoleRule, newAdminRoleRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ComputePoolRoleAdminChanged)
				if err := _ComputePool.contract.UnpackLog(event, "RoleAdminChanged", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseRoleAdminChanged is a log parse operation binding the contract event 0xbd79b86ffe0ab8e8776151514217cd7cacd52c909f66475c3af44e129f0b00ff.
//
// Solidity: event RoleAdminChanged(bytes32 indexed role, bytes32 indexed previousAdminRole, bytes32 indexed newAdminRole)
func (_ComputePool *ComputePoolFilterer) ParseRoleAdminChanged(log types.Log) (*ComputePoolRoleAdminChanged, error) {
	event := new(ComputePoolRoleAdminChanged)
	if err := _ComputePool.contract.UnpackLog(event, "RoleAdminChanged", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// ComputePoolRoleGrantedIterator is returned from FilterRoleGranted and is used to iterate over the raw logs and unpacked data for RoleGranted events raised by the ComputePool contract.
type ComputePoolRoleGrantedIterator struct {
	Event *ComputePoolRoleGranted // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *ComputePoolRoleGrantedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ComputePoolRoleGranted)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(ComputePoolRoleGranted)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *ComputePoolRoleGrantedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ComputePoolRoleGrantedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ComputePoolRoleGranted represents a RoleGranted event raised by the ComputePool contract.
type ComputePoolRoleGranted struct {
	Role    [32]byte
	Account common.Address
	Sender  common.Address
	Raw     types.Log // Blockchain specific contextual infos
}

// FilterRoleGranted is a free log retrieval operation binding the contract event 0x2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d.
//
// Solidity: event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender)
func (_ComputePool *ComputePoolFilterer) FilterRoleGranted(opts *bind.FilterOpts, role [][32]byte, account []common.Address, sender []common.Address) (*ComputePoolRoleGrantedIterator, error) {

	var roleRule []interface{}
	for _, roleItem := range role {
		roleRule = append(roleRule, roleItem)
	}
	var accountRule []interface{}
	for _, accountItem := range account {
		accountRule = append(accountRule, accountItem)
	}
	var senderRule []interface{}
	for _, senderItem := range sender {
		senderRule = append(senderRule, senderItem)
	}

	logs, sub, err := _ComputePool.contract.FilterLogs(opts, "RoleGranted", roleRule, accountRule, senderRule)
	if err != nil {
		return nil, err
	}
	return &ComputePoolRoleGrantedIterator{contract: _ComputePool.contract, event: "RoleGranted", logs: logs, sub: sub}, nil
}

// WatchRoleGranted is a free log subscription operation binding the contract event 0x2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d.
//
// Solidity: event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender)
func (_ComputePool *ComputePoolFilterer) WatchRoleGranted(opts *bind.WatchOpts, sink chan<- *ComputePoolRoleGranted, role [][32]byte, account []common.Address, sender []common.Address) (event.Subscription, error) {

	var roleRule []interface{}
	for _, roleItem := range role {
		roleRule = append(roleRule, roleItem)
	}
	var accountRule []interface{}
	for _, accountItem := range account {
		accountRule = append(accountRule, accountItem)
	}
	var senderRule []interface{}
	for _, senderItem := range sender {
		senderRule = append(senderRule, senderItem)
	}

	logs, sub, err := _ComputePool.contract.WatchLogs(opts, "RoleGranted", roleRule, accountRule, senderRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ComputePoolRoleGranted)
				if err := _ComputePool.contract.UnpackLog(event, "RoleGranted", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseRoleGranted is a log parse operation binding the contract event 0x2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d.
//
// Solidity: event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender)
func (_ComputePool *ComputePoolFilterer) ParseRoleGranted(log types.Log) (*ComputePoolRoleGranted, error) {
	event := new(ComputePoolRoleGranted)
	if err := _ComputePool.contract.UnpackLog(event, "RoleGranted", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// ComputePoolRoleRevokedIterator is returned from FilterRoleRevoked and is used to iterate over the raw logs and unpacked data for RoleRevoked events raised by the ComputePool contract.
type ComputePoolRoleRevokedIterator struct {
	Event *ComputePoolRoleRevoked // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *ComputePoolRoleRevokedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ComputePoolRoleRevoked)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(ComputePoolRoleRevoked)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *ComputePoolRoleRevokedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ComputePoolRoleRevokedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ComputePoolRoleRevoked represents a RoleRevoked event raised by the ComputePool contract.
type ComputePoolRoleRevoked struct {
	Role    [32]byte
	Account common.Address
	Sender  common.Address
	Raw     types.Log // Blockchain specific contextual infos
}

// FilterRoleRevoked is a free log retrieval operation binding the contract event 0xf6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b.
//
// Solidity: event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender)
func (_ComputePool *ComputePoolFilterer) FilterRoleRevoked(opts *bind.FilterOpts, role [][32]byte, account []common.Address, sender []common.Address) (*ComputePoolRoleRevokedIterator, error) {

	var roleRule []interface{}
	for _, roleItem := range role {
		roleRule = append(roleRule, roleItem)
	}
	var accountRule []interface{}
	for _, accountItem := range account {
		accountRule = append(accountRule, accountItem)
	}
	var senderRule []interface{}
	for _, senderItem := range sender {
		senderRule = append(senderRule, senderItem)
	}

	logs, sub, err := _ComputePool.contract.FilterLogs(opts, "RoleRevoked", roleRule, accountRule, senderRule)
	if err != nil {
		return nil, err
	}
	return &ComputePoolRoleRevokedIterator{contract: _ComputePool.contract, event: "RoleRevoked", logs: logs, sub: sub}, nil
}

// WatchRoleRevoked is a free log subscription operation binding the contract event 0xf6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b.
//
// Solidity: event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender)
func (_ComputePool *ComputePoolFilterer) WatchRoleRevoked(opts *bind.WatchOpts, sink chan<- *ComputePoolRoleRevoked, role [][32]byte, account []common.Address, sender []common.Address) (event.Subscription, error) {

	var roleRule []interface{}
	for _, roleItem := range role {
		roleRule = append(roleRule, roleItem)
	}
	var accountRule []interface{}
	for _, accountItem := range account {
		accountRule = append(accountRule, accountItem)
	}
	var senderRule []interface{}
	for _, senderItem := range sender {
		senderRule = append(senderRule, senderItem)
	}

	logs, sub, err := _ComputePool.contract.WatchLogs(opts, "RoleRevoked", roleRule, accountRule, senderRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ComputePoolRoleRevoked)
				if err := _ComputePool.contract.UnpackLog(event, "RoleRevoked", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseRoleRevoked is a log parse operation binding the contract event 0xf6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b.
//
// Solidity: event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender)
func (_ComputePool *ComputePoolFilterer) ParseRoleRevoked(log types.Log) (*ComputePoolRoleRevoked, error) {
	event := new(ComputePoolRoleRevoked)
	if err := _ComputePool.contract.UnpackLog(event, "RoleRevoked", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// ComputePoolRootCommittedIterator is returned from FilterRootCommitted and is used to iterate over the raw logs and unpacked data for RootCommitted events raised by the ComputePool contract.
type ComputePoolRootCommittedIterator struct {
	Event *ComputePoolRootCommitted // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *ComputePoolRootCommittedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ComputePoolRootCommitted)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(ComputePoolRootCommitted)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *ComputePoolRootCommittedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ComputePoolRootCommittedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ComputePoolRootCommitted represents a RootCommitted event raised by the ComputePool contract.
type ComputePoolRootCommitted struct {
	Epoch           *big.Int
	Root            [32]byte
	CumulativeTotal *big.Int
	Delta           *big.Int
	Day             *big.Int
	ClaimableAt     uint64
	BatchHash       [32]byte
	Uri             string
	Raw             types.Log // Blockchain specific contextual infos
}

// FilterRootCommitted is a free log retrieval operation binding the contract event 0x7e4147ada7099475ce5e70521fd331e8edfb0b71c3a8457065ec1ee599c271ff.
//
// Solidity: event RootCommitted(uint256 indexed epoch, bytes32 indexed root, uint256 cumulativeTotal, uint256 delta, uint256 day, uint64 claimableAt, bytes32 batchHash, string uri)
func (_ComputePool *ComputePoolFilterer) FilterRootCommitted(opts *bind.FilterOpts, epoch []*big.Int, root [][32]byte) (*ComputePoolRootCommittedIterator, error) {

	var epochRule []interface{}
	for _, epochItem := range epoch {
		epochRule = append(epochRule, epochItem)
	}
	var rootRule []interface{}
	for _, rootItem := range root {
		rootRule = append(rootRule, rootItem)
	}

	logs, sub, err := _ComputePool.contract.FilterLogs(opts, "RootCommitted", epochRule, rootRule)
	if err != nil {
		return nil, err
	}
	return &ComputePoolRootCommittedIterator{contract: _ComputePool.contract, event: "RootCommitted", logs: logs, sub: sub}, nil
}

// WatchRootCommitted is a free log subscription operation binding the contract event 0x7e4147ada7099475ce5e70521fd331e8edfb0b71c3a8457065ec1ee599c271ff.
//
// Solidity: event RootCommitted(uint256 indexed epoch, bytes32 indexed root, uint256 cumulativeTotal, uint256 delta, uint256 day, uint64 claimableAt, bytes32 batchHash, string uri)
func (_ComputePool *ComputePoolFilterer) WatchRootCommitted(opts *bind.WatchOpts, sink chan<- *ComputePoolRootCommitted, epoch []*big.Int, root [][32]byte) (event.Subscription, error) {

	var epochRule []interface{}
	for _, epochItem := range epoch {
		epochRule = append(epochRule, epochItem)
	}
	var rootRule []interface{}
	for _, rootItem := range root {
		rootRule = append(rootRule, rootItem)
	}

	logs, sub, err := _ComputePool.contract.WatchLogs(opts, "RootCommitted", epochRule, rootRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ComputePoolRootCommitted)
				if err := _ComputePool.contract.UnpackLog(event, "RootCommitted", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseRootCommitted is a log parse operation binding the contract event 0x7e4147ada7099475ce5e70521fd331e8edfb0b71c3a8457065ec1ee599c271ff.
//
// Solidity: event RootCommitted(uint256 indexed epoch, bytes32 indexed root, uint256 cumulativeTotal, uint256 delta, uint256 day, uint64 claimableAt, bytes32 batchHash, string uri)
func (_ComputePool *ComputePoolFilterer) ParseRootCommitted(log types.Log) (*ComputePoolRootCommitted, error) {
	event := new(ComputePoolRootCommitted)
	if err := _ComputePool.contract.UnpackLog(event, "RootCommitted", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// ComputePoolRootVetoedIterator is returned from FilterRootVetoed and is used to iterate over the raw logs and unpacked data for RootVetoed events raised by the ComputePool contract.
type ComputePoolRootVetoedIterator struct {
	Event *ComputePoolRootVetoed // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *ComputePoolRootVetoedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ComputePoolRootVetoed)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(ComputePoolRootVetoed)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *ComputePoolRootVetoedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ComputePoolRootVetoedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ComputePoolRootVetoed represents a RootVetoed event raised by the ComputePool contract.
type ComputePoolRootVetoed struct {
	Epoch            *big.Int
	Root             [32]byte
	DiscardedThrough *big.Int
	TotalCommitted   *big.Int
	Raw              types.Log // Blockchain specific contextual infos
}

// FilterRootVetoed is a free log retrieval operation binding the contract event 0x5af1dd43387ae8d6659d38c055491f527aa55d5018c3c3bef197cd5cd444175b.
//
// Solidity: event RootVetoed(uint256 indexed epoch, bytes32 indexed root, uint256 discardedThrough, uint256 totalCommitted)
func (_ComputePool *ComputePoolFilterer) FilterRootVetoed(opts *bind.FilterOpts, epoch []*big.Int, root [][32]byte) (*ComputePoolRootVetoedIterator, error) {

	var epochRule []interface{}
	for _, epochItem := range epoch {
		epochRule = append(epochRule, epochItem)
	}
	var rootRule []interface{}
	for _, rootItem := range root {
		rootRule = append(rootRule, rootItem)
	}

	logs, sub, err := _ComputePool.contract.FilterLogs(opts, "RootVetoed", epochRule, rootRule)
	if err != nil {
		return nil, err
	}
	return &ComputePoolRootVetoedIterator{contract: _ComputePool.contract, event: "RootVetoed", logs: logs, sub: sub}, nil
}

// WatchRootVetoed is a free log subscription operation binding the contract event 0x5af1dd43387ae8d6659d38c055491f527aa55d5018c3c3bef197cd5cd444175b.
//
// Solidity: event RootVetoed(uint256 indexed epoch, bytes32 indexed root, uint256 discardedThrough, uint256 totalCommitted)
func (_ComputePool *ComputePoolFilterer) WatchRootVetoed(opts *bind.WatchOpts, sink chan<- *ComputePoolRootVetoed, epoch []*big.Int, root [][32]byte) (event.Subscription, error) {

	var epochRule []interface{}
	for _, epochItem := range epoch {
		epochRule = append(epochRule, epochItem)
	}
	var rootRule []interface{}
	for _, rootItem := range root {
		rootRule = append(rootRule, rootItem)
	}

	logs, sub, err := _ComputePool.contract.WatchLogs(opts, "RootVetoed", epochRule, rootRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ComputePoolRootVetoed)
				if err := _ComputePool.contract.UnpackLog(event, "RootVetoed", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseRootVetoed is a log parse operation binding the contract event 0x5af1dd43387ae8d6659d38c055491f527aa55d5018c3c3bef197cd5cd444175b.
//
// Solidity: event RootVetoed(uint256 indexed epoch, bytes32 indexed root, uint256 discardedThrough, uint256 totalCommitted)
func (_ComputePool *ComputePoolFilterer) ParseRootVetoed(log types.Log) (*ComputePoolRootVetoed, error) {
	event := new(ComputePoolRootVetoed)
	if err := _ComputePool.contract.UnpackLog(event, "RootVetoed", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// ComputePoolSpendCommittedIterator is returned from FilterSpendCommitted and is used to iterate over the raw logs and unpacked data for SpendCommitted events raised by the ComputePool contract.
type ComputePoolSpendCommittedIterator struct {
	Event *ComputePoolSpendCommitted // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *ComputePoolSpendCommittedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ComputePoolSpendCommitted)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(ComputePoolSpendCommitted)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *ComputePoolSpendCommittedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ComputePoolSpendCommittedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ComputePoolSpendCommitted represents a SpendCommitted event raised by the ComputePool contract.
type ComputePoolSpendCommitted struct {
	Epoch           *big.Int
	SpendRoot       [32]byte
	CumulativeSpent *big.Int
	DepositFunded   *big.Int
	Raw             types.Log // Blockchain specific contextual infos
}

// FilterSpendCommitted is a free log retrieval operation binding the contract event 0xbb29f1c80a5d1424cef040793d9ce1193fb43fec3fac9e08b700e18cd7e0202c.
//
// Solidity: event SpendCommitted(uint256 indexed epoch, bytes32 indexed spendRoot, uint256 cumulativeSpent, uint256 depositFunded)
func (_ComputePool *ComputePoolFilterer) FilterSpendCommitted(opts *bind.FilterOpts, epoch []*big.Int, spendRoot [][32]byte) (*ComputePoolSpendCommittedIterator, error) {

	var epochRule []interface{}
	for _, epochItem := range epoch {
		epochRule = append(epochRule, epochItem)
	}
	var spendRootRule []interface{}
	for _, spendRootItem := range spendRoot {
		spendRootRule = append(spendRootRule, spendRootItem)
	}

	logs, sub, err := _ComputePool.contract.FilterLogs(opts, "SpendCommitted", epochRule, spendRootRule)
	if err != nil {
		return nil, err
	}
	return &ComputePoolSpendCommittedIterator{contract: _ComputePool.contract, event: "SpendCommitted", logs: logs, sub: sub}, nil
}

// WatchSpendCommitted is a free log subscription operation binding the contract event 0xbb29f1c80a5d1424cef040793d9ce1193fb43fec3fac9e08b700e18cd7e0202c.
//
// Solidity: event SpendCommitted(uint256 indexed epoch, bytes32 indexed spendRoot, uint256 cumulativeSpent, uint256 depositFunded)
func (_ComputePool *ComputePoolFilterer) WatchSpendCommitted(opts *bind.WatchOpts, sink chan<- *ComputePoolSpendCommitted, epoch []*big.Int, spendRoot [][32]byte) (event.Subscription, error) {

	var epochRule []interface{}
	for _, epochItem := range epoch {
		epochRule = append(epochRule, epochItem)
	}
	var spendRootRule []interface{}
	for _, spendRootItem := range spendRoot {
		spendRootRule = append(spendRootRule, spendRootItem)
	}

	logs, sub, err := _ComputePool.contract.WatchLogs(opts, "SpendCommitted", epochRule, spendRootRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ComputePoolSpendCommitted)
				if err := _ComputePool.contract.UnpackLog(event, "SpendCommitted", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseSpendCommitted is a log parse operation binding the contract event 0xbb29f1c80a5d1424cef040793d9ce1193fb43fec3fac9e08b700e18cd7e0202c.
//
// Solidity: event SpendCommitted(uint256 indexed epoch, bytes32 indexed spendRoot, uint256 cumulativeSpent, uint256 depositFunded)
func (_ComputePool *ComputePoolFilterer) ParseSpendCommitted(log types.Log) (*ComputePoolSpendCommitted, error) {
	event := new(ComputePoolSpendCommitted)
	if err := _ComputePool.contract.UnpackLog(event, "SpendCommitted", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// ComputePoolWithdrawalCancelledIterator is returned from FilterWithdrawalCancelled and is used to iterate over the raw logs and unpacked data for WithdrawalCancelled events raised by the ComputePool contract.
type ComputePoolWithdrawalCancelledIterator struct {
	Event *ComputePoolWithdrawalCancelled // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *ComputePoolWithdrawalCancelledIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ComputePoolWithdrawalCancelled)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(ComputePoolWithdrawalCancelled)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *ComputePoolWithdrawalCancelledIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ComputePoolWithdrawalCancelledIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ComputePoolWithdrawalCancelled represents a WithdrawalCancelled event raised by the ComputePool contract.
type ComputePoolWithdrawalCancelled struct {
	User   common.Address
	Amount *big.Int
	Raw    types.Log // Blockchain specific contextual infos
}

// FilterWithdrawalCancelled is a free log retrieval operation binding the contract event 0x2eed97477f07c07ec48f8f678f4e84f7c0de55bf33f51c3dc989b13353080319.
//
// Solidity: event WithdrawalCancelled(address indexed user, uint256 amount)
func (_ComputePool *ComputePoolFilterer) FilterWithdrawalCancelled(opts *bind.FilterOpts, user []common.Address) (*ComputePoolWithdrawalCancelledIterator, error) {

	var userRule []interface{}
	for _, userItem := range user {
		userRule = append(userRule, userItem)
	}

	logs, sub, err := _ComputePool.contract.FilterLogs(opts, "WithdrawalCancelled", userRule)
	if err != nil {
		return nil, err
	}
	return &ComputePoolWithdrawalCancelledIterator{contract: _ComputePool.contract, event: "WithdrawalCancelled", logs: logs, sub: sub}, nil
}

// WatchWithdrawalCancelled is a free log subscription operation binding the contract event 0x2eed97477f07c07ec48f8f678f4e84f7c0de55bf33f51c3dc989b13353080319.
//
// Solidity: event WithdrawalCancelled(address indexed user, uint256 amount)
func (_ComputePool *ComputePoolFilterer) WatchWithdrawalCancelled(opts *bind.WatchOpts, sink chan<- *ComputePoolWithdrawalCancelled, user []common.Address) (event.Subscription, error) {

	var userRule []interface{}
	for _, userItem := range user {
		userRule = append(userRule, userItem)
	}

	logs, sub, err := _ComputePool.contract.WatchLogs(opts, "WithdrawalCancelled", userRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ComputePoolWithdrawalCancelled)
				if err := _ComputePool.contract.UnpackLog(event, "WithdrawalCancelled", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseWithdrawalCancelled is a log parse operation binding the contract event 0x2eed97477f07c07ec48f8f678f4e84f7c0de55bf33f51c3dc989b13353080319.
//
// Solidity: event WithdrawalCancelled(address indexed user, uint256 amount)
func (_ComputePool *ComputePoolFilterer) ParseWithdrawalCancelled(log types.Log) (*ComputePoolWithdrawalCancelled, error) {
	event := new(ComputePoolWithdrawalCancelled)
	if err := _ComputePool.contract.UnpackLog(event, "WithdrawalCancelled", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// ComputePoolWithdrawalDelaySetIterator is returned from FilterWithdrawalDelaySet and is used to iterate over the raw logs and unpacked data for WithdrawalDelaySet events raised by the ComputePool contract.
type ComputePoolWithdrawalDelaySetIterator struct {
	Event *ComputePoolWithdrawalDelaySet // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *ComputePoolWithdrawalDelaySetIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ComputePoolWithdrawalDelaySet)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(ComputePoolWithdrawalDelaySet)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *ComputePoolWithdrawalDelaySetIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ComputePoolWithdrawalDelaySetIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ComputePoolWithdrawalDelaySet represents a WithdrawalDelaySet event raised by the ComputePool contract.
type ComputePoolWithdrawalDelaySet struct {
	WithdrawalDelay *big.Int
	Raw             types.Log // Blockchain specific contextual infos
}

// FilterWithdrawalDelaySet is a free log retrieval operation binding the contract event 0x41777346a14390a3108e351819fbec31854ee0a25e66bd476cb2747b3be7f5fe.
//
// Solidity: event WithdrawalDelaySet(uint256 withdrawalDelay)
func (_ComputePool *ComputePoolFilterer) FilterWithdrawalDelaySet(opts *bind.FilterOpts) (*ComputePoolWithdrawalDelaySetIterator, error) {

	logs, sub, err := _ComputePool.contract.FilterLogs(opts, "WithdrawalDelaySet")
	if err != nil {
		return nil, err
	}
	return &ComputePoolWithdrawalDelaySetIterator{contract: _ComputePool.contract, event: "WithdrawalDelaySet", logs: logs, sub: sub}, nil
}

// WatchWithdrawalDelaySet is a free log subscription operation binding the contract event 0x41777346a14390a3108e351819fbec31854ee0a25e66bd476cb2747b3be7f5fe.
//
// Solidity: event WithdrawalDelaySet(uint256 withdrawalDelay)
func (_ComputePool *ComputePoolFilterer) WatchWithdrawalDelaySet(opts *bind.WatchOpts, sink chan<- *ComputePoolWithdrawalDelaySet) (event.Subscription, error) {

	logs, sub, err := _ComputePool.contract.WatchLogs(opts, "WithdrawalDelaySet")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ComputePoolWithdrawalDelaySet)
				if err := _ComputePool.contract.UnpackLog(event, "WithdrawalDelaySet", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseWithdrawalDelaySet is a log parse operation binding the contract event 0x41777346a14390a3108e351819fbec31854ee0a25e66bd476cb2747b3be7f5fe.
//
// Solidity: event WithdrawalDelaySet(uint256 withdrawalDelay)
func (_ComputePool *ComputePoolFilterer) ParseWithdrawalDelaySet(log types.Log) (*ComputePoolWithdrawalDelaySet, error) {
	event := new(ComputePoolWithdrawalDelaySet)
	if err := _ComputePool.contract.UnpackLog(event, "WithdrawalDelaySet", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// ComputePoolWithdrawalRequestedIterator is returned from FilterWithdrawalRequested and is used to iterate over the raw logs and unpacked data for WithdrawalRequested events raised by the ComputePool contract.
type ComputePoolWithdrawalRequestedIterator struct {
	Event *ComputePoolWithdrawalRequested // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *ComputePoolWithdrawalRequestedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ComputePoolWithdrawalRequested)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(ComputePoolWithdrawalRequested)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *ComputePoolWithdrawalRequestedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ComputePoolWithdrawalRequestedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ComputePoolWithdrawalRequested represents a WithdrawalRequested event raised by the ComputePool contract.
type ComputePoolWithdrawalRequested struct {
	User    common.Address
	Amount  *big.Int
	ReadyAt uint64
	Raw     types.Log // Blockchain specific contextual infos
}

// FilterWithdrawalRequested is a free log retrieval operation binding the contract event 0xbf6730b5b5d9fd45cdb42f69910317da629fd6e12b3ab41aa1708cd916385dfc.
//
// Solidity: event WithdrawalRequested(address indexed user, uint256 amount, uint64 readyAt)
func (_ComputePool *ComputePoolFilterer) FilterWithdrawalRequested(opts *bind.FilterOpts, user []common.Address) (*ComputePoolWithdrawalRequestedIterator, error) {

	var userRule []interface{}
	for _, userItem := range user {
		userRule = append(userRule, userItem)
	}

	logs, sub, err := _ComputePool.contract.FilterLogs(opts, "WithdrawalRequested", userRule)
	if err != nil {
		return nil, err
	}
	return &ComputePoolWithdrawalRequestedIterator{contract: _ComputePool.contract, event: "WithdrawalRequested", logs: logs, sub: sub}, nil
}

// WatchWithdrawalRequested is a free log subscription operation binding the contract event 0xbf6730b5b5d9fd45cdb42f69910317da629fd6e12b3ab41aa1708cd916385dfc.
//
// Solidity: event WithdrawalRequested(address indexed user, uint256 amount, uint64 readyAt)
func (_ComputePool *ComputePoolFilterer) WatchWithdrawalRequested(opts *bind.WatchOpts, sink chan<- *ComputePoolWithdrawalRequested, user []common.Address) (event.Subscription, error) {

	var userRule []interface{}
	for _, userItem := range user {
		userRule = append(userRule, userItem)
	}

	logs, sub, err := _ComputePool.contract.WatchLogs(opts, "WithdrawalRequested", userRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ComputePoolWithdrawalRequested)
				if err := _ComputePool.contract.UnpackLog(event, "WithdrawalRequested", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseWithdrawalRequested is a log parse operation binding the contract event 0xbf6730b5b5d9fd45cdb42f69910317da629fd6e12b3ab41aa1708cd916385dfc.
//
// Solidity: event WithdrawalRequested(address indexed user, uint256 amount, uint64 readyAt)
func (_ComputePool *ComputePoolFilterer) ParseWithdrawalRequested(log types.Log) (*ComputePoolWithdrawalRequested, error) {
	event := new(ComputePoolWithdrawalRequested)
	if err := _ComputePool.contract.UnpackLog(event, "WithdrawalRequested", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// ComputePoolWithdrawnIterator is returned from FilterWithdrawn and is used to iterate over the raw logs and unpacked data for Withdrawn events raised by the ComputePool contract.
type ComputePoolWithdrawnIterator struct {
	Event *ComputePoolWithdrawn // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *ComputePoolWithdrawnIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ComputePoolWithdrawn)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(ComputePoolWithdrawn)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *ComputePoolWithdrawnIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ComputePoolWithdrawnIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ComputePoolWithdrawn represents a Withdrawn event raised by the ComputePool contract.
type ComputePoolWithdrawn struct {
	User            common.Address
	Amount          *big.Int
	CumulativeSpent *big.Int
	Epoch           *big.Int
	Deposit         *big.Int
	Raw             types.Log // Blockchain specific contextual infos
}

// FilterWithdrawn is a free log retrieval operation binding the contract event 0x94ffd6b85c71b847775c89ef6496b93cee961bdc6ff827fd117f174f06f745ae.
//
// Solidity: event Withdrawn(address indexed user, uint256 amount, uint256 cumulativeSpent, uint256 epoch, uint256 deposit)
func (_ComputePool *ComputePoolFilterer) FilterWithdrawn(opts *bind.FilterOpts, user []common.Address) (*ComputePoolWithdrawnIterator, error) {

	var userRule []interface{}
	for _, userItem := range user {
		userRule = append(userRule, userItem)
	}

	logs, sub, err := _ComputePool.contract.FilterLogs(opts, "Withdrawn", userRule)
	if err != nil {
		return nil, err
	}
	return &ComputePoolWithdrawnIterator{contract: _ComputePool.contract, event: "Withdrawn", logs: logs, sub: sub}, nil
}

// WatchWithdrawn is a free log subscription operation binding the contract event 0x94ffd6b85c71b847775c89ef6496b93cee961bdc6ff827fd117f174f06f745ae.
//
// Solidity: event Withdrawn(address indexed user, uint256 amount, uint256 cumulativeSpent, uint256 epoch, uint256 deposit)
func (_ComputePool *ComputePoolFilterer) WatchWithdrawn(opts *bind.WatchOpts, sink chan<- *ComputePoolWithdrawn, user []common.Address) (event.Subscription, error) {

	var userRule []interface{}
	for _, userItem := range user {
		userRule = append(userRule, userItem)
	}

	logs, sub, err := _ComputePool.contract.WatchLogs(opts, "Withdrawn", userRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ComputePoolWithdrawn)
				if err := _ComputePool.contract.UnpackLog(event, "Withdrawn", log); err != nil {
					// If the signature doesn't match, skip this log.
					if errors.Is(err, bind.ErrEventSignatureMismatch) {
						continue
					}
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseWithdrawn is a log parse operation binding the contract event 0x94ffd6b85c71b847775c89ef6496b93cee961bdc6ff827fd117f174f06f745ae.
//
// Solidity: event Withdrawn(address indexed user, uint256 amount, uint256 cumulativeSpent, uint256 epoch, uint256 deposit)
func (_ComputePool *ComputePoolFilterer) ParseWithdrawn(log types.Log) (*ComputePoolWithdrawn, error) {
	event := new(ComputePoolWithdrawn)
	if err := _ComputePool.contract.UnpackLog(event, "Withdrawn", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}
