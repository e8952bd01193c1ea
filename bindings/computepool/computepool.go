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
	ABI: "[{\"type\":\"constructor\",\"inputs\":[{\"name\":\"emissions_\",\"type\":\"address\",\"internalType\":\"contractIEmissions\"},{\"name\":\"admin\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"disputeWindow_\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"maxBudgetBps_\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"settlementLag_\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"withdrawalDelay_\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"dailySpendCap_\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"withdrawalWindow_\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"COMPUTE_BUCKET\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint8\",\"internalType\":\"uint8\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"DEFAULT_ADMIN_ROLE\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"DEFAULT_BUDGET_BPS\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"GUARDIAN_ROLE\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"KEEPER_ROLE\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_BUDGET_BPS\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_DISPUTE_WINDOW\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_SETTLEMENT_LAG\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_SPEND_CAP\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_WITHDRAWAL_DELAY\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MIN_DISPUTE_WINDOW\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"allowance\",\"inputs\":[{\"name\":\"user\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"budget\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"budgetBps\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"budgetBpsAt\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"cancelWithdrawal\",\"inputs\":[],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"claim\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"cumulativeAmount\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"proof\",\"type\":\"bytes32[]\",\"internalType\":\"bytes32[]\"}],\"outputs\":[{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"claimMany\",\"inputs\":[{\"name\":\"accounts\",\"type\":\"address[]\",\"internalType\":\"address[]\"},{\"name\":\"cumulativeAmounts\",\"type\":\"uint256[]\",\"internalType\":\"uint256[]\"},{\"name\":\"proofs\",\"type\":\"bytes32[][]\",\"internalType\":\"bytes32[][]\"}],\"outputs\":[{\"name\":\"paid\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"claimableEpoch\",\"inputs\":[],\"outputs\":[{\"name\":\"exists\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"root\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"cumulativeTotal\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"claimed\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"commitRoot\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"root\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"cumulativeTotal\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"spendRoot\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"cumulativeSpent\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"depositsReadAt\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"batchHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"uri\",\"type\":\"string\",\"internalType\":\"string\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"committedBefore\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"fromBudget\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"committedOn\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"computeAccrued\",\"inputs\":[{\"name\":\"timestamp\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"computeBalance\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"currentDay\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"dailySpendCap\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"dayOf\",\"inputs\":[{\"name\":\"timestamp\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"dayStart\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"deposit\",\"inputs\":[{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"depositOf\",\"inputs\":[{\"name\":\"user\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"depositWithPermit\",\"inputs\":[{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"deadline\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"v\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"r\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"s\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"disputeWindow\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"emissions\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"contractIEmissions\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"epochInfo\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"root\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"cumulativeTotal\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"claimableAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getRoleAdmin\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"grantRole\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"hasRole\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"interval\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"isVetoed\",\"inputs\":[{\"name\":\"root\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"lastWithdrawAt\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"maxBudgetBps\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"minDisputeWindow\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"minWithdrawalDelay\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"nextEpoch\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"payoutStart\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"pendingWithdrawal\",\"inputs\":[{\"name\":\"user\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"readyAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"remainingBudget\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"remainingSpend\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"renounceRole\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"callerConfirmation\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"requestWithdrawal\",\"inputs\":[{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"cumulativeSpent\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"proof\",\"type\":\"bytes32[]\",\"internalType\":\"bytes32[]\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"revokeRole\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setBudgetBps\",\"inputs\":[{\"name\":\"budgetBps_\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setDailySpendCap\",\"inputs\":[{\"name\":\"dailySpendCap_\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setDisputeWindow\",\"inputs\":[{\"name\":\"disputeWindow_\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setWithdrawalDelay\",\"inputs\":[{\"name\":\"withdrawalDelay_\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"settlementLag\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"spendCapAt\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"spendInfo\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"spendRoot\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"cumulativeSpent\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"depositsReadAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"spentBefore\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"spent\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"spentOn\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"supportsInterface\",\"inputs\":[{\"name\":\"interfaceId\",\"type\":\"bytes4\",\"internalType\":\"bytes4\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"token\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"contractIERC20\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"totalClaimed\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint128\",\"internalType\":\"uint128\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"totalCommitted\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"totalDeposits\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint128\",\"internalType\":\"uint128\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"totalFromBudget\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"totalSpent\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"vetoRoot\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"expectedRoot\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"expectedClaimableAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"withdraw\",\"inputs\":[{\"name\":\"cumulativeSpent\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"proof\",\"type\":\"bytes32[]\",\"internalType\":\"bytes32[]\"}],\"outputs\":[{\"name\":\"paid\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"withdrawalDelay\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"withdrawalOpensAt\",\"inputs\":[{\"name\":\"timestamp\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"withdrawalWindow\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"event\",\"name\":\"BudgetBpsSet\",\"inputs\":[{\"name\":\"budgetBps\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"effectiveDay\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"ClaimSkipped\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"cumulativeAmount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"reason\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"enumIComputePool.SkipReason\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Claimed\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"epoch\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"amount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"cumulativeAmount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"DailySpendCapSet\",\"inputs\":[{\"name\":\"dailySpendCap\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"effectiveDay\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Deposited\",\"inputs\":[{\"name\":\"user\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"amount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"deposit\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"DisputeWindowSet\",\"inputs\":[{\"name\":\"disputeWindow\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RoleAdminChanged\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"previousAdminRole\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"newAdminRole\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RoleGranted\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"account\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"sender\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RoleRevoked\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"account\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"sender\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RootCommitted\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"root\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"cumulativeTotal\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"delta\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"day\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"claimableAt\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"batchHash\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"},{\"name\":\"uri\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RootVetoed\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"root\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"discardedThrough\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"totalCommitted\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"SpendCommitted\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"spendRoot\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"cumulativeSpent\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"depositFunded\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"WithdrawalCancelled\",\"inputs\":[{\"name\":\"user\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"amount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"WithdrawalDelaySet\",\"inputs\":[{\"name\":\"withdrawalDelay\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"WithdrawalRequested\",\"inputs\":[{\"name\":\"user\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"amount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"readyAt\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Withdrawn\",\"inputs\":[{\"name\":\"user\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"amount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"cumulativeSpent\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"epoch\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"deposit\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"error\",\"name\":\"AccessControlBadConfirmation\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"AccessControlUnauthorizedAccount\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"neededRole\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"BeforePayoutStart\",\"inputs\":[{\"name\":\"timestamp\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"payoutStart\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"CapRaiseScheduled\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"CheckpointUnorderedInsertion\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"CumulativeSpentDecreased\",\"inputs\":[{\"name\":\"cumulativeSpent\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"totalSpent\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"CumulativeTotalDecreased\",\"inputs\":[{\"name\":\"cumulativeTotal\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"totalCommitted\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"DayNotStarted\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"dayStart\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"DepositFundedExceedsDelta\",\"inputs\":[{\"name\":\"depositFunded\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"delta\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"DepositsBelowSpend\",\"inputs\":[{\"name\":\"totalDeposits\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"totalSpent\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"DepositsReadAfterCommit\",\"inputs\":[{\"name\":\"depositsReadAt\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"blockTime\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"DisputeWindowOver\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"claimableAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"EpochOutOfOrder\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"expected\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ExceedsCommitted\",\"inputs\":[{\"name\":\"totalClaimed\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"cumulativeTotal\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ExceedsDeposit\",\"inputs\":[{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"deposit\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InsufficientPoolBalance\",\"inputs\":[{\"name\":\"balance\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"needed\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidBudgetBps\",\"inputs\":[{\"name\":\"budgetBps\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidDisputeWindow\",\"inputs\":[{\"name\":\"disputeWindow\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidProof\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"cumulativeAmount\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidSpendCap\",\"inputs\":[{\"name\":\"dailySpendCap\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidSpendProof\",\"inputs\":[{\"name\":\"user\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"cumulativeSpent\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidWithdrawalDelay\",\"inputs\":[{\"name\":\"withdrawalDelay\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidWithdrawalWindow\",\"inputs\":[{\"name\":\"withdrawalWindow\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"LengthMismatch\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"NoClaimableRoot\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"NoWithdrawalRequested\",\"inputs\":[{\"name\":\"user\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NothingToClaim\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"cumulativeAmount\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"claimed\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"NothingToWithdraw\",\"inputs\":[{\"name\":\"user\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"deposit\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"cumulativeSpent\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"OverBudget\",\"inputs\":[{\"name\":\"delta\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"remaining\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"OverSpendCap\",\"inputs\":[{\"name\":\"depositFunded\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"remaining\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ReentrancyGuardReentrantCall\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"RootChanged\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"root\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"claimableAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"RootUnchanged\",\"inputs\":[{\"name\":\"root\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"SafeCastOverflowedUintDowncast\",\"inputs\":[{\"name\":\"bits\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"value\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"SafeERC20FailedOperation\",\"inputs\":[{\"name\":\"token\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"SpendExceedsDeposits\",\"inputs\":[{\"name\":\"cumulativeSpent\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"totalDeposits\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"SpendRootMismatch\",\"inputs\":[{\"name\":\"spendRoot\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"cumulativeSpent\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"StaleDepositsRead\",\"inputs\":[{\"name\":\"depositsReadAt\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"lastWithdrawAt\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"UnknownEpoch\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"VetoedRoot\",\"inputs\":[{\"name\":\"root\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"WithdrawalDelayTooShort\",\"inputs\":[{\"name\":\"withdrawalDelay\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"settlementLag\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"withdrawalWindow\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"disputeWindow\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"WithdrawalNotReady\",\"inputs\":[{\"name\":\"readyAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"timestamp\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ZeroAddress\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"ZeroAmount\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"ZeroRoot\",\"inputs\":[]}]",
	Bin: "0x6101a0604052348015610010575f5ffd5b506040516162c33803806162c383398101604081905261002f916107bb565b6001600160a01b038816158061004c57506001600160a01b038716155b1561006a5760405163d92e233d60e01b815260040160405180910390fd5b60018663ffffffff161080610087575062278d008663ffffffff16115b156100b257604051630521274160e51b815263ffffffff871660048201526024015b60405180910390fd5b60648510806100c2575061271085115b156100e357604051632fcdecd760e01b8152600481018690526024016100a9565b63ffffffff841615806100fe575062278d008463ffffffff16115b1561012457604051638ef4581960e01b815263ffffffff851660048201526024016100a9565b6276a7008363ffffffff16111561015657604051638ef4581960e01b815263ffffffff841660048201526024016100a9565b81158061016957506001600160601b0382115b1561018a5760405163bb0b622560e01b8152600481018390526024016100a9565b63ffffffff868116610100526101208690528481166101405283166101608190526005805463ffffffff60801b1916600160801b9092029190911790556001600160a01b038816608081905260408051637e062a3560e11b8152905163fc0c546a916004808201926020929091908290030181865afa15801561020f573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906102339190610846565b6001600160a01b031660a0816001600160a01b031681525050876001600160a01b031663eaddc0fe6040518163ffffffff1660e01b8152600401602060405180830381865afa158015610288573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906102ac9190610868565b60c08181525050876001600160a01b031663947a36fb6040518163ffffffff1660e01b8152600401602060405180830381865afa1580156102ef573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906103139190610868565b60e081905261032490601890610893565b8163ffffffff1610806103575750601860e0516103419190610893565b60e05161034e91906108b2565b8163ffffffff16115b1561037d57604051639c3d397b60e01b815263ffffffff821660048201526024016100a9565b63ffffffff80821661018052610398908481169088166104de565b6103a25f8861053d565b506002805463ffffffff60401b19166801000000000000000063ffffffff8916021790556103dd5f6103d460646105e6565b6009919061061d565b506103ec9050600a5f8461061d565b505060405163ffffffff871681527f05dc1ea42bf6db568fa068d5d22a6763f6aef6c094962a1a851234ac188378df9060200160405180910390a160408051606481525f60208201527fc8764634c540a9ab2f84b0b7722917b5d9158e1073b5f18de50685ed7a702248910160405180910390a160405163ffffffff841681527f41777346a14390a3108e351819fbec31854ee0a25e66bd476cb2747b3be7f5fe9060200160405180910390a1604080518381525f60208201527ffb028f7b3c561450aabc4c7e3a8d13607a46ffe8573612f9843447fc9c9f8c95910160405180910390a150505050505050506108d8565b8061018051610140516104f191906108c5565b6104fb91906108c5565b82116105395761014051610180516040516359dc2fcf60e01b81526004810185905260248101929092526044820152606481018290526084016100a9565b5050565b5f828152602081815260408083206001600160a01b038516845290915281205460ff166105dd575f838152602081815260408083206001600160a01b03861684529091529020805460ff191660011790556105953390565b6001600160a01b0316826001600160a01b0316847f2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d60405160405180910390a45060016105e0565b505f5b92915050565b5f6001600160e01b03821115610619576040516306dfcc6560e41b815260e06004820152602481018390526044016100a9565b5090565b5f8061062a858585610637565b915091505b935093915050565b82545f9081908015610733575f610660876106536001856108b2565b5f91825260209091200190565b805490915063ffffffff8082169164010000000090046001600160e01b03169088168211156106a257604051632520601d60e01b815260040160405180910390fd5b8763ffffffff168263ffffffff16036106d657825463ffffffff166401000000006001600160e01b03891602178355610725565b6040805180820190915263ffffffff808a1682526001600160e01b03808a1660208085019182528d54600181018f555f8f81529190912094519151909216640100000000029216919091179101555b945085935061062f92505050565b50506040805180820190915263ffffffff80851682526001600160e01b0380851660208085019182528854600181018a555f8a81529182209551925190931664010000000002919093161792019190915590508161062f565b6001600160a01b03811681146107a0575f5ffd5b50565b805163ffffffff811681146107b6575f5ffd5b919050565b5f5f5f5f5f5f5f5f610100898b0312156107d3575f5ffd5b88516107de8161078c565b60208a01519098506107ef8161078c565b96506107fd60408a016107a3565b60608a0151909650945061081360808a016107a3565b935061082160a08a016107a3565b60c08a0151909350915061083760e08a016107a3565b90509295985092959890939650565b5f60208284031215610856575f5ffd5b81516108618161078c565b9392505050565b5f60208284031215610878575f5ffd5b5051919050565b634e487b7160e01b5f52601160045260245ffd5b5f826108ad57634e487b7160e01b5f52601260045260245ffd5b500490565b818103818111156105e0576105e061087f565b808201808211156105e0576105e061087f565b60805160a05160c05160e0516101005161012051610140516101605161018051615891610a325f395f8181610aac015281816123d70152818161477f015261482901525f8181610538015261209801525f8181610a5e015281816147a0015261480301525f81816108f701526119ca01525f818161055f0152611f6f01525f81816109690152818161220c01528181612380015281816123fe01528181613118015261332a01525f8181610b6501528181611dcf0152818161223701528181612353015281816123a401528181612dc4015281816132a7015281816132fc0152818161334e0152818161340401526143b801525f8181610bba0152818161188501528181611d2301528181611e680152818161288401528181612c0901528181612faf01528181613faa01528181614187015261475101525f81816105da015281816132260152818161403901526140cc01526158915ff3fe608060405234801561000f575f5ffd5b50600436106104a9575f3560e01c80637e9db83011610277578063bc4d546711610162578063ddc6a171116100dd578063f79415e711610093578063fc0c546a11610079578063fc0c546a14610bb5578063fe258b4b14610bdc578063ff301d8714610bef575f5ffd5b8063f79415e714610b9a578063fb346eab14610bad575f5ffd5b8063e87aa6be116100c3578063e87aa6be14610b46578063eaddc0fe14610b60578063f1a8de5914610b87575f5ffd5b8063ddc6a17114610b20578063e37cd0b014610b33575f5ffd5b8063cbeab51611610132578063d262501611610118578063d262501614610ace578063d547741f14610ae1578063d54ad2a114610af4575f5ffd5b8063cbeab51614610a9f578063d19bd0a714610aa7575f5ffd5b8063bc4d546714610a3e578063bd35141b14610a51578063c884a7ff14610a59578063c884ef8314610a80575f5ffd5b8063a238f9df116101f2578063aea0e78b116101c2578063b71ea443116101a8578063b71ea44314610a10578063ba5acc9614610a23578063bc10f5af14610a2b575f5ffd5b8063aea0e78b146109ef578063b6b55f25146109fd575f5ffd5b8063a238f9df146109a5578063a3db819c146109af578063a7ab6961146109b8578063ab52bde9146109dc575f5ffd5b806391d1485411610247578063947a36fb1161022d578063947a36fb146109645780639fbb6c311461098b578063a217fddf1461099e575f5ffd5b806391d148541461091957806393a3a6561461095c575f5ffd5b80637e9db830146108c257806380cbc6fa1461051b57806388177a23146108ea57806391629913146108f2575f5ffd5b806336568abe1161039757806358715e3b116103125780635d78e65d116102e25780636f472d90116102c85780636f472d901461085f57806378c1e3cd146108725780637d88209714610885575f5ffd5b80635d78e65d1461083957806365b09d2d1461084c575f5ffd5b806358715e3b146107e957806358ec004e146107fc5780635be4470c1461081e5780635c9302c914610831575f5ffd5b8063450ac634116103675780634a970be71161034d5780634a970be7146107995780634e30a056146107ac57806353082de3146107d6575f5ffd5b8063450ac6341461077e578063492bf73b14610791575f5ffd5b806336568abe1461070d5780633894228e1461072057806339b37cdd146107585780633d13f8741461076b575f5ffd5b8063226112801161042757806324ea54f4116103f75780632f2ff15d116103dd5780632f2ff15d146106c057806336317972146106d3578063364bc15a146106e6575f5ffd5b806324ea54f4146106865780632846b17e146106ad575f5ffd5b806322611280146105cd5780632267716c146105d557806323e3fbd514610621578063248a9ca314610664575f5ffd5b80630d5b00671161047c578063117f5f9211610462578063117f5f92146105815780631395dfb5146105b25780631d3231d4146105c5575f5ffd5b80630d5b0067146105335780630e6bc0dd1461055a575f5ffd5b806301ffc9a7146104ad57806306d5256d146104d55780630964c95b146104ea5780630a7fae9c1461051b575b5f5ffd5b6104c06104bb366004615209565b610bf7565b60405190151581526020015b60405180910390f35b6104e86104e3366004615248565b610c8f565b005b6104fd6104f836600461531a565b61109d565b6040805192835267ffffffffffffffff9091166020830152016104cc565b61052562278d0081565b6040519081526020016104cc565b6105257f000000000000000000000000000000000000000000000000000000000000000081565b6105257f000000000000000000000000000000000000000000000000000000000000000081565b60025461059d9068010000000000000000900463ffffffff1681565b60405163ffffffff90911681526020016104cc565b6105256105c0366004615333565b61111f565b610525611158565b6104e86111b2565b6105fc7f000000000000000000000000000000000000000000000000000000000000000081565b60405173ffffffffffffffffffffffffffffffffffffffff90911681526020016104cc565b61052561062f36600461531a565b73ffffffffffffffffffffffffffffffffffffffff165f908152600660205260409020546bffffffffffffffffffffffff1690565b610525610672366004615333565b5f9081526020819052604090206001015490565b6105257f55435dd261a4b9b3364963f7738a7a662ad9c84396d64be3365284bb7f0a504181565b6104e86106bb366004615392565b6112a8565b6104e86106ce3660046153e1565b6114ee565b6105256106e136600461540b565b611518565b6105257ffc8737ab85eb45125971625a9ebdb75cc78e01d5c1fa80c4c6e5203f47bc4fab81565b6104e861071b3660046153e1565b6118c3565b61073361072e366004615333565b611921565b60408051938452602084019290925267ffffffffffffffff16908201526060016104cc565b6104e8610766366004615333565b6119be565b610525610779366004615453565b611a8e565b61052561078c366004615333565b611d5f565b610525611dc9565b6104e86107a7366004615491565b611e07565b6107b4611ee8565b60408051941515855260208501939093529183015260608201526080016104cc565b6104e86107e43660046154db565b611f63565b6104e86107f73660046154db565b61208c565b6104c061080a366004615333565b60046020525f908152604090205460ff1681565b6105256bffffffffffffffffffffffff81565b6105256121dc565b610525610847366004615333565b6121e6565b61052561085a366004615333565b612206565b61073361086d366004615333565b61225b565b610525610880366004615333565b612308565b6005546108a1906fffffffffffffffffffffffffffffffff1681565b6040516fffffffffffffffffffffffffffffffff90911681526020016104cc565b60055461059d9074010000000000000000000000000000000000000000900463ffffffff1681565b610525612319565b6105257f000000000000000000000000000000000000000000000000000000000000000081565b6104c06109273660046153e1565b5f9182526020828152604080842073ffffffffffffffffffffffffffffffffffffffff93909316845291905290205460ff1690565b610525606481565b6105257f000000000000000000000000000000000000000000000000000000000000000081565b610525610999366004615333565b612350565b6105255f81565b6105256276a70081565b61052561271081565b60055461059d90700100000000000000000000000000000000900463ffffffff1681565b6105256109ea366004615333565b61243d565b60025463ffffffff16610525565b6104e8610a0b366004615333565b612467565b610525610a1e366004615333565b612483565b610525612498565b6104e8610a393660046154fe565b6124d1565b610525610a4c366004615540565b6127cb565b610525612c56565b6105257f000000000000000000000000000000000000000000000000000000000000000081565b610525610a8e36600461531a565b60036020525f908152604090205481565b610525600181565b6105257f000000000000000000000000000000000000000000000000000000000000000081565b6104e8610adc366004615333565b612c65565b6104e8610aef3660046153e1565b612f0c565b6002546108a1906c0100000000000000000000000090046fffffffffffffffffffffffffffffffff1681565b610525610b2e3660046155df565b612f30565b610525610b41366004615333565b6131ee565b610b4e600381565b60405160ff90911681526020016104cc565b6105257f000000000000000000000000000000000000000000000000000000000000000081565b610525610b95366004615333565b6132a4565b610525610ba8366004615333565b613373565b6105256133a0565b6105fc7f000000000000000000000000000000000000000000000000000000000000000081565b610525610bea366004615333565b6133f4565b6105256133fe565b5f7fffffffff0000000000000000000000000000000000000000000000000000000082167f7965db0b000000000000000000000000000000000000000000000000000000001480610c8957507f01ffc9a7000000000000000000000000000000000000000000000000000000007fffffffff000000000000000000000000000000000000000000000000000000008316145b92915050565b7ffc8737ab85eb45125971625a9ebdb75cc78e01d5c1fa80c4c6e5203f47bc4fab610cb981613437565b60025463ffffffff168a14610d12576002546040517f7ed88437000000000000000000000000000000000000000000000000000000008152600481018c905263ffffffff90911660248201526044015b60405180910390fd5b5f610d1d8b8b613441565b90508715871514610d64576040517f968f8f7a0000000000000000000000000000000000000000000000000000000081526004810189905260248101889052604401610d09565b42861115610da7576040517ffeda3c0d00000000000000000000000000000000000000000000000000000000815260048101879052426024820152604401610d09565b6040518060c001604052808b8152602001898152602001610dc78b6135b1565b6bffffffffffffffffffffffff168152602001610de3896135b1565b6bffffffffffffffffffffffff168152602001610e008d89613606565b63ffffffff90811682528381166020928301525f8e815260018084526040808320865181559486015191850191909155840151600290930180546060860151608087015160a09097015185167c0100000000000000000000000000000000000000000000000000000000027bffffffffffffffffffffffffffffffffffffffffffffffffffffffff979095167801000000000000000000000000000000000000000000000000029690961677ffffffffffffffffffffffffffffffffffffffffffffffff6bffffffffffffffffffffffff9788166c01000000000000000000000000027fffffffffffffffff00000000000000000000000000000000000000000000000090931697909616969096171793909316939093171790558080610f288e8d8c61366c565b925092509250805f14610f3e57610f3e896138c3565b610f4e610f4961392c565b613a79565b6002805463ffffffff92909216640100000000027fffffffffffffffffffffffffffffffffffffffffffffffff00000000ffffffff909216919091179055610f9a610f498f6001615634565b600280547fffffffffffffffffffffffffffffffffffffffffffffffffffffffff000000001663ffffffff92909216919091179055610ffb610fdb84613a79565b610ff28c8f610fea9190615647565b8d60601b1790565b60089190613ac2565b50508c8e7f7e4147ada7099475ce5e70521fd331e8edfb0b71c3a8457065ec1ee599c271ff8e8587898e8e8e60405161103a979695949392919061565a565b60405180910390a38a1561108d578a8e7fbb29f1c80a5d1424cef040793d9ce1193fb43fec3fac9e08b700e18cd7e0202c8c84604051611084929190918252602082015260400190565b60405180910390a35b5050505050505050505050505050565b73ffffffffffffffffffffffffffffffffffffffff81165f90815260066020526040812080546c0100000000000000000000000090046bffffffffffffffffffffffff1691908215611119578054611116907801000000000000000000000000000000000000000000000000900463ffffffff16613adc565b91505b50915091565b5f61113461112c83613a79565b600990613b1d565b7bffffffffffffffffffffffffffffffffffffffffffffffffffffffff1692915050565b6002545f9063ffffffff16801561119c5760015f6111768284615647565b815260208101919091526040015f20600201546bffffffffffffffffffffffff1661119e565b5f5b6bffffffffffffffffffffffff1691505090565b335f908152600660205260408120805490916c010000000000000000000000009091046bffffffffffffffffffffffff169081900361121f576040517f6756774e000000000000000000000000000000000000000000000000000000008152336004820152602401610d09565b81547fffffffff00000000000000000000000000000000ffffffffffffffffffffffff1682556001820180547fffffffffffffffff00000000000000000000000000000000000000000000000016905560405181815233907f2eed97477f07c07ec48f8f678f4e84f7c0de55bf33f51c3dc989b133530803199060200160405180910390a25050565b835f036112e1576040517f1f2a200500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b335f90815260066020526040902080546bffffffffffffffffffffffff1680861115611343576040517f303eeb1d0000000000000000000000000000000000000000000000000000000081526004810187905260248101829052604401610d09565b5f5f61138061135061392c565b85547c0100000000000000000000000000000000000000000000000000000000900463ffffffff16898989613be0565b9150915061138d886135b1565b84546bffffffffffffffffffffffff919091166c01000000000000000000000000027fffffffffffffffff000000000000000000000000ffffffffffffffffffffffff9091161784556113df42613a79565b845463ffffffff919091167801000000000000000000000000000000000000000000000000027fffffffff00000000ffffffffffffffffffffffffffffffffffffffffffffffff909116178455611442826bffffffffffffffffffffffff613ce7565b6001850180546bffffffffffffffffffffffff8481166c01000000000000000000000000027fffffffffffffffff000000000000000000000000000000000000000000000000909216931692909217919091179055337fbf6730b5b5d9fd45cdb42f69910317da629fd6e12b3ab41aa1708cd916385dfc896114c342613adc565b6040805192835267ffffffffffffffff90911660208301520160405180910390a25050505050505050565b5f8281526020819052604090206001015461150881613437565b6115128383613cf6565b50505050565b5f611521613def565b335f908152600660205260408120805490916c010000000000000000000000009091046bffffffffffffffffffffffff169081900361158e576040517f6756774e000000000000000000000000000000000000000000000000000000008152336004820152602401610d09565b81545f906115bd907801000000000000000000000000000000000000000000000000900463ffffffff16613adc565b90508067ffffffffffffffff16421015611615576040517faf66809b00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff82166004820152426024820152604401610d09565b5f5f611623858a8a8a613e77565b909a5090925090505f6116346133a0565b86549091506bffffffffffffffffffffffff16828111611690576040517f3298cc240000000000000000000000000000000000000000000000000000000081523360048201526024810182905260448101849052606401610d09565b6116a38661169e8584615647565b613ce7565b6005549098505f906116c8908a906fffffffffffffffffffffffffffffffff16615647565b90508281101561170e576040517f1a99ca840000000000000000000000000000000000000000000000000000000081526004810182905260248101849052604401610d09565b6117188983615647565b88547fffffffff00000000000000000000000000000000000000000000000000000000166bffffffffffffffffffffffff919091161788556001880180547fffffffffffffffff000000000000000000000000000000000000000000000000169055600580546fffffffffffffffffffffffffffffffff83167fffffffffffffffffffffffffffffffff000000000000000000000000000000009091161790556117c142613a79565b6005805463ffffffff9290921674010000000000000000000000000000000000000000027fffffffffffffffff00000000ffffffffffffffffffffffffffffffffffffffff909216919091179055337f94ffd6b85c71b847775c89ef6496b93cee961bdc6ff827fd117f174f06f745ae8a8e8861183e8388615647565b60408051948552602085019390935291830152606082015260800160405180910390a261186a89613f7a565b506118ac73ffffffffffffffffffffffffffffffffffffffff7f000000000000000000000000000000000000000000000000000000000000000016338b614251565b50505050505050506118bc6142d2565b9392505050565b73ffffffffffffffffffffffffffffffffffffffff81163314611912576040517f6697b23200000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b61191c82826142fc565b505050565b6002545f908190819063ffffffff16841061196b576040517f80cfe51700000000000000000000000000000000000000000000000000000000815260048101859052602401610d09565b5050505f908152600160205260409020805460029091015490916bffffffffffffffffffffffff8216917c0100000000000000000000000000000000000000000000000000000000900463ffffffff1690565b5f6119c881613437565b7f0000000000000000000000000000000000000000000000000000000000000000821115611a25576040517f2fcdecd700000000000000000000000000000000000000000000000000000000815260048101839052602401610d09565b5f611a2e6143b5565b9050611a4e611a3c82613a79565b611a45856143f5565b60099190613ac2565b505060408051848152602081018390527fc8764634c540a9ab2f84b0b7722917b5d9158e1073b5f18de50685ed7a702248910160405180910390a1505050565b5f611a97613def565b5f5f5f611aa2614456565b925092509250611acc868684611ac78c8c5f9182526020908152604082208252902090565b61451a565b611b21576040517fadbd651200000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8916600482015260248101889052604401610d09565b73ffffffffffffffffffffffffffffffffffffffff88165f90815260036020526040902054808811611ba5576040517f0cfa2bb000000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8a1660048201526024810189905260448101829052606401610d09565b611baf8189615647565b6002549095505f90611be49087906c0100000000000000000000000090046fffffffffffffffffffffffffffffffff16615634565b905082811115611c2a576040517fdfc30fd60000000000000000000000000000000000000000000000000000000081526004810182905260248101849052604401610d09565b73ffffffffffffffffffffffffffffffffffffffff8a165f908152600360205260409020899055611c5a81614531565b600280546fffffffffffffffffffffffffffffffff929092166c01000000000000000000000000027fffffffff00000000000000000000000000000000ffffffffffffffffffffffff90921691909117905560408051878152602081018b9052869173ffffffffffffffffffffffffffffffffffffffff8d16917f9cdcf2f7714cca3508c7f0110b04a90a80a3a8dd0e35de99689db74d28c5383e910160405180910390a3611d0886613f7a565b50611d4a73ffffffffffffffffffffffffffffffffffffffff7f0000000000000000000000000000000000000000000000000000000000000000168b88614251565b5050505050611d576142d2565b949350505050565b5f5f611d6a83612308565b90505f611daf611d84611d7c86613a79565b600890613b1d565b6bffffffffffffffffffffffff81169160609190911c6fffffffffffffffffffffffffffffffff1690565b509050818111611dbf575f611d57565b611d578282615647565b5f611e027f00000000000000000000000000000000000000000000000000000000000000004210611dfc57610a1e6121dc565b5f612483565b905090565b611e0f613def565b6040517fd505accf000000000000000000000000000000000000000000000000000000008152336004820152306024820152604481018690526064810185905260ff8416608482015260a4810183905260c481018290527f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff169063d505accf9060e4015f604051808303815f87803b158015611ebe575f5ffd5b505af1925050508015611ecf575060015b50611ed985614586565b611ee16142d2565b5050505050565b5f5f5f5f5f611ef561392c565b9050805f03611f1057505f9350839250829150819050611f5d565b5f600181611f1e8285615647565b81526020019081526020015f20905060018083611f3b9190615647565b825460029093015491975095509093506bffffffffffffffffffffffff169150505b90919293565b5f611f6d81613437565b7f00000000000000000000000000000000000000000000000000000000000000008263ffffffff161080611fa9575062278d008263ffffffff16115b15611fe8576040517fa424e82000000000000000000000000000000000000000000000000000000000815263ffffffff83166004820152602401610d09565b6005546120139063ffffffff7001000000000000000000000000000000009091048116908416614779565b600280547fffffffffffffffffffffffffffffffffffffffff00000000ffffffffffffffff166801000000000000000063ffffffff8516908102919091179091556040519081527f05dc1ea42bf6db568fa068d5d22a6763f6aef6c094962a1a851234ac188378df906020015b60405180910390a15050565b5f61209681613437565b7f00000000000000000000000000000000000000000000000000000000000000008263ffffffff1610806120d257506276a7008263ffffffff16115b15612111576040517f8ef4581900000000000000000000000000000000000000000000000000000000815263ffffffff83166004820152602401610d09565b6002546121339063ffffffff8085169168010000000000000000900416614779565b60055463ffffffff700100000000000000000000000000000000909104811690831611156121635761216361485c565b600580547fffffffffffffffffffffffff00000000ffffffffffffffffffffffffffffffff1670010000000000000000000000000000000063ffffffff8516908102919091179091556040519081527f41777346a14390a3108e351819fbec31854ee0a25e66bd476cb2747b3be7f5fe90602001612080565b5f611e02426132a4565b5f6121f082612308565b6121fc610b4184612206565b610c899190615647565b5f6122317f0000000000000000000000000000000000000000000000000000000000000000836156cf565b610c89907f0000000000000000000000000000000000000000000000000000000000000000615634565b6002545f908190819063ffffffff1684106122a5576040517f80cfe51700000000000000000000000000000000000000000000000000000000815260048101859052602401610d09565b5050505f9081526001602081905260409091209081015460029091015490916c0100000000000000000000000082046bffffffffffffffffffffffff16917801000000000000000000000000000000000000000000000000900463ffffffff1690565b5f612312826149d1565b5092915050565b5f5f6123236121dc565b90505f612333611d846008614a01565b5090506123498261234384612308565b83614a4e565b9250505090565b5f7f000000000000000000000000000000000000000000000000000000000000000082101561237d575090565b5f7f00000000000000000000000000000000000000000000000000000000000000006123c97f000000000000000000000000000000000000000000000000000000000000000085615647565b6123d39190615713565b90507f00000000000000000000000000000000000000000000000000000000000000008110612436577f00000000000000000000000000000000000000000000000000000000000000006124278285615647565b6124319190615634565b6118bc565b5090919050565b5f61271061244a8361111f565b612453846121e6565b61245d91906156cf565b610c899190615726565b61246f613def565b61247881614586565b6124806142d2565b50565b5f61113461249083613a79565b600a90613b1d565b5f5f6124a26121dc565b90505f6124b2611d846008614a01565b915050612349826124cb846124c6866133f4565b614ab3565b83614af7565b7f55435dd261a4b9b3364963f7738a7a662ad9c84396d64be3365284bb7f0a50416124fb81613437565b60025463ffffffff16808510612540576040517f80cfe51700000000000000000000000000000000000000000000000000000000815260048101869052602401610d09565b5f85815260016020526040902060028101547c0100000000000000000000000000000000000000000000000000000000900463ffffffff164281116125c0576040517f695bc5430000000000000000000000000000000000000000000000000000000081526004810188905263ffffffff82166024820152604401610d09565b815486811415806125e157508567ffffffffffffffff168263ffffffff1614155b1561262e576040517f3686b9bd000000000000000000000000000000000000000000000000000000008152600481018990526024810182905263ffffffff83166044820152606401610d09565b5f81815260046020526040812080547fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff001660011790558061266e8a614b02565b9150915061267b8a613a79565b600280547fffffffffffffffffffffffffffffffffffffffffffffffffffffffff000000001663ffffffff929092169190911790555f6126b96121dc565b90506126c6816001615634565b60075463ffffffff161415806126f3575060075464010000000090046bffffffffffffffffffffffff1682105b1561275557612706610f49826001615634565b6007805463ffffffff929092167fffffffffffffffffffffffffffffffff00000000000000000000000000000000909216919091176401000000006bffffffffffffffffffffffff8516021790555b61277661276182613a79565b610ff261276e8587615647565b8560601b1790565b508490508b7f5af1dd43387ae8d6659d38c055491f527aa55d5018c3c3bef197cd5cd444175b6127a760018b615647565b60408051918252602082018890520160405180910390a35050505050505050505050565b5f6127d4613def565b8584811415806127e45750828114155b1561281b576040517fff633a3800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f5f5f612826614456565b6002546040517f70a0823100000000000000000000000000000000000000000000000000000000815230600482015293965091945092506c0100000000000000000000000090046fffffffffffffffffffffffffffffffff16905f907f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff16906370a0823190602401602060405180830381865afa1580156128de573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906129029190615739565b90505f5b86811015612c3d575f8e8e8381811061292157612921615750565b9050602002016020810190612936919061531a565b90505f8d8d8481811061294b5761294b615750565b9050602002013590506129938c8c8581811061296957612969615750565b905060200281019061297b919061577d565b5f858152602085815260408220825290208a9061451a565b6129ee578173ffffffffffffffffffffffffffffffffffffffff167f22cdf744b68ab26213d3e4ea1f1d7585466e185e762ffda0c04a1d1851e30784825f6040516129df9291906157e1565b60405180910390a25050612c35565b73ffffffffffffffffffffffffffffffffffffffff82165f90815260036020526040902054808211612a73578273ffffffffffffffffffffffffffffffffffffffff167f22cdf744b68ab26213d3e4ea1f1d7585466e185e762ffda0c04a1d1851e30784836001604051612a639291906157e1565b60405180910390a2505050612c35565b5f612a7e8284615647565b905087612a8b8289615634565b1115612aeb578373ffffffffffffffffffffffffffffffffffffffff167f22cdf744b68ab26213d3e4ea1f1d7585466e185e762ffda0c04a1d1851e30784846002604051612ada9291906157e1565b60405180910390a250505050612c35565b73ffffffffffffffffffffffffffffffffffffffff84165f908152600360205260409020839055612b1c8188615634565b600280547fffffffff00000000000000000000000000000000ffffffffffffffffffffffff166c010000000000000000000000006fffffffffffffffffffffffffffffffff8416021790559650612b73818d615634565b9b50898473ffffffffffffffffffffffffffffffffffffffff167f9cdcf2f7714cca3508c7f0110b04a90a80a3a8dd0e35de99689db74d28c5383e8386604051612bc7929190918252602082015260400190565b60405180910390a385811115612be357612be081613f7a565b95505b612bed8187615647565b9550612c3073ffffffffffffffffffffffffffffffffffffffff7f0000000000000000000000000000000000000000000000000000000000000000168583614251565b505050505b600101612906565b50505050505050612c4c6142d2565b9695505050505050565b5f5f612312611d846008614a01565b5f612c6f81613437565b811580612c8757506bffffffffffffffffffffffff82115b15612cc1576040517fbb0b622500000000000000000000000000000000000000000000000000000000815260048101839052602401610d09565b5f612cca6143b5565b905080600a5f612cd983612483565b82549091505b5f81118015612d1957508383612cf6600184615647565b81548110612d0657612d06615750565b5f9182526020909120015463ffffffff16115b15612d8657612d748284612d2e600185615647565b81548110612d3e57612d3e615750565b5f9182526020909120015464010000000090047bffffffffffffffffffffffffffffffffffffffffffffffffffffffff16613ce7565b9150612d7f8161582a565b9050612cdf565b5080861115612df657600554612de890610b959061099990612dc290700100000000000000000000000000000000900463ffffffff1642615634565b7f0000000000000000000000000000000000000000000000000000000000000000614b61565b612df3906001615634565b92505b815460011015612eb45781545f908390612e1290600190615647565b81548110612e2257612e22615750565b5f918252602090912001805490915063ffffffff168410801590612e7d5750805463ffffffff16851180612e7d5750805464010000000090047bffffffffffffffffffffffffffffffffffffffffffffffffffffffff168710155b15612e885750612eb4565b82805480612e9857612e9861583f565b5f8281526020812082015f199081019190915501905550612df6565b612ec9612ec084613a79565b600a9088613ac2565b505060408051878152602081018590527ffb028f7b3c561450aabc4c7e3a8d13607a46ffe8573612f9843447fc9c9f8c95910160405180910390a1505050505050565b5f82815260208190526040902060010154612f2681613437565b61151283836142fc565b5f5f612f3b83612206565b9050428110612f80576040517fdefb45dc0000000000000000000000000000000000000000000000000000000081526004810184905260248101829052604401610d09565b6040517f8e539e8c000000000000000000000000000000000000000000000000000000008152600481018290527f0000000000000000000000000000000000000000000000000000000000000000905f9073ffffffffffffffffffffffffffffffffffffffff831690638e539e8c90602401602060405180830381865afa15801561300d573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906130319190615739565b9050805f03613045575f9350505050610c89565b6040517f3a46b1a800000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8781166004830152602482018590525f9190841690633a46b1a890604401602060405180830381865afa1580156130b9573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906130dd9190615739565b905085158015906130ed57508015155b156131d0576131cd8173ffffffffffffffffffffffffffffffffffffffff8516633a46b1a88a61313d7f00000000000000000000000000000000000000000000000000000000000000008a615647565b6040517fffffffff0000000000000000000000000000000000000000000000000000000060e085901b16815273ffffffffffffffffffffffffffffffffffffffff90921660048301526024820152604401602060405180830381865afa1580156131a9573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061169e9190615739565b90505b6131e36131dc8761243d565b8284614b70565b979650505050505050565b6040517f8332680400000000000000000000000000000000000000000000000000000000815260036004820152602481018290525f907f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff1690638332680490604401602060405180830381865afa158015613280573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610c899190615739565b5f7f0000000000000000000000000000000000000000000000000000000000000000821015613328576040517f836054f1000000000000000000000000000000000000000000000000000000008152600481018390527f00000000000000000000000000000000000000000000000000000000000000006024820152604401610d09565b7f000000000000000000000000000000000000000000000000000000000000000061245d7f000000000000000000000000000000000000000000000000000000000000000084615647565b5f5f61337e836133f4565b90505f613390611d84611d7c86613a79565b915050818111611dbf575f611d57565b6002545f9063ffffffff16801561119c5760015f6133be8284615647565b815260208101919091526040015f20600201546c0100000000000000000000000090046bffffffffffffffffffffffff1661119e565b5f6118bc826149d1565b5f611e027f00000000000000000000000000000000000000000000000000000000000000004210613431576105c06121dc565b5f61111f565b6124808133614c20565b5f81613479576040517fb263ae7300000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f8281526004602052604090205460ff16156134c4576040517f90bababf00000000000000000000000000000000000000000000000000000000815260048101839052602401610d09565b6002546134e790610f499068010000000000000000900463ffffffff1642615634565b90508215610c89575f6001816134fd8287615647565b81526020019081526020015f20905082815f01540361354b576040517f96095d1900000000000000000000000000000000000000000000000000000000815260048101849052602401610d09565b600281015463ffffffff8084167c010000000000000000000000000000000000000000000000000000000090920416111561231257600201547c0100000000000000000000000000000000000000000000000000000000900463ffffffff169392505050565b5f6bffffffffffffffffffffffff821115613602576040517f6dfcc6500000000000000000000000000000000000000000000000000000000081526060600482015260248101839052604401610d09565b5090565b5f8083156136555760015f61361b8287615647565b815260208101919091526040015f20600201547801000000000000000000000000000000000000000000000000900463ffffffff16613657565b5f5b63ffffffff169050611d57610f498483614b61565b5f5f5f6136776121dc565b92505f5f61368488614b02565b91509150818710156136cc576040517f44b0cea20000000000000000000000000000000000000000000000000000000081526004810188905260248101839052604401610d09565b80861015613710576040517f1893da540000000000000000000000000000000000000000000000000000000081526004810187905260248101829052604401610d09565b61371a8288615647565b93506137268187615647565b92508383111561376c576040517f493f2faa0000000000000000000000000000000000000000000000000000000081526004810184905260248101859052604401610d09565b5f5f613777876149d1565b91509150845f1461384c576005546fffffffffffffffffffffffffffffffff168811156137ef576005546040517f3e2e58ad000000000000000000000000000000000000000000000000000000008152600481018a90526fffffffffffffffffffffffffffffffff9091166024820152604401610d09565b5f613804886137fe8a85614ab3565b86614af7565b90508086111561384a576040517f6b804eac0000000000000000000000000000000000000000000000000000000081526004810187905260248101829052604401610d09565b505b5f6138578688615647565b90505f61386e8985613869888a615647565b614a4e565b9050808211156138b4576040517f755b0cdd0000000000000000000000000000000000000000000000000000000081526004810183905260248101829052604401610d09565b50505050505093509350939050565b60055474010000000000000000000000000000000000000000900463ffffffff1680821015613928576040517f9f893c7e0000000000000000000000000000000000000000000000000000000081526004810183905260248101829052604401610d09565b5050565b60025463ffffffff6401000000008204811691168082148061398457505f82815260016020526040902060020154427c010000000000000000000000000000000000000000000000000000000090910463ffffffff16115b1561398d575090565b4260015f61399b8285615647565b815260208101919091526040015f20600201547c0100000000000000000000000000000000000000000000000000000000900463ffffffff16116139de57919050565b5f6139ea600183615647565b90506139f58361586c565b92505b80831015613a74575f6002613a0d8386615634565b613a179190615726565b5f81815260016020526040902060020154909150427c010000000000000000000000000000000000000000000000000000000090910463ffffffff1611613a6a57613a63816001615634565b9350613a6e565b8091505b506139f8565b505090565b5f63ffffffff821115613602576040517f6dfcc6500000000000000000000000000000000000000000000000000000000081526020600482015260248101839052604401610d09565b5f80613acf858585614ca5565b915091505b935093915050565b6005545f90610c8990613b1890610999904290613b1390700100000000000000000000000000000000900463ffffffff1687615634565b614b61565b614e5a565b81545f9081816005811115613b77575f613b3684614ea9565b613b409085615647565b5f8881526020902090915081015463ffffffff9081169087161015613b6757809150613b75565b613b72816001615634565b92505b505b5f613b848787858561500e565b90508015613bd457613ba887613b9b600184615647565b5f91825260209091200190565b5464010000000090047bffffffffffffffffffffffffffffffffffffffffffffffffffffffff166131e3565b505f9695505050505050565b5f5f865f03613bf357505f905080613cdd565b5f600181613c01828b615647565b815260208101919091526040015f20600281015460018201546c010000000000000000000000009091046bffffffffffffffffffffffff1693509091508015801590613c73575060028201547801000000000000000000000000000000000000000000000000900463ffffffff168811155b15613cda57613c97868683611ac7338c5f9182526020908152604082208252902090565b613cd6576040517f810bdc5400000000000000000000000000000000000000000000000000000000815233600482015260248101889052604401610d09565b8693505b50505b9550959350505050565b5f8282188284100282186118bc565b5f8281526020818152604080832073ffffffffffffffffffffffffffffffffffffffff8516845290915281205460ff16613de8575f8381526020818152604080832073ffffffffffffffffffffffffffffffffffffffff86168452909152902080547fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00166001179055613d863390565b73ffffffffffffffffffffffffffffffffffffffff168273ffffffffffffffffffffffffffffffffffffffff16847f2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d60405160405180910390a4506001610c89565b505f610c89565b7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005c15613e48576040517f3ee5aeb500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b613e7560017f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005b90615069565b565b5f5f5f5f613e8361392c565b88549091505f90613ebe9083907c0100000000000000000000000000000000000000000000000000000000900463ffffffff168a8a8a613be0565b90945090508115613ed757613ed4600183615647565b94505b60018901546bffffffffffffffffffffffff808216916c010000000000000000000000009004165f818411613f0c575f613f16565b613f168285615647565b9050613f2a83613b138961169e8584615634565b60025490965063ffffffff16851015613f6b575f613f4786614b02565b91505080613f536133a0565b613f5d9190615647565b613f679088615634565b9650505b50505050509450945094915050565b6040517f70a082310000000000000000000000000000000000000000000000000000000081523060048201525f907f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff16906370a0823190602401602060405180830381865afa158015614004573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906140289190615739565b905081811061403657919050565b5f7f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff1663fbccedae6040518163ffffffff1660e01b8152600401602060405180830381865afa1580156140a0573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906140c49190615739565b1115614208577f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff166386d1a69f6040518163ffffffff1660e01b81526004016020604051808303815f875af1158015614134573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906141589190615739565b506040517f70a082310000000000000000000000000000000000000000000000000000000081523060048201527f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff16906370a0823190602401602060405180830381865afa1580156141e1573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906142059190615739565b90505b8181101561424c576040517fce9514f90000000000000000000000000000000000000000000000000000000081526004810182905260248101839052604401610d09565b919050565b60405173ffffffffffffffffffffffffffffffffffffffff83811660248301526044820183905261191c91859182169063a9059cbb906064015b604051602081830303815290604052915060e01b6020820180517bffffffffffffffffffffffffffffffffffffffffffffffffffffffff8381831617835250505050615070565b613e755f7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f00613e6f565b5f8281526020818152604080832073ffffffffffffffffffffffffffffffffffffffff8516845290915281205460ff1615613de8575f8381526020818152604080832073ffffffffffffffffffffffffffffffffffffffff8616808552925280832080547fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0016905551339286917ff6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b9190a4506001610c89565b5f7f000000000000000000000000000000000000000000000000000000000000000042106143f0576143e56121dc565b611e02906001615634565b505f90565b5f7bffffffffffffffffffffffffffffffffffffffffffffffffffffffff821115613602576040517f6dfcc65000000000000000000000000000000000000000000000000000000000815260e0600482015260248101839052604401610d09565b5f5f5f5f61446261392c565b9050805f0361449d576040517f58daf7b600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b600254640100000000900463ffffffff1681146144de576144bd81613a79565b600260046101000a81548163ffffffff021916908363ffffffff1602179055505b6144e9600182615647565b5f818152600160205260409020805460029091015491969095506bffffffffffffffffffffffff9091169350915050565b5f8261452786868561510f565b1495945050505050565b5f6fffffffffffffffffffffffffffffffff821115613602576040517f6dfcc6500000000000000000000000000000000000000000000000000000000081526080600482015260248101839052604401610d09565b805f036145bf576040517f1f2a200500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b335f908152600660205260408120805490916bffffffffffffffffffffffff909116906145ec8483615634565b6005549091505f906146119086906fffffffffffffffffffffffffffffffff16615634565b9050825f036146715761462342613a79565b845463ffffffff919091167c0100000000000000000000000000000000000000000000000000000000027bffffffffffffffffffffffffffffffffffffffffffffffffffffffff9091161784555b61467a826135b1565b84547fffffffffffffffffffffffffffffffffffffffff000000000000000000000000166bffffffffffffffffffffffff919091161784556146bb81614531565b600580547fffffffffffffffffffffffffffffffff00000000000000000000000000000000166fffffffffffffffffffffffffffffffff92909216919091179055604080518681526020810184905233917f73a19dd210f1a7f902193214c0ee91dd35ee5b4d920cba8d519eca65a7b488ca910160405180910390a2611ee173ffffffffffffffffffffffffffffffffffffffff7f000000000000000000000000000000000000000000000000000000000000000016333088615150565b806147c47f00000000000000000000000000000000000000000000000000000000000000007f0000000000000000000000000000000000000000000000000000000000000000615634565b6147ce9190615634565b8211613928576040517f59dc2fcf000000000000000000000000000000000000000000000000000000008152600481018390527f000000000000000000000000000000000000000000000000000000000000000060248201527f0000000000000000000000000000000000000000000000000000000000000000604482015260648101829052608401610d09565b600a5f6148676143b5565b82549091505f9061487a90600190615647565b90505b5f811180156148ae57508183828154811061489a5761489a615750565b5f9182526020909120015463ffffffff1610155b1561191c57826148bf600183615647565b815481106148cf576148cf615750565b905f5260205f20015f0160049054906101000a90047bffffffffffffffffffffffffffffffffffffffffffffffffffffffff167bffffffffffffffffffffffffffffffffffffffffffffffffffffffff1683828154811061493257614932615750565b5f9182526020909120015464010000000090047bffffffffffffffffffffffffffffffffffffffffffffffffffffffff1611156149c15782818154811061497b5761497b615750565b5f918252602090912001546040517ff19f98fa00000000000000000000000000000000000000000000000000000000815263ffffffff9091166004820152602401610d09565b6149ca8161582a565b905061487d565b5f5f825f036149e457505f928392509050565b6149f8611d84611d7c610f49600187615647565b91509150915091565b80545f908015614a4657614a1a83613b9b600184615647565b5464010000000090047bffffffffffffffffffffffffffffffffffffffffffffffffffffffff166118bc565b5f9392505050565b5f5f612710614a5c8661111f565b85614a69610b4189612206565b614a739190615647565b614a7d91906156cf565b614a879190615726565b614a919085615634565b9050828111614aa0575f614aaa565b614aaa8382615647565b95945050505050565b5f614abf836001615634565b60075463ffffffff1614614ad357816118bc565b6007546118bc90839064010000000090046bffffffffffffffffffffffff16613ce7565b5f5f614a8785612483565b5f5f825f03614b1557505f928392509050565b5f600181614b238287615647565b815260208101919091526040015f20600201546bffffffffffffffffffffffff808216966c0100000000000000000000000090920416945092505050565b5f8282188284110282186118bc565b5f5f5f614b7d8686615196565b91509150815f03614ba157838181614b9757614b976156e6565b04925050506118bc565b818411614bb857614bb860038515026011186151b2565b5f848688095f868103871696879004966002600389028118808a02820302808a02820302808a02820302808a02820302808a02820302808a02909103029181900381900460010185841190960395909502919093039390930492909217029150509392505050565b5f8281526020818152604080832073ffffffffffffffffffffffffffffffffffffffff8516845290915290205460ff16613928576040517fe2517d3f00000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8216600482015260248101839052604401610d09565b82545f9081908015614dec575f614cc187613b9b600185615647565b805490915063ffffffff8082169164010000000090047bffffffffffffffffffffffffffffffffffffffffffffffffffffffff16908816821115614d31576040517f2520601d00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b8763ffffffff168263ffffffff1603614d7a57825463ffffffff166401000000007bffffffffffffffffffffffffffffffffffffffffffffffffffffffff891602178355614dde565b6040805180820190915263ffffffff808a1682527bffffffffffffffffffffffffffffffffffffffffffffffffffffffff808a1660208085019182528d54600181018f555f8f81529190912094519151909216640100000000029216919091179101555b9450859350613ad492505050565b50506040805180820190915263ffffffff80851682527bffffffffffffffffffffffffffffffffffffffffffffffffffffffff80851660208085019182528854600181018a555f8a815291822095519251909316640100000000029190931617920191909155905081613ad4565b5f67ffffffffffffffff82111561360257604080517f6dfcc650000000000000000000000000000000000000000000000000000000008152600481019190915260248101839052604401610d09565b5f60018211614eb6575090565b8160017001000000000000000000000000000000008210614edc5760809190911c9060401b5b680100000000000000008210614ef75760409190911c9060201b5b6401000000008210614f0e5760209190911c9060101b5b620100008210614f235760109190911c9060081b5b6101008210614f375760089190911c9060041b5b60108210614f4a5760049190911c9060021b5b60048210614f565760011b5b600302600190811c90818581614f6e57614f6e6156e6565b048201901c90506001818581614f8657614f866156e6565b048201901c90506001818581614f9e57614f9e6156e6565b048201901c90506001818581614fb657614fb66156e6565b048201901c90506001818581614fce57614fce6156e6565b048201901c90506001818581614fe657614fe66156e6565b048201901c9050615005818581614fff57614fff6156e6565b04821190565b90039392505050565b5f5b81831015615061575f61502384846151c3565b5f8781526020902090915063ffffffff86169082015463ffffffff16111561504d5780925061505b565b615058816001615634565b93505b50615010565b509392505050565b80825d5050565b5f5f60205f8451602086015f885af18061508f576040513d5f823e3d81fd5b50505f513d915081156150a65780600114156150c0565b73ffffffffffffffffffffffffffffffffffffffff84163b155b15611512576040517f5274afe700000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff85166004820152602401610d09565b5f81815b848110156151475761513d8287878481811061513157615131615750565b905060200201356151dd565b9150600101615113565b50949350505050565b60405173ffffffffffffffffffffffffffffffffffffffff84811660248301528381166044830152606482018390526115129186918216906323b872dd9060840161428b565b5f805f1983850993909202808410938190039390930393915050565b634e487b715f52806020526024601cfd5b5f6151d16002848418615726565b6118bc90848416615634565b5f8183106151f7575f8281526020849052604090206118bc565b5f8381526020839052604090206118bc565b5f60208284031215615219575f5ffd5b81357fffffffff00000000000000000000000000000000000000000000000000000000811681146118bc575f5ffd5b5f5f5f5f5f5f5f5f5f6101008a8c031215615261575f5ffd5b8935985060208a0135975060408a0135965060608a0135955060808a0135945060a08a0135935060c08a0135925060e08a013567ffffffffffffffff8111156152a8575f5ffd5b8a01601f81018c136152b8575f5ffd5b803567ffffffffffffffff8111156152ce575f5ffd5b8c60208284010111156152df575f5ffd5b60208201935080925050509295985092959850929598565b803573ffffffffffffffffffffffffffffffffffffffff8116811461424c575f5ffd5b5f6020828403121561532a575f5ffd5b6118bc826152f7565b5f60208284031215615343575f5ffd5b5035919050565b5f5f83601f84011261535a575f5ffd5b50813567ffffffffffffffff811115615371575f5ffd5b6020830191508360208260051b850101111561538b575f5ffd5b9250929050565b5f5f5f5f606085870312156153a5575f5ffd5b8435935060208501359250604085013567ffffffffffffffff8111156153c9575f5ffd5b6153d58782880161534a565b95989497509550505050565b5f5f604083850312156153f2575f5ffd5b82359150615402602084016152f7565b90509250929050565b5f5f5f6040848603121561541d575f5ffd5b83359250602084013567ffffffffffffffff81111561543a575f5ffd5b6154468682870161534a565b9497909650939450505050565b5f5f5f5f60608587031215615466575f5ffd5b61546f856152f7565b935060208501359250604085013567ffffffffffffffff8111156153c9575f5ffd5b5f5f5f5f5f60a086880312156154a5575f5ffd5b8535945060208601359350604086013560ff811681146154c3575f5ffd5b94979396509394606081013594506080013592915050565b5f602082840312156154eb575f5ffd5b813563ffffffff811681146118bc575f5ffd5b5f5f5f60608486031215615510575f5ffd5b8335925060208401359150604084013567ffffffffffffffff81168114615535575f5ffd5b809150509250925092565b5f5f5f5f5f5f60608789031215615555575f5ffd5b863567ffffffffffffffff81111561556b575f5ffd5b61557789828a0161534a565b909750955050602087013567ffffffffffffffff811115615596575f5ffd5b6155a289828a0161534a565b909550935050604087013567ffffffffffffffff8111156155c1575f5ffd5b6155cd89828a0161534a565b979a9699509497509295939492505050565b5f5f604083850312156155f0575f5ffd5b6155f9836152f7565b946020939093013593505050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b80820180821115610c8957610c89615607565b81810381811115610c8957610c89615607565b87815286602082015285604082015263ffffffff8516606082015283608082015260c060a08201528160c0820152818360e08301375f81830160e090810191909152601f9092017fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe01601019695505050505050565b8082028115828204841417610c8957610c89615607565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601260045260245ffd5b5f82615721576157216156e6565b500690565b5f82615734576157346156e6565b500490565b5f60208284031215615749575f5ffd5b5051919050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603260045260245ffd5b5f5f83357fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe18436030181126157b0575f5ffd5b83018035915067ffffffffffffffff8211156157ca575f5ffd5b6020019150600581901b360382131561538b575f5ffd5b828152604081016003831061581d577f4e487b71000000000000000000000000000000000000000000000000000000005f52602160045260245ffd5b8260208301529392505050565b5f8161583857615838615607565b505f190190565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603160045260245ffd5b5f5f19820361587d5761587d615607565b506001019056fea164736f6c634300081e000a",
}

// ComputePoolABI is the input ABI used to generate the binding from.
// Deprecated: Use ComputePoolMetaData.ABI instead.
var ComputePoolABI = ComputePoolMetaData.ABI

// ComputePoolBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use ComputePoolMetaData.Bin instead.
var ComputePoolBin = ComputePoolMetaData.Bin

// DeployComputePool deploys a new Ethereum contract, binding an instance of ComputePool to it.
func DeployComputePool(auth *bind.TransactOpts, backend bind.ContractBackend, emissions_ common.Address, admin common.Address, disputeWindow_ uint32, maxBudgetBps_ *big.Int, settlementLag_ uint32, withdrawalDelay_ uint32, dailySpendCap_ *big.Int, withdrawalWindow_ uint32) (common.Address, *types.Transaction, *ComputePool, error) {
	parsed, err := ComputePoolMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(ComputePoolBin), backend, emissions_, admin, disputeWindow_, maxBudgetBps_, settlementLag_, withdrawalDelay_, dailySpendCap_, withdrawalWindow_)
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

// MAXSPENDCAP is a free data retrieval call binding the contract method 0x5be4470c.
//
// Solidity: function MAX_SPEND_CAP() view returns(uint256)
func (_ComputePool *ComputePoolCaller) MAXSPENDCAP(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "MAX_SPEND_CAP")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// MAXSPENDCAP is a free data retrieval call binding the contract method 0x5be4470c.
//
// Solidity: function MAX_SPEND_CAP() view returns(uint256)
func (_ComputePool *ComputePoolSession) MAXSPENDCAP() (*big.Int, error) {
	return _ComputePool.Contract.MAXSPENDCAP(&_ComputePool.CallOpts)
}

// MAXSPENDCAP is a free data retrieval call binding the contract method 0x5be4470c.
//
// Solidity: function MAX_SPEND_CAP() view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) MAXSPENDCAP() (*big.Int, error) {
	return _ComputePool.Contract.MAXSPENDCAP(&_ComputePool.CallOpts)
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
// Solidity: function committedBefore(uint256 day) view returns(uint256 fromBudget)
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
// Solidity: function committedBefore(uint256 day) view returns(uint256 fromBudget)
func (_ComputePool *ComputePoolSession) CommittedBefore(day *big.Int) (*big.Int, error) {
	return _ComputePool.Contract.CommittedBefore(&_ComputePool.CallOpts, day)
}

// CommittedBefore is a free data retrieval call binding the contract method 0x78c1e3cd.
//
// Solidity: function committedBefore(uint256 day) view returns(uint256 fromBudget)
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

// DailySpendCap is a free data retrieval call binding the contract method 0x492bf73b.
//
// Solidity: function dailySpendCap() view returns(uint256)
func (_ComputePool *ComputePoolCaller) DailySpendCap(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "dailySpendCap")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// DailySpendCap is a free data retrieval call binding the contract method 0x492bf73b.
//
// Solidity: function dailySpendCap() view returns(uint256)
func (_ComputePool *ComputePoolSession) DailySpendCap() (*big.Int, error) {
	return _ComputePool.Contract.DailySpendCap(&_ComputePool.CallOpts)
}

// DailySpendCap is a free data retrieval call binding the contract method 0x492bf73b.
//
// Solidity: function dailySpendCap() view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) DailySpendCap() (*big.Int, error) {
	return _ComputePool.Contract.DailySpendCap(&_ComputePool.CallOpts)
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

// LastWithdrawAt is a free data retrieval call binding the contract method 0x7e9db830.
//
// Solidity: function lastWithdrawAt() view returns(uint32)
func (_ComputePool *ComputePoolCaller) LastWithdrawAt(opts *bind.CallOpts) (uint32, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "lastWithdrawAt")

	if err != nil {
		return *new(uint32), err
	}

	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)

	return out0, err

}

// LastWithdrawAt is a free data retrieval call binding the contract method 0x7e9db830.
//
// Solidity: function lastWithdrawAt() view returns(uint32)
func (_ComputePool *ComputePoolSession) LastWithdrawAt() (uint32, error) {
	return _ComputePool.Contract.LastWithdrawAt(&_ComputePool.CallOpts)
}

// LastWithdrawAt is a free data retrieval call binding the contract method 0x7e9db830.
//
// Solidity: function lastWithdrawAt() view returns(uint32)
func (_ComputePool *ComputePoolCallerSession) LastWithdrawAt() (uint32, error) {
	return _ComputePool.Contract.LastWithdrawAt(&_ComputePool.CallOpts)
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

// RemainingSpend is a free data retrieval call binding the contract method 0xba5acc96.
//
// Solidity: function remainingSpend() view returns(uint256)
func (_ComputePool *ComputePoolCaller) RemainingSpend(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "remainingSpend")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// RemainingSpend is a free data retrieval call binding the contract method 0xba5acc96.
//
// Solidity: function remainingSpend() view returns(uint256)
func (_ComputePool *ComputePoolSession) RemainingSpend() (*big.Int, error) {
	return _ComputePool.Contract.RemainingSpend(&_ComputePool.CallOpts)
}

// RemainingSpend is a free data retrieval call binding the contract method 0xba5acc96.
//
// Solidity: function remainingSpend() view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) RemainingSpend() (*big.Int, error) {
	return _ComputePool.Contract.RemainingSpend(&_ComputePool.CallOpts)
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

// SpendCapAt is a free data retrieval call binding the contract method 0xb71ea443.
//
// Solidity: function spendCapAt(uint256 day) view returns(uint256)
func (_ComputePool *ComputePoolCaller) SpendCapAt(opts *bind.CallOpts, day *big.Int) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "spendCapAt", day)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// SpendCapAt is a free data retrieval call binding the contract method 0xb71ea443.
//
// Solidity: function spendCapAt(uint256 day) view returns(uint256)
func (_ComputePool *ComputePoolSession) SpendCapAt(day *big.Int) (*big.Int, error) {
	return _ComputePool.Contract.SpendCapAt(&_ComputePool.CallOpts, day)
}

// SpendCapAt is a free data retrieval call binding the contract method 0xb71ea443.
//
// Solidity: function spendCapAt(uint256 day) view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) SpendCapAt(day *big.Int) (*big.Int, error) {
	return _ComputePool.Contract.SpendCapAt(&_ComputePool.CallOpts, day)
}

// SpendInfo is a free data retrieval call binding the contract method 0x6f472d90.
//
// Solidity: function spendInfo(uint256 epoch) view returns(bytes32 spendRoot, uint256 cumulativeSpent, uint64 depositsReadAt)
func (_ComputePool *ComputePoolCaller) SpendInfo(opts *bind.CallOpts, epoch *big.Int) (struct {
	SpendRoot       [32]byte
	CumulativeSpent *big.Int
	DepositsReadAt  uint64
}, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "spendInfo", epoch)

	outstruct := new(struct {
		SpendRoot       [32]byte
		CumulativeSpent *big.Int
		DepositsReadAt  uint64
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.SpendRoot = *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	outstruct.CumulativeSpent = *abi.ConvertType(out[1], new(*big.Int)).(**big.Int)
	outstruct.DepositsReadAt = *abi.ConvertType(out[2], new(uint64)).(*uint64)

	return *outstruct, err

}

// SpendInfo is a free data retrieval call binding the contract method 0x6f472d90.
//
// Solidity: function spendInfo(uint256 epoch) view returns(bytes32 spendRoot, uint256 cumulativeSpent, uint64 depositsReadAt)
func (_ComputePool *ComputePoolSession) SpendInfo(epoch *big.Int) (struct {
	SpendRoot       [32]byte
	CumulativeSpent *big.Int
	DepositsReadAt  uint64
}, error) {
	return _ComputePool.Contract.SpendInfo(&_ComputePool.CallOpts, epoch)
}

// SpendInfo is a free data retrieval call binding the contract method 0x6f472d90.
//
// Solidity: function spendInfo(uint256 epoch) view returns(bytes32 spendRoot, uint256 cumulativeSpent, uint64 depositsReadAt)
func (_ComputePool *ComputePoolCallerSession) SpendInfo(epoch *big.Int) (struct {
	SpendRoot       [32]byte
	CumulativeSpent *big.Int
	DepositsReadAt  uint64
}, error) {
	return _ComputePool.Contract.SpendInfo(&_ComputePool.CallOpts, epoch)
}

// SpentBefore is a free data retrieval call binding the contract method 0xfe258b4b.
//
// Solidity: function spentBefore(uint256 day) view returns(uint256 spent)
func (_ComputePool *ComputePoolCaller) SpentBefore(opts *bind.CallOpts, day *big.Int) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "spentBefore", day)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// SpentBefore is a free data retrieval call binding the contract method 0xfe258b4b.
//
// Solidity: function spentBefore(uint256 day) view returns(uint256 spent)
func (_ComputePool *ComputePoolSession) SpentBefore(day *big.Int) (*big.Int, error) {
	return _ComputePool.Contract.SpentBefore(&_ComputePool.CallOpts, day)
}

// SpentBefore is a free data retrieval call binding the contract method 0xfe258b4b.
//
// Solidity: function spentBefore(uint256 day) view returns(uint256 spent)
func (_ComputePool *ComputePoolCallerSession) SpentBefore(day *big.Int) (*big.Int, error) {
	return _ComputePool.Contract.SpentBefore(&_ComputePool.CallOpts, day)
}

// SpentOn is a free data retrieval call binding the contract method 0xf79415e7.
//
// Solidity: function spentOn(uint256 day) view returns(uint256)
func (_ComputePool *ComputePoolCaller) SpentOn(opts *bind.CallOpts, day *big.Int) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "spentOn", day)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// SpentOn is a free data retrieval call binding the contract method 0xf79415e7.
//
// Solidity: function spentOn(uint256 day) view returns(uint256)
func (_ComputePool *ComputePoolSession) SpentOn(day *big.Int) (*big.Int, error) {
	return _ComputePool.Contract.SpentOn(&_ComputePool.CallOpts, day)
}

// SpentOn is a free data retrieval call binding the contract method 0xf79415e7.
//
// Solidity: function spentOn(uint256 day) view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) SpentOn(day *big.Int) (*big.Int, error) {
	return _ComputePool.Contract.SpentOn(&_ComputePool.CallOpts, day)
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

// WithdrawalOpensAt is a free data retrieval call binding the contract method 0x9fbb6c31.
//
// Solidity: function withdrawalOpensAt(uint256 timestamp) view returns(uint256)
func (_ComputePool *ComputePoolCaller) WithdrawalOpensAt(opts *bind.CallOpts, timestamp *big.Int) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "withdrawalOpensAt", timestamp)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// WithdrawalOpensAt is a free data retrieval call binding the contract method 0x9fbb6c31.
//
// Solidity: function withdrawalOpensAt(uint256 timestamp) view returns(uint256)
func (_ComputePool *ComputePoolSession) WithdrawalOpensAt(timestamp *big.Int) (*big.Int, error) {
	return _ComputePool.Contract.WithdrawalOpensAt(&_ComputePool.CallOpts, timestamp)
}

// WithdrawalOpensAt is a free data retrieval call binding the contract method 0x9fbb6c31.
//
// Solidity: function withdrawalOpensAt(uint256 timestamp) view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) WithdrawalOpensAt(timestamp *big.Int) (*big.Int, error) {
	return _ComputePool.Contract.WithdrawalOpensAt(&_ComputePool.CallOpts, timestamp)
}

// WithdrawalWindow is a free data retrieval call binding the contract method 0xd19bd0a7.
//
// Solidity: function withdrawalWindow() view returns(uint256)
func (_ComputePool *ComputePoolCaller) WithdrawalWindow(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ComputePool.contract.Call(opts, &out, "withdrawalWindow")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// WithdrawalWindow is a free data retrieval call binding the contract method 0xd19bd0a7.
//
// Solidity: function withdrawalWindow() view returns(uint256)
func (_ComputePool *ComputePoolSession) WithdrawalWindow() (*big.Int, error) {
	return _ComputePool.Contract.WithdrawalWindow(&_ComputePool.CallOpts)
}

// WithdrawalWindow is a free data retrieval call binding the contract method 0xd19bd0a7.
//
// Solidity: function withdrawalWindow() view returns(uint256)
func (_ComputePool *ComputePoolCallerSession) WithdrawalWindow() (*big.Int, error) {
	return _ComputePool.Contract.WithdrawalWindow(&_ComputePool.CallOpts)
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

// CommitRoot is a paid mutator transaction binding the contract method 0x06d5256d.
//
// Solidity: function commitRoot(uint256 epoch, bytes32 root, uint256 cumulativeTotal, bytes32 spendRoot, uint256 cumulativeSpent, uint256 depositsReadAt, bytes32 batchHash, string uri) returns()
func (_ComputePool *ComputePoolTransactor) CommitRoot(opts *bind.TransactOpts, epoch *big.Int, root [32]byte, cumulativeTotal *big.Int, spendRoot [32]byte, cumulativeSpent *big.Int, depositsReadAt *big.Int, batchHash [32]byte, uri string) (*types.Transaction, error) {
	return _ComputePool.contract.Transact(opts, "commitRoot", epoch, root, cumulativeTotal, spendRoot, cumulativeSpent, depositsReadAt, batchHash, uri)
}

// CommitRoot is a paid mutator transaction binding the contract method 0x06d5256d.
//
// Solidity: function commitRoot(uint256 epoch, bytes32 root, uint256 cumulativeTotal, bytes32 spendRoot, uint256 cumulativeSpent, uint256 depositsReadAt, bytes32 batchHash, string uri) returns()
func (_ComputePool *ComputePoolSession) CommitRoot(epoch *big.Int, root [32]byte, cumulativeTotal *big.Int, spendRoot [32]byte, cumulativeSpent *big.Int, depositsReadAt *big.Int, batchHash [32]byte, uri string) (*types.Transaction, error) {
	return _ComputePool.Contract.CommitRoot(&_ComputePool.TransactOpts, epoch, root, cumulativeTotal, spendRoot, cumulativeSpent, depositsReadAt, batchHash, uri)
}

// CommitRoot is a paid mutator transaction binding the contract method 0x06d5256d.
//
// Solidity: function commitRoot(uint256 epoch, bytes32 root, uint256 cumulativeTotal, bytes32 spendRoot, uint256 cumulativeSpent, uint256 depositsReadAt, bytes32 batchHash, string uri) returns()
func (_ComputePool *ComputePoolTransactorSession) CommitRoot(epoch *big.Int, root [32]byte, cumulativeTotal *big.Int, spendRoot [32]byte, cumulativeSpent *big.Int, depositsReadAt *big.Int, batchHash [32]byte, uri string) (*types.Transaction, error) {
	return _ComputePool.Contract.CommitRoot(&_ComputePool.TransactOpts, epoch, root, cumulativeTotal, spendRoot, cumulativeSpent, depositsReadAt, batchHash, uri)
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

// RequestWithdrawal is a paid mutator transaction binding the contract method 0x2846b17e.
//
// Solidity: function requestWithdrawal(uint256 amount, uint256 cumulativeSpent, bytes32[] proof) returns()
func (_ComputePool *ComputePoolTransactor) RequestWithdrawal(opts *bind.TransactOpts, amount *big.Int, cumulativeSpent *big.Int, proof [][32]byte) (*types.Transaction, error) {
	return _ComputePool.contract.Transact(opts, "requestWithdrawal", amount, cumulativeSpent, proof)
}

// RequestWithdrawal is a paid mutator transaction binding the contract method 0x2846b17e.
//
// Solidity: function requestWithdrawal(uint256 amount, uint256 cumulativeSpent, bytes32[] proof) returns()
func (_ComputePool *ComputePoolSession) RequestWithdrawal(amount *big.Int, cumulativeSpent *big.Int, proof [][32]byte) (*types.Transaction, error) {
	return _ComputePool.Contract.RequestWithdrawal(&_ComputePool.TransactOpts, amount, cumulativeSpent, proof)
}

// RequestWithdrawal is a paid mutator transaction binding the contract method 0x2846b17e.
//
// Solidity: function requestWithdrawal(uint256 amount, uint256 cumulativeSpent, bytes32[] proof) returns()
func (_ComputePool *ComputePoolTransactorSession) RequestWithdrawal(amount *big.Int, cumulativeSpent *big.Int, proof [][32]byte) (*types.Transaction, error) {
	return _ComputePool.Contract.RequestWithdrawal(&_ComputePool.TransactOpts, amount, cumulativeSpent, proof)
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

// SetDailySpendCap is a paid mutator transaction binding the contract method 0xd2625016.
//
// Solidity: function setDailySpendCap(uint256 dailySpendCap_) returns()
func (_ComputePool *ComputePoolTransactor) SetDailySpendCap(opts *bind.TransactOpts, dailySpendCap_ *big.Int) (*types.Transaction, error) {
	return _ComputePool.contract.Transact(opts, "setDailySpendCap", dailySpendCap_)
}

// SetDailySpendCap is a paid mutator transaction binding the contract method 0xd2625016.
//
// Solidity: function setDailySpendCap(uint256 dailySpendCap_) returns()
func (_ComputePool *ComputePoolSession) SetDailySpendCap(dailySpendCap_ *big.Int) (*types.Transaction, error) {
	return _ComputePool.Contract.SetDailySpendCap(&_ComputePool.TransactOpts, dailySpendCap_)
}

// SetDailySpendCap is a paid mutator transaction binding the contract method 0xd2625016.
//
// Solidity: function setDailySpendCap(uint256 dailySpendCap_) returns()
func (_ComputePool *ComputePoolTransactorSession) SetDailySpendCap(dailySpendCap_ *big.Int) (*types.Transaction, error) {
	return _ComputePool.Contract.SetDailySpendCap(&_ComputePool.TransactOpts, dailySpendCap_)
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

// VetoRoot is a paid mutator transaction binding the contract method 0xbc10f5af.
//
// Solidity: function vetoRoot(uint256 epoch, bytes32 expectedRoot, uint64 expectedClaimableAt) returns()
func (_ComputePool *ComputePoolTransactor) VetoRoot(opts *bind.TransactOpts, epoch *big.Int, expectedRoot [32]byte, expectedClaimableAt uint64) (*types.Transaction, error) {
	return _ComputePool.contract.Transact(opts, "vetoRoot", epoch, expectedRoot, expectedClaimableAt)
}

// VetoRoot is a paid mutator transaction binding the contract method 0xbc10f5af.
//
// Solidity: function vetoRoot(uint256 epoch, bytes32 expectedRoot, uint64 expectedClaimableAt) returns()
func (_ComputePool *ComputePoolSession) VetoRoot(epoch *big.Int, expectedRoot [32]byte, expectedClaimableAt uint64) (*types.Transaction, error) {
	return _ComputePool.Contract.VetoRoot(&_ComputePool.TransactOpts, epoch, expectedRoot, expectedClaimableAt)
}

// VetoRoot is a paid mutator transaction binding the contract method 0xbc10f5af.
//
// Solidity: function vetoRoot(uint256 epoch, bytes32 expectedRoot, uint64 expectedClaimableAt) returns()
func (_ComputePool *ComputePoolTransactorSession) VetoRoot(epoch *big.Int, expectedRoot [32]byte, expectedClaimableAt uint64) (*types.Transaction, error) {
	return _ComputePool.Contract.VetoRoot(&_ComputePool.TransactOpts, epoch, expectedRoot, expectedClaimableAt)
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

// ComputePoolDailySpendCapSetIterator is returned from FilterDailySpendCapSet and is used to iterate over the raw logs and unpacked data for DailySpendCapSet events raised by the ComputePool contract.
type ComputePoolDailySpendCapSetIterator struct {
	Event *ComputePoolDailySpendCapSet // Event containing the contract specifics and raw log

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
func (it *ComputePoolDailySpendCapSetIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ComputePoolDailySpendCapSet)
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
		it.Event = new(ComputePoolDailySpendCapSet)
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
func (it *ComputePoolDailySpendCapSetIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ComputePoolDailySpendCapSetIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ComputePoolDailySpendCapSet represents a DailySpendCapSet event raised by the ComputePool contract.
type ComputePoolDailySpendCapSet struct {
	DailySpendCap *big.Int
	EffectiveDay  *big.Int
	Raw           types.Log // Blockchain specific contextual infos
}

// FilterDailySpendCapSet is a free log retrieval operation binding the contract event 0xfb028f7b3c561450aabc4c7e3a8d13607a46ffe8573612f9843447fc9c9f8c95.
//
// Solidity: event DailySpendCapSet(uint256 dailySpendCap, uint256 effectiveDay)
func (_ComputePool *ComputePoolFilterer) FilterDailySpendCapSet(opts *bind.FilterOpts) (*ComputePoolDailySpendCapSetIterator, error) {

	logs, sub, err := _ComputePool.contract.FilterLogs(opts, "DailySpendCapSet")
	if err != nil {
		return nil, err
	}
	return &ComputePoolDailySpendCapSetIterator{contract: _ComputePool.contract, event: "DailySpendCapSet", logs: logs, sub: sub}, nil
}

// WatchDailySpendCapSet is a free log subscription operation binding the contract event 0xfb028f7b3c561450aabc4c7e3a8d13607a46ffe8573612f9843447fc9c9f8c95.
//
// Solidity: event DailySpendCapSet(uint256 dailySpendCap, uint256 effectiveDay)
func (_ComputePool *ComputePoolFilterer) WatchDailySpendCapSet(opts *bind.WatchOpts, sink chan<- *ComputePoolDailySpendCapSet) (event.Subscription, error) {

	logs, sub, err := _ComputePool.contract.WatchLogs(opts, "DailySpendCapSet")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ComputePoolDailySpendCapSet)
				if err := _ComputePool.contract.UnpackLog(event, "DailySpendCapSet", log); err != nil {
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

// ParseDailySpendCapSet is a log parse operation binding the contract event 0xfb028f7b3c561450aabc4c7e3a8d13607a46ffe8573612f9843447fc9c9f8c95.
//
// Solidity: event DailySpendCapSet(uint256 dailySpendCap, uint256 effectiveDay)
func (_ComputePool *ComputePoolFilterer) ParseDailySpendCapSet(log types.Log) (*ComputePoolDailySpendCapSet, error) {
	event := new(ComputePoolDailySpendCapSet)
	if err := _ComputePool.contract.UnpackLog(event, "DailySpendCapSet", log); err != nil {
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
