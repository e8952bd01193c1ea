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
	ABI: "[{\"type\":\"constructor\",\"inputs\":[{\"name\":\"emissions_\",\"type\":\"address\",\"internalType\":\"contractIEmissions\"},{\"name\":\"admin\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"disputeWindow_\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"maxBudgetBps_\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"COMPUTE_BUCKET\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint8\",\"internalType\":\"uint8\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"DEFAULT_ADMIN_ROLE\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"DEFAULT_BUDGET_BPS\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"GUARDIAN_ROLE\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"KEEPER_ROLE\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_BUDGET_BPS\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_DISPUTE_WINDOW\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MIN_DISPUTE_WINDOW\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"allowance\",\"inputs\":[{\"name\":\"user\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"budget\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"budgetBps\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"budgetBpsAt\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"claim\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"cumulativeAmount\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"proof\",\"type\":\"bytes32[]\",\"internalType\":\"bytes32[]\"}],\"outputs\":[{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"claimMany\",\"inputs\":[{\"name\":\"accounts\",\"type\":\"address[]\",\"internalType\":\"address[]\"},{\"name\":\"cumulativeAmounts\",\"type\":\"uint256[]\",\"internalType\":\"uint256[]\"},{\"name\":\"proofs\",\"type\":\"bytes32[][]\",\"internalType\":\"bytes32[][]\"}],\"outputs\":[{\"name\":\"paid\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"claimableEpoch\",\"inputs\":[],\"outputs\":[{\"name\":\"exists\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"root\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"cumulativeTotal\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"claimed\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"commitRoot\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"root\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"cumulativeTotal\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"batchHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"uri\",\"type\":\"string\",\"internalType\":\"string\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"committedBefore\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"committedOn\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"computeAccrued\",\"inputs\":[{\"name\":\"timestamp\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"computeBalance\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"currentDay\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"dayOf\",\"inputs\":[{\"name\":\"timestamp\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"dayStart\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"disputeWindow\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"emissions\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"contractIEmissions\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"epochInfo\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"root\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"cumulativeTotal\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"claimableAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getRoleAdmin\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"grantRole\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"hasRole\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"interval\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"isVetoed\",\"inputs\":[{\"name\":\"root\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"maxBudgetBps\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"minDisputeWindow\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"nextEpoch\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"payoutStart\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"remainingBudget\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"renounceRole\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"callerConfirmation\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"revokeRole\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setBudgetBps\",\"inputs\":[{\"name\":\"budgetBps_\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setDisputeWindow\",\"inputs\":[{\"name\":\"disputeWindow_\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"supportsInterface\",\"inputs\":[{\"name\":\"interfaceId\",\"type\":\"bytes4\",\"internalType\":\"bytes4\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"token\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"contractIERC20\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"totalClaimed\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint128\",\"internalType\":\"uint128\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"totalCommitted\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"vetoRoot\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"event\",\"name\":\"BudgetBpsSet\",\"inputs\":[{\"name\":\"budgetBps\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"effectiveDay\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"ClaimSkipped\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"cumulativeAmount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"reason\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"enumComputePool.SkipReason\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Claimed\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"epoch\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"amount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"cumulativeAmount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"DisputeWindowSet\",\"inputs\":[{\"name\":\"disputeWindow\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RoleAdminChanged\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"previousAdminRole\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"newAdminRole\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RoleGranted\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"account\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"sender\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RoleRevoked\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"account\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"sender\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RootCommitted\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"root\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"cumulativeTotal\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"delta\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"day\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"claimableAt\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"batchHash\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"},{\"name\":\"uri\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RootVetoed\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"root\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"discardedThrough\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"totalCommitted\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"error\",\"name\":\"AccessControlBadConfirmation\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"AccessControlUnauthorizedAccount\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"neededRole\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"BeforePayoutStart\",\"inputs\":[{\"name\":\"timestamp\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"payoutStart\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"CheckpointUnorderedInsertion\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"CumulativeTotalDecreased\",\"inputs\":[{\"name\":\"cumulativeTotal\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"totalCommitted\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"DayNotStarted\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"dayStart\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"DisputeWindowOver\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"claimableAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"EpochOutOfOrder\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"expected\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ExceedsCommitted\",\"inputs\":[{\"name\":\"totalClaimed\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"cumulativeTotal\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InsufficientPoolBalance\",\"inputs\":[{\"name\":\"balance\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"needed\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidBudgetBps\",\"inputs\":[{\"name\":\"budgetBps\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidDisputeWindow\",\"inputs\":[{\"name\":\"disputeWindow\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidProof\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"cumulativeAmount\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"LengthMismatch\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"NoClaimableRoot\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"NothingToClaim\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"cumulativeAmount\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"claimed\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"OverBudget\",\"inputs\":[{\"name\":\"delta\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"remaining\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ReentrancyGuardReentrantCall\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"RootUnchanged\",\"inputs\":[{\"name\":\"root\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"SafeCastOverflowedUintDowncast\",\"inputs\":[{\"name\":\"bits\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"value\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"SafeERC20FailedOperation\",\"inputs\":[{\"name\":\"token\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"UnknownEpoch\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"VetoedRoot\",\"inputs\":[{\"name\":\"root\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"ZeroAddress\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"ZeroRoot\",\"inputs\":[]}]",
	Bin: "0x610140604052348015610010575f5ffd5b50604051613d94380380613d9483398101604081905261002f9161056b565b6001600160a01b038416158061004c57506001600160a01b038316155b1561006a5760405163d92e233d60e01b815260040160405180910390fd5b60018263ffffffff161080610087575062278d008263ffffffff16115b156100b257604051630521274160e51b815263ffffffff831660048201526024015b60405180910390fd5b60648110806100c2575061271081115b156100e357604051632fcdecd760e01b8152600481018290526024016100a9565b63ffffffff8216610100526101208190526001600160a01b038416608081905260408051637e062a3560e11b8152905163fc0c546a916004808201926020929091908290030181865afa15801561013c573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061016091906105c3565b6001600160a01b031660a0816001600160a01b031681525050836001600160a01b031663eaddc0fe6040518163ffffffff1660e01b8152600401602060405180830381865afa1580156101b5573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906101d991906105e5565b60c08181525050836001600160a01b031663947a36fb6040518163ffffffff1660e01b8152600401602060405180830381865afa15801561021c573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061024091906105e5565b60e05261024d5f84610305565b506002805463ffffffff60401b19166801000000000000000063ffffffff8516021790556102885f61027f60646103ae565b600691906103e5565b505060405163ffffffff831681527f05dc1ea42bf6db568fa068d5d22a6763f6aef6c094962a1a851234ac188378df9060200160405180910390a160408051606481525f60208201527fc8764634c540a9ab2f84b0b7722917b5d9158e1073b5f18de50685ed7a702248910160405180910390a15050505061061b565b5f828152602081815260408083206001600160a01b038516845290915281205460ff166103a5575f838152602081815260408083206001600160a01b03861684529091529020805460ff1916600117905561035d3390565b6001600160a01b0316826001600160a01b0316847f2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d60405160405180910390a45060016103a8565b505f5b92915050565b5f6001600160e01b038211156103e1576040516306dfcc6560e41b815260e06004820152602481018390526044016100a9565b5090565b5f806103f28585856103ff565b915091505b935093915050565b82545f90819080156104fb575f6104288761041b6001856105fc565b5f91825260209091200190565b805490915063ffffffff8082169164010000000090046001600160e01b031690881682111561046a57604051632520601d60e01b815260040160405180910390fd5b8763ffffffff168263ffffffff160361049e57825463ffffffff166401000000006001600160e01b038916021783556104ed565b6040805180820190915263ffffffff808a1682526001600160e01b03808a1660208085019182528d54600181018f555f8f81529190912094519151909216640100000000029216919091179101555b94508593506103f792505050565b50506040805180820190915263ffffffff80851682526001600160e01b0380851660208085019182528854600181018a555f8a8152918220955192519093166401000000000291909316179201919091559050816103f7565b6001600160a01b0381168114610568575f5ffd5b50565b5f5f5f5f6080858703121561057e575f5ffd5b845161058981610554565b602086015190945061059a81610554565b604086015190935063ffffffff811681146105b3575f5ffd5b6060959095015193969295505050565b5f602082840312156105d3575f5ffd5b81516105de81610554565b9392505050565b5f602082840312156105f5575f5ffd5b5051919050565b818103818111156103a857634e487b7160e01b5f52601160045260245ffd5b60805160a05160c05160e05161010051610120516136a66106ee5f395f81816105b20152610a1101525f818161032a0152610ec301525f818161062401528181610fe90152818161195e0152611b7501525f818161076901528181610a6f0152818161101401528181611af201528181611b4701528181611b990152611de801525f81816107b601528181610da301528181611159015281816114de015281816117f50152818161239f015261257c01525f81816103ab01528181611a710152818161242e01526124c101526136a65ff3fe608060405234801561000f575f5ffd5b50600436106102f9575f3560e01c806388177a2311610192578063c884ef83116100e8578063e87aa6be11610093578063f744e7e21161006e578063f744e7e21461079e578063fc0c546a146107b1578063ff301d87146107d8575f5ffd5b8063e87aa6be1461074a578063eaddc0fe14610764578063f1a8de591461078b575f5ffd5b8063d54ad2a1116100c3578063d54ad2a1146106d7578063ddc6a17114610724578063e37cd0b014610737575f5ffd5b8063c884ef831461069d578063cbeab516146106bc578063d547741f146106c4575f5ffd5b8063a217fddf11610148578063aea0e78b11610123578063aea0e78b14610669578063bc4d546714610677578063c64d90641461068a575f5ffd5b8063a217fddf14610646578063a3db819c1461064d578063ab52bde914610656575f5ffd5b806391d148541161017857806391d14854146105d457806393a3a65614610617578063947a36fb1461061f575f5ffd5b806388177a23146105a557806391629913146105ad575f5ffd5b80633894228e1161025257806358ec004e116101fd57806365b09d2d116101d857806365b09d2d1461057557806378c1e3cd1461058857806380cbc6fa1461059b575f5ffd5b806358ec004e146105385780635c9302c91461055a5780635d78e65d14610562575f5ffd5b8063450ac6341161022d578063450ac634146104e85780634e30a056146104fb57806353082de314610525575f5ffd5b80633894228e1461048a57806339b37cdd146104c25780633d13f874146104d5575f5ffd5b80632267716c116102b25780632f2ff15d1161028d5780632f2ff15d1461043b578063364bc15a1461045057806336568abe14610477575f5ffd5b80632267716c146103a6578063248a9ca3146103f257806324ea54f414610414575f5ffd5b8063117f5f92116102e2578063117f5f921461035a5780631395dfb51461038b5780631d3231d41461039e575f5ffd5b806301ffc9a7146102fd5780630e6bc0dd14610325575b5f5ffd5b61031061030b366004613152565b6107e0565b60405190151581526020015b60405180910390f35b61034c7f000000000000000000000000000000000000000000000000000000000000000081565b60405190815260200161031c565b6002546103769068010000000000000000900463ffffffff1681565b60405163ffffffff909116815260200161031c565b61034c610399366004613191565b610878565b61034c6108b1565b6103cd7f000000000000000000000000000000000000000000000000000000000000000081565b60405173ffffffffffffffffffffffffffffffffffffffff909116815260200161031c565b61034c610400366004613191565b5f9081526020819052604090206001015490565b61034c7f55435dd261a4b9b3364963f7738a7a662ad9c84396d64be3365284bb7f0a504181565b61044e6104493660046131cb565b6108df565b005b61034c7ffc8737ab85eb45125971625a9ebdb75cc78e01d5c1fa80c4c6e5203f47bc4fab81565b61044e6104853660046131cb565b610909565b61049d610498366004613191565b610967565b60408051938452602084019290925267ffffffffffffffff169082015260600161031c565b61044e6104d0366004613191565b610a05565b61034c6104e336600461323d565b610b0e565b61034c6104f6366004613191565b610ddf565b610503610e38565b604080519415158552602085019390935291830152606082015260800161031c565b61044e610533366004613293565b610eb7565b610310610546366004613191565b60046020525f908152604090205460ff1681565b61034c610fb4565b61034c610570366004613191565b610fc3565b61034c610583366004613191565b610fe3565b61034c610596366004613191565b611038565b61034c62278d0081565b61034c61105d565b61034c7f000000000000000000000000000000000000000000000000000000000000000081565b6103106105e23660046131cb565b5f9182526020828152604080842073ffffffffffffffffffffffffffffffffffffffff93909316845291905290205460ff1690565b61034c606481565b61034c7f000000000000000000000000000000000000000000000000000000000000000081565b61034c5f81565b61034c61271081565b61034c610664366004613191565b611076565b60025463ffffffff1661034c565b61034c6106853660046132b6565b6110a0565b61044e610698366004613191565b61152b565b61034c6106ab366004613355565b60036020525f908152604090205481565b61034c600181565b61044e6106d23660046131cb565b611752565b600254610703906c0100000000000000000000000090046fffffffffffffffffffffffffffffffff1681565b6040516fffffffffffffffffffffffffffffffff909116815260200161031c565b61034c61073236600461336e565b611776565b61034c610745366004613191565b611a39565b610752600381565b60405160ff909116815260200161031c565b61034c7f000000000000000000000000000000000000000000000000000000000000000081565b61034c610799366004613191565b611aef565b61044e6107ac366004613396565b611bbe565b6103cd7f000000000000000000000000000000000000000000000000000000000000000081565b61034c611de2565b5f7fffffffff0000000000000000000000000000000000000000000000000000000082167f7965db0b00000000000000000000000000000000000000000000000000000000148061087257507f01ffc9a7000000000000000000000000000000000000000000000000000000007fffffffff000000000000000000000000000000000000000000000000000000008316145b92915050565b5f61088d61088583611e1b565b600690611e68565b7bffffffffffffffffffffffffffffffffffffffffffffffffffffffff1692915050565b5f6108bc6005611f2b565b7bffffffffffffffffffffffffffffffffffffffffffffffffffffffff16905090565b5f828152602081905260409020600101546108f981611f79565b6109038383611f86565b50505050565b73ffffffffffffffffffffffffffffffffffffffff81163314610958576040517f6697b23200000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b610962828261207f565b505050565b6002545f908190819063ffffffff1684106109b6576040517f80cfe517000000000000000000000000000000000000000000000000000000008152600481018590526024015b60405180910390fd5b5050505f908152600160208190526040909120805491015490916fffffffffffffffffffffffffffffffff821691700100000000000000000000000000000000900467ffffffffffffffff1690565b5f610a0f81611f79565b7f0000000000000000000000000000000000000000000000000000000000000000821115610a6c576040517f2fcdecd7000000000000000000000000000000000000000000000000000000008152600481018390526024016109ad565b5f7f00000000000000000000000000000000000000000000000000000000000000004210610aac57610a9c610fb4565b610aa7906001613456565b610aae565b5f5b9050610ace610abc82611e1b565b610ac585612138565b60069190612199565b505060408051848152602081018390527fc8764634c540a9ab2f84b0b7722917b5d9158e1073b5f18de50685ed7a702248910160405180910390a1505050565b5f610b176121b3565b5f5f5f610b2261223b565b925092509250610b4c868684610b478c8c5f9182526020908152604082208252902090565b612303565b610ba1576040517fadbd651200000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff89166004820152602481018890526044016109ad565b73ffffffffffffffffffffffffffffffffffffffff88165f90815260036020526040902054808811610c25576040517f0cfa2bb000000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8a16600482015260248101899052604481018290526064016109ad565b610c2f8189613469565b6002549095505f90610c649087906c0100000000000000000000000090046fffffffffffffffffffffffffffffffff16613456565b905082811115610caa576040517fdfc30fd600000000000000000000000000000000000000000000000000000000815260048101829052602481018490526044016109ad565b73ffffffffffffffffffffffffffffffffffffffff8a165f908152600360205260409020899055610cda8161231a565b600280546fffffffffffffffffffffffffffffffff929092166c01000000000000000000000000027fffffffff00000000000000000000000000000000ffffffffffffffffffffffff90921691909117905560408051878152602081018b9052869173ffffffffffffffffffffffffffffffffffffffff8d16917f9cdcf2f7714cca3508c7f0110b04a90a80a3a8dd0e35de99689db74d28c5383e910160405180910390a3610d888661236f565b50610dca73ffffffffffffffffffffffffffffffffffffffff7f0000000000000000000000000000000000000000000000000000000000000000168b88612646565b5050505050610dd76126d3565b949350505050565b5f5f610dea83611038565b90505f610e01610df985611e1b565b600590611e68565b7bffffffffffffffffffffffffffffffffffffffffffffffffffffffff169050818111610e2e575f610dd7565b610dd78282613469565b5f5f5f5f5f610e456126fd565b9050805f03610e6057505f9350839250829150819050610eb1565b5f600181610e6e8285613469565b81526020019081526020015f20905060018083610e8b9190613469565b825460019093015491975095509093506fffffffffffffffffffffffffffffffff169150505b90919293565b5f610ec181611f79565b7f00000000000000000000000000000000000000000000000000000000000000008263ffffffff161080610efd575062278d008263ffffffff16115b15610f3c576040517fa424e82000000000000000000000000000000000000000000000000000000000815263ffffffff831660048201526024016109ad565b600280547fffffffffffffffffffffffffffffffffffffffff00000000ffffffffffffffff166801000000000000000063ffffffff8516908102919091179091556040519081527f05dc1ea42bf6db568fa068d5d22a6763f6aef6c094962a1a851234ac188378df9060200160405180910390a15050565b5f610fbe42611aef565b905090565b5f610fcd82611038565b610fd961074584610fe3565b6108729190613469565b5f61100e7f00000000000000000000000000000000000000000000000000000000000000008361347c565b610872907f0000000000000000000000000000000000000000000000000000000000000000613456565b5f815f0361104757505f919050565b61088d610df9611058600185613469565b611e1b565b5f610fbe611069610fb4565b6110716108b1565b612834565b5f61271061108383610878565b61108c84610fc3565b611096919061347c565b61087291906134c0565b5f6110a96121b3565b8584811415806110b95750828114155b156110f0576040517fff633a3800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f5f5f6110fb61223b565b6002546040517f70a0823100000000000000000000000000000000000000000000000000000000815230600482015293965091945092506c0100000000000000000000000090046fffffffffffffffffffffffffffffffff16905f907f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff16906370a0823190602401602060405180830381865afa1580156111b3573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906111d791906134f8565b90505f5b86811015611512575f8e8e838181106111f6576111f661350f565b905060200201602081019061120b9190613355565b90505f8d8d848181106112205761122061350f565b9050602002013590506112688c8c8581811061123e5761123e61350f565b9050602002810190611250919061353c565b5f858152602085815260408220825290208a90612303565b6112c3578173ffffffffffffffffffffffffffffffffffffffff167f22cdf744b68ab26213d3e4ea1f1d7585466e185e762ffda0c04a1d1851e30784825f6040516112b49291906135a0565b60405180910390a2505061150a565b73ffffffffffffffffffffffffffffffffffffffff82165f90815260036020526040902054808211611348578273ffffffffffffffffffffffffffffffffffffffff167f22cdf744b68ab26213d3e4ea1f1d7585466e185e762ffda0c04a1d1851e307848360016040516113389291906135a0565b60405180910390a250505061150a565b5f6113538284613469565b9050876113608289613456565b11156113c0578373ffffffffffffffffffffffffffffffffffffffff167f22cdf744b68ab26213d3e4ea1f1d7585466e185e762ffda0c04a1d1851e307848460026040516113af9291906135a0565b60405180910390a25050505061150a565b73ffffffffffffffffffffffffffffffffffffffff84165f9081526003602052604090208390556113f18188613456565b600280547fffffffff00000000000000000000000000000000ffffffffffffffffffffffff166c010000000000000000000000006fffffffffffffffffffffffffffffffff8416021790559650611448818d613456565b9b50898473ffffffffffffffffffffffffffffffffffffffff167f9cdcf2f7714cca3508c7f0110b04a90a80a3a8dd0e35de99689db74d28c5383e838660405161149c929190918252602082015260400190565b60405180910390a3858111156114b8576114b58161236f565b95505b6114c28187613469565b955061150573ffffffffffffffffffffffffffffffffffffffff7f0000000000000000000000000000000000000000000000000000000000000000168583612646565b505050505b6001016111db565b505050505050506115216126d3565b9695505050505050565b7f55435dd261a4b9b3364963f7738a7a662ad9c84396d64be3365284bb7f0a504161155581611f79565b60025463ffffffff1680831061159a576040517f80cfe517000000000000000000000000000000000000000000000000000000008152600481018490526024016109ad565b5f83815260016020819052604090912090810154700100000000000000000000000000000000900467ffffffffffffffff16428111611618576040517f695bc5430000000000000000000000000000000000000000000000000000000081526004810186905267ffffffffffffffff821660248201526044016109ad565b81545f81815260046020526040812080547fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00166001179055861561168d5760015f611663828a613469565b815260208101919091526040015f20600101546fffffffffffffffffffffffffffffffff1661168f565b5f5b6fffffffffffffffffffffffffffffffff1690506116ac87611e1b565b600280547fffffffffffffffffffffffffffffffffffffffffffffffffffffffff000000001663ffffffff929092169190911790556117016116ef611058610fb4565b6116f883612138565b60059190612199565b50829050877f5af1dd43387ae8d6659d38c055491f527aa55d5018c3c3bef197cd5cd444175b611732600189613469565b60408051918252602082018690520160405180910390a350505050505050565b5f8281526020819052604090206001015461176c81611f79565b610903838361207f565b5f5f61178183610fe3565b90504281106117c6576040517fdefb45dc00000000000000000000000000000000000000000000000000000000815260048101849052602481018290526044016109ad565b6040517f8e539e8c000000000000000000000000000000000000000000000000000000008152600481018290527f0000000000000000000000000000000000000000000000000000000000000000905f9073ffffffffffffffffffffffffffffffffffffffff831690638e539e8c90602401602060405180830381865afa158015611853573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061187791906134f8565b9050805f0361188b575f9350505050610872565b6040517f3a46b1a800000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8781166004830152602482018590525f9190841690633a46b1a890604401602060405180830381865afa1580156118ff573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061192391906134f8565b9050851580159061193357508015155b15611a1b57611a188173ffffffffffffffffffffffffffffffffffffffff8516633a46b1a88a6119837f00000000000000000000000000000000000000000000000000000000000000008a613469565b6040517fffffffff0000000000000000000000000000000000000000000000000000000060e085901b16815273ffffffffffffffffffffffffffffffffffffffff90921660048301526024820152604401602060405180830381865afa1580156119ef573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190611a1391906134f8565b6128a5565b90505b611a2e611a2787611076565b82846128b4565b979650505050505050565b6040517f8332680400000000000000000000000000000000000000000000000000000000815260036004820152602481018290525f907f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff1690638332680490604401602060405180830381865afa158015611acb573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061087291906134f8565b5f7f0000000000000000000000000000000000000000000000000000000000000000821015611b73576040517f836054f1000000000000000000000000000000000000000000000000000000008152600481018390527f000000000000000000000000000000000000000000000000000000000000000060248201526044016109ad565b7f00000000000000000000000000000000000000000000000000000000000000006110967f000000000000000000000000000000000000000000000000000000000000000084613469565b7ffc8737ab85eb45125971625a9ebdb75cc78e01d5c1fa80c4c6e5203f47bc4fab611be881611f79565b60025463ffffffff168714611c3c576002546040517f7ed884370000000000000000000000000000000000000000000000000000000081526004810189905263ffffffff90911660248201526044016109ad565b5f611c478888612964565b90505f5f611c5488612acd565b9150915060405180606001604052808a8152602001611c728a61231a565b6fffffffffffffffffffffffffffffffff908116825267ffffffffffffffff8087166020938401525f8e81526001808552604080832087518155958701519590910180549690910151909216700100000000000000000000000000000000027fffffffffffffffff0000000000000000000000000000000000000000000000009095169390921692909217929092179055611d0b6126fd565b9050611d1b6110588c6001613456565b600280547fffffffffffffffffffffffffffffffffffffffffffffffffffffffff000000001663ffffffff92909216919091179055611d5981611e1b565b600260046101000a81548163ffffffff021916908363ffffffff160217905550611d8e611d8584611e1b565b6116f88b612138565b5050898b7f7e4147ada7099475ce5e70521fd331e8edfb0b71c3a8457065ec1ee599c271ff8b8587898e8e8e604051611dcd97969594939291906135e9565b60405180910390a35050505050505050505050565b5f610fbe7f00000000000000000000000000000000000000000000000000000000000000004210611e1557610399610fb4565b5f610878565b5f63ffffffff821115611e64576040517f6dfcc65000000000000000000000000000000000000000000000000000000000815260206004820152602481018390526044016109ad565b5090565b81545f9081816005811115611ec2575f611e8184612b8c565b611e8b9085613469565b5f8881526020902090915081015463ffffffff9081169087161015611eb257809150611ec0565b611ebd816001613456565b92505b505b5f611ecf87878585612cf1565b90508015611f1f57611ef387611ee6600184613469565b5f91825260209091200190565b5464010000000090047bffffffffffffffffffffffffffffffffffffffffffffffffffffffff16611a2e565b505f9695505050505050565b80545f908015611f7057611f4483611ee6600184613469565b5464010000000090047bffffffffffffffffffffffffffffffffffffffffffffffffffffffff16611f72565b5f5b9392505050565b611f838133612d4c565b50565b5f8281526020818152604080832073ffffffffffffffffffffffffffffffffffffffff8516845290915281205460ff16612078575f8381526020818152604080832073ffffffffffffffffffffffffffffffffffffffff86168452909152902080547fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff001660011790556120163390565b73ffffffffffffffffffffffffffffffffffffffff168273ffffffffffffffffffffffffffffffffffffffff16847f2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d60405160405180910390a4506001610872565b505f610872565b5f8281526020818152604080832073ffffffffffffffffffffffffffffffffffffffff8516845290915281205460ff1615612078575f8381526020818152604080832073ffffffffffffffffffffffffffffffffffffffff8616808552925280832080547fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0016905551339286917ff6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b9190a4506001610872565b5f7bffffffffffffffffffffffffffffffffffffffffffffffffffffffff821115611e64576040517f6dfcc65000000000000000000000000000000000000000000000000000000000815260e06004820152602481018390526044016109ad565b5f806121a6858585612dd5565b915091505b935093915050565b7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005c1561220c576040517f3ee5aeb500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b61223960017f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005b90612f8a565b565b5f5f5f5f6122476126fd565b9050805f03612282576040517f58daf7b600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b600254640100000000900463ffffffff1681146122c3576122a281611e1b565b600260046101000a81548163ffffffff021916908363ffffffff1602179055505b6122ce600182613469565b5f818152600160208190526040909120805491015491969095506fffffffffffffffffffffffffffffffff9091169350915050565b5f82612310868685612f91565b1495945050505050565b5f6fffffffffffffffffffffffffffffffff821115611e64576040517f6dfcc65000000000000000000000000000000000000000000000000000000000815260806004820152602481018390526044016109ad565b6040517f70a082310000000000000000000000000000000000000000000000000000000081523060048201525f907f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff16906370a0823190602401602060405180830381865afa1580156123f9573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061241d91906134f8565b905081811061242b57919050565b5f7f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff1663fbccedae6040518163ffffffff1660e01b8152600401602060405180830381865afa158015612495573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906124b991906134f8565b11156125fd577f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff166386d1a69f6040518163ffffffff1660e01b81526004016020604051808303815f875af1158015612529573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061254d91906134f8565b506040517f70a082310000000000000000000000000000000000000000000000000000000081523060048201527f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff16906370a0823190602401602060405180830381865afa1580156125d6573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906125fa91906134f8565b90505b81811015612641576040517fce9514f900000000000000000000000000000000000000000000000000000000815260048101829052602481018390526044016109ad565b919050565b6040805173ffffffffffffffffffffffffffffffffffffffff8416602482015260448082018490528251808303909101815260649091019091526020810180517bffffffffffffffffffffffffffffffffffffffffffffffffffffffff167fa9059cbb00000000000000000000000000000000000000000000000000000000179052610962908490612fd2565b6122395f7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f00612233565b60025463ffffffff6401000000008204811691168082148061274e57505f82815260016020819052604090912001544270010000000000000000000000000000000090910467ffffffffffffffff16115b15612757575090565b4260015f6127658285613469565b815260208101919091526040015f2060010154700100000000000000000000000000000000900467ffffffffffffffff16116127a057919050565b5f6127ac600183613469565b90506127b783613662565b92505b8083101561282f575f60026127cf8386613456565b6127d991906134c0565b5f81815260016020819052604090912001549091504270010000000000000000000000000000000090910467ffffffffffffffff16116128255761281e816001613456565b9350612829565b8091505b506127ba565b505090565b5f5f61283f84611038565b90505f61271061284e86610878565b8361285b61074589610fe3565b6128659190613469565b61286f919061347c565b61287991906134c0565b6128839083613456565b9050838111612892575f61289c565b61289c8482613469565b95945050505050565b5f828218828410028218611f72565b5f5f5f6128c18686613071565b91509150815f036128e5578381816128db576128db613493565b0492505050611f72565b8184116128fc576128fc60038515026011186130ac565b5f848688095f868103871696879004966002600389028118808a02820302808a02820302808a02820302808a02820302808a02820302808a02909103029181900381900460010185841190960395909502919093039390930492909217029150509392505050565b5f8161299c576040517fb263ae7300000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f8281526004602052604090205460ff16156129e7576040517f90bababf000000000000000000000000000000000000000000000000000000008152600481018390526024016109ad565b600254612a0f90612a0a9068010000000000000000900463ffffffff1642613456565b6130bd565b90508215610872575f600181612a258287613469565b81526020019081526020015f20905082815f015403612a73576040517f96095d19000000000000000000000000000000000000000000000000000000008152600481018490526024016109ad565b600181015467ffffffffffffffff808416700100000000000000000000000000000000909204161115612ac6576001810154700100000000000000000000000000000000900467ffffffffffffffff1691505b5092915050565b5f5f612ad7610fb4565b91505f612ae26108b1565b905080841015612b28576040517f44b0cea200000000000000000000000000000000000000000000000000000000815260048101859052602481018290526044016109ad565b612b328185613469565b91505f612b3f8483612834565b905080831115612b85576040517f755b0cdd00000000000000000000000000000000000000000000000000000000815260048101849052602481018290526044016109ad565b5050915091565b5f60018211612b99575090565b8160017001000000000000000000000000000000008210612bbf5760809190911c9060401b5b680100000000000000008210612bda5760409190911c9060201b5b6401000000008210612bf15760209190911c9060101b5b620100008210612c065760109190911c9060081b5b6101008210612c1a5760089190911c9060041b5b60108210612c2d5760049190911c9060021b5b60048210612c395760011b5b600302600190811c90818581612c5157612c51613493565b048201901c90506001818581612c6957612c69613493565b048201901c90506001818581612c8157612c81613493565b048201901c90506001818581612c9957612c99613493565b048201901c90506001818581612cb157612cb1613493565b048201901c90506001818581612cc957612cc9613493565b048201901c9050612ce8818581612ce257612ce2613493565b04821190565b90039392505050565b5f5b81831015612d44575f612d06848461310c565b5f8781526020902090915063ffffffff86169082015463ffffffff161115612d3057809250612d3e565b612d3b816001613456565b93505b50612cf3565b509392505050565b5f8281526020818152604080832073ffffffffffffffffffffffffffffffffffffffff8516845290915290205460ff16612dd1576040517fe2517d3f00000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff82166004820152602481018390526044016109ad565b5050565b82545f9081908015612f1c575f612df187611ee6600185613469565b805490915063ffffffff8082169164010000000090047bffffffffffffffffffffffffffffffffffffffffffffffffffffffff16908816821115612e61576040517f2520601d00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b8763ffffffff168263ffffffff1603612eaa57825463ffffffff166401000000007bffffffffffffffffffffffffffffffffffffffffffffffffffffffff891602178355612f0e565b6040805180820190915263ffffffff808a1682527bffffffffffffffffffffffffffffffffffffffffffffffffffffffff808a1660208085019182528d54600181018f555f8f81529190912094519151909216640100000000029216919091179101555b94508593506121ab92505050565b50506040805180820190915263ffffffff80851682527bffffffffffffffffffffffffffffffffffffffffffffffffffffffff80851660208085019182528854600181018a555f8a8152918220955192519093166401000000000291909316179201919091559050816121ab565b80825d5050565b5f81815b84811015612fc957612fbf82878784818110612fb357612fb361350f565b90506020020135613126565b9150600101612f95565b50949350505050565b5f5f60205f8451602086015f885af180612ff1576040513d5f823e3d81fd5b50505f513d91508115613008578060011415613022565b73ffffffffffffffffffffffffffffffffffffffff84163b155b15610903576040517f5274afe700000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff851660048201526024016109ad565b5f807fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff83850993909202808410938190039390930393915050565b634e487b715f52806020526024601cfd5b5f67ffffffffffffffff821115611e6457604080517f6dfcc6500000000000000000000000000000000000000000000000000000000081526004810191909152602481018390526044016109ad565b5f61311a60028484186134c0565b611f7290848416613456565b5f818310613140575f828152602084905260409020611f72565b5f838152602083905260409020611f72565b5f60208284031215613162575f5ffd5b81357fffffffff0000000000000000000000000000000000000000000000000000000081168114611f72575f5ffd5b5f602082840312156131a1575f5ffd5b5035919050565b803573ffffffffffffffffffffffffffffffffffffffff81168114612641575f5ffd5b5f5f604083850312156131dc575f5ffd5b823591506131ec602084016131a8565b90509250929050565b5f5f83601f840112613205575f5ffd5b50813567ffffffffffffffff81111561321c575f5ffd5b6020830191508360208260051b8501011115613236575f5ffd5b9250929050565b5f5f5f5f60608587031215613250575f5ffd5b613259856131a8565b935060208501359250604085013567ffffffffffffffff81111561327b575f5ffd5b613287878288016131f5565b95989497509550505050565b5f602082840312156132a3575f5ffd5b813563ffffffff81168114611f72575f5ffd5b5f5f5f5f5f5f606087890312156132cb575f5ffd5b863567ffffffffffffffff8111156132e1575f5ffd5b6132ed89828a016131f5565b909750955050602087013567ffffffffffffffff81111561330c575f5ffd5b61331889828a016131f5565b909550935050604087013567ffffffffffffffff811115613337575f5ffd5b61334389828a016131f5565b979a9699509497509295939492505050565b5f60208284031215613365575f5ffd5b611f72826131a8565b5f5f6040838503121561337f575f5ffd5b613388836131a8565b946020939093013593505050565b5f5f5f5f5f5f60a087890312156133ab575f5ffd5b86359550602087013594506040870135935060608701359250608087013567ffffffffffffffff8111156133dd575f5ffd5b8701601f810189136133ed575f5ffd5b803567ffffffffffffffff811115613403575f5ffd5b896020828401011115613414575f5ffd5b60208201935080925050509295509295509295565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b8082018082111561087257610872613429565b8181038181111561087257610872613429565b808202811582820484141761087257610872613429565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601260045260245ffd5b5f826134f3577f4e487b71000000000000000000000000000000000000000000000000000000005f52601260045260245ffd5b500490565b5f60208284031215613508575f5ffd5b5051919050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603260045260245ffd5b5f5f83357fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe184360301811261356f575f5ffd5b83018035915067ffffffffffffffff821115613589575f5ffd5b6020019150600581901b3603821315613236575f5ffd5b82815260408101600383106135dc577f4e487b71000000000000000000000000000000000000000000000000000000005f52602160045260245ffd5b8260208301529392505050565b87815286602082015285604082015267ffffffffffffffff8516606082015283608082015260c060a08201528160c0820152818360e08301375f81830160e090810191909152601f9092017fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe01601019695505050505050565b5f7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff820361369257613692613429565b506001019056fea164736f6c634300081e000a",
}

// ComputePoolABI is the input ABI used to generate the binding from.
// Deprecated: Use ComputePoolMetaData.ABI instead.
var ComputePoolABI = ComputePoolMetaData.ABI

// ComputePoolBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use ComputePoolMetaData.Bin instead.
var ComputePoolBin = ComputePoolMetaData.Bin

// DeployComputePool deploys a new Ethereum contract, binding an instance of ComputePool to it.
func DeployComputePool(auth *bind.TransactOpts, backend bind.ContractBackend, emissions_ common.Address, admin common.Address, disputeWindow_ uint32, maxBudgetBps_ *big.Int) (common.Address, *types.Transaction, *ComputePool, error) {
	parsed, err := ComputePoolMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(ComputePoolBin), backend, emissions_, admin, disputeWindow_, maxBudgetBps_)
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

// CommitRoot is a paid mutator transaction binding the contract method 0xf744e7e2.
//
// Solidity: function commitRoot(uint256 epoch, bytes32 root, uint256 cumulativeTotal, bytes32 batchHash, string uri) returns()
func (_ComputePool *ComputePoolTransactor) CommitRoot(opts *bind.TransactOpts, epoch *big.Int, root [32]byte, cumulativeTotal *big.Int, batchHash [32]byte, uri string) (*types.Transaction, error) {
	return _ComputePool.contract.Transact(opts, "commitRoot", epoch, root, cumulativeTotal, batchHash, uri)
}

// CommitRoot is a paid mutator transaction binding the contract method 0xf744e7e2.
//
// Solidity: function commitRoot(uint256 epoch, bytes32 root, uint256 cumulativeTotal, bytes32 batchHash, string uri) returns()
func (_ComputePool *ComputePoolSession) CommitRoot(epoch *big.Int, root [32]byte, cumulativeTotal *big.Int, batchHash [32]byte, uri string) (*types.Transaction, error) {
	return _ComputePool.Contract.CommitRoot(&_ComputePool.TransactOpts, epoch, root, cumulativeTotal, batchHash, uri)
}

// CommitRoot is a paid mutator transaction binding the contract method 0xf744e7e2.
//
// Solidity: function commitRoot(uint256 epoch, bytes32 root, uint256 cumulativeTotal, bytes32 batchHash, string uri) returns()
func (_ComputePool *ComputePoolTransactorSession) CommitRoot(epoch *big.Int, root [32]byte, cumulativeTotal *big.Int, batchHash [32]byte, uri string) (*types.Transaction, error) {
	return _ComputePool.Contract.CommitRoot(&_ComputePool.TransactOpts, epoch, root, cumulativeTotal, batchHash, uri)
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
