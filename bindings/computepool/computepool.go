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
	ABI: "[{\"type\":\"constructor\",\"inputs\":[{\"name\":\"emissions_\",\"type\":\"address\",\"internalType\":\"contractIEmissions\"},{\"name\":\"admin\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"disputeWindow_\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"COMPUTE_BUCKET\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint8\",\"internalType\":\"uint8\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"DEFAULT_ADMIN_ROLE\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"DEFAULT_BUDGET_BPS\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"GUARDIAN_ROLE\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"KEEPER_ROLE\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_BUDGET_BPS\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_DISPUTE_WINDOW\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"allowance\",\"inputs\":[{\"name\":\"user\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"budget\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"budgetBps\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"budgetBpsAt\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"claim\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"cumulativeAmount\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"proof\",\"type\":\"bytes32[]\",\"internalType\":\"bytes32[]\"}],\"outputs\":[{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"claimMany\",\"inputs\":[{\"name\":\"accounts\",\"type\":\"address[]\",\"internalType\":\"address[]\"},{\"name\":\"cumulativeAmounts\",\"type\":\"uint256[]\",\"internalType\":\"uint256[]\"},{\"name\":\"proofs\",\"type\":\"bytes32[][]\",\"internalType\":\"bytes32[][]\"}],\"outputs\":[{\"name\":\"paid\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"claimableEpoch\",\"inputs\":[],\"outputs\":[{\"name\":\"exists\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"root\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"cumulativeTotal\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"claimed\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"commitRoot\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"root\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"cumulativeTotal\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"batchHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"uri\",\"type\":\"string\",\"internalType\":\"string\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"committedBefore\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"committedOn\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"computeAccrued\",\"inputs\":[{\"name\":\"timestamp\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"computeBalance\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"currentDay\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"dayOf\",\"inputs\":[{\"name\":\"timestamp\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"dayStart\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"disputeWindow\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"emissions\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"contractIEmissions\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"epochInfo\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"root\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"cumulativeTotal\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"claimableAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getRoleAdmin\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"grantRole\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"hasRole\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"interval\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"isVetoed\",\"inputs\":[{\"name\":\"root\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"nextEpoch\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"payoutStart\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"remainingBudget\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"renounceRole\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"callerConfirmation\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"revokeRole\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setBudgetBps\",\"inputs\":[{\"name\":\"budgetBps_\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setDisputeWindow\",\"inputs\":[{\"name\":\"disputeWindow_\",\"type\":\"uint32\",\"internalType\":\"uint32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"supportsInterface\",\"inputs\":[{\"name\":\"interfaceId\",\"type\":\"bytes4\",\"internalType\":\"bytes4\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"token\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"contractIERC20\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"totalClaimed\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint128\",\"internalType\":\"uint128\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"totalCommitted\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"vetoRoot\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"event\",\"name\":\"BudgetBpsSet\",\"inputs\":[{\"name\":\"budgetBps\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"effectiveDay\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"ClaimSkipped\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"cumulativeAmount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"reason\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"enumComputePool.SkipReason\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Claimed\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"epoch\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"amount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"cumulativeAmount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"DisputeWindowSet\",\"inputs\":[{\"name\":\"disputeWindow\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RoleAdminChanged\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"previousAdminRole\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"newAdminRole\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RoleGranted\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"account\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"sender\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RoleRevoked\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"account\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"sender\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RootCommitted\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"root\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"cumulativeTotal\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"delta\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"day\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"claimableAt\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"batchHash\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"},{\"name\":\"uri\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RootVetoed\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"indexed\":true,\"internalType\":\"uint256\"},{\"name\":\"root\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"discardedThrough\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"totalCommitted\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"error\",\"name\":\"AccessControlBadConfirmation\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"AccessControlUnauthorizedAccount\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"neededRole\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"BeforePayoutStart\",\"inputs\":[{\"name\":\"timestamp\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"payoutStart\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"CheckpointUnorderedInsertion\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"CumulativeTotalDecreased\",\"inputs\":[{\"name\":\"cumulativeTotal\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"totalCommitted\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"DayNotStarted\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"dayStart\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"DisputeWindowOver\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"claimableAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"EpochOutOfOrder\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"expected\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ExceedsCommitted\",\"inputs\":[{\"name\":\"totalClaimed\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"cumulativeTotal\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InsufficientPoolBalance\",\"inputs\":[{\"name\":\"balance\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"needed\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidBudgetBps\",\"inputs\":[{\"name\":\"budgetBps\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidDisputeWindow\",\"inputs\":[{\"name\":\"disputeWindow\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidProof\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"cumulativeAmount\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"LengthMismatch\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"NoClaimableRoot\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"NothingToClaim\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"cumulativeAmount\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"claimed\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"OverBudget\",\"inputs\":[{\"name\":\"delta\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"remaining\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ReentrancyGuardReentrantCall\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"RootUnchanged\",\"inputs\":[{\"name\":\"root\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"SafeCastOverflowedUintDowncast\",\"inputs\":[{\"name\":\"bits\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"value\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"SafeERC20FailedOperation\",\"inputs\":[{\"name\":\"token\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"UnknownEpoch\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"VetoedRoot\",\"inputs\":[{\"name\":\"root\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"ZeroAddress\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"ZeroRoot\",\"inputs\":[]}]",
	Bin: "0x610100604052348015610010575f5ffd5b50604051613baa380380613baa83398101604081905261002f91610517565b6001600160a01b038316158061004c57506001600160a01b038216155b1561006a5760405163d92e233d60e01b815260040160405180910390fd5b62278d008163ffffffff1611156100a157604051630521274160e51b815263ffffffff821660048201526024015b60405180910390fd5b6001600160a01b038316608081905260408051637e062a3560e11b8152905163fc0c546a916004808201926020929091908290030181865afa1580156100e9573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061010d9190610569565b6001600160a01b031660a0816001600160a01b031681525050826001600160a01b031663eaddc0fe6040518163ffffffff1660e01b8152600401602060405180830381865afa158015610162573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610186919061058b565b60c08181525050826001600160a01b031663947a36fb6040518163ffffffff1660e01b8152600401602060405180830381865afa1580156101c9573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906101ed919061058b565b60e0526101fa5f836102b1565b506002805463ffffffff60401b19166801000000000000000063ffffffff8416021790556102355f61022c606461035a565b60069190610391565b505060405163ffffffff821681527f05dc1ea42bf6db568fa068d5d22a6763f6aef6c094962a1a851234ac188378df9060200160405180910390a160408051606481525f60208201527fc8764634c540a9ab2f84b0b7722917b5d9158e1073b5f18de50685ed7a702248910160405180910390a15050506105c1565b5f828152602081815260408083206001600160a01b038516845290915281205460ff16610351575f838152602081815260408083206001600160a01b03861684529091529020805460ff191660011790556103093390565b6001600160a01b0316826001600160a01b0316847f2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d60405160405180910390a4506001610354565b505f5b92915050565b5f6001600160e01b0382111561038d576040516306dfcc6560e41b815260e0600482015260248101839052604401610098565b5090565b5f8061039e8585856103ab565b915091505b935093915050565b82545f90819080156104a7575f6103d4876103c76001856105a2565b5f91825260209091200190565b805490915063ffffffff8082169164010000000090046001600160e01b031690881682111561041657604051632520601d60e01b815260040160405180910390fd5b8763ffffffff168263ffffffff160361044a57825463ffffffff166401000000006001600160e01b03891602178355610499565b6040805180820190915263ffffffff808a1682526001600160e01b03808a1660208085019182528d54600181018f555f8f81529190912094519151909216640100000000029216919091179101555b94508593506103a392505050565b50506040805180820190915263ffffffff80851682526001600160e01b0380851660208085019182528854600181018a555f8a8152918220955192519093166401000000000291909316179201919091559050816103a3565b6001600160a01b0381168114610514575f5ffd5b50565b5f5f5f60608486031215610529575f5ffd5b835161053481610500565b602085015190935061054581610500565b604085015190925063ffffffff8116811461055e575f5ffd5b809150509250925092565b5f60208284031215610579575f5ffd5b815161058481610500565b9392505050565b5f6020828403121561059b575f5ffd5b5051919050565b8181038181111561035457634e487b7160e01b5f52601160045260245ffd5b60805160a05160c05160e0516135386106725f395f81816105b501528181610f2501526119d201525f81816106f2015281816109da01528181610f500152818161194f015281816119a4015281816119f60152611c4501525f818161073f01528181610d0f015281816110950152818161141c015281816117350152818161181e01528181612232015261240f01525f8181610363015281816118ce015281816122c1015261235401526135385ff3fe608060405234801561000f575f5ffd5b50600436106102d8575f3560e01c806380cbc6fa11610187578063c884ef83116100dd578063e87aa6be11610093578063f744e7e21161006e578063f744e7e214610727578063fc0c546a1461073a578063ff301d8714610761575f5ffd5b8063e87aa6be146106d3578063eaddc0fe146106ed578063f1a8de5914610714575f5ffd5b8063d54ad2a1116100c3578063d54ad2a114610660578063ddc6a171146106ad578063e37cd0b0146106c0575f5ffd5b8063c884ef831461062e578063d547741f1461064d575f5ffd5b8063a217fddf1161013d578063aea0e78b11610118578063aea0e78b146105fa578063bc4d546714610608578063c64d90641461061b575f5ffd5b8063a217fddf146105d7578063a3db819c146105de578063ab52bde9146105e7575f5ffd5b806391d148541161016d57806391d148541461056557806393a3a656146105a8578063947a36fb146105b0575f5ffd5b806380cbc6fa1461055357806388177a231461055d575f5ffd5b80633894228e1161023c57806353082de3116101f25780635d78e65d116101cd5780635d78e65d1461051a57806365b09d2d1461052d57806378c1e3cd14610540575f5ffd5b806353082de3146104dd57806358ec004e146104f05780635c9302c914610512575f5ffd5b80633d13f874116102225780633d13f8741461048d578063450ac634146104a05780634e30a056146104b3575f5ffd5b80633894228e1461044257806339b37cdd1461047a575f5ffd5b8063248a9ca3116102915780632f2ff15d116102775780632f2ff15d146103f3578063364bc15a1461040857806336568abe1461042f575f5ffd5b8063248a9ca3146103aa57806324ea54f4146103cc575f5ffd5b80631395dfb5116102c15780631395dfb5146103355780631d3231d4146103565780632267716c1461035e575f5ffd5b806301ffc9a7146102dc578063117f5f9214610304575b5f5ffd5b6102ef6102ea366004612fe4565b610769565b60405190151581526020015b60405180910390f35b6002546103209068010000000000000000900463ffffffff1681565b60405163ffffffff90911681526020016102fb565b610348610343366004613023565b610801565b6040519081526020016102fb565b61034861083a565b6103857f000000000000000000000000000000000000000000000000000000000000000081565b60405173ffffffffffffffffffffffffffffffffffffffff90911681526020016102fb565b6103486103b8366004613023565b5f9081526020819052604090206001015490565b6103487f55435dd261a4b9b3364963f7738a7a662ad9c84396d64be3365284bb7f0a504181565b61040661040136600461305d565b610868565b005b6103487ffc8737ab85eb45125971625a9ebdb75cc78e01d5c1fa80c4c6e5203f47bc4fab81565b61040661043d36600461305d565b610892565b610455610450366004613023565b6108f0565b60408051938452602084019290925267ffffffffffffffff16908201526060016102fb565b610406610488366004613023565b61098e565b61034861049b3660046130cf565b610a79565b6103486104ae366004613023565b610d4b565b6104bb610da4565b60408051941515855260208501939093529183015260608201526080016102fb565b6104066104eb366004613125565b610e23565b6102ef6104fe366004613023565b60046020525f908152604090205460ff1681565b610348610ef0565b610348610528366004613023565b610eff565b61034861053b366004613023565b610f1f565b61034861054e366004613023565b610f74565b61034862278d0081565b610348610f99565b6102ef61057336600461305d565b5f9182526020828152604080842073ffffffffffffffffffffffffffffffffffffffff93909316845291905290205460ff1690565b610348606481565b6103487f000000000000000000000000000000000000000000000000000000000000000081565b6103485f81565b61034861271081565b6103486105f5366004613023565b610fb2565b60025463ffffffff16610348565b610348610616366004613148565b610fdc565b610406610629366004613023565b611469565b61034861063c3660046131e7565b60036020525f908152604090205481565b61040661065b36600461305d565b611690565b60025461068c906c0100000000000000000000000090046fffffffffffffffffffffffffffffffff1681565b6040516fffffffffffffffffffffffffffffffff90911681526020016102fb565b6103486106bb366004613200565b6116b4565b6103486106ce366004613023565b611896565b6106db600381565b60405160ff90911681526020016102fb565b6103487f000000000000000000000000000000000000000000000000000000000000000081565b610348610722366004613023565b61194c565b610406610735366004613228565b611a1b565b6103857f000000000000000000000000000000000000000000000000000000000000000081565b610348611c3f565b5f7fffffffff0000000000000000000000000000000000000000000000000000000082167f7965db0b0000000000000000000000000000000000000000000000000000000014806107fb57507f01ffc9a7000000000000000000000000000000000000000000000000000000007fffffffff000000000000000000000000000000000000000000000000000000008316145b92915050565b5f61081661080e83611c78565b600690611cc5565b7bffffffffffffffffffffffffffffffffffffffffffffffffffffffff1692915050565b5f6108456005611d89565b7bffffffffffffffffffffffffffffffffffffffffffffffffffffffff16905090565b5f8281526020819052604090206001015461088281611dd7565b61088c8383611de4565b50505050565b73ffffffffffffffffffffffffffffffffffffffff811633146108e1576040517f6697b23200000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6108eb8282611edd565b505050565b6002545f908190819063ffffffff16841061093f576040517f80cfe517000000000000000000000000000000000000000000000000000000008152600481018590526024015b60405180910390fd5b5050505f908152600160208190526040909120805491015490916fffffffffffffffffffffffffffffffff821691700100000000000000000000000000000000900467ffffffffffffffff1690565b5f61099881611dd7565b6127108211156109d7576040517f2fcdecd700000000000000000000000000000000000000000000000000000000815260048101839052602401610936565b5f7f00000000000000000000000000000000000000000000000000000000000000004210610a1757610a07610ef0565b610a129060016132e8565b610a19565b5f5b9050610a39610a2782611c78565b610a3085611f96565b60069190611ff7565b505060408051848152602081018390527fc8764634c540a9ab2f84b0b7722917b5d9158e1073b5f18de50685ed7a702248910160405180910390a1505050565b5f610a82612011565b5f5f5f610a8d612099565b925092509250610ab886868585610ab38d8d5f9182526020908152604082208252902090565b612161565b610b0d576040517fadbd651200000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8916600482015260248101889052604401610936565b73ffffffffffffffffffffffffffffffffffffffff88165f90815260036020526040902054808811610b91576040517f0cfa2bb000000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8a1660048201526024810189905260448101829052606401610936565b610b9b81896132fb565b6002549095505f90610bd09087906c0100000000000000000000000090046fffffffffffffffffffffffffffffffff166132e8565b905082811115610c16576040517fdfc30fd60000000000000000000000000000000000000000000000000000000081526004810182905260248101849052604401610936565b73ffffffffffffffffffffffffffffffffffffffff8a165f908152600360205260409020899055610c46816121ad565b600280546fffffffffffffffffffffffffffffffff929092166c01000000000000000000000000027fffffffff00000000000000000000000000000000ffffffffffffffffffffffff90921691909117905560408051878152602081018b9052869173ffffffffffffffffffffffffffffffffffffffff8d16917f9cdcf2f7714cca3508c7f0110b04a90a80a3a8dd0e35de99689db74d28c5383e910160405180910390a3610cf486612202565b50610d3673ffffffffffffffffffffffffffffffffffffffff7f0000000000000000000000000000000000000000000000000000000000000000168b886124d9565b5050505050610d43612566565b949350505050565b5f5f610d5683610f74565b90505f610d6d610d6585611c78565b600590611cc5565b7bffffffffffffffffffffffffffffffffffffffffffffffffffffffff169050818111610d9a575f610d43565b610d4382826132fb565b5f5f5f5f5f610db1612590565b9050805f03610dcc57505f9350839250829150819050610e1d565b5f600181610dda82856132fb565b81526020019081526020015f20905060018083610df791906132fb565b825460019093015491975095509093506fffffffffffffffffffffffffffffffff169150505b90919293565b5f610e2d81611dd7565b62278d008263ffffffff161115610e78576040517fa424e82000000000000000000000000000000000000000000000000000000000815263ffffffff83166004820152602401610936565b600280547fffffffffffffffffffffffffffffffffffffffff00000000ffffffffffffffff166801000000000000000063ffffffff8516908102919091179091556040519081527f05dc1ea42bf6db568fa068d5d22a6763f6aef6c094962a1a851234ac188378df9060200160405180910390a15050565b5f610efa4261194c565b905090565b5f610f0982610f74565b610f156106ce84610f1f565b6107fb91906132fb565b5f610f4a7f00000000000000000000000000000000000000000000000000000000000000008361330e565b6107fb907f00000000000000000000000000000000000000000000000000000000000000006132e8565b5f815f03610f8357505f919050565b610816610d65610f946001856132fb565b611c78565b5f610efa610fa5610ef0565b610fad61083a565b6126c7565b5f612710610fbf83610801565b610fc884610eff565b610fd2919061330e565b6107fb9190613352565b5f610fe5612011565b858481141580610ff55750828114155b1561102c576040517fff633a3800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f5f5f611037612099565b6002546040517f70a0823100000000000000000000000000000000000000000000000000000000815230600482015293965091945092506c0100000000000000000000000090046fffffffffffffffffffffffffffffffff16905f907f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff16906370a0823190602401602060405180830381865afa1580156110ef573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190611113919061338a565b90505f5b86811015611450575f8e8e83818110611132576111326133a1565b905060200201602081019061114791906131e7565b90505f8d8d8481811061115c5761115c6133a1565b9050602002013590506111a68c8c8581811061117a5761117a6133a1565b905060200281019061118c91906133ce565b5f858152602085815260408220825290208b908b90612161565b611201578173ffffffffffffffffffffffffffffffffffffffff167f22cdf744b68ab26213d3e4ea1f1d7585466e185e762ffda0c04a1d1851e30784825f6040516111f2929190613432565b60405180910390a25050611448565b73ffffffffffffffffffffffffffffffffffffffff82165f90815260036020526040902054808211611286578273ffffffffffffffffffffffffffffffffffffffff167f22cdf744b68ab26213d3e4ea1f1d7585466e185e762ffda0c04a1d1851e30784836001604051611276929190613432565b60405180910390a2505050611448565b5f61129182846132fb565b90508761129e82896132e8565b11156112fe578373ffffffffffffffffffffffffffffffffffffffff167f22cdf744b68ab26213d3e4ea1f1d7585466e185e762ffda0c04a1d1851e307848460026040516112ed929190613432565b60405180910390a250505050611448565b73ffffffffffffffffffffffffffffffffffffffff84165f90815260036020526040902083905561132f81886132e8565b600280547fffffffff00000000000000000000000000000000ffffffffffffffffffffffff166c010000000000000000000000006fffffffffffffffffffffffffffffffff8416021790559650611386818d6132e8565b9b50898473ffffffffffffffffffffffffffffffffffffffff167f9cdcf2f7714cca3508c7f0110b04a90a80a3a8dd0e35de99689db74d28c5383e83866040516113da929190918252602082015260400190565b60405180910390a3858111156113f6576113f381612202565b95505b61140081876132fb565b955061144373ffffffffffffffffffffffffffffffffffffffff7f00000000000000000000000000000000000000000000000000000000000000001685836124d9565b505050505b600101611117565b5050505050505061145f612566565b9695505050505050565b7f55435dd261a4b9b3364963f7738a7a662ad9c84396d64be3365284bb7f0a504161149381611dd7565b60025463ffffffff168083106114d8576040517f80cfe51700000000000000000000000000000000000000000000000000000000815260048101849052602401610936565b5f83815260016020819052604090912090810154700100000000000000000000000000000000900467ffffffffffffffff16428111611556576040517f695bc5430000000000000000000000000000000000000000000000000000000081526004810186905267ffffffffffffffff82166024820152604401610936565b81545f81815260046020526040812080547fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0016600117905586156115cb5760015f6115a1828a6132fb565b815260208101919091526040015f20600101546fffffffffffffffffffffffffffffffff166115cd565b5f5b6fffffffffffffffffffffffffffffffff1690506115ea87611c78565b600280547fffffffffffffffffffffffffffffffffffffffffffffffffffffffff000000001663ffffffff9290921691909117905561163f61162d610f94610ef0565b61163683611f96565b60059190611ff7565b50829050877f5af1dd43387ae8d6659d38c055491f527aa55d5018c3c3bef197cd5cd444175b6116706001896132fb565b60408051918252602082018690520160405180910390a350505050505050565b5f828152602081905260409020600101546116aa81611dd7565b61088c8383611edd565b5f5f6116bf83610f1f565b9050428110611704576040517fdefb45dc0000000000000000000000000000000000000000000000000000000081526004810184905260248101829052604401610936565b6040517f8e539e8c000000000000000000000000000000000000000000000000000000008152600481018290525f907f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff1690638e539e8c90602401602060405180830381865afa15801561178f573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906117b3919061338a565b9050805f036117c6575f925050506107fb565b61188d6117d285610fb2565b6040517f3a46b1a800000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8881166004830152602482018690527f00000000000000000000000000000000000000000000000000000000000000001690633a46b1a890604401602060405180830381865afa158015611863573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190611887919061338a565b8361272f565b95945050505050565b6040517f8332680400000000000000000000000000000000000000000000000000000000815260036004820152602481018290525f907f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff1690638332680490604401602060405180830381865afa158015611928573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906107fb919061338a565b5f7f00000000000000000000000000000000000000000000000000000000000000008210156119d0576040517f836054f1000000000000000000000000000000000000000000000000000000008152600481018390527f00000000000000000000000000000000000000000000000000000000000000006024820152604401610936565b7f0000000000000000000000000000000000000000000000000000000000000000610fd27f0000000000000000000000000000000000000000000000000000000000000000846132fb565b7ffc8737ab85eb45125971625a9ebdb75cc78e01d5c1fa80c4c6e5203f47bc4fab611a4581611dd7565b60025463ffffffff168714611a99576002546040517f7ed884370000000000000000000000000000000000000000000000000000000081526004810189905263ffffffff9091166024820152604401610936565b5f611aa488886127df565b90505f5f611ab188612948565b9150915060405180606001604052808a8152602001611acf8a6121ad565b6fffffffffffffffffffffffffffffffff908116825267ffffffffffffffff8087166020938401525f8e81526001808552604080832087518155958701519590910180549690910151909216700100000000000000000000000000000000027fffffffffffffffff0000000000000000000000000000000000000000000000009095169390921692909217929092179055611b68612590565b9050611b78610f948c60016132e8565b600280547fffffffffffffffffffffffffffffffffffffffffffffffffffffffff000000001663ffffffff92909216919091179055611bb681611c78565b600260046101000a81548163ffffffff021916908363ffffffff160217905550611beb611be284611c78565b6116368b611f96565b5050898b7f7e4147ada7099475ce5e70521fd331e8edfb0b71c3a8457065ec1ee599c271ff8b8587898e8e8e604051611c2a979695949392919061347b565b60405180910390a35050505050505050505050565b5f610efa7f00000000000000000000000000000000000000000000000000000000000000004210611c7257610343610ef0565b5f610801565b5f63ffffffff821115611cc1576040517f6dfcc6500000000000000000000000000000000000000000000000000000000081526020600482015260248101839052604401610936565b5090565b81545f9081816005811115611d1f575f611cde84612a07565b611ce890856132fb565b5f8881526020902090915081015463ffffffff9081169087161015611d0f57809150611d1d565b611d1a8160016132e8565b92505b505b5f611d2c87878585612b6c565b90508015611d7c57611d5087611d436001846132fb565b5f91825260209091200190565b5464010000000090047bffffffffffffffffffffffffffffffffffffffffffffffffffffffff16611d7e565b5f5b979650505050505050565b80545f908015611dce57611da283611d436001846132fb565b5464010000000090047bffffffffffffffffffffffffffffffffffffffffffffffffffffffff16611dd0565b5f5b9392505050565b611de18133612bc7565b50565b5f8281526020818152604080832073ffffffffffffffffffffffffffffffffffffffff8516845290915281205460ff16611ed6575f8381526020818152604080832073ffffffffffffffffffffffffffffffffffffffff86168452909152902080547fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00166001179055611e743390565b73ffffffffffffffffffffffffffffffffffffffff168273ffffffffffffffffffffffffffffffffffffffff16847f2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d60405160405180910390a45060016107fb565b505f6107fb565b5f8281526020818152604080832073ffffffffffffffffffffffffffffffffffffffff8516845290915281205460ff1615611ed6575f8381526020818152604080832073ffffffffffffffffffffffffffffffffffffffff8616808552925280832080547fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0016905551339286917ff6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b9190a45060016107fb565b5f7bffffffffffffffffffffffffffffffffffffffffffffffffffffffff821115611cc1576040517f6dfcc65000000000000000000000000000000000000000000000000000000000815260e0600482015260248101839052604401610936565b5f80612004858585612c50565b915091505b935093915050565b7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005c1561206a576040517f3ee5aeb500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b61209760017f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005b90612e05565b565b5f5f5f5f6120a5612590565b9050805f036120e0576040517f58daf7b600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b600254640100000000900463ffffffff1681146121215761210081611c78565b600260046101000a81548163ffffffff021916908363ffffffff1602179055505b61212c6001826132fb565b5f818152600160208190526040909120805491015491969095506fffffffffffffffffffffffffffffffff9091169350915050565b5f61216e86868585612e0c565b1561217b5750600161188d565b831580159061145f575061145f868660015f612197828a6132fb565b81526020019081526020015f205f015485612e0c565b5f6fffffffffffffffffffffffffffffffff821115611cc1576040517f6dfcc6500000000000000000000000000000000000000000000000000000000081526080600482015260248101839052604401610936565b6040517f70a082310000000000000000000000000000000000000000000000000000000081523060048201525f907f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff16906370a0823190602401602060405180830381865afa15801561228c573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906122b0919061338a565b90508181106122be57919050565b5f7f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff1663fbccedae6040518163ffffffff1660e01b8152600401602060405180830381865afa158015612328573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061234c919061338a565b1115612490577f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff166386d1a69f6040518163ffffffff1660e01b81526004016020604051808303815f875af11580156123bc573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906123e0919061338a565b506040517f70a082310000000000000000000000000000000000000000000000000000000081523060048201527f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff16906370a0823190602401602060405180830381865afa158015612469573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061248d919061338a565b90505b818110156124d4576040517fce9514f90000000000000000000000000000000000000000000000000000000081526004810182905260248101839052604401610936565b919050565b6040805173ffffffffffffffffffffffffffffffffffffffff8416602482015260448082018490528251808303909101815260649091019091526020810180517bffffffffffffffffffffffffffffffffffffffffffffffffffffffff167fa9059cbb000000000000000000000000000000000000000000000000000000001790526108eb908490612e23565b6120975f7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f00612091565b60025463ffffffff640100000000820481169116808214806125e157505f82815260016020819052604090912001544270010000000000000000000000000000000090910467ffffffffffffffff16115b156125ea575090565b4260015f6125f882856132fb565b815260208101919091526040015f2060010154700100000000000000000000000000000000900467ffffffffffffffff161161263357919050565b5f61263f6001836132fb565b905061264a836134f4565b92505b808310156126c2575f600261266283866132e8565b61266c9190613352565b5f81815260016020819052604090912001549091504270010000000000000000000000000000000090910467ffffffffffffffff16116126b8576126b18160016132e8565b93506126bc565b8091505b5061264d565b505090565b5f5f6126d284610f74565b90505f6127106126e186610801565b836126ee6106ce89610f1f565b6126f891906132fb565b612702919061330e565b61270c9190613352565b61271690836132e8565b9050838111612725575f61188d565b61188d84826132fb565b5f5f5f61273c8686612ec2565b91509150815f036127605783818161275657612756613325565b0492505050611dd0565b818411612777576127776003851502601118612efd565b5f848688095f868103871696879004966002600389028118808a02820302808a02820302808a02820302808a02820302808a02820302808a02909103029181900381900460010185841190960395909502919093039390930492909217029150509392505050565b5f81612817576040517fb263ae7300000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f8281526004602052604090205460ff1615612862576040517f90bababf00000000000000000000000000000000000000000000000000000000815260048101839052602401610936565b60025461288a906128859068010000000000000000900463ffffffff16426132e8565b612f0e565b905082156107fb575f6001816128a082876132fb565b81526020019081526020015f20905082815f0154036128ee576040517f96095d1900000000000000000000000000000000000000000000000000000000815260048101849052602401610936565b600181015467ffffffffffffffff808416700100000000000000000000000000000000909204161115612941576001810154700100000000000000000000000000000000900467ffffffffffffffff1691505b5092915050565b5f5f612952610ef0565b91505f61295d61083a565b9050808410156129a3576040517f44b0cea20000000000000000000000000000000000000000000000000000000081526004810185905260248101829052604401610936565b6129ad81856132fb565b91505f6129ba84836126c7565b905080831115612a00576040517f755b0cdd0000000000000000000000000000000000000000000000000000000081526004810184905260248101829052604401610936565b5050915091565b5f60018211612a14575090565b8160017001000000000000000000000000000000008210612a3a5760809190911c9060401b5b680100000000000000008210612a555760409190911c9060201b5b6401000000008210612a6c5760209190911c9060101b5b620100008210612a815760109190911c9060081b5b6101008210612a955760089190911c9060041b5b60108210612aa85760049190911c9060021b5b60048210612ab45760011b5b600302600190811c90818581612acc57612acc613325565b048201901c90506001818581612ae457612ae4613325565b048201901c90506001818581612afc57612afc613325565b048201901c90506001818581612b1457612b14613325565b048201901c90506001818581612b2c57612b2c613325565b048201901c90506001818581612b4457612b44613325565b048201901c9050612b63818581612b5d57612b5d613325565b04821190565b90039392505050565b5f5b81831015612bbf575f612b818484612f5d565b5f8781526020902090915063ffffffff86169082015463ffffffff161115612bab57809250612bb9565b612bb68160016132e8565b93505b50612b6e565b509392505050565b5f8281526020818152604080832073ffffffffffffffffffffffffffffffffffffffff8516845290915290205460ff16612c4c576040517fe2517d3f00000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8216600482015260248101839052604401610936565b5050565b82545f9081908015612d97575f612c6c87611d436001856132fb565b805490915063ffffffff8082169164010000000090047bffffffffffffffffffffffffffffffffffffffffffffffffffffffff16908816821115612cdc576040517f2520601d00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b8763ffffffff168263ffffffff1603612d2557825463ffffffff166401000000007bffffffffffffffffffffffffffffffffffffffffffffffffffffffff891602178355612d89565b6040805180820190915263ffffffff808a1682527bffffffffffffffffffffffffffffffffffffffffffffffffffffffff808a1660208085019182528d54600181018f555f8f81529190912094519151909216640100000000029216919091179101555b945085935061200992505050565b50506040805180820190915263ffffffff80851682527bffffffffffffffffffffffffffffffffffffffffffffffffffffffff80851660208085019182528854600181018a555f8a815291822095519251909316640100000000029190931617920191909155905081612009565b80825d5050565b5f82612e19868685612f77565b1495945050505050565b5f5f60205f8451602086015f885af180612e42576040513d5f823e3d81fd5b50505f513d91508115612e59578060011415612e73565b73ffffffffffffffffffffffffffffffffffffffff84163b155b1561088c576040517f5274afe700000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff85166004820152602401610936565b5f807fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff83850993909202808410938190039390930393915050565b634e487b715f52806020526024601cfd5b5f67ffffffffffffffff821115611cc157604080517f6dfcc650000000000000000000000000000000000000000000000000000000008152600481019190915260248101839052604401610936565b5f612f6b6002848418613352565b611dd0908484166132e8565b5f81815b84811015612faf57612fa582878784818110612f9957612f996133a1565b90506020020135612fb8565b9150600101612f7b565b50949350505050565b5f818310612fd2575f828152602084905260409020611dd0565b5f838152602083905260409020611dd0565b5f60208284031215612ff4575f5ffd5b81357fffffffff0000000000000000000000000000000000000000000000000000000081168114611dd0575f5ffd5b5f60208284031215613033575f5ffd5b5035919050565b803573ffffffffffffffffffffffffffffffffffffffff811681146124d4575f5ffd5b5f5f6040838503121561306e575f5ffd5b8235915061307e6020840161303a565b90509250929050565b5f5f83601f840112613097575f5ffd5b50813567ffffffffffffffff8111156130ae575f5ffd5b6020830191508360208260051b85010111156130c8575f5ffd5b9250929050565b5f5f5f5f606085870312156130e2575f5ffd5b6130eb8561303a565b935060208501359250604085013567ffffffffffffffff81111561310d575f5ffd5b61311987828801613087565b95989497509550505050565b5f60208284031215613135575f5ffd5b813563ffffffff81168114611dd0575f5ffd5b5f5f5f5f5f5f6060878903121561315d575f5ffd5b863567ffffffffffffffff811115613173575f5ffd5b61317f89828a01613087565b909750955050602087013567ffffffffffffffff81111561319e575f5ffd5b6131aa89828a01613087565b909550935050604087013567ffffffffffffffff8111156131c9575f5ffd5b6131d589828a01613087565b979a9699509497509295939492505050565b5f602082840312156131f7575f5ffd5b611dd08261303a565b5f5f60408385031215613211575f5ffd5b61321a8361303a565b946020939093013593505050565b5f5f5f5f5f5f60a0878903121561323d575f5ffd5b86359550602087013594506040870135935060608701359250608087013567ffffffffffffffff81111561326f575f5ffd5b8701601f8101891361327f575f5ffd5b803567ffffffffffffffff811115613295575f5ffd5b8960208284010111156132a6575f5ffd5b60208201935080925050509295509295509295565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b808201808211156107fb576107fb6132bb565b818103818111156107fb576107fb6132bb565b80820281158282048414176107fb576107fb6132bb565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601260045260245ffd5b5f82613385577f4e487b71000000000000000000000000000000000000000000000000000000005f52601260045260245ffd5b500490565b5f6020828403121561339a575f5ffd5b5051919050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603260045260245ffd5b5f5f83357fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe1843603018112613401575f5ffd5b83018035915067ffffffffffffffff82111561341b575f5ffd5b6020019150600581901b36038213156130c8575f5ffd5b828152604081016003831061346e577f4e487b71000000000000000000000000000000000000000000000000000000005f52602160045260245ffd5b8260208301529392505050565b87815286602082015285604082015267ffffffffffffffff8516606082015283608082015260c060a08201528160c0820152818360e08301375f81830160e090810191909152601f9092017fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe01601019695505050505050565b5f7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff8203613524576135246132bb565b506001019056fea164736f6c634300081e000a",
}

// ComputePoolABI is the input ABI used to generate the binding from.
// Deprecated: Use ComputePoolMetaData.ABI instead.
var ComputePoolABI = ComputePoolMetaData.ABI

// ComputePoolBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use ComputePoolMetaData.Bin instead.
var ComputePoolBin = ComputePoolMetaData.Bin

// DeployComputePool deploys a new Ethereum contract, binding an instance of ComputePool to it.
func DeployComputePool(auth *bind.TransactOpts, backend bind.ContractBackend, emissions_ common.Address, admin common.Address, disputeWindow_ uint32) (common.Address, *types.Transaction, *ComputePool, error) {
	parsed, err := ComputePoolMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(ComputePoolBin), backend, emissions_, admin, disputeWindow_)
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
