// Code generated - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package marketplace

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

// MarketTypesLiveness is an auto generated low-level Go binding around an user-defined struct.
type MarketTypesLiveness struct {
	Provider  common.Address
	Challenge [32]byte
	Timestamp uint64
}

// MarketTypesRFC is an auto generated low-level Go binding around an user-defined struct.
type MarketTypesRFC struct {
	User              common.Address
	ModelId           [32]byte
	MaxPricePerSecond *big.Int
	MaxSeconds        uint32
	MinTps            uint32
	MaxTtftMs         uint32
	Nonce             uint64
	Deadline          uint64
	SessionKey        common.Address
	UseDeposit        bool
}

// MarketTypesSessionTicket is an auto generated low-level Go binding around an user-defined struct.
type MarketTypesSessionTicket struct {
	SessionId      [32]byte
	User           common.Address
	Provider       common.Address
	ModelId        [32]byte
	PricePerSecond *big.Int
	MaxSeconds     uint32
	NotAfter       uint64
	SessionKey     common.Address
	UseDeposit     bool
}

// MarketTypesUsageReceipt is an auto generated low-level Go binding around an user-defined struct.
type MarketTypesUsageReceipt struct {
	SessionId    [32]byte
	Seconds      uint32
	InputTokens  uint32
	OutputTokens uint32
	TtftMs       uint32
}

// MarketplaceMetaData contains all meta data concerning the Marketplace contract.
var MarketplaceMetaData = &bind.MetaData{
	ABI: "[{\"type\":\"constructor\",\"inputs\":[{\"name\":\"admin\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"token_\",\"type\":\"address\",\"internalType\":\"contractIERC20\"},{\"name\":\"registry_\",\"type\":\"address\",\"internalType\":\"contractIModelRegistry\"},{\"name\":\"protectionFund_\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"minProviderStake_\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"minPrice_\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"maxPrice_\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"DEFAULT_ADMIN_ROLE\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"DEFAULT_UNBONDING_PERIOD\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"DOMAIN_SEPARATOR\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"GUARDIAN_ROLE\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"KEEPER_ROLE\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_ENDPOINT_LENGTH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_SLASH_BPS\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_UNBONDING_PERIOD\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"ROUTER_ROLE\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"SLASH_WINDOW\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"addStake\",\"inputs\":[{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"addStakeWithPermit\",\"inputs\":[{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"deadline\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"v\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"r\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"s\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"bid\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"pricePerSecond\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"deleteBid\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"eip712Domain\",\"inputs\":[],\"outputs\":[{\"name\":\"fields\",\"type\":\"bytes1\",\"internalType\":\"bytes1\"},{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"version\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"chainId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"verifyingContract\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"salt\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"extensions\",\"type\":\"uint256[]\",\"internalType\":\"uint256[]\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"evidenceUsed\",\"inputs\":[{\"name\":\"evidenceHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getProvider\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"registered\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"signer\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"endpoint\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"stake\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"pendingUnstake\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"unlockAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getRoleAdmin\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"grantRole\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"hasRole\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"isMatchable\",\"inputs\":[{\"name\":\"provider\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"livenessDigest\",\"inputs\":[{\"name\":\"liveness\",\"type\":\"tuple\",\"internalType\":\"structMarketTypes.Liveness\",\"components\":[{\"name\":\"provider\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"challenge\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"timestamp\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"maxPrice\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"minPrice\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"minProviderStake\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"postBid\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"pricePerSecond\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"protectionFund\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"providerOfSigner\",\"inputs\":[{\"name\":\"signer\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"provider\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"register\",\"inputs\":[{\"name\":\"endpoint\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"signer\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"signerProof\",\"type\":\"bytes\",\"internalType\":\"bytes\"},{\"name\":\"stake\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"registerWithPermit\",\"inputs\":[{\"name\":\"endpoint\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"signer\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"signerProof\",\"type\":\"bytes\",\"internalType\":\"bytes\"},{\"name\":\"stake\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"deadline\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"v\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"r\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"s\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"registry\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"contractIModelRegistry\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"renounceRole\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"callerConfirmation\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"requestUnstake\",\"inputs\":[{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"revokeRole\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"rfcDigest\",\"inputs\":[{\"name\":\"rfc\",\"type\":\"tuple\",\"internalType\":\"structMarketTypes.RFC\",\"components\":[{\"name\":\"user\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"maxPricePerSecond\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"maxSeconds\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"minTps\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"maxTtftMs\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"nonce\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"deadline\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"sessionKey\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"useDeposit\",\"type\":\"bool\",\"internalType\":\"bool\"}]}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"sessionId\",\"inputs\":[{\"name\":\"rfc\",\"type\":\"tuple\",\"internalType\":\"structMarketTypes.RFC\",\"components\":[{\"name\":\"user\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"maxPricePerSecond\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"maxSeconds\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"minTps\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"maxTtftMs\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"nonce\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"deadline\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"sessionKey\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"useDeposit\",\"type\":\"bool\",\"internalType\":\"bool\"}]},{\"name\":\"provider\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"sessionTicketDigest\",\"inputs\":[{\"name\":\"ticket\",\"type\":\"tuple\",\"internalType\":\"structMarketTypes.SessionTicket\",\"components\":[{\"name\":\"sessionId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"user\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"provider\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"pricePerSecond\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"maxSeconds\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"notAfter\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"sessionKey\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"useDeposit\",\"type\":\"bool\",\"internalType\":\"bool\"}]}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"setParams\",\"inputs\":[{\"name\":\"minProviderStake_\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"unbondingPeriod_\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"minPrice_\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"maxPrice_\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"signerClaimDigest\",\"inputs\":[{\"name\":\"provider\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"signer\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"signerOf\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"slash\",\"inputs\":[{\"name\":\"provider\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"evidenceHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"slashed\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"slashAllowance\",\"inputs\":[{\"name\":\"provider\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"remaining\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"resetsAt\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"supportsInterface\",\"inputs\":[{\"name\":\"interfaceId\",\"type\":\"bytes4\",\"internalType\":\"bytes4\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"token\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"contractIERC20\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"totalStaked\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"unbondingPeriod\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"updateProvider\",\"inputs\":[{\"name\":\"endpoint\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"signer\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"signerProof\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"usageReceiptDigest\",\"inputs\":[{\"name\":\"receipt\",\"type\":\"tuple\",\"internalType\":\"structMarketTypes.UsageReceipt\",\"components\":[{\"name\":\"sessionId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"seconds_\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"inputTokens\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"outputTokens\",\"type\":\"uint32\",\"internalType\":\"uint32\"},{\"name\":\"ttftMs\",\"type\":\"uint32\",\"internalType\":\"uint32\"}]}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"withdraw\",\"inputs\":[],\"outputs\":[{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"event\",\"name\":\"BidDeleted\",\"inputs\":[{\"name\":\"provider\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"modelId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"BidPosted\",\"inputs\":[{\"name\":\"provider\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"modelId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"pricePerSecond\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"EIP712DomainChanged\",\"inputs\":[],\"anonymous\":false},{\"type\":\"event\",\"name\":\"ParamsSet\",\"inputs\":[{\"name\":\"minProviderStake\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"unbondingPeriod\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"minPrice\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"maxPrice\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"ProviderRegistered\",\"inputs\":[{\"name\":\"provider\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"signer\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"endpoint\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"},{\"name\":\"stake\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"ProviderUpdated\",\"inputs\":[{\"name\":\"provider\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"signer\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"endpoint\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RoleAdminChanged\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"previousAdminRole\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"newAdminRole\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RoleGranted\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"account\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"sender\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RoleRevoked\",\"inputs\":[{\"name\":\"role\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"account\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"sender\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Slashed\",\"inputs\":[{\"name\":\"provider\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"evidenceHash\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"amount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"fromPending\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"stake\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"pendingUnstake\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"StakeAdded\",\"inputs\":[{\"name\":\"provider\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"amount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"stake\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"UnstakeRequested\",\"inputs\":[{\"name\":\"provider\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"amount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"stake\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"pendingUnstake\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"unlockAt\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Withdrawn\",\"inputs\":[{\"name\":\"provider\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"amount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"error\",\"name\":\"AccessControlBadConfirmation\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"AccessControlUnauthorizedAccount\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"neededRole\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"AlreadyRegistered\",\"inputs\":[{\"name\":\"provider\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"EvidenceUsed\",\"inputs\":[{\"name\":\"evidenceHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"InsufficientStake\",\"inputs\":[{\"name\":\"requested\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"stake\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidEndpoint\",\"inputs\":[{\"name\":\"length\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidParams\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"InvalidShortString\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"InvalidSignerProof\",\"inputs\":[{\"name\":\"signer\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NoBid\",\"inputs\":[{\"name\":\"provider\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"NotMatchable\",\"inputs\":[{\"name\":\"provider\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NotRegistered\",\"inputs\":[{\"name\":\"provider\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NothingToSlash\",\"inputs\":[{\"name\":\"provider\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NothingToWithdraw\",\"inputs\":[{\"name\":\"provider\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"PriceOutOfBounds\",\"inputs\":[{\"name\":\"pricePerSecond\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"minPrice\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"maxPrice\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"ReentrancyGuardReentrantCall\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"SafeCastOverflowedUintDowncast\",\"inputs\":[{\"name\":\"bits\",\"type\":\"uint8\",\"internalType\":\"uint8\"},{\"name\":\"value\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"SafeERC20FailedOperation\",\"inputs\":[{\"name\":\"token\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"SignerInUse\",\"inputs\":[{\"name\":\"signer\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"provider\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"SlashCapReached\",\"inputs\":[{\"name\":\"provider\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"resetsAt\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"StakeBelowMinimum\",\"inputs\":[{\"name\":\"stake\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"minProviderStake\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"StringTooLong\",\"inputs\":[{\"name\":\"str\",\"type\":\"string\",\"internalType\":\"string\"}]},{\"type\":\"error\",\"name\":\"UnbondingNotOver\",\"inputs\":[{\"name\":\"unlockAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"timestamp\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"UnknownModel\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"ZeroAddress\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"ZeroAmount\",\"inputs\":[]}]",
	Bin: "0x6101c0604052348015610010575f5ffd5b50604051613cb1380380613cb183398101604081905261002f9161039d565b6040518060400160405280600a8152602001694c616b6554726176697360b01b815250604051806040016040528060018152602001601960f91b8152506100806001836101c560201b90919060201c565b6101205261008f8160026101c5565b61014052815160208084019190912060e052815190820120610100524660a05261011b60e05161010051604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201529081019290925260608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b60805250503060c0526001600160a01b038716158061014157506001600160a01b038616155b8061015357506001600160a01b038516155b8061016557506001600160a01b038416155b156101835760405163d92e233d60e01b815260040160405180910390fd5b6001600160a01b03808716610160528581166101805284166101a0526101a95f886101f7565b506101b98362093a80848461029e565b505050505050506105c0565b5f6020835110156101e0576101d983610340565b90506101f1565b816101eb84826104ae565b5060ff90505b92915050565b5f828152602081815260408083206001600160a01b038516845290915281205460ff16610297575f838152602081815260408083206001600160a01b03861684529091529020805460ff1916600117905561024f3390565b6001600160a01b0316826001600160a01b0316847f2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d60405160405180910390a45060016101f1565b505f6101f1565b8315806102a9575081155b806102b357508082115b806102c057506276a70083115b156102de57604051635435b28960e11b815260040160405180910390fd5b60038490556004839055600582905560068190556040805185815260208101859052908101839052606081018290527f28aebf94d57dbb9eac47a913696c4ef24b8e17772a60577d2bba012a94b8b24b9060800160405180910390a150505050565b5f5f829050601f81511115610373578260405163305a27a960e01b815260040161036a9190610568565b60405180910390fd5b805161037e8261059d565b179392505050565b6001600160a01b038116811461039a575f5ffd5b50565b5f5f5f5f5f5f5f60e0888a0312156103b3575f5ffd5b87516103be81610386565b60208901519097506103cf81610386565b60408901519096506103e081610386565b60608901519095506103f181610386565b608089015160a08a015160c0909a0151989b979a509598909795969095945092505050565b634e487b7160e01b5f52604160045260245ffd5b600181811c9082168061043e57607f821691505b60208210810361045c57634e487b7160e01b5f52602260045260245ffd5b50919050565b601f8211156104a957805f5260205f20601f840160051c810160208510156104875750805b601f840160051c820191505b818110156104a6575f8155600101610493565b50505b505050565b81516001600160401b038111156104c7576104c7610416565b6104db816104d5845461042a565b84610462565b6020601f82116001811461050d575f83156104f65750848201515b5f19600385901b1c1916600184901b1784556104a6565b5f84815260208120601f198516915b8281101561053c578785015182556020948501946001909201910161051c565b508482101561055957868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b8051602080830151919081101561045c575f1960209190910360031b1b16919050565b60805160a05160c05160e05161010051610120516101405161016051610180516101a0516136516106605f395f81816105d0015261189f01525f818161058d0152610dee01525f818161075f01528181610d390152818161187d015281816124cc015281816126a1015261283301525f61222701525f6121fa01525f611d5701525f611d2f01525f611c8a01525f611cb401525f611cde01526136515ff3fe608060405234801561000f575f5ffd5b506004361061031a575f3560e01c80636cf6d675116101a8578063ac0c4425116100f3578063e45be8eb1161009e578063eca2309411610079578063eca2309414610734578063fba2c05a14610747578063fc0c546a1461075a578063fe500b6e14610781575f5ffd5b8063e45be8eb146106f0578063e8d8f5d6146106f9578063eb4f16b514610721575f5ffd5b8063cf7214fa116100ce578063cf7214fa146106c1578063d547741f146106d4578063e38d6b5c146106e7575f5ffd5b8063ac0c442514610692578063b5de7f4f146106a5578063c85d3eb0146106b8575f5ffd5b80638e445d331161015357806392c090d31161012e57806392c090d314610656578063a217fddf14610678578063abf76b3f1461067f575f5ffd5b80638e445d331461035b57806391d148541461060d57806392a51c4c14610643575f5ffd5b8063817b1cd211610183578063817b1cd2146105c25780638238b1c0146105cb57806384b0196e146105f2575f5ffd5b80636cf6d6751461057f5780637b103999146105885780637ece45e8146105af575f5ffd5b806336568abe1161026857806355f21eb7116102135780635c474483116101ee5780635c474483146105465780635d52edc3146105595780635fc120511461056c575f5ffd5b806355f21eb7146104de5780635af7cac0146105035780635b5175d514610516575f5ffd5b8063409af24811610243578063409af248146104af578063496d38e7146104b85780634f453939146104cb575f5ffd5b806336568abe146104815780633aaaf45e146104945780633ccfd60b146104a7575f5ffd5b806324ea54f4116102c857806331440f55116102a357806331440f55146104495780633644e51514610452578063364bc15a1461045a575f5ffd5b806324ea54f4146103e85780632f2ff15d1461040f57806330d643b514610422575f5ffd5b806323095721116102f85780632309572114610373578063232dce5114610386578063248a9ca3146103c6575f5ffd5b806301ffc9a71461031e57806304a35afa14610346578063176716311461035b575b5f5ffd5b61033161032c366004612ca1565b61078b565b60405190151581526020015b60405180910390f35b610359610354366004612d3b565b610823565b005b6103656276a70081565b60405190815260200161033d565b610359610381366004612dbc565b61092c565b6103ae610394366004612dd3565b600b6020525f90815260409020546001600160a01b031681565b6040516001600160a01b03909116815260200161033d565b6103656103d4366004612dbc565b5f9081526020819052604090206001015490565b6103657f55435dd261a4b9b3364963f7738a7a662ad9c84396d64be3365284bb7f0a504181565b61035961041d366004612dec565b610b08565b6103657f7a05a596cb0ce7fdea8a1e1ec73be300bdb35097c944ce1897202f7a13122eb281565b6103656103e881565b610365610b32565b6103657ffc8737ab85eb45125971625a9ebdb75cc78e01d5c1fa80c4c6e5203f47bc4fab81565b61035961048f366004612dec565b610b40565b6103656104a2366004612e16565b610b91565b610365610bce565b61036560035481565b6103656104c6366004612e3e565b610d6c565b6103596104d9366004612e57565b610d7e565b6104f16104ec366004612dd3565b610f4a565b60405161033d96959493929190612ec3565b610365610511366004612f14565b611056565b6103ae610524366004612dd3565b6001600160a01b039081165f9081526008602052604090205461010090041690565b610365610554366004612f53565b61106b565b610365610567366004612f7e565b6110b1565b61035961057a366004612dbc565b6110be565b61036560045481565b6103ae7f000000000000000000000000000000000000000000000000000000000000000081565b6103596105bd366004612f8f565b611160565b61036560075481565b6103ae7f000000000000000000000000000000000000000000000000000000000000000081565b6105fa61117d565b60405161033d9796959493929190612fbe565b61033161061b366004612dec565b5f918252602082815260408084206001600160a01b0393909316845291905290205460ff1690565b610365610651366004613070565b6111db565b610331610664366004612dbc565b600c6020525f908152604090205460ff1681565b6103655f81565b61036561068d36600461308b565b6111e8565b6103316106a0366004612dd3565b6111f5565b6103596106b33660046130ad565b611229565b61036561010081565b6103596106cf3660046130f0565b61124f565b6103596106e2366004612dec565b611286565b61036560065481565b61036560055481565b61070c610707366004612dd3565b6112aa565b6040805192835260208301919091520161033d565b61035961072f366004612dbc565b6113c0565b6103596107423660046131a8565b6113dc565b610365610755366004613231565b611402565b6103ae7f000000000000000000000000000000000000000000000000000000000000000081565b61036562093a8081565b5f7fffffffff0000000000000000000000000000000000000000000000000000000082167f7965db0b00000000000000000000000000000000000000000000000000000000148061081d57507f01ffc9a7000000000000000000000000000000000000000000000000000000007fffffffff000000000000000000000000000000000000000000000000000000008316145b92915050565b5f61082d336118db565b9050610839868661193d565b80546001600160a01b036101009091048116908516811461089d5761085f858585611986565b6001600160a01b0381165f908152600b6020526040902080547fffffffffffffffffffffffff00000000000000000000000000000000000000001690555b600382016108ac87898361331d565b5081547fffffffffffffffffffffff0000000000000000000000000000000000000000ff166101006001600160a01b03871690810291909117835560405133907f5aa5e7e2530268ddf035d3811c96f7da3cbb0ca7153af78ca49cf3877e1ac7029061091b908b908b9061347a565b60405180910390a350505050505050565b5f610936336118db565b9050815f03610971576040517f1f2a200500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6001810154808311156109bf576040517f45be0a2600000000000000000000000000000000000000000000000000000000815260048101849052602481018290526044015b60405180910390fd5b6109c983826134c2565b600183015560028201545f906109e09085906134d5565b90508083600201819055505f610a02600454426109fd91906134d5565b611b5c565b845490915067ffffffffffffffff8083167501000000000000000000000000000000000000000000909204161115610a5b575082547501000000000000000000000000000000000000000000900467ffffffffffffffff165b83547fffffff0000000000000000ffffffffffffffffffffffffffffffffffffffffff16750100000000000000000000000000000000000000000067ffffffffffffffff831602178455337f0d40c5a9043c375f1c3cbfd258245a09e1bbb4f38d6c91ff544420e3d3582e3c86610ad281876134c2565b604080519283526020830191909152810185905267ffffffffffffffff8416606082015260800160405180910390a25050505050565b5f82815260208190526040902060010154610b2281611baf565b610b2c8383611bb9565b50505050565b5f610b3b611c7e565b905090565b6001600160a01b0381163314610b82576040517f6697b23200000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b610b8c8282611da7565b505050565b5f610b9b836111f5565b610ba657505f61081d565b506001600160a01b03919091165f908152600a60209081526040808320938352929052205490565b5f610bd7611e46565b50335f908152600860205260408120600281015491829003610c27576040517fdc69dc160000000000000000000000000000000000000000000000000000000081523360048201526024016109b6565b80547501000000000000000000000000000000000000000000900467ffffffffffffffff16421015610cb25780546040517f29f860c3000000000000000000000000000000000000000000000000000000008152750100000000000000000000000000000000000000000090910467ffffffffffffffff1660048201524260248201526044016109b6565b5f6002820181905581547fffffff0000000000000000ffffffffffffffffffffffffffffffffffffffffff16825560078054849290610cf29084906134c2565b909155505060405182815233907f7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d59060200160405180910390a2610d606001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000163384611ece565b50610d69611f42565b90565b5f61081d610d7983611f6c565b612025565b610d87336111f5565b610dbf576040517fff4dc0a70000000000000000000000000000000000000000000000000000000081523360048201526024016109b6565b6040517f27258b22000000000000000000000000000000000000000000000000000000008152600481018390527f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316906327258b2290602401602060405180830381865afa158015610e3b573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610e5f91906134f5565b610e98576040517fa2dc0625000000000000000000000000000000000000000000000000000000008152600481018390526024016109b6565b600554811080610ea9575060065481115b15610ef6576005546006546040517f3ec7208e00000000000000000000000000000000000000000000000000000000815260048101849052602481019290925260448201526064016109b6565b335f818152600a6020908152604080832086845282529182902084905590518381528492917fd138adff73af2621d26114cd9ee4f20dcd39ed78f9e0004215ed49aa22753ebe910160405180910390a35050565b6001600160a01b038181165f90815260086020526040812080546001820154600283015460038401805495968796606096889687968796929560ff83169561010084041694909391927501000000000000000000000000000000000000000000900467ffffffffffffffff16908490610fc29061328e565b80601f0160208091040260200160405190810160405280929190818152602001828054610fee9061328e565b80156110395780601f1061101057610100808354040283529160200191611039565b820191905f5260205f20905b81548152906001019060200180831161101c57829003601f168201915b505050505093509650965096509650965096505091939550919395565b5f611064610d79848461206c565b9392505050565b5f611075836111db565b6040805160208101929092526001600160a01b038416908201526060015b60405160208183030381529060405280519060200120905092915050565b5f61081d610d79836120ba565b335f908152600a602090815260408083208484529091528120549003611119576040517f3f93fa9c000000000000000000000000000000000000000000000000000000008152336004820152602481018290526044016109b6565b335f818152600a60209081526040808320858452909152808220829055518392917fcaee4bdeec9b4e8591074e653ebba2005030aceb3c140fd2798a17d63bd407db91a350565b5f61116a81611baf565b61117685858585612138565b5050505050565b5f6060805f5f5f606061118e6121f3565b611196612220565b604080515f808252602082019092527f0f000000000000000000000000000000000000000000000000000000000000009b939a50919850469750309650945092509050565b5f61081d610d798361224d565b5f61081d610d7983612375565b6001600160a01b0381165f908152600860205260408120805460ff1680156110645750600354816001015410159392505050565b611231611e46565b61123e8585858585612473565b61124785612532565b611176611f42565b611257611e46565b6112648585858585612473565b6112728a8a8a8a8a8a6126c9565b61127a611f42565b50505050505050505050565b5f828152602081905260409020600101546112a081611baf565b610b2c8383611da7565b6001600160a01b0381165f90815260096020908152604080832081518083019092525467ffffffffffffffff81168083526801000000000000000090910477ffffffffffffffffffffffffffffffffffffffffffffffff1692820192909252829161131490612864565b611370576001600160a01b0384165f9081526008602052604090206002810154600182015461134b91611346916134d5565b612899565b77ffffffffffffffffffffffffffffffffffffffffffffffff16955f95509350505050565b6020810151815161138f906276a7009067ffffffffffffffff166134d5565b61139a9060016134d5565b77ffffffffffffffffffffffffffffffffffffffffffffffff9091169590945092505050565b6113c8611e46565b6113d181612532565b6113d9611f42565b50565b6113e4611e46565b6113f28686868686866126c9565b6113fa611f42565b505050505050565b5f7f55435dd261a4b9b3364963f7738a7a662ad9c84396d64be3365284bb7f0a504161142d81611baf565b611435611e46565b5f61143f866118db565b9050845f0361147a576040517f1f2a200500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f848152600c602052604090205460ff16156114c5576040517f42106f4c000000000000000000000000000000000000000000000000000000008152600481018590526024016109b6565b5f848152600c60209081526040808320805460017fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00909116811790915584015460028501546001600160a01b038b168552600984529382902082518084019093525467ffffffffffffffff81168084526801000000000000000090910477ffffffffffffffffffffffffffffffffffffffffffffffff1693830193909352929161156e90612864565b6115a35761157f61134683856134d5565b77ffffffffffffffffffffffffffffffffffffffffffffffff166020820152611632565b806020015177ffffffffffffffffffffffffffffffffffffffffffffffff165f0361163257805189906115e4906276a7009067ffffffffffffffff166134d5565b6115ef9060016134d5565b6040517f44f718880000000000000000000000000000000000000000000000000000000081526001600160a01b03909216600483015260248201526044016109b6565b806020015177ffffffffffffffffffffffffffffffffffffffffffffffff1688111561167a57806020015177ffffffffffffffffffffffffffffffffffffffffffffffff1697505b5f838910611688578361168a565b885b90505f611697828b6134c2565b90505f8482106116a757846116a9565b815b90506116b581846134d5565b9850885f036116fb576040517fea5329600000000000000000000000000000000000000000000000000000000081526001600160a01b038d1660048201526024016109b6565b604051806040016040528061170f42611b5c565b67ffffffffffffffff1681526020018a866020015177ffffffffffffffffffffffffffffffffffffffffffffffff1661174891906134c2565b77ffffffffffffffffffffffffffffffffffffffffffffffff9081169091526001600160a01b038e165f90815260096020908152604090912083519390910151909116680100000000000000000267ffffffffffffffff9092169190911790556117b283876134c2565b60018801556117c181866134c2565b60028801558085036117f45786547fffffff0000000000000000ffffffffffffffffffffffffffffffffffffffffff1687555b8860075f82825461180591906134c2565b909155508a90506001600160a01b038d167ff476b26403c087359ee8295d9b4891f2f85fad80a78e5099ade3e14d90cbe1a08b84611843888c6134c2565b61184d878c6134c2565b60408051948552602085019390935291830152606082015260800160405180910390a36118c46001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000167f00000000000000000000000000000000000000000000000000000000000000008b611ece565b505050505050506118d3611f42565b509392505050565b6001600160a01b0381165f908152600860205260409020805460ff16611938576040517fbfc6c3370000000000000000000000000000000000000000000000000000000081526001600160a01b03831660048201526024016109b6565b919050565b8080158061194c575061010081115b15610b8c576040517fe784b7ec000000000000000000000000000000000000000000000000000000008152600481018290526024016109b6565b6001600160a01b0383166119c6576040517fd92e233d00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6001600160a01b0383163314611a9d575f5f611a206119e53387611056565b85858080601f0160208091040260200160405190810160405280939291908181526020018383808284375f920191909152506128bb92505050565b5090925090505f816003811115611a3957611a39613510565b141580611a585750846001600160a01b0316826001600160a01b031614155b15611a9a576040517f2d406a770000000000000000000000000000000000000000000000000000000081526001600160a01b03861660048201526024016109b6565b50505b6001600160a01b038084165f908152600b6020526040902054168015801590611acf57506001600160a01b0381163314155b15611b19576040517ff476ac0d0000000000000000000000000000000000000000000000000000000081526001600160a01b038086166004830152821660248201526044016109b6565b5050506001600160a01b03165f908152600b6020526040902080547fffffffffffffffffffffffff00000000000000000000000000000000000000001633179055565b5f67ffffffffffffffff821115611bab57604080517f6dfcc6500000000000000000000000000000000000000000000000000000000081526004810191909152602481018390526044016109b6565b5090565b6113d98133612904565b5f828152602081815260408083206001600160a01b038516845290915281205460ff16611c77575f838152602081815260408083206001600160a01b0386168452909152902080547fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00166001179055611c2f3390565b6001600160a01b0316826001600160a01b0316847f2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d60405160405180910390a450600161081d565b505f61081d565b5f306001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016148015611cd657507f000000000000000000000000000000000000000000000000000000000000000046145b15611d0057507f000000000000000000000000000000000000000000000000000000000000000090565b610b3b604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201527f0000000000000000000000000000000000000000000000000000000000000000918101919091527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b5f828152602081815260408083206001600160a01b038516845290915281205460ff1615611c77575f838152602081815260408083206001600160a01b038616808552925280832080547fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0016905551339286917ff6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b9190a450600161081d565b7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005c15611e9f576040517f3ee5aeb500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b611ecc60017f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005b90612973565b565b6040516001600160a01b03838116602483015260448201839052610b8c91859182169063a9059cbb906064015b604051602081830303815290604052915060e01b6020820180517bffffffffffffffffffffffffffffffffffffffffffffffffffffffff838183161783525050505061297a565b611ecc5f7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f00611ec6565b5f7fc42ba5e949016633644a5c8d28a152be6a629904104c1e697360d53f7746d7e28235611fa0604085016020860161353d565b611fb0606086016040870161353d565b611fc0608087016060880161353d565b611fd060a088016080890161353d565b60408051602081019790975286019490945263ffffffff92831660608601529082166080850152811660a08401521660c082015260e0015b604051602081830303815290604052805190602001209050919050565b5f61081d612031611c7e565b836040517f19010000000000000000000000000000000000000000000000000000000000008152600281019290925260228201526042902090565b604080517f98a1fece92d532e0a3d94d65029bb4e26383c8595c6244c929ea076df83d3cca60208201526001600160a01b038085169282019290925290821660608201525f90608001611093565b5f7f5ea1235f242c18659b6d5be894369a4c9464c07402792321e062fd265206c19b6120e96020840184612dd3565b60208401356120fe6060860160408701613560565b6040805160208101959095526001600160a01b0390931692840192909252606083015267ffffffffffffffff16608082015260a001612008565b831580612143575081155b8061214d57508082115b8061215a57506276a70083115b15612191576040517fa86b651200000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b60038490556004839055600582905560068190556040805185815260208101859052908101839052606081018290527f28aebf94d57dbb9eac47a913696c4ef24b8e17772a60577d2bba012a94b8b24b9060800160405180910390a150505050565b6060610b3b7f000000000000000000000000000000000000000000000000000000000000000060016129ff565b6060610b3b7f000000000000000000000000000000000000000000000000000000000000000060026129ff565b5f7f368f225b0a263eaf1e164d01634c39ee9c9694cf787c289d20d4704fe6e497b961227c6020840184612dd3565b60208401356040850135612296608087016060880161353d565b6122a660a088016080890161353d565b6122b660c0890160a08a0161353d565b6122c660e08a0160c08b01613560565b6122d76101008b0160e08c01613560565b6122e96101208c016101008d01612dd3565b6122fb6101408d016101208e01613587565b60408051602081019c909c526001600160a01b039a8b16908c015260608b019890985260808a019690965263ffffffff94851660a08a015292841660c0890152921660e087015267ffffffffffffffff91821661010087015216610120850152909116610140830152151561016082015261018001612008565b5f7faf661681a7fb61ef33f7e073b29395c93c2a2a10fd840e769ac1cb461228545f82356123a96040850160208601612dd3565b6123b96060860160408701612dd3565b606086013560808701356123d360c0890160a08a0161353d565b6123e360e08a0160c08b01613560565b6123f46101008b0160e08c01612dd3565b6124066101208c016101008d01613587565b60408051602081019b909b528a01989098526001600160a01b0396871660608a0152948616608089015260a088019390935260c087019190915263ffffffff1660e086015267ffffffffffffffff1661010085015216610120830152151561014082015261016001612008565b6040517fd505accf000000000000000000000000000000000000000000000000000000008152336004820152306024820152604481018690526064810185905260ff8416608482015260a4810183905260c481018290527f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03169063d505accf9060e4015f604051808303815f87803b158015612515575f5ffd5b505af1925050508015612526575060015b15611176575050505050565b5f61253c336118db565b9050815f03612577576040517f1f2a200500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f82826001015461258891906134d5565b90508082600101819055508260075f8282546125a491906134d5565b9091555050335f90815260096020526040902080546125cc9067ffffffffffffffff16612864565b15612659576125da84612899565b8154829060089061261290849068010000000000000000900477ffffffffffffffffffffffffffffffffffffffffffffffff166135a2565b92506101000a81548177ffffffffffffffffffffffffffffffffffffffffffffffff021916908377ffffffffffffffffffffffffffffffffffffffffffffffff1602179055505b604080518581526020810184905233917f270d6dd254edd1d985c81cf7861b8f28fb06b6d719df04d90464034d43412440910160405180910390a2610b2c6001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016333087612aa8565b335f908152600860205260409020805460ff1615612715576040517f45ed80e90000000000000000000000000000000000000000000000000000000081523360048201526024016109b6565b61271f878761193d565b600354821015612769576003546040517f78e030db0000000000000000000000000000000000000000000000000000000081526109b6918491600401918252602082015260400190565b612774858585611986565b80546001600160a01b038616610100027fffffffffffffffffffffff000000000000000000000000000000000000000000909116176001178155600381016127bd87898361331d565b508181600101819055508160075f8282546127d891906134d5565b90915550506040516001600160a01b0386169033907f517258e3baaf6949d38acd07fe01a26f215cc10b702560776f231f6c589075959061281e908b908b9088906135d2565b60405180910390a361285b6001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016333085612aa8565b50505050505050565b5f67ffffffffffffffff82161580159061081d57506128906276a70067ffffffffffffffff84166134d5565b42111592915050565b5f61081d6127106128ac6103e8856135f5565b6128b6919061360c565b612ae1565b5f5f5f83516041036128f2576020840151604085015160608601515f1a6128e488828585612b3e565b9550955095505050506128fd565b505081515f91506002905b9250925092565b5f828152602081815260408083206001600160a01b038516845290915290205460ff1661296f576040517fe2517d3f0000000000000000000000000000000000000000000000000000000081526001600160a01b0382166004820152602481018390526044016109b6565b5050565b80825d5050565b5f5f60205f8451602086015f885af180612999576040513d5f823e3d81fd5b50505f513d915081156129b05780600114156129bd565b6001600160a01b0384163b155b15610b2c576040517f5274afe70000000000000000000000000000000000000000000000000000000081526001600160a01b03851660048201526024016109b6565b606060ff8314612a1957612a1283612c24565b905061081d565b818054612a259061328e565b80601f0160208091040260200160405190810160405280929190818152602001828054612a519061328e565b8015612a9c5780601f10612a7357610100808354040283529160200191612a9c565b820191905f5260205f20905b815481529060010190602001808311612a7f57829003601f168201915b5050505050905061081d565b6040516001600160a01b038481166024830152838116604483015260648201839052610b2c9186918216906323b872dd90608401611efb565b5f77ffffffffffffffffffffffffffffffffffffffffffffffff821115611bab576040517f6dfcc65000000000000000000000000000000000000000000000000000000000815260c06004820152602481018390526044016109b6565b5f80807f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0841115612b7757505f91506003905082612c1a565b604080515f808252602082018084528a905260ff891692820192909252606081018790526080810186905260019060a0016020604051602081039080840390855afa158015612bc8573d5f5f3e3d5ffd5b50506040517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe001519150506001600160a01b038116612c1157505f925060019150829050612c1a565b92505f91508190505b9450945094915050565b60605f612c3083612c61565b6040805160208082528183019092529192505f91906020820181803683375050509182525060208101929092525090565b5f60ff8216601f81111561081d576040517fb3512b0c00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f60208284031215612cb1575f5ffd5b81357fffffffff0000000000000000000000000000000000000000000000000000000081168114611064575f5ffd5b5f5f83601f840112612cf0575f5ffd5b50813567ffffffffffffffff811115612d07575f5ffd5b602083019150836020828501011115612d1e575f5ffd5b9250929050565b80356001600160a01b0381168114611938575f5ffd5b5f5f5f5f5f60608688031215612d4f575f5ffd5b853567ffffffffffffffff811115612d65575f5ffd5b612d7188828901612ce0565b9096509450612d84905060208701612d25565b9250604086013567ffffffffffffffff811115612d9f575f5ffd5b612dab88828901612ce0565b969995985093965092949392505050565b5f60208284031215612dcc575f5ffd5b5035919050565b5f60208284031215612de3575f5ffd5b61106482612d25565b5f5f60408385031215612dfd575f5ffd5b82359150612e0d60208401612d25565b90509250929050565b5f5f60408385031215612e27575f5ffd5b612e3083612d25565b946020939093013593505050565b5f60a0828403128015612e4f575f5ffd5b509092915050565b5f5f60408385031215612e68575f5ffd5b50508035926020909101359150565b5f81518084528060208401602086015e5f6020828601015260207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f83011685010191505092915050565b86151581526001600160a01b038616602082015260c060408201525f612eec60c0830187612e77565b606083019590955250608081019290925267ffffffffffffffff1660a0909101529392505050565b5f5f60408385031215612f25575f5ffd5b612f2e83612d25565b9150612e0d60208401612d25565b5f6101408284031215612f4d575f5ffd5b50919050565b5f5f6101608385031215612f65575f5ffd5b612f6f8484612f3c565b9150612e0d6101408401612d25565b5f6060828403128015612e4f575f5ffd5b5f5f5f5f60808587031215612fa2575f5ffd5b5050823594602084013594506040840135936060013592509050565b7fff000000000000000000000000000000000000000000000000000000000000008816815260e060208201525f612ff860e0830189612e77565b828103604084015261300a8189612e77565b606084018890526001600160a01b038716608085015260a0840186905283810360c0850152845180825260208087019350909101905f5b8181101561305f578351835260209384019390920191600101613041565b50909b9a5050505050505050505050565b5f6101408284031215613081575f5ffd5b6110648383612f3c565b5f610120828403128015612e4f575f5ffd5b803560ff81168114611938575f5ffd5b5f5f5f5f5f60a086880312156130c1575f5ffd5b85359450602086013593506130d86040870161309d565b94979396509394606081013594506080013592915050565b5f5f5f5f5f5f5f5f5f5f6101008b8d03121561310a575f5ffd5b8a3567ffffffffffffffff811115613120575f5ffd5b61312c8d828e01612ce0565b909b50995061313f905060208c01612d25565b975060408b013567ffffffffffffffff81111561315a575f5ffd5b6131668d828e01612ce0565b90985096505060608b0135945060808b0135935061318660a08c0161309d565b999c989b50969995989497939650919460c08101359360e09091013592509050565b5f5f5f5f5f5f608087890312156131bd575f5ffd5b863567ffffffffffffffff8111156131d3575f5ffd5b6131df89828a01612ce0565b90975095506131f2905060208801612d25565b9350604087013567ffffffffffffffff81111561320d575f5ffd5b61321989828a01612ce0565b979a9699509497949695606090950135949350505050565b5f5f5f60608486031215613243575f5ffd5b61324c84612d25565b95602085013595506040909401359392505050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52604160045260245ffd5b600181811c908216806132a257607f821691505b602082108103612f4d577f4e487b71000000000000000000000000000000000000000000000000000000005f52602260045260245ffd5b601f821115610b8c57805f5260205f20601f840160051c810160208510156132fe5750805b601f840160051c820191505b81811015611176575f815560010161330a565b67ffffffffffffffff83111561333557613335613261565b61334983613343835461328e565b836132d9565b5f601f841160018114613399575f85156133635750838201355b7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff600387901b1c1916600186901b178355611176565b5f838152602081207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe08716915b828110156133e657868501358255602094850194600190920191016133c6565b5086821015613421577fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff60f88860031b161c19848701351681555b505060018560011b0183555050505050565b81835281816020850137505f602082840101525f60207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f840116840101905092915050565b602081525f61348d602083018486613433565b949350505050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b8181038181111561081d5761081d613495565b8082018082111561081d5761081d613495565b80151581146113d9575f5ffd5b5f60208284031215613505575f5ffd5b8151611064816134e8565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52602160045260245ffd5b5f6020828403121561354d575f5ffd5b813563ffffffff81168114611064575f5ffd5b5f60208284031215613570575f5ffd5b813567ffffffffffffffff81168114611064575f5ffd5b5f60208284031215613597575f5ffd5b8135611064816134e8565b77ffffffffffffffffffffffffffffffffffffffffffffffff818116838216019081111561081d5761081d613495565b604081525f6135e5604083018587613433565b9050826020830152949350505050565b808202811582820484141761081d5761081d613495565b5f8261363f577f4e487b71000000000000000000000000000000000000000000000000000000005f52601260045260245ffd5b50049056fea164736f6c634300081e000a",
}

// MarketplaceABI is the input ABI used to generate the binding from.
// Deprecated: Use MarketplaceMetaData.ABI instead.
var MarketplaceABI = MarketplaceMetaData.ABI

// MarketplaceBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use MarketplaceMetaData.Bin instead.
var MarketplaceBin = MarketplaceMetaData.Bin

// DeployMarketplace deploys a new Ethereum contract, binding an instance of Marketplace to it.
func DeployMarketplace(auth *bind.TransactOpts, backend bind.ContractBackend, admin common.Address, token_ common.Address, registry_ common.Address, protectionFund_ common.Address, minProviderStake_ *big.Int, minPrice_ *big.Int, maxPrice_ *big.Int) (common.Address, *types.Transaction, *Marketplace, error) {
	parsed, err := MarketplaceMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(MarketplaceBin), backend, admin, token_, registry_, protectionFund_, minProviderStake_, minPrice_, maxPrice_)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &Marketplace{MarketplaceCaller: MarketplaceCaller{contract: contract}, MarketplaceTransactor: MarketplaceTransactor{contract: contract}, MarketplaceFilterer: MarketplaceFilterer{contract: contract}}, nil
}

// Marketplace is an auto generated Go binding around an Ethereum contract.
type Marketplace struct {
	MarketplaceCaller     // Read-only binding to the contract
	MarketplaceTransactor // Write-only binding to the contract
	MarketplaceFilterer   // Log filterer for contract events
}

// MarketplaceCaller is an auto generated read-only Go binding around an Ethereum contract.
type MarketplaceCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// MarketplaceTransactor is an auto generated write-only Go binding around an Ethereum contract.
type MarketplaceTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// MarketplaceFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type MarketplaceFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// MarketplaceSession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type MarketplaceSession struct {
	Contract     *Marketplace      // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// MarketplaceCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type MarketplaceCallerSession struct {
	Contract *MarketplaceCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts      // Call options to use throughout this session
}

// MarketplaceTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type MarketplaceTransactorSession struct {
	Contract     *MarketplaceTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts      // Transaction auth options to use throughout this session
}

// MarketplaceRaw is an auto generated low-level Go binding around an Ethereum contract.
type MarketplaceRaw struct {
	Contract *Marketplace // Generic contract binding to access the raw methods on
}

// MarketplaceCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type MarketplaceCallerRaw struct {
	Contract *MarketplaceCaller // Generic read-only contract binding to access the raw methods on
}

// MarketplaceTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type MarketplaceTransactorRaw struct {
	Contract *MarketplaceTransactor // Generic write-only contract binding to access the raw methods on
}

// NewMarketplace creates a new instance of Marketplace, bound to a specific deployed contract.
func NewMarketplace(address common.Address, backend bind.ContractBackend) (*Marketplace, error) {
	contract, err := bindMarketplace(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &Marketplace{MarketplaceCaller: MarketplaceCaller{contract: contract}, MarketplaceTransactor: MarketplaceTransactor{contract: contract}, MarketplaceFilterer: MarketplaceFilterer{contract: contract}}, nil
}

// NewMarketplaceCaller creates a new read-only instance of Marketplace, bound to a specific deployed contract.
func NewMarketplaceCaller(address common.Address, caller bind.ContractCaller) (*MarketplaceCaller, error) {
	contract, err := bindMarketplace(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &MarketplaceCaller{contract: contract}, nil
}

// NewMarketplaceTransactor creates a new write-only instance of Marketplace, bound to a specific deployed contract.
func NewMarketplaceTransactor(address common.Address, transactor bind.ContractTransactor) (*MarketplaceTransactor, error) {
	contract, err := bindMarketplace(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &MarketplaceTransactor{contract: contract}, nil
}

// NewMarketplaceFilterer creates a new log filterer instance of Marketplace, bound to a specific deployed contract.
func NewMarketplaceFilterer(address common.Address, filterer bind.ContractFilterer) (*MarketplaceFilterer, error) {
	contract, err := bindMarketplace(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &MarketplaceFilterer{contract: contract}, nil
}

// bindMarketplace binds a generic wrapper to an already deployed contract.
func bindMarketplace(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := MarketplaceMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_Marketplace *MarketplaceRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _Marketplace.Contract.MarketplaceCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_Marketplace *MarketplaceRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _Marketplace.Contract.MarketplaceTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_Marketplace *MarketplaceRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _Marketplace.Contract.MarketplaceTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_Marketplace *MarketplaceCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _Marketplace.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_Marketplace *MarketplaceTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _Marketplace.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_Marketplace *MarketplaceTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _Marketplace.Contract.contract.Transact(opts, method, params...)
}

// DEFAULTADMINROLE is a free data retrieval call binding the contract method 0xa217fddf.
//
// Solidity: function DEFAULT_ADMIN_ROLE() view returns(bytes32)
func (_Marketplace *MarketplaceCaller) DEFAULTADMINROLE(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "DEFAULT_ADMIN_ROLE")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// DEFAULTADMINROLE is a free data retrieval call binding the contract method 0xa217fddf.
//
// Solidity: function DEFAULT_ADMIN_ROLE() view returns(bytes32)
func (_Marketplace *MarketplaceSession) DEFAULTADMINROLE() ([32]byte, error) {
	return _Marketplace.Contract.DEFAULTADMINROLE(&_Marketplace.CallOpts)
}

// DEFAULTADMINROLE is a free data retrieval call binding the contract method 0xa217fddf.
//
// Solidity: function DEFAULT_ADMIN_ROLE() view returns(bytes32)
func (_Marketplace *MarketplaceCallerSession) DEFAULTADMINROLE() ([32]byte, error) {
	return _Marketplace.Contract.DEFAULTADMINROLE(&_Marketplace.CallOpts)
}

// DEFAULTUNBONDINGPERIOD is a free data retrieval call binding the contract method 0xfe500b6e.
//
// Solidity: function DEFAULT_UNBONDING_PERIOD() view returns(uint256)
func (_Marketplace *MarketplaceCaller) DEFAULTUNBONDINGPERIOD(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "DEFAULT_UNBONDING_PERIOD")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// DEFAULTUNBONDINGPERIOD is a free data retrieval call binding the contract method 0xfe500b6e.
//
// Solidity: function DEFAULT_UNBONDING_PERIOD() view returns(uint256)
func (_Marketplace *MarketplaceSession) DEFAULTUNBONDINGPERIOD() (*big.Int, error) {
	return _Marketplace.Contract.DEFAULTUNBONDINGPERIOD(&_Marketplace.CallOpts)
}

// DEFAULTUNBONDINGPERIOD is a free data retrieval call binding the contract method 0xfe500b6e.
//
// Solidity: function DEFAULT_UNBONDING_PERIOD() view returns(uint256)
func (_Marketplace *MarketplaceCallerSession) DEFAULTUNBONDINGPERIOD() (*big.Int, error) {
	return _Marketplace.Contract.DEFAULTUNBONDINGPERIOD(&_Marketplace.CallOpts)
}

// DOMAINSEPARATOR is a free data retrieval call binding the contract method 0x3644e515.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (_Marketplace *MarketplaceCaller) DOMAINSEPARATOR(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "DOMAIN_SEPARATOR")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// DOMAINSEPARATOR is a free data retrieval call binding the contract method 0x3644e515.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (_Marketplace *MarketplaceSession) DOMAINSEPARATOR() ([32]byte, error) {
	return _Marketplace.Contract.DOMAINSEPARATOR(&_Marketplace.CallOpts)
}

// DOMAINSEPARATOR is a free data retrieval call binding the contract method 0x3644e515.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (_Marketplace *MarketplaceCallerSession) DOMAINSEPARATOR() ([32]byte, error) {
	return _Marketplace.Contract.DOMAINSEPARATOR(&_Marketplace.CallOpts)
}

// GUARDIANROLE is a free data retrieval call binding the contract method 0x24ea54f4.
//
// Solidity: function GUARDIAN_ROLE() view returns(bytes32)
func (_Marketplace *MarketplaceCaller) GUARDIANROLE(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "GUARDIAN_ROLE")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// GUARDIANROLE is a free data retrieval call binding the contract method 0x24ea54f4.
//
// Solidity: function GUARDIAN_ROLE() view returns(bytes32)
func (_Marketplace *MarketplaceSession) GUARDIANROLE() ([32]byte, error) {
	return _Marketplace.Contract.GUARDIANROLE(&_Marketplace.CallOpts)
}

// GUARDIANROLE is a free data retrieval call binding the contract method 0x24ea54f4.
//
// Solidity: function GUARDIAN_ROLE() view returns(bytes32)
func (_Marketplace *MarketplaceCallerSession) GUARDIANROLE() ([32]byte, error) {
	return _Marketplace.Contract.GUARDIANROLE(&_Marketplace.CallOpts)
}

// KEEPERROLE is a free data retrieval call binding the contract method 0x364bc15a.
//
// Solidity: function KEEPER_ROLE() view returns(bytes32)
func (_Marketplace *MarketplaceCaller) KEEPERROLE(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "KEEPER_ROLE")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// KEEPERROLE is a free data retrieval call binding the contract method 0x364bc15a.
//
// Solidity: function KEEPER_ROLE() view returns(bytes32)
func (_Marketplace *MarketplaceSession) KEEPERROLE() ([32]byte, error) {
	return _Marketplace.Contract.KEEPERROLE(&_Marketplace.CallOpts)
}

// KEEPERROLE is a free data retrieval call binding the contract method 0x364bc15a.
//
// Solidity: function KEEPER_ROLE() view returns(bytes32)
func (_Marketplace *MarketplaceCallerSession) KEEPERROLE() ([32]byte, error) {
	return _Marketplace.Contract.KEEPERROLE(&_Marketplace.CallOpts)
}

// MAXENDPOINTLENGTH is a free data retrieval call binding the contract method 0xc85d3eb0.
//
// Solidity: function MAX_ENDPOINT_LENGTH() view returns(uint256)
func (_Marketplace *MarketplaceCaller) MAXENDPOINTLENGTH(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "MAX_ENDPOINT_LENGTH")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// MAXENDPOINTLENGTH is a free data retrieval call binding the contract method 0xc85d3eb0.
//
// Solidity: function MAX_ENDPOINT_LENGTH() view returns(uint256)
func (_Marketplace *MarketplaceSession) MAXENDPOINTLENGTH() (*big.Int, error) {
	return _Marketplace.Contract.MAXENDPOINTLENGTH(&_Marketplace.CallOpts)
}

// MAXENDPOINTLENGTH is a free data retrieval call binding the contract method 0xc85d3eb0.
//
// Solidity: function MAX_ENDPOINT_LENGTH() view returns(uint256)
func (_Marketplace *MarketplaceCallerSession) MAXENDPOINTLENGTH() (*big.Int, error) {
	return _Marketplace.Contract.MAXENDPOINTLENGTH(&_Marketplace.CallOpts)
}

// MAXSLASHBPS is a free data retrieval call binding the contract method 0x31440f55.
//
// Solidity: function MAX_SLASH_BPS() view returns(uint256)
func (_Marketplace *MarketplaceCaller) MAXSLASHBPS(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "MAX_SLASH_BPS")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// MAXSLASHBPS is a free data retrieval call binding the contract method 0x31440f55.
//
// Solidity: function MAX_SLASH_BPS() view returns(uint256)
func (_Marketplace *MarketplaceSession) MAXSLASHBPS() (*big.Int, error) {
	return _Marketplace.Contract.MAXSLASHBPS(&_Marketplace.CallOpts)
}

// MAXSLASHBPS is a free data retrieval call binding the contract method 0x31440f55.
//
// Solidity: function MAX_SLASH_BPS() view returns(uint256)
func (_Marketplace *MarketplaceCallerSession) MAXSLASHBPS() (*big.Int, error) {
	return _Marketplace.Contract.MAXSLASHBPS(&_Marketplace.CallOpts)
}

// MAXUNBONDINGPERIOD is a free data retrieval call binding the contract method 0x8e445d33.
//
// Solidity: function MAX_UNBONDING_PERIOD() view returns(uint256)
func (_Marketplace *MarketplaceCaller) MAXUNBONDINGPERIOD(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "MAX_UNBONDING_PERIOD")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// MAXUNBONDINGPERIOD is a free data retrieval call binding the contract method 0x8e445d33.
//
// Solidity: function MAX_UNBONDING_PERIOD() view returns(uint256)
func (_Marketplace *MarketplaceSession) MAXUNBONDINGPERIOD() (*big.Int, error) {
	return _Marketplace.Contract.MAXUNBONDINGPERIOD(&_Marketplace.CallOpts)
}

// MAXUNBONDINGPERIOD is a free data retrieval call binding the contract method 0x8e445d33.
//
// Solidity: function MAX_UNBONDING_PERIOD() view returns(uint256)
func (_Marketplace *MarketplaceCallerSession) MAXUNBONDINGPERIOD() (*big.Int, error) {
	return _Marketplace.Contract.MAXUNBONDINGPERIOD(&_Marketplace.CallOpts)
}

// ROUTERROLE is a free data retrieval call binding the contract method 0x30d643b5.
//
// Solidity: function ROUTER_ROLE() view returns(bytes32)
func (_Marketplace *MarketplaceCaller) ROUTERROLE(opts *bind.CallOpts) ([32]byte, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "ROUTER_ROLE")

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// ROUTERROLE is a free data retrieval call binding the contract method 0x30d643b5.
//
// Solidity: function ROUTER_ROLE() view returns(bytes32)
func (_Marketplace *MarketplaceSession) ROUTERROLE() ([32]byte, error) {
	return _Marketplace.Contract.ROUTERROLE(&_Marketplace.CallOpts)
}

// ROUTERROLE is a free data retrieval call binding the contract method 0x30d643b5.
//
// Solidity: function ROUTER_ROLE() view returns(bytes32)
func (_Marketplace *MarketplaceCallerSession) ROUTERROLE() ([32]byte, error) {
	return _Marketplace.Contract.ROUTERROLE(&_Marketplace.CallOpts)
}

// SLASHWINDOW is a free data retrieval call binding the contract method 0x17671631.
//
// Solidity: function SLASH_WINDOW() view returns(uint256)
func (_Marketplace *MarketplaceCaller) SLASHWINDOW(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "SLASH_WINDOW")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// SLASHWINDOW is a free data retrieval call binding the contract method 0x17671631.
//
// Solidity: function SLASH_WINDOW() view returns(uint256)
func (_Marketplace *MarketplaceSession) SLASHWINDOW() (*big.Int, error) {
	return _Marketplace.Contract.SLASHWINDOW(&_Marketplace.CallOpts)
}

// SLASHWINDOW is a free data retrieval call binding the contract method 0x17671631.
//
// Solidity: function SLASH_WINDOW() view returns(uint256)
func (_Marketplace *MarketplaceCallerSession) SLASHWINDOW() (*big.Int, error) {
	return _Marketplace.Contract.SLASHWINDOW(&_Marketplace.CallOpts)
}

// Bid is a free data retrieval call binding the contract method 0x3aaaf45e.
//
// Solidity: function bid(address account, bytes32 modelId) view returns(uint256 pricePerSecond)
func (_Marketplace *MarketplaceCaller) Bid(opts *bind.CallOpts, account common.Address, modelId [32]byte) (*big.Int, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "bid", account, modelId)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Bid is a free data retrieval call binding the contract method 0x3aaaf45e.
//
// Solidity: function bid(address account, bytes32 modelId) view returns(uint256 pricePerSecond)
func (_Marketplace *MarketplaceSession) Bid(account common.Address, modelId [32]byte) (*big.Int, error) {
	return _Marketplace.Contract.Bid(&_Marketplace.CallOpts, account, modelId)
}

// Bid is a free data retrieval call binding the contract method 0x3aaaf45e.
//
// Solidity: function bid(address account, bytes32 modelId) view returns(uint256 pricePerSecond)
func (_Marketplace *MarketplaceCallerSession) Bid(account common.Address, modelId [32]byte) (*big.Int, error) {
	return _Marketplace.Contract.Bid(&_Marketplace.CallOpts, account, modelId)
}

// Eip712Domain is a free data retrieval call binding the contract method 0x84b0196e.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (_Marketplace *MarketplaceCaller) Eip712Domain(opts *bind.CallOpts) (struct {
	Fields            [1]byte
	Name              string
	Version           string
	ChainId           *big.Int
	VerifyingContract common.Address
	Salt              [32]byte
	Extensions        []*big.Int
}, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "eip712Domain")

	outstruct := new(struct {
		Fields            [1]byte
		Name              string
		Version           string
		ChainId           *big.Int
		VerifyingContract common.Address
		Salt              [32]byte
		Extensions        []*big.Int
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.Fields = *abi.ConvertType(out[0], new([1]byte)).(*[1]byte)
	outstruct.Name = *abi.ConvertType(out[1], new(string)).(*string)
	outstruct.Version = *abi.ConvertType(out[2], new(string)).(*string)
	outstruct.ChainId = *abi.ConvertType(out[3], new(*big.Int)).(**big.Int)
	outstruct.VerifyingContract = *abi.ConvertType(out[4], new(common.Address)).(*common.Address)
	outstruct.Salt = *abi.ConvertType(out[5], new([32]byte)).(*[32]byte)
	outstruct.Extensions = *abi.ConvertType(out[6], new([]*big.Int)).(*[]*big.Int)

	return *outstruct, err

}

// Eip712Domain is a free data retrieval call binding the contract method 0x84b0196e.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (_Marketplace *MarketplaceSession) Eip712Domain() (struct {
	Fields            [1]byte
	Name              string
	Version           string
	ChainId           *big.Int
	VerifyingContract common.Address
	Salt              [32]byte
	Extensions        []*big.Int
}, error) {
	return _Marketplace.Contract.Eip712Domain(&_Marketplace.CallOpts)
}

// Eip712Domain is a free data retrieval call binding the contract method 0x84b0196e.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (_Marketplace *MarketplaceCallerSession) Eip712Domain() (struct {
	Fields            [1]byte
	Name              string
	Version           string
	ChainId           *big.Int
	VerifyingContract common.Address
	Salt              [32]byte
	Extensions        []*big.Int
}, error) {
	return _Marketplace.Contract.Eip712Domain(&_Marketplace.CallOpts)
}

// EvidenceUsed is a free data retrieval call binding the contract method 0x92c090d3.
//
// Solidity: function evidenceUsed(bytes32 evidenceHash) view returns(bool)
func (_Marketplace *MarketplaceCaller) EvidenceUsed(opts *bind.CallOpts, evidenceHash [32]byte) (bool, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "evidenceUsed", evidenceHash)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// EvidenceUsed is a free data retrieval call binding the contract method 0x92c090d3.
//
// Solidity: function evidenceUsed(bytes32 evidenceHash) view returns(bool)
func (_Marketplace *MarketplaceSession) EvidenceUsed(evidenceHash [32]byte) (bool, error) {
	return _Marketplace.Contract.EvidenceUsed(&_Marketplace.CallOpts, evidenceHash)
}

// EvidenceUsed is a free data retrieval call binding the contract method 0x92c090d3.
//
// Solidity: function evidenceUsed(bytes32 evidenceHash) view returns(bool)
func (_Marketplace *MarketplaceCallerSession) EvidenceUsed(evidenceHash [32]byte) (bool, error) {
	return _Marketplace.Contract.EvidenceUsed(&_Marketplace.CallOpts, evidenceHash)
}

// GetProvider is a free data retrieval call binding the contract method 0x55f21eb7.
//
// Solidity: function getProvider(address account) view returns(bool registered, address signer, string endpoint, uint256 stake, uint256 pendingUnstake, uint64 unlockAt)
func (_Marketplace *MarketplaceCaller) GetProvider(opts *bind.CallOpts, account common.Address) (struct {
	Registered     bool
	Signer         common.Address
	Endpoint       string
	Stake          *big.Int
	PendingUnstake *big.Int
	UnlockAt       uint64
}, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "getProvider", account)

	outstruct := new(struct {
		Registered     bool
		Signer         common.Address
		Endpoint       string
		Stake          *big.Int
		PendingUnstake *big.Int
		UnlockAt       uint64
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.Registered = *abi.ConvertType(out[0], new(bool)).(*bool)
	outstruct.Signer = *abi.ConvertType(out[1], new(common.Address)).(*common.Address)
	outstruct.Endpoint = *abi.ConvertType(out[2], new(string)).(*string)
	outstruct.Stake = *abi.ConvertType(out[3], new(*big.Int)).(**big.Int)
	outstruct.PendingUnstake = *abi.ConvertType(out[4], new(*big.Int)).(**big.Int)
	outstruct.UnlockAt = *abi.ConvertType(out[5], new(uint64)).(*uint64)

	return *outstruct, err

}

// GetProvider is a free data retrieval call binding the contract method 0x55f21eb7.
//
// Solidity: function getProvider(address account) view returns(bool registered, address signer, string endpoint, uint256 stake, uint256 pendingUnstake, uint64 unlockAt)
func (_Marketplace *MarketplaceSession) GetProvider(account common.Address) (struct {
	Registered     bool
	Signer         common.Address
	Endpoint       string
	Stake          *big.Int
	PendingUnstake *big.Int
	UnlockAt       uint64
}, error) {
	return _Marketplace.Contract.GetProvider(&_Marketplace.CallOpts, account)
}

// GetProvider is a free data retrieval call binding the contract method 0x55f21eb7.
//
// Solidity: function getProvider(address account) view returns(bool registered, address signer, string endpoint, uint256 stake, uint256 pendingUnstake, uint64 unlockAt)
func (_Marketplace *MarketplaceCallerSession) GetProvider(account common.Address) (struct {
	Registered     bool
	Signer         common.Address
	Endpoint       string
	Stake          *big.Int
	PendingUnstake *big.Int
	UnlockAt       uint64
}, error) {
	return _Marketplace.Contract.GetProvider(&_Marketplace.CallOpts, account)
}

// GetRoleAdmin is a free data retrieval call binding the contract method 0x248a9ca3.
//
// Solidity: function getRoleAdmin(bytes32 role) view returns(bytes32)
func (_Marketplace *MarketplaceCaller) GetRoleAdmin(opts *bind.CallOpts, role [32]byte) ([32]byte, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "getRoleAdmin", role)

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// GetRoleAdmin is a free data retrieval call binding the contract method 0x248a9ca3.
//
// Solidity: function getRoleAdmin(bytes32 role) view returns(bytes32)
func (_Marketplace *MarketplaceSession) GetRoleAdmin(role [32]byte) ([32]byte, error) {
	return _Marketplace.Contract.GetRoleAdmin(&_Marketplace.CallOpts, role)
}

// GetRoleAdmin is a free data retrieval call binding the contract method 0x248a9ca3.
//
// Solidity: function getRoleAdmin(bytes32 role) view returns(bytes32)
func (_Marketplace *MarketplaceCallerSession) GetRoleAdmin(role [32]byte) ([32]byte, error) {
	return _Marketplace.Contract.GetRoleAdmin(&_Marketplace.CallOpts, role)
}

// HasRole is a free data retrieval call binding the contract method 0x91d14854.
//
// Solidity: function hasRole(bytes32 role, address account) view returns(bool)
func (_Marketplace *MarketplaceCaller) HasRole(opts *bind.CallOpts, role [32]byte, account common.Address) (bool, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "hasRole", role, account)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// HasRole is a free data retrieval call binding the contract method 0x91d14854.
//
// Solidity: function hasRole(bytes32 role, address account) view returns(bool)
func (_Marketplace *MarketplaceSession) HasRole(role [32]byte, account common.Address) (bool, error) {
	return _Marketplace.Contract.HasRole(&_Marketplace.CallOpts, role, account)
}

// HasRole is a free data retrieval call binding the contract method 0x91d14854.
//
// Solidity: function hasRole(bytes32 role, address account) view returns(bool)
func (_Marketplace *MarketplaceCallerSession) HasRole(role [32]byte, account common.Address) (bool, error) {
	return _Marketplace.Contract.HasRole(&_Marketplace.CallOpts, role, account)
}

// IsMatchable is a free data retrieval call binding the contract method 0xac0c4425.
//
// Solidity: function isMatchable(address provider) view returns(bool)
func (_Marketplace *MarketplaceCaller) IsMatchable(opts *bind.CallOpts, provider common.Address) (bool, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "isMatchable", provider)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// IsMatchable is a free data retrieval call binding the contract method 0xac0c4425.
//
// Solidity: function isMatchable(address provider) view returns(bool)
func (_Marketplace *MarketplaceSession) IsMatchable(provider common.Address) (bool, error) {
	return _Marketplace.Contract.IsMatchable(&_Marketplace.CallOpts, provider)
}

// IsMatchable is a free data retrieval call binding the contract method 0xac0c4425.
//
// Solidity: function isMatchable(address provider) view returns(bool)
func (_Marketplace *MarketplaceCallerSession) IsMatchable(provider common.Address) (bool, error) {
	return _Marketplace.Contract.IsMatchable(&_Marketplace.CallOpts, provider)
}

// LivenessDigest is a free data retrieval call binding the contract method 0x5d52edc3.
//
// Solidity: function livenessDigest((address,bytes32,uint64) liveness) view returns(bytes32)
func (_Marketplace *MarketplaceCaller) LivenessDigest(opts *bind.CallOpts, liveness MarketTypesLiveness) ([32]byte, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "livenessDigest", liveness)

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// LivenessDigest is a free data retrieval call binding the contract method 0x5d52edc3.
//
// Solidity: function livenessDigest((address,bytes32,uint64) liveness) view returns(bytes32)
func (_Marketplace *MarketplaceSession) LivenessDigest(liveness MarketTypesLiveness) ([32]byte, error) {
	return _Marketplace.Contract.LivenessDigest(&_Marketplace.CallOpts, liveness)
}

// LivenessDigest is a free data retrieval call binding the contract method 0x5d52edc3.
//
// Solidity: function livenessDigest((address,bytes32,uint64) liveness) view returns(bytes32)
func (_Marketplace *MarketplaceCallerSession) LivenessDigest(liveness MarketTypesLiveness) ([32]byte, error) {
	return _Marketplace.Contract.LivenessDigest(&_Marketplace.CallOpts, liveness)
}

// MaxPrice is a free data retrieval call binding the contract method 0xe38d6b5c.
//
// Solidity: function maxPrice() view returns(uint256)
func (_Marketplace *MarketplaceCaller) MaxPrice(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "maxPrice")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// MaxPrice is a free data retrieval call binding the contract method 0xe38d6b5c.
//
// Solidity: function maxPrice() view returns(uint256)
func (_Marketplace *MarketplaceSession) MaxPrice() (*big.Int, error) {
	return _Marketplace.Contract.MaxPrice(&_Marketplace.CallOpts)
}

// MaxPrice is a free data retrieval call binding the contract method 0xe38d6b5c.
//
// Solidity: function maxPrice() view returns(uint256)
func (_Marketplace *MarketplaceCallerSession) MaxPrice() (*big.Int, error) {
	return _Marketplace.Contract.MaxPrice(&_Marketplace.CallOpts)
}

// MinPrice is a free data retrieval call binding the contract method 0xe45be8eb.
//
// Solidity: function minPrice() view returns(uint256)
func (_Marketplace *MarketplaceCaller) MinPrice(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "minPrice")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// MinPrice is a free data retrieval call binding the contract method 0xe45be8eb.
//
// Solidity: function minPrice() view returns(uint256)
func (_Marketplace *MarketplaceSession) MinPrice() (*big.Int, error) {
	return _Marketplace.Contract.MinPrice(&_Marketplace.CallOpts)
}

// MinPrice is a free data retrieval call binding the contract method 0xe45be8eb.
//
// Solidity: function minPrice() view returns(uint256)
func (_Marketplace *MarketplaceCallerSession) MinPrice() (*big.Int, error) {
	return _Marketplace.Contract.MinPrice(&_Marketplace.CallOpts)
}

// MinProviderStake is a free data retrieval call binding the contract method 0x409af248.
//
// Solidity: function minProviderStake() view returns(uint256)
func (_Marketplace *MarketplaceCaller) MinProviderStake(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "minProviderStake")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// MinProviderStake is a free data retrieval call binding the contract method 0x409af248.
//
// Solidity: function minProviderStake() view returns(uint256)
func (_Marketplace *MarketplaceSession) MinProviderStake() (*big.Int, error) {
	return _Marketplace.Contract.MinProviderStake(&_Marketplace.CallOpts)
}

// MinProviderStake is a free data retrieval call binding the contract method 0x409af248.
//
// Solidity: function minProviderStake() view returns(uint256)
func (_Marketplace *MarketplaceCallerSession) MinProviderStake() (*big.Int, error) {
	return _Marketplace.Contract.MinProviderStake(&_Marketplace.CallOpts)
}

// ProtectionFund is a free data retrieval call binding the contract method 0x8238b1c0.
//
// Solidity: function protectionFund() view returns(address)
func (_Marketplace *MarketplaceCaller) ProtectionFund(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "protectionFund")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// ProtectionFund is a free data retrieval call binding the contract method 0x8238b1c0.
//
// Solidity: function protectionFund() view returns(address)
func (_Marketplace *MarketplaceSession) ProtectionFund() (common.Address, error) {
	return _Marketplace.Contract.ProtectionFund(&_Marketplace.CallOpts)
}

// ProtectionFund is a free data retrieval call binding the contract method 0x8238b1c0.
//
// Solidity: function protectionFund() view returns(address)
func (_Marketplace *MarketplaceCallerSession) ProtectionFund() (common.Address, error) {
	return _Marketplace.Contract.ProtectionFund(&_Marketplace.CallOpts)
}

// ProviderOfSigner is a free data retrieval call binding the contract method 0x232dce51.
//
// Solidity: function providerOfSigner(address signer) view returns(address provider)
func (_Marketplace *MarketplaceCaller) ProviderOfSigner(opts *bind.CallOpts, signer common.Address) (common.Address, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "providerOfSigner", signer)

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// ProviderOfSigner is a free data retrieval call binding the contract method 0x232dce51.
//
// Solidity: function providerOfSigner(address signer) view returns(address provider)
func (_Marketplace *MarketplaceSession) ProviderOfSigner(signer common.Address) (common.Address, error) {
	return _Marketplace.Contract.ProviderOfSigner(&_Marketplace.CallOpts, signer)
}

// ProviderOfSigner is a free data retrieval call binding the contract method 0x232dce51.
//
// Solidity: function providerOfSigner(address signer) view returns(address provider)
func (_Marketplace *MarketplaceCallerSession) ProviderOfSigner(signer common.Address) (common.Address, error) {
	return _Marketplace.Contract.ProviderOfSigner(&_Marketplace.CallOpts, signer)
}

// Registry is a free data retrieval call binding the contract method 0x7b103999.
//
// Solidity: function registry() view returns(address)
func (_Marketplace *MarketplaceCaller) Registry(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "registry")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Registry is a free data retrieval call binding the contract method 0x7b103999.
//
// Solidity: function registry() view returns(address)
func (_Marketplace *MarketplaceSession) Registry() (common.Address, error) {
	return _Marketplace.Contract.Registry(&_Marketplace.CallOpts)
}

// Registry is a free data retrieval call binding the contract method 0x7b103999.
//
// Solidity: function registry() view returns(address)
func (_Marketplace *MarketplaceCallerSession) Registry() (common.Address, error) {
	return _Marketplace.Contract.Registry(&_Marketplace.CallOpts)
}

// RfcDigest is a free data retrieval call binding the contract method 0x92a51c4c.
//
// Solidity: function rfcDigest((address,bytes32,uint256,uint32,uint32,uint32,uint64,uint64,address,bool) rfc) view returns(bytes32)
func (_Marketplace *MarketplaceCaller) RfcDigest(opts *bind.CallOpts, rfc MarketTypesRFC) ([32]byte, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "rfcDigest", rfc)

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// RfcDigest is a free data retrieval call binding the contract method 0x92a51c4c.
//
// Solidity: function rfcDigest((address,bytes32,uint256,uint32,uint32,uint32,uint64,uint64,address,bool) rfc) view returns(bytes32)
func (_Marketplace *MarketplaceSession) RfcDigest(rfc MarketTypesRFC) ([32]byte, error) {
	return _Marketplace.Contract.RfcDigest(&_Marketplace.CallOpts, rfc)
}

// RfcDigest is a free data retrieval call binding the contract method 0x92a51c4c.
//
// Solidity: function rfcDigest((address,bytes32,uint256,uint32,uint32,uint32,uint64,uint64,address,bool) rfc) view returns(bytes32)
func (_Marketplace *MarketplaceCallerSession) RfcDigest(rfc MarketTypesRFC) ([32]byte, error) {
	return _Marketplace.Contract.RfcDigest(&_Marketplace.CallOpts, rfc)
}

// SessionId is a free data retrieval call binding the contract method 0x5c474483.
//
// Solidity: function sessionId((address,bytes32,uint256,uint32,uint32,uint32,uint64,uint64,address,bool) rfc, address provider) view returns(bytes32)
func (_Marketplace *MarketplaceCaller) SessionId(opts *bind.CallOpts, rfc MarketTypesRFC, provider common.Address) ([32]byte, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "sessionId", rfc, provider)

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// SessionId is a free data retrieval call binding the contract method 0x5c474483.
//
// Solidity: function sessionId((address,bytes32,uint256,uint32,uint32,uint32,uint64,uint64,address,bool) rfc, address provider) view returns(bytes32)
func (_Marketplace *MarketplaceSession) SessionId(rfc MarketTypesRFC, provider common.Address) ([32]byte, error) {
	return _Marketplace.Contract.SessionId(&_Marketplace.CallOpts, rfc, provider)
}

// SessionId is a free data retrieval call binding the contract method 0x5c474483.
//
// Solidity: function sessionId((address,bytes32,uint256,uint32,uint32,uint32,uint64,uint64,address,bool) rfc, address provider) view returns(bytes32)
func (_Marketplace *MarketplaceCallerSession) SessionId(rfc MarketTypesRFC, provider common.Address) ([32]byte, error) {
	return _Marketplace.Contract.SessionId(&_Marketplace.CallOpts, rfc, provider)
}

// SessionTicketDigest is a free data retrieval call binding the contract method 0xabf76b3f.
//
// Solidity: function sessionTicketDigest((bytes32,address,address,bytes32,uint256,uint32,uint64,address,bool) ticket) view returns(bytes32)
func (_Marketplace *MarketplaceCaller) SessionTicketDigest(opts *bind.CallOpts, ticket MarketTypesSessionTicket) ([32]byte, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "sessionTicketDigest", ticket)

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// SessionTicketDigest is a free data retrieval call binding the contract method 0xabf76b3f.
//
// Solidity: function sessionTicketDigest((bytes32,address,address,bytes32,uint256,uint32,uint64,address,bool) ticket) view returns(bytes32)
func (_Marketplace *MarketplaceSession) SessionTicketDigest(ticket MarketTypesSessionTicket) ([32]byte, error) {
	return _Marketplace.Contract.SessionTicketDigest(&_Marketplace.CallOpts, ticket)
}

// SessionTicketDigest is a free data retrieval call binding the contract method 0xabf76b3f.
//
// Solidity: function sessionTicketDigest((bytes32,address,address,bytes32,uint256,uint32,uint64,address,bool) ticket) view returns(bytes32)
func (_Marketplace *MarketplaceCallerSession) SessionTicketDigest(ticket MarketTypesSessionTicket) ([32]byte, error) {
	return _Marketplace.Contract.SessionTicketDigest(&_Marketplace.CallOpts, ticket)
}

// SignerClaimDigest is a free data retrieval call binding the contract method 0x5af7cac0.
//
// Solidity: function signerClaimDigest(address provider, address signer) view returns(bytes32)
func (_Marketplace *MarketplaceCaller) SignerClaimDigest(opts *bind.CallOpts, provider common.Address, signer common.Address) ([32]byte, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "signerClaimDigest", provider, signer)

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// SignerClaimDigest is a free data retrieval call binding the contract method 0x5af7cac0.
//
// Solidity: function signerClaimDigest(address provider, address signer) view returns(bytes32)
func (_Marketplace *MarketplaceSession) SignerClaimDigest(provider common.Address, signer common.Address) ([32]byte, error) {
	return _Marketplace.Contract.SignerClaimDigest(&_Marketplace.CallOpts, provider, signer)
}

// SignerClaimDigest is a free data retrieval call binding the contract method 0x5af7cac0.
//
// Solidity: function signerClaimDigest(address provider, address signer) view returns(bytes32)
func (_Marketplace *MarketplaceCallerSession) SignerClaimDigest(provider common.Address, signer common.Address) ([32]byte, error) {
	return _Marketplace.Contract.SignerClaimDigest(&_Marketplace.CallOpts, provider, signer)
}

// SignerOf is a free data retrieval call binding the contract method 0x5b5175d5.
//
// Solidity: function signerOf(address account) view returns(address)
func (_Marketplace *MarketplaceCaller) SignerOf(opts *bind.CallOpts, account common.Address) (common.Address, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "signerOf", account)

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// SignerOf is a free data retrieval call binding the contract method 0x5b5175d5.
//
// Solidity: function signerOf(address account) view returns(address)
func (_Marketplace *MarketplaceSession) SignerOf(account common.Address) (common.Address, error) {
	return _Marketplace.Contract.SignerOf(&_Marketplace.CallOpts, account)
}

// SignerOf is a free data retrieval call binding the contract method 0x5b5175d5.
//
// Solidity: function signerOf(address account) view returns(address)
func (_Marketplace *MarketplaceCallerSession) SignerOf(account common.Address) (common.Address, error) {
	return _Marketplace.Contract.SignerOf(&_Marketplace.CallOpts, account)
}

// SlashAllowance is a free data retrieval call binding the contract method 0xe8d8f5d6.
//
// Solidity: function slashAllowance(address provider) view returns(uint256 remaining, uint256 resetsAt)
func (_Marketplace *MarketplaceCaller) SlashAllowance(opts *bind.CallOpts, provider common.Address) (struct {
	Remaining *big.Int
	ResetsAt  *big.Int
}, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "slashAllowance", provider)

	outstruct := new(struct {
		Remaining *big.Int
		ResetsAt  *big.Int
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.Remaining = *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)
	outstruct.ResetsAt = *abi.ConvertType(out[1], new(*big.Int)).(**big.Int)

	return *outstruct, err

}

// SlashAllowance is a free data retrieval call binding the contract method 0xe8d8f5d6.
//
// Solidity: function slashAllowance(address provider) view returns(uint256 remaining, uint256 resetsAt)
func (_Marketplace *MarketplaceSession) SlashAllowance(provider common.Address) (struct {
	Remaining *big.Int
	ResetsAt  *big.Int
}, error) {
	return _Marketplace.Contract.SlashAllowance(&_Marketplace.CallOpts, provider)
}

// SlashAllowance is a free data retrieval call binding the contract method 0xe8d8f5d6.
//
// Solidity: function slashAllowance(address provider) view returns(uint256 remaining, uint256 resetsAt)
func (_Marketplace *MarketplaceCallerSession) SlashAllowance(provider common.Address) (struct {
	Remaining *big.Int
	ResetsAt  *big.Int
}, error) {
	return _Marketplace.Contract.SlashAllowance(&_Marketplace.CallOpts, provider)
}

// SupportsInterface is a free data retrieval call binding the contract method 0x01ffc9a7.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (_Marketplace *MarketplaceCaller) SupportsInterface(opts *bind.CallOpts, interfaceId [4]byte) (bool, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "supportsInterface", interfaceId)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// SupportsInterface is a free data retrieval call binding the contract method 0x01ffc9a7.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (_Marketplace *MarketplaceSession) SupportsInterface(interfaceId [4]byte) (bool, error) {
	return _Marketplace.Contract.SupportsInterface(&_Marketplace.CallOpts, interfaceId)
}

// SupportsInterface is a free data retrieval call binding the contract method 0x01ffc9a7.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (_Marketplace *MarketplaceCallerSession) SupportsInterface(interfaceId [4]byte) (bool, error) {
	return _Marketplace.Contract.SupportsInterface(&_Marketplace.CallOpts, interfaceId)
}

// Token is a free data retrieval call binding the contract method 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (_Marketplace *MarketplaceCaller) Token(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "token")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Token is a free data retrieval call binding the contract method 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (_Marketplace *MarketplaceSession) Token() (common.Address, error) {
	return _Marketplace.Contract.Token(&_Marketplace.CallOpts)
}

// Token is a free data retrieval call binding the contract method 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (_Marketplace *MarketplaceCallerSession) Token() (common.Address, error) {
	return _Marketplace.Contract.Token(&_Marketplace.CallOpts)
}

// TotalStaked is a free data retrieval call binding the contract method 0x817b1cd2.
//
// Solidity: function totalStaked() view returns(uint256)
func (_Marketplace *MarketplaceCaller) TotalStaked(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "totalStaked")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// TotalStaked is a free data retrieval call binding the contract method 0x817b1cd2.
//
// Solidity: function totalStaked() view returns(uint256)
func (_Marketplace *MarketplaceSession) TotalStaked() (*big.Int, error) {
	return _Marketplace.Contract.TotalStaked(&_Marketplace.CallOpts)
}

// TotalStaked is a free data retrieval call binding the contract method 0x817b1cd2.
//
// Solidity: function totalStaked() view returns(uint256)
func (_Marketplace *MarketplaceCallerSession) TotalStaked() (*big.Int, error) {
	return _Marketplace.Contract.TotalStaked(&_Marketplace.CallOpts)
}

// UnbondingPeriod is a free data retrieval call binding the contract method 0x6cf6d675.
//
// Solidity: function unbondingPeriod() view returns(uint256)
func (_Marketplace *MarketplaceCaller) UnbondingPeriod(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "unbondingPeriod")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// UnbondingPeriod is a free data retrieval call binding the contract method 0x6cf6d675.
//
// Solidity: function unbondingPeriod() view returns(uint256)
func (_Marketplace *MarketplaceSession) UnbondingPeriod() (*big.Int, error) {
	return _Marketplace.Contract.UnbondingPeriod(&_Marketplace.CallOpts)
}

// UnbondingPeriod is a free data retrieval call binding the contract method 0x6cf6d675.
//
// Solidity: function unbondingPeriod() view returns(uint256)
func (_Marketplace *MarketplaceCallerSession) UnbondingPeriod() (*big.Int, error) {
	return _Marketplace.Contract.UnbondingPeriod(&_Marketplace.CallOpts)
}

// UsageReceiptDigest is a free data retrieval call binding the contract method 0x496d38e7.
//
// Solidity: function usageReceiptDigest((bytes32,uint32,uint32,uint32,uint32) receipt) view returns(bytes32)
func (_Marketplace *MarketplaceCaller) UsageReceiptDigest(opts *bind.CallOpts, receipt MarketTypesUsageReceipt) ([32]byte, error) {
	var out []interface{}
	err := _Marketplace.contract.Call(opts, &out, "usageReceiptDigest", receipt)

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// UsageReceiptDigest is a free data retrieval call binding the contract method 0x496d38e7.
//
// Solidity: function usageReceiptDigest((bytes32,uint32,uint32,uint32,uint32) receipt) view returns(bytes32)
func (_Marketplace *MarketplaceSession) UsageReceiptDigest(receipt MarketTypesUsageReceipt) ([32]byte, error) {
	return _Marketplace.Contract.UsageReceiptDigest(&_Marketplace.CallOpts, receipt)
}

// UsageReceiptDigest is a free data retrieval call binding the contract method 0x496d38e7.
//
// Solidity: function usageReceiptDigest((bytes32,uint32,uint32,uint32,uint32) receipt) view returns(bytes32)
func (_Marketplace *MarketplaceCallerSession) UsageReceiptDigest(receipt MarketTypesUsageReceipt) ([32]byte, error) {
	return _Marketplace.Contract.UsageReceiptDigest(&_Marketplace.CallOpts, receipt)
}

// AddStake is a paid mutator transaction binding the contract method 0xeb4f16b5.
//
// Solidity: function addStake(uint256 amount) returns()
func (_Marketplace *MarketplaceTransactor) AddStake(opts *bind.TransactOpts, amount *big.Int) (*types.Transaction, error) {
	return _Marketplace.contract.Transact(opts, "addStake", amount)
}

// AddStake is a paid mutator transaction binding the contract method 0xeb4f16b5.
//
// Solidity: function addStake(uint256 amount) returns()
func (_Marketplace *MarketplaceSession) AddStake(amount *big.Int) (*types.Transaction, error) {
	return _Marketplace.Contract.AddStake(&_Marketplace.TransactOpts, amount)
}

// AddStake is a paid mutator transaction binding the contract method 0xeb4f16b5.
//
// Solidity: function addStake(uint256 amount) returns()
func (_Marketplace *MarketplaceTransactorSession) AddStake(amount *big.Int) (*types.Transaction, error) {
	return _Marketplace.Contract.AddStake(&_Marketplace.TransactOpts, amount)
}

// AddStakeWithPermit is a paid mutator transaction binding the contract method 0xb5de7f4f.
//
// Solidity: function addStakeWithPermit(uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s) returns()
func (_Marketplace *MarketplaceTransactor) AddStakeWithPermit(opts *bind.TransactOpts, amount *big.Int, deadline *big.Int, v uint8, r [32]byte, s [32]byte) (*types.Transaction, error) {
	return _Marketplace.contract.Transact(opts, "addStakeWithPermit", amount, deadline, v, r, s)
}

// AddStakeWithPermit is a paid mutator transaction binding the contract method 0xb5de7f4f.
//
// Solidity: function addStakeWithPermit(uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s) returns()
func (_Marketplace *MarketplaceSession) AddStakeWithPermit(amount *big.Int, deadline *big.Int, v uint8, r [32]byte, s [32]byte) (*types.Transaction, error) {
	return _Marketplace.Contract.AddStakeWithPermit(&_Marketplace.TransactOpts, amount, deadline, v, r, s)
}

// AddStakeWithPermit is a paid mutator transaction binding the contract method 0xb5de7f4f.
//
// Solidity: function addStakeWithPermit(uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s) returns()
func (_Marketplace *MarketplaceTransactorSession) AddStakeWithPermit(amount *big.Int, deadline *big.Int, v uint8, r [32]byte, s [32]byte) (*types.Transaction, error) {
	return _Marketplace.Contract.AddStakeWithPermit(&_Marketplace.TransactOpts, amount, deadline, v, r, s)
}

// DeleteBid is a paid mutator transaction binding the contract method 0x5fc12051.
//
// Solidity: function deleteBid(bytes32 modelId) returns()
func (_Marketplace *MarketplaceTransactor) DeleteBid(opts *bind.TransactOpts, modelId [32]byte) (*types.Transaction, error) {
	return _Marketplace.contract.Transact(opts, "deleteBid", modelId)
}

// DeleteBid is a paid mutator transaction binding the contract method 0x5fc12051.
//
// Solidity: function deleteBid(bytes32 modelId) returns()
func (_Marketplace *MarketplaceSession) DeleteBid(modelId [32]byte) (*types.Transaction, error) {
	return _Marketplace.Contract.DeleteBid(&_Marketplace.TransactOpts, modelId)
}

// DeleteBid is a paid mutator transaction binding the contract method 0x5fc12051.
//
// Solidity: function deleteBid(bytes32 modelId) returns()
func (_Marketplace *MarketplaceTransactorSession) DeleteBid(modelId [32]byte) (*types.Transaction, error) {
	return _Marketplace.Contract.DeleteBid(&_Marketplace.TransactOpts, modelId)
}

// GrantRole is a paid mutator transaction binding the contract method 0x2f2ff15d.
//
// Solidity: function grantRole(bytes32 role, address account) returns()
func (_Marketplace *MarketplaceTransactor) GrantRole(opts *bind.TransactOpts, role [32]byte, account common.Address) (*types.Transaction, error) {
	return _Marketplace.contract.Transact(opts, "grantRole", role, account)
}

// GrantRole is a paid mutator transaction binding the contract method 0x2f2ff15d.
//
// Solidity: function grantRole(bytes32 role, address account) returns()
func (_Marketplace *MarketplaceSession) GrantRole(role [32]byte, account common.Address) (*types.Transaction, error) {
	return _Marketplace.Contract.GrantRole(&_Marketplace.TransactOpts, role, account)
}

// GrantRole is a paid mutator transaction binding the contract method 0x2f2ff15d.
//
// Solidity: function grantRole(bytes32 role, address account) returns()
func (_Marketplace *MarketplaceTransactorSession) GrantRole(role [32]byte, account common.Address) (*types.Transaction, error) {
	return _Marketplace.Contract.GrantRole(&_Marketplace.TransactOpts, role, account)
}

// PostBid is a paid mutator transaction binding the contract method 0x4f453939.
//
// Solidity: function postBid(bytes32 modelId, uint256 pricePerSecond) returns()
func (_Marketplace *MarketplaceTransactor) PostBid(opts *bind.TransactOpts, modelId [32]byte, pricePerSecond *big.Int) (*types.Transaction, error) {
	return _Marketplace.contract.Transact(opts, "postBid", modelId, pricePerSecond)
}

// PostBid is a paid mutator transaction binding the contract method 0x4f453939.
//
// Solidity: function postBid(bytes32 modelId, uint256 pricePerSecond) returns()
func (_Marketplace *MarketplaceSession) PostBid(modelId [32]byte, pricePerSecond *big.Int) (*types.Transaction, error) {
	return _Marketplace.Contract.PostBid(&_Marketplace.TransactOpts, modelId, pricePerSecond)
}

// PostBid is a paid mutator transaction binding the contract method 0x4f453939.
//
// Solidity: function postBid(bytes32 modelId, uint256 pricePerSecond) returns()
func (_Marketplace *MarketplaceTransactorSession) PostBid(modelId [32]byte, pricePerSecond *big.Int) (*types.Transaction, error) {
	return _Marketplace.Contract.PostBid(&_Marketplace.TransactOpts, modelId, pricePerSecond)
}

// Register is a paid mutator transaction binding the contract method 0xeca23094.
//
// Solidity: function register(string endpoint, address signer, bytes signerProof, uint256 stake) returns()
func (_Marketplace *MarketplaceTransactor) Register(opts *bind.TransactOpts, endpoint string, signer common.Address, signerProof []byte, stake *big.Int) (*types.Transaction, error) {
	return _Marketplace.contract.Transact(opts, "register", endpoint, signer, signerProof, stake)
}

// Register is a paid mutator transaction binding the contract method 0xeca23094.
//
// Solidity: function register(string endpoint, address signer, bytes signerProof, uint256 stake) returns()
func (_Marketplace *MarketplaceSession) Register(endpoint string, signer common.Address, signerProof []byte, stake *big.Int) (*types.Transaction, error) {
	return _Marketplace.Contract.Register(&_Marketplace.TransactOpts, endpoint, signer, signerProof, stake)
}

// Register is a paid mutator transaction binding the contract method 0xeca23094.
//
// Solidity: function register(string endpoint, address signer, bytes signerProof, uint256 stake) returns()
func (_Marketplace *MarketplaceTransactorSession) Register(endpoint string, signer common.Address, signerProof []byte, stake *big.Int) (*types.Transaction, error) {
	return _Marketplace.Contract.Register(&_Marketplace.TransactOpts, endpoint, signer, signerProof, stake)
}

// RegisterWithPermit is a paid mutator transaction binding the contract method 0xcf7214fa.
//
// Solidity: function registerWithPermit(string endpoint, address signer, bytes signerProof, uint256 stake, uint256 deadline, uint8 v, bytes32 r, bytes32 s) returns()
func (_Marketplace *MarketplaceTransactor) RegisterWithPermit(opts *bind.TransactOpts, endpoint string, signer common.Address, signerProof []byte, stake *big.Int, deadline *big.Int, v uint8, r [32]byte, s [32]byte) (*types.Transaction, error) {
	return _Marketplace.contract.Transact(opts, "registerWithPermit", endpoint, signer, signerProof, stake, deadline, v, r, s)
}

// RegisterWithPermit is a paid mutator transaction binding the contract method 0xcf7214fa.
//
// Solidity: function registerWithPermit(string endpoint, address signer, bytes signerProof, uint256 stake, uint256 deadline, uint8 v, bytes32 r, bytes32 s) returns()
func (_Marketplace *MarketplaceSession) RegisterWithPermit(endpoint string, signer common.Address, signerProof []byte, stake *big.Int, deadline *big.Int, v uint8, r [32]byte, s [32]byte) (*types.Transaction, error) {
	return _Marketplace.Contract.RegisterWithPermit(&_Marketplace.TransactOpts, endpoint, signer, signerProof, stake, deadline, v, r, s)
}

// RegisterWithPermit is a paid mutator transaction binding the contract method 0xcf7214fa.
//
// Solidity: function registerWithPermit(string endpoint, address signer, bytes signerProof, uint256 stake, uint256 deadline, uint8 v, bytes32 r, bytes32 s) returns()
func (_Marketplace *MarketplaceTransactorSession) RegisterWithPermit(endpoint string, signer common.Address, signerProof []byte, stake *big.Int, deadline *big.Int, v uint8, r [32]byte, s [32]byte) (*types.Transaction, error) {
	return _Marketplace.Contract.RegisterWithPermit(&_Marketplace.TransactOpts, endpoint, signer, signerProof, stake, deadline, v, r, s)
}

// RenounceRole is a paid mutator transaction binding the contract method 0x36568abe.
//
// Solidity: function renounceRole(bytes32 role, address callerConfirmation) returns()
func (_Marketplace *MarketplaceTransactor) RenounceRole(opts *bind.TransactOpts, role [32]byte, callerConfirmation common.Address) (*types.Transaction, error) {
	return _Marketplace.contract.Transact(opts, "renounceRole", role, callerConfirmation)
}

// RenounceRole is a paid mutator transaction binding the contract method 0x36568abe.
//
// Solidity: function renounceRole(bytes32 role, address callerConfirmation) returns()
func (_Marketplace *MarketplaceSession) RenounceRole(role [32]byte, callerConfirmation common.Address) (*types.Transaction, error) {
	return _Marketplace.Contract.RenounceRole(&_Marketplace.TransactOpts, role, callerConfirmation)
}

// RenounceRole is a paid mutator transaction binding the contract method 0x36568abe.
//
// Solidity: function renounceRole(bytes32 role, address callerConfirmation) returns()
func (_Marketplace *MarketplaceTransactorSession) RenounceRole(role [32]byte, callerConfirmation common.Address) (*types.Transaction, error) {
	return _Marketplace.Contract.RenounceRole(&_Marketplace.TransactOpts, role, callerConfirmation)
}

// RequestUnstake is a paid mutator transaction binding the contract method 0x23095721.
//
// Solidity: function requestUnstake(uint256 amount) returns()
func (_Marketplace *MarketplaceTransactor) RequestUnstake(opts *bind.TransactOpts, amount *big.Int) (*types.Transaction, error) {
	return _Marketplace.contract.Transact(opts, "requestUnstake", amount)
}

// RequestUnstake is a paid mutator transaction binding the contract method 0x23095721.
//
// Solidity: function requestUnstake(uint256 amount) returns()
func (_Marketplace *MarketplaceSession) RequestUnstake(amount *big.Int) (*types.Transaction, error) {
	return _Marketplace.Contract.RequestUnstake(&_Marketplace.TransactOpts, amount)
}

// RequestUnstake is a paid mutator transaction binding the contract method 0x23095721.
//
// Solidity: function requestUnstake(uint256 amount) returns()
func (_Marketplace *MarketplaceTransactorSession) RequestUnstake(amount *big.Int) (*types.Transaction, error) {
	return _Marketplace.Contract.RequestUnstake(&_Marketplace.TransactOpts, amount)
}

// RevokeRole is a paid mutator transaction binding the contract method 0xd547741f.
//
// Solidity: function revokeRole(bytes32 role, address account) returns()
func (_Marketplace *MarketplaceTransactor) RevokeRole(opts *bind.TransactOpts, role [32]byte, account common.Address) (*types.Transaction, error) {
	return _Marketplace.contract.Transact(opts, "revokeRole", role, account)
}

// RevokeRole is a paid mutator transaction binding the contract method 0xd547741f.
//
// Solidity: function revokeRole(bytes32 role, address account) returns()
func (_Marketplace *MarketplaceSession) RevokeRole(role [32]byte, account common.Address) (*types.Transaction, error) {
	return _Marketplace.Contract.RevokeRole(&_Marketplace.TransactOpts, role, account)
}

// RevokeRole is a paid mutator transaction binding the contract method 0xd547741f.
//
// Solidity: function revokeRole(bytes32 role, address account) returns()
func (_Marketplace *MarketplaceTransactorSession) RevokeRole(role [32]byte, account common.Address) (*types.Transaction, error) {
	return _Marketplace.Contract.RevokeRole(&_Marketplace.TransactOpts, role, account)
}

// SetParams is a paid mutator transaction binding the contract method 0x7ece45e8.
//
// Solidity: function setParams(uint256 minProviderStake_, uint256 unbondingPeriod_, uint256 minPrice_, uint256 maxPrice_) returns()
func (_Marketplace *MarketplaceTransactor) SetParams(opts *bind.TransactOpts, minProviderStake_ *big.Int, unbondingPeriod_ *big.Int, minPrice_ *big.Int, maxPrice_ *big.Int) (*types.Transaction, error) {
	return _Marketplace.contract.Transact(opts, "setParams", minProviderStake_, unbondingPeriod_, minPrice_, maxPrice_)
}

// SetParams is a paid mutator transaction binding the contract method 0x7ece45e8.
//
// Solidity: function setParams(uint256 minProviderStake_, uint256 unbondingPeriod_, uint256 minPrice_, uint256 maxPrice_) returns()
func (_Marketplace *MarketplaceSession) SetParams(minProviderStake_ *big.Int, unbondingPeriod_ *big.Int, minPrice_ *big.Int, maxPrice_ *big.Int) (*types.Transaction, error) {
	return _Marketplace.Contract.SetParams(&_Marketplace.TransactOpts, minProviderStake_, unbondingPeriod_, minPrice_, maxPrice_)
}

// SetParams is a paid mutator transaction binding the contract method 0x7ece45e8.
//
// Solidity: function setParams(uint256 minProviderStake_, uint256 unbondingPeriod_, uint256 minPrice_, uint256 maxPrice_) returns()
func (_Marketplace *MarketplaceTransactorSession) SetParams(minProviderStake_ *big.Int, unbondingPeriod_ *big.Int, minPrice_ *big.Int, maxPrice_ *big.Int) (*types.Transaction, error) {
	return _Marketplace.Contract.SetParams(&_Marketplace.TransactOpts, minProviderStake_, unbondingPeriod_, minPrice_, maxPrice_)
}

// Slash is a paid mutator transaction binding the contract method 0xfba2c05a.
//
// Solidity: function slash(address provider, uint256 amount, bytes32 evidenceHash) returns(uint256 slashed)
func (_Marketplace *MarketplaceTransactor) Slash(opts *bind.TransactOpts, provider common.Address, amount *big.Int, evidenceHash [32]byte) (*types.Transaction, error) {
	return _Marketplace.contract.Transact(opts, "slash", provider, amount, evidenceHash)
}

// Slash is a paid mutator transaction binding the contract method 0xfba2c05a.
//
// Solidity: function slash(address provider, uint256 amount, bytes32 evidenceHash) returns(uint256 slashed)
func (_Marketplace *MarketplaceSession) Slash(provider common.Address, amount *big.Int, evidenceHash [32]byte) (*types.Transaction, error) {
	return _Marketplace.Contract.Slash(&_Marketplace.TransactOpts, provider, amount, evidenceHash)
}

// Slash is a paid mutator transaction binding the contract method 0xfba2c05a.
//
// Solidity: function slash(address provider, uint256 amount, bytes32 evidenceHash) returns(uint256 slashed)
func (_Marketplace *MarketplaceTransactorSession) Slash(provider common.Address, amount *big.Int, evidenceHash [32]byte) (*types.Transaction, error) {
	return _Marketplace.Contract.Slash(&_Marketplace.TransactOpts, provider, amount, evidenceHash)
}

// UpdateProvider is a paid mutator transaction binding the contract method 0x04a35afa.
//
// Solidity: function updateProvider(string endpoint, address signer, bytes signerProof) returns()
func (_Marketplace *MarketplaceTransactor) UpdateProvider(opts *bind.TransactOpts, endpoint string, signer common.Address, signerProof []byte) (*types.Transaction, error) {
	return _Marketplace.contract.Transact(opts, "updateProvider", endpoint, signer, signerProof)
}

// UpdateProvider is a paid mutator transaction binding the contract method 0x04a35afa.
//
// Solidity: function updateProvider(string endpoint, address signer, bytes signerProof) returns()
func (_Marketplace *MarketplaceSession) UpdateProvider(endpoint string, signer common.Address, signerProof []byte) (*types.Transaction, error) {
	return _Marketplace.Contract.UpdateProvider(&_Marketplace.TransactOpts, endpoint, signer, signerProof)
}

// UpdateProvider is a paid mutator transaction binding the contract method 0x04a35afa.
//
// Solidity: function updateProvider(string endpoint, address signer, bytes signerProof) returns()
func (_Marketplace *MarketplaceTransactorSession) UpdateProvider(endpoint string, signer common.Address, signerProof []byte) (*types.Transaction, error) {
	return _Marketplace.Contract.UpdateProvider(&_Marketplace.TransactOpts, endpoint, signer, signerProof)
}

// Withdraw is a paid mutator transaction binding the contract method 0x3ccfd60b.
//
// Solidity: function withdraw() returns(uint256 amount)
func (_Marketplace *MarketplaceTransactor) Withdraw(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _Marketplace.contract.Transact(opts, "withdraw")
}

// Withdraw is a paid mutator transaction binding the contract method 0x3ccfd60b.
//
// Solidity: function withdraw() returns(uint256 amount)
func (_Marketplace *MarketplaceSession) Withdraw() (*types.Transaction, error) {
	return _Marketplace.Contract.Withdraw(&_Marketplace.TransactOpts)
}

// Withdraw is a paid mutator transaction binding the contract method 0x3ccfd60b.
//
// Solidity: function withdraw() returns(uint256 amount)
func (_Marketplace *MarketplaceTransactorSession) Withdraw() (*types.Transaction, error) {
	return _Marketplace.Contract.Withdraw(&_Marketplace.TransactOpts)
}

// MarketplaceBidDeletedIterator is returned from FilterBidDeleted and is used to iterate over the raw logs and unpacked data for BidDeleted events raised by the Marketplace contract.
type MarketplaceBidDeletedIterator struct {
	Event *MarketplaceBidDeleted // Event containing the contract specifics and raw log

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
func (it *MarketplaceBidDeletedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(MarketplaceBidDeleted)
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
		it.Event = new(MarketplaceBidDeleted)
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
func (it *MarketplaceBidDeletedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *MarketplaceBidDeletedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// MarketplaceBidDeleted represents a BidDeleted event raised by the Marketplace contract.
type MarketplaceBidDeleted struct {
	Provider common.Address
	ModelId  [32]byte
	Raw      types.Log // Blockchain specific contextual infos
}

// FilterBidDeleted is a free log retrieval operation binding the contract event 0xcaee4bdeec9b4e8591074e653ebba2005030aceb3c140fd2798a17d63bd407db.
//
// Solidity: event BidDeleted(address indexed provider, bytes32 indexed modelId)
func (_Marketplace *MarketplaceFilterer) FilterBidDeleted(opts *bind.FilterOpts, provider []common.Address, modelId [][32]byte) (*MarketplaceBidDeletedIterator, error) {

	var providerRule []interface{}
	for _, providerItem := range provider {
		providerRule = append(providerRule, providerItem)
	}
	var modelIdRule []interface{}
	for _, modelIdItem := range modelId {
		modelIdRule = append(modelIdRule, modelIdItem)
	}

	logs, sub, err := _Marketplace.contract.FilterLogs(opts, "BidDeleted", providerRule, modelIdRule)
	if err != nil {
		return nil, err
	}
	return &MarketplaceBidDeletedIterator{contract: _Marketplace.contract, event: "BidDeleted", logs: logs, sub: sub}, nil
}

// WatchBidDeleted is a free log subscription operation binding the contract event 0xcaee4bdeec9b4e8591074e653ebba2005030aceb3c140fd2798a17d63bd407db.
//
// Solidity: event BidDeleted(address indexed provider, bytes32 indexed modelId)
func (_Marketplace *MarketplaceFilterer) WatchBidDeleted(opts *bind.WatchOpts, sink chan<- *MarketplaceBidDeleted, provider []common.Address, modelId [][32]byte) (event.Subscription, error) {

	var providerRule []interface{}
	for _, providerItem := range provider {
		providerRule = append(providerRule, providerItem)
	}
	var modelIdRule []interface{}
	for _, modelIdItem := range modelId {
		modelIdRule = append(modelIdRule, modelIdItem)
	}

	logs, sub, err := _Marketplace.contract.WatchLogs(opts, "BidDeleted", providerRule, modelIdRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(MarketplaceBidDeleted)
				if err := _Marketplace.contract.UnpackLog(event, "BidDeleted", log); err != nil {
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

// ParseBidDeleted is a log parse operation binding the contract event 0xcaee4bdeec9b4e8591074e653ebba2005030aceb3c140fd2798a17d63bd407db.
//
// Solidity: event BidDeleted(address indexed provider, bytes32 indexed modelId)
func (_Marketplace *MarketplaceFilterer) ParseBidDeleted(log types.Log) (*MarketplaceBidDeleted, error) {
	event := new(MarketplaceBidDeleted)
	if err := _Marketplace.contract.UnpackLog(event, "BidDeleted", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// MarketplaceBidPostedIterator is returned from FilterBidPosted and is used to iterate over the raw logs and unpacked data for BidPosted events raised by the Marketplace contract.
type MarketplaceBidPostedIterator struct {
	Event *MarketplaceBidPosted // Event containing the contract specifics and raw log

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
func (it *MarketplaceBidPostedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(MarketplaceBidPosted)
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
		it.Event = new(MarketplaceBidPosted)
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
func (it *MarketplaceBidPostedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *MarketplaceBidPostedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// MarketplaceBidPosted represents a BidPosted event raised by the Marketplace contract.
type MarketplaceBidPosted struct {
	Provider       common.Address
	ModelId        [32]byte
	PricePerSecond *big.Int
	Raw            types.Log // Blockchain specific contextual infos
}

// FilterBidPosted is a free log retrieval operation binding the contract event 0xd138adff73af2621d26114cd9ee4f20dcd39ed78f9e0004215ed49aa22753ebe.
//
// Solidity: event BidPosted(address indexed provider, bytes32 indexed modelId, uint256 pricePerSecond)
func (_Marketplace *MarketplaceFilterer) FilterBidPosted(opts *bind.FilterOpts, provider []common.Address, modelId [][32]byte) (*MarketplaceBidPostedIterator, error) {

	var providerRule []interface{}
	for _, providerItem := range provider {
		providerRule = append(providerRule, providerItem)
	}
	var modelIdRule []interface{}
	for _, modelIdItem := range modelId {
		modelIdRule = append(modelIdRule, modelIdItem)
	}

	logs, sub, err := _Marketplace.contract.FilterLogs(opts, "BidPosted", providerRule, modelIdRule)
	if err != nil {
		return nil, err
	}
	return &MarketplaceBidPostedIterator{contract: _Marketplace.contract, event: "BidPosted", logs: logs, sub: sub}, nil
}

// WatchBidPosted is a free log subscription operation binding the contract event 0xd138adff73af2621d26114cd9ee4f20dcd39ed78f9e0004215ed49aa22753ebe.
//
// Solidity: event BidPosted(address indexed provider, bytes32 indexed modelId, uint256 pricePerSecond)
func (_Marketplace *MarketplaceFilterer) WatchBidPosted(opts *bind.WatchOpts, sink chan<- *MarketplaceBidPosted, provider []common.Address, modelId [][32]byte) (event.Subscription, error) {

	var providerRule []interface{}
	for _, providerItem := range provider {
		providerRule = append(providerRule, providerItem)
	}
	var modelIdRule []interface{}
	for _, modelIdItem := range modelId {
		modelIdRule = append(modelIdRule, modelIdItem)
	}

	logs, sub, err := _Marketplace.contract.WatchLogs(opts, "BidPosted", providerRule, modelIdRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(MarketplaceBidPosted)
				if err := _Marketplace.contract.UnpackLog(event, "BidPosted", log); err != nil {
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

// ParseBidPosted is a log parse operation binding the contract event 0xd138adff73af2621d26114cd9ee4f20dcd39ed78f9e0004215ed49aa22753ebe.
//
// Solidity: event BidPosted(address indexed provider, bytes32 indexed modelId, uint256 pricePerSecond)
func (_Marketplace *MarketplaceFilterer) ParseBidPosted(log types.Log) (*MarketplaceBidPosted, error) {
	event := new(MarketplaceBidPosted)
	if err := _Marketplace.contract.UnpackLog(event, "BidPosted", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// MarketplaceEIP712DomainChangedIterator is returned from FilterEIP712DomainChanged and is used to iterate over the raw logs and unpacked data for EIP712DomainChanged events raised by the Marketplace contract.
type MarketplaceEIP712DomainChangedIterator struct {
	Event *MarketplaceEIP712DomainChanged // Event containing the contract specifics and raw log

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
func (it *MarketplaceEIP712DomainChangedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(MarketplaceEIP712DomainChanged)
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
		it.Event = new(MarketplaceEIP712DomainChanged)
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
func (it *MarketplaceEIP712DomainChangedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *MarketplaceEIP712DomainChangedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// MarketplaceEIP712DomainChanged represents a EIP712DomainChanged event raised by the Marketplace contract.
type MarketplaceEIP712DomainChanged struct {
	Raw types.Log // Blockchain specific contextual infos
}

// FilterEIP712DomainChanged is a free log retrieval operation binding the contract event 0x0a6387c9ea3628b88a633bb4f3b151770f70085117a15f9bf3787cda53f13d31.
//
// Solidity: event EIP712DomainChanged()
func (_Marketplace *MarketplaceFilterer) FilterEIP712DomainChanged(opts *bind.FilterOpts) (*MarketplaceEIP712DomainChangedIterator, error) {

	logs, sub, err := _Marketplace.contract.FilterLogs(opts, "EIP712DomainChanged")
	if err != nil {
		return nil, err
	}
	return &MarketplaceEIP712DomainChangedIterator{contract: _Marketplace.contract, event: "EIP712DomainChanged", logs: logs, sub: sub}, nil
}

// WatchEIP712DomainChanged is a free log subscription operation binding the contract event 0x0a6387c9ea3628b88a633bb4f3b151770f70085117a15f9bf3787cda53f13d31.
//
// Solidity: event EIP712DomainChanged()
func (_Marketplace *MarketplaceFilterer) WatchEIP712DomainChanged(opts *bind.WatchOpts, sink chan<- *MarketplaceEIP712DomainChanged) (event.Subscription, error) {

	logs, sub, err := _Marketplace.contract.WatchLogs(opts, "EIP712DomainChanged")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(MarketplaceEIP712DomainChanged)
				if err := _Marketplace.contract.UnpackLog(event, "EIP712DomainChanged", log); err != nil {
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

// ParseEIP712DomainChanged is a log parse operation binding the contract event 0x0a6387c9ea3628b88a633bb4f3b151770f70085117a15f9bf3787cda53f13d31.
//
// Solidity: event EIP712DomainChanged()
func (_Marketplace *MarketplaceFilterer) ParseEIP712DomainChanged(log types.Log) (*MarketplaceEIP712DomainChanged, error) {
	event := new(MarketplaceEIP712DomainChanged)
	if err := _Marketplace.contract.UnpackLog(event, "EIP712DomainChanged", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// MarketplaceParamsSetIterator is returned from FilterParamsSet and is used to iterate over the raw logs and unpacked data for ParamsSet events raised by the Marketplace contract.
type MarketplaceParamsSetIterator struct {
	Event *MarketplaceParamsSet // Event containing the contract specifics and raw log

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
func (it *MarketplaceParamsSetIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(MarketplaceParamsSet)
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
		it.Event = new(MarketplaceParamsSet)
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
func (it *MarketplaceParamsSetIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *MarketplaceParamsSetIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// MarketplaceParamsSet represents a ParamsSet event raised by the Marketplace contract.
type MarketplaceParamsSet struct {
	MinProviderStake *big.Int
	UnbondingPeriod  *big.Int
	MinPrice         *big.Int
	MaxPrice         *big.Int
	Raw              types.Log // Blockchain specific contextual infos
}

// FilterParamsSet is a free log retrieval operation binding the contract event 0x28aebf94d57dbb9eac47a913696c4ef24b8e17772a60577d2bba012a94b8b24b.
//
// Solidity: event ParamsSet(uint256 minProviderStake, uint256 unbondingPeriod, uint256 minPrice, uint256 maxPrice)
func (_Marketplace *MarketplaceFilterer) FilterParamsSet(opts *bind.FilterOpts) (*MarketplaceParamsSetIterator, error) {

	logs, sub, err := _Marketplace.contract.FilterLogs(opts, "ParamsSet")
	if err != nil {
		return nil, err
	}
	return &MarketplaceParamsSetIterator{contract: _Marketplace.contract, event: "ParamsSet", logs: logs, sub: sub}, nil
}

// WatchParamsSet is a free log subscription operation binding the contract event 0x28aebf94d57dbb9eac47a913696c4ef24b8e17772a60577d2bba012a94b8b24b.
//
// Solidity: event ParamsSet(uint256 minProviderStake, uint256 unbondingPeriod, uint256 minPrice, uint256 maxPrice)
func (_Marketplace *MarketplaceFilterer) WatchParamsSet(opts *bind.WatchOpts, sink chan<- *MarketplaceParamsSet) (event.Subscription, error) {

	logs, sub, err := _Marketplace.contract.WatchLogs(opts, "ParamsSet")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(MarketplaceParamsSet)
				if err := _Marketplace.contract.UnpackLog(event, "ParamsSet", log); err != nil {
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

// ParseParamsSet is a log parse operation binding the contract event 0x28aebf94d57dbb9eac47a913696c4ef24b8e17772a60577d2bba012a94b8b24b.
//
// Solidity: event ParamsSet(uint256 minProviderStake, uint256 unbondingPeriod, uint256 minPrice, uint256 maxPrice)
func (_Marketplace *MarketplaceFilterer) ParseParamsSet(log types.Log) (*MarketplaceParamsSet, error) {
	event := new(MarketplaceParamsSet)
	if err := _Marketplace.contract.UnpackLog(event, "ParamsSet", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// MarketplaceProviderRegisteredIterator is returned from FilterProviderRegistered and is used to iterate over the raw logs and unpacked data for ProviderRegistered events raised by the Marketplace contract.
type MarketplaceProviderRegisteredIterator struct {
	Event *MarketplaceProviderRegistered // Event containing the contract specifics and raw log

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
func (it *MarketplaceProviderRegisteredIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(MarketplaceProviderRegistered)
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
		it.Event = new(MarketplaceProviderRegistered)
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
func (it *MarketplaceProviderRegisteredIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *MarketplaceProviderRegisteredIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// MarketplaceProviderRegistered represents a ProviderRegistered event raised by the Marketplace contract.
type MarketplaceProviderRegistered struct {
	Provider common.Address
	Signer   common.Address
	Endpoint string
	Stake    *big.Int
	Raw      types.Log // Blockchain specific contextual infos
}

// FilterProviderRegistered is a free log retrieval operation binding the contract event 0x517258e3baaf6949d38acd07fe01a26f215cc10b702560776f231f6c58907595.
//
// Solidity: event ProviderRegistered(address indexed provider, address indexed signer, string endpoint, uint256 stake)
func (_Marketplace *MarketplaceFilterer) FilterProviderRegistered(opts *bind.FilterOpts, provider []common.Address, signer []common.Address) (*MarketplaceProviderRegisteredIterator, error) {

	var providerRule []interface{}
	for _, providerItem := range provider {
		providerRule = append(providerRule, providerItem)
	}
	var signerRule []interface{}
	for _, signerItem := range signer {
		signerRule = append(signerRule, signerItem)
	}

	logs, sub, err := _Marketplace.contract.FilterLogs(opts, "ProviderRegistered", providerRule, signerRule)
	if err != nil {
		return nil, err
	}
	return &MarketplaceProviderRegisteredIterator{contract: _Marketplace.contract, event: "ProviderRegistered", logs: logs, sub: sub}, nil
}

// WatchProviderRegistered is a free log subscription operation binding the contract event 0x517258e3baaf6949d38acd07fe01a26f215cc10b702560776f231f6c58907595.
//
// Solidity: event ProviderRegistered(address indexed provider, address indexed signer, string endpoint, uint256 stake)
func (_Marketplace *MarketplaceFilterer) WatchProviderRegistered(opts *bind.WatchOpts, sink chan<- *MarketplaceProviderRegistered, provider []common.Address, signer []common.Address) (event.Subscription, error) {

	var providerRule []interface{}
	for _, providerItem := range provider {
		providerRule = append(providerRule, providerItem)
	}
	var signerRule []interface{}
	for _, signerItem := range signer {
		signerRule = append(signerRule, signerItem)
	}

	logs, sub, err := _Marketplace.contract.WatchLogs(opts, "ProviderRegistered", providerRule, signerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(MarketplaceProviderRegistered)
				if err := _Marketplace.contract.UnpackLog(event, "ProviderRegistered", log); err != nil {
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

// ParseProviderRegistered is a log parse operation binding the contract event 0x517258e3baaf6949d38acd07fe01a26f215cc10b702560776f231f6c58907595.
//
// Solidity: event ProviderRegistered(address indexed provider, address indexed signer, string endpoint, uint256 stake)
func (_Marketplace *MarketplaceFilterer) ParseProviderRegistered(log types.Log) (*MarketplaceProviderRegistered, error) {
	event := new(MarketplaceProviderRegistered)
	if err := _Marketplace.contract.UnpackLog(event, "ProviderRegistered", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// MarketplaceProviderUpdatedIterator is returned from FilterProviderUpdated and is used to iterate over the raw logs and unpacked data for ProviderUpdated events raised by the Marketplace contract.
type MarketplaceProviderUpdatedIterator struct {
	Event *MarketplaceProviderUpdated // Event containing the contract specifics and raw log

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
func (it *MarketplaceProviderUpdatedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(MarketplaceProviderUpdated)
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
		it.Event = new(MarketplaceProviderUpdated)
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
func (it *MarketplaceProviderUpdatedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *MarketplaceProviderUpdatedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// MarketplaceProviderUpdated represents a ProviderUpdated event raised by the Marketplace contract.
type MarketplaceProviderUpdated struct {
	Provider common.Address
	Signer   common.Address
	Endpoint string
	Raw      types.Log // Blockchain specific contextual infos
}

// FilterProviderUpdated is a free log retrieval operation binding the contract event 0x5aa5e7e2530268ddf035d3811c96f7da3cbb0ca7153af78ca49cf3877e1ac702.
//
// Solidity: event ProviderUpdated(address indexed provider, address indexed signer, string endpoint)
func (_Marketplace *MarketplaceFilterer) FilterProviderUpdated(opts *bind.FilterOpts, provider []common.Address, signer []common.Address) (*MarketplaceProviderUpdatedIterator, error) {

	var providerRule []interface{}
	for _, providerItem := range provider {
		providerRule = append(providerRule, providerItem)
	}
	var signerRule []interface{}
	for _, signerItem := range signer {
		signerRule = append(signerRule, signerItem)
	}

	logs, sub, err := _Marketplace.contract.FilterLogs(opts, "ProviderUpdated", providerRule, signerRule)
	if err != nil {
		return nil, err
	}
	return &MarketplaceProviderUpdatedIterator{contract: _Marketplace.contract, event: "ProviderUpdated", logs: logs, sub: sub}, nil
}

// WatchProviderUpdated is a free log subscription operation binding the contract event 0x5aa5e7e2530268ddf035d3811c96f7da3cbb0ca7153af78ca49cf3877e1ac702.
//
// Solidity: event ProviderUpdated(address indexed provider, address indexed signer, string endpoint)
func (_Marketplace *MarketplaceFilterer) WatchProviderUpdated(opts *bind.WatchOpts, sink chan<- *MarketplaceProviderUpdated, provider []common.Address, signer []common.Address) (event.Subscription, error) {

	var providerRule []interface{}
	for _, providerItem := range provider {
		providerRule = append(providerRule, providerItem)
	}
	var signerRule []interface{}
	for _, signerItem := range signer {
		signerRule = append(signerRule, signerItem)
	}

	logs, sub, err := _Marketplace.contract.WatchLogs(opts, "ProviderUpdated", providerRule, signerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(MarketplaceProviderUpdated)
				if err := _Marketplace.contract.UnpackLog(event, "ProviderUpdated", log); err != nil {
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

// ParseProviderUpdated is a log parse operation binding the contract event 0x5aa5e7e2530268ddf035d3811c96f7da3cbb0ca7153af78ca49cf3877e1ac702.
//
// Solidity: event ProviderUpdated(address indexed provider, address indexed signer, string endpoint)
func (_Marketplace *MarketplaceFilterer) ParseProviderUpdated(log types.Log) (*MarketplaceProviderUpdated, error) {
	event := new(MarketplaceProviderUpdated)
	if err := _Marketplace.contract.UnpackLog(event, "ProviderUpdated", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// MarketplaceRoleAdminChangedIterator is returned from FilterRoleAdminChanged and is used to iterate over the raw logs and unpacked data for RoleAdminChanged events raised by the Marketplace contract.
type MarketplaceRoleAdminChangedIterator struct {
	Event *MarketplaceRoleAdminChanged // Event containing the contract specifics and raw log

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
func (it *MarketplaceRoleAdminChangedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(MarketplaceRoleAdminChanged)
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
		it.Event = new(MarketplaceRoleAdminChanged)
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
func (it *MarketplaceRoleAdminChangedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *MarketplaceRoleAdminChangedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// MarketplaceRoleAdminChanged represents a RoleAdminChanged event raised by the Marketplace contract.
type MarketplaceRoleAdminChanged struct {
	Role              [32]byte
	PreviousAdminRole [32]byte
	NewAdminRole      [32]byte
	Raw               types.Log // Blockchain specific contextual infos
}

// FilterRoleAdminChanged is a free log retrieval operation binding the contract event 0xbd79b86ffe0ab8e8776151514217cd7cacd52c909f66475c3af44e129f0b00ff.
//
// Solidity: event RoleAdminChanged(bytes32 indexed role, bytes32 indexed previousAdminRole, bytes32 indexed newAdminRole)
func (_Marketplace *MarketplaceFilterer) FilterRoleAdminChanged(opts *bind.FilterOpts, role [][32]byte, previousAdminRole [][32]byte, newAdminRole [][32]byte) (*MarketplaceRoleAdminChangedIterator, error) {

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

	logs, sub, err := _Marketplace.contract.FilterLogs(opts, "RoleAdminChanged", roleRule, previousAdminRoleRule, newAdminRoleRule)
	if err != nil {
		return nil, err
	}
	return &MarketplaceRoleAdminChangedIterator{contract: _Marketplace.contract, event: "RoleAdminChanged", logs: logs, sub: sub}, nil
}

// WatchRoleAdminChanged is a free log subscription operation binding the contract event 0xbd79b86ffe0ab8e8776151514217cd7cacd52c909f66475c3af44e129f0b00ff.
//
// Solidity: event RoleAdminChanged(bytes32 indexed role, bytes32 indexed previousAdminRole, bytes32 indexed newAdminRole)
func (_Marketplace *MarketplaceFilterer) WatchRoleAdminChanged(opts *bind.WatchOpts, sink chan<- *MarketplaceRoleAdminChanged, role [][32]byte, previousAdminRole [][32]byte, newAdminRole [][32]byte) (event.Subscription, error) {

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

	logs, sub, err := _Marketplace.contract.WatchLogs(opts, "RoleAdminChanged", roleRule, previousAdminRoleRule, newAdminRoleRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(MarketplaceRoleAdminChanged)
				if err := _Marketplace.contract.UnpackLog(event, "RoleAdminChanged", log); err != nil {
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
func (_Marketplace *MarketplaceFilterer) ParseRoleAdminChanged(log types.Log) (*MarketplaceRoleAdminChanged, error) {
	event := new(MarketplaceRoleAdminChanged)
	if err := _Marketplace.contract.UnpackLog(event, "RoleAdminChanged", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// MarketplaceRoleGrantedIterator is returned from FilterRoleGranted and is used to iterate over the raw logs and unpacked data for RoleGranted events raised by the Marketplace contract.
type MarketplaceRoleGrantedIterator struct {
	Event *MarketplaceRoleGranted // Event containing the contract specifics and raw log

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
func (it *MarketplaceRoleGrantedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(MarketplaceRoleGranted)
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
		it.Event = new(MarketplaceRoleGranted)
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
func (it *MarketplaceRoleGrantedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *MarketplaceRoleGrantedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// MarketplaceRoleGranted represents a RoleGranted event raised by the Marketplace contract.
type MarketplaceRoleGranted struct {
	Role    [32]byte
	Account common.Address
	Sender  common.Address
	Raw     types.Log // Blockchain specific contextual infos
}

// FilterRoleGranted is a free log retrieval operation binding the contract event 0x2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d.
//
// Solidity: event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender)
func (_Marketplace *MarketplaceFilterer) FilterRoleGranted(opts *bind.FilterOpts, role [][32]byte, account []common.Address, sender []common.Address) (*MarketplaceRoleGrantedIterator, error) {

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

	logs, sub, err := _Marketplace.contract.FilterLogs(opts, "RoleGranted", roleRule, accountRule, senderRule)
	if err != nil {
		return nil, err
	}
	return &MarketplaceRoleGrantedIterator{contract: _Marketplace.contract, event: "RoleGranted", logs: logs, sub: sub}, nil
}

// WatchRoleGranted is a free log subscription operation binding the contract event 0x2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d.
//
// Solidity: event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender)
func (_Marketplace *MarketplaceFilterer) WatchRoleGranted(opts *bind.WatchOpts, sink chan<- *MarketplaceRoleGranted, role [][32]byte, account []common.Address, sender []common.Address) (event.Subscription, error) {

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

	logs, sub, err := _Marketplace.contract.WatchLogs(opts, "RoleGranted", roleRule, accountRule, senderRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(MarketplaceRoleGranted)
				if err := _Marketplace.contract.UnpackLog(event, "RoleGranted", log); err != nil {
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
func (_Marketplace *MarketplaceFilterer) ParseRoleGranted(log types.Log) (*MarketplaceRoleGranted, error) {
	event := new(MarketplaceRoleGranted)
	if err := _Marketplace.contract.UnpackLog(event, "RoleGranted", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// MarketplaceRoleRevokedIterator is returned from FilterRoleRevoked and is used to iterate over the raw logs and unpacked data for RoleRevoked events raised by the Marketplace contract.
type MarketplaceRoleRevokedIterator struct {
	Event *MarketplaceRoleRevoked // Event containing the contract specifics and raw log

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
func (it *MarketplaceRoleRevokedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(MarketplaceRoleRevoked)
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
		it.Event = new(MarketplaceRoleRevoked)
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
func (it *MarketplaceRoleRevokedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *MarketplaceRoleRevokedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// MarketplaceRoleRevoked represents a RoleRevoked event raised by the Marketplace contract.
type MarketplaceRoleRevoked struct {
	Role    [32]byte
	Account common.Address
	Sender  common.Address
	Raw     types.Log // Blockchain specific contextual infos
}

// FilterRoleRevoked is a free log retrieval operation binding the contract event 0xf6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b.
//
// Solidity: event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender)
func (_Marketplace *MarketplaceFilterer) FilterRoleRevoked(opts *bind.FilterOpts, role [][32]byte, account []common.Address, sender []common.Address) (*MarketplaceRoleRevokedIterator, error) {

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

	logs, sub, err := _Marketplace.contract.FilterLogs(opts, "RoleRevoked", roleRule, accountRule, senderRule)
	if err != nil {
		return nil, err
	}
	return &MarketplaceRoleRevokedIterator{contract: _Marketplace.contract, event: "RoleRevoked", logs: logs, sub: sub}, nil
}

// WatchRoleRevoked is a free log subscription operation binding the contract event 0xf6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b.
//
// Solidity: event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender)
func (_Marketplace *MarketplaceFilterer) WatchRoleRevoked(opts *bind.WatchOpts, sink chan<- *MarketplaceRoleRevoked, role [][32]byte, account []common.Address, sender []common.Address) (event.Subscription, error) {

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

	logs, sub, err := _Marketplace.contract.WatchLogs(opts, "RoleRevoked", roleRule, accountRule, senderRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(MarketplaceRoleRevoked)
				if err := _Marketplace.contract.UnpackLog(event, "RoleRevoked", log); err != nil {
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
func (_Marketplace *MarketplaceFilterer) ParseRoleRevoked(log types.Log) (*MarketplaceRoleRevoked, error) {
	event := new(MarketplaceRoleRevoked)
	if err := _Marketplace.contract.UnpackLog(event, "RoleRevoked", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// MarketplaceSlashedIterator is returned from FilterSlashed and is used to iterate over the raw logs and unpacked data for Slashed events raised by the Marketplace contract.
type MarketplaceSlashedIterator struct {
	Event *MarketplaceSlashed // Event containing the contract specifics and raw log

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
func (it *MarketplaceSlashedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(MarketplaceSlashed)
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
		it.Event = new(MarketplaceSlashed)
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
func (it *MarketplaceSlashedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *MarketplaceSlashedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// MarketplaceSlashed represents a Slashed event raised by the Marketplace contract.
type MarketplaceSlashed struct {
	Provider       common.Address
	EvidenceHash   [32]byte
	Amount         *big.Int
	FromPending    *big.Int
	Stake          *big.Int
	PendingUnstake *big.Int
	Raw            types.Log // Blockchain specific contextual infos
}

// FilterSlashed is a free log retrieval operation binding the contract event 0xf476b26403c087359ee8295d9b4891f2f85fad80a78e5099ade3e14d90cbe1a0.
//
// Solidity: event Slashed(address indexed provider, bytes32 indexed evidenceHash, uint256 amount, uint256 fromPending, uint256 stake, uint256 pendingUnstake)
func (_Marketplace *MarketplaceFilterer) FilterSlashed(opts *bind.FilterOpts, provider []common.Address, evidenceHash [][32]byte) (*MarketplaceSlashedIterator, error) {

	var providerRule []interface{}
	for _, providerItem := range provider {
		providerRule = append(providerRule, providerItem)
	}
	var evidenceHashRule []interface{}
	for _, evidenceHashItem := range evidenceHash {
		evidenceHashRule = append(evidenceHashRule, evidenceHashItem)
	}

	logs, sub, err := _Marketplace.contract.FilterLogs(opts, "Slashed", providerRule, evidenceHashRule)
	if err != nil {
		return nil, err
	}
	return &MarketplaceSlashedIterator{contract: _Marketplace.contract, event: "Slashed", logs: logs, sub: sub}, nil
}

// WatchSlashed is a free log subscription operation binding the contract event 0xf476b26403c087359ee8295d9b4891f2f85fad80a78e5099ade3e14d90cbe1a0.
//
// Solidity: event Slashed(address indexed provider, bytes32 indexed evidenceHash, uint256 amount, uint256 fromPending, uint256 stake, uint256 pendingUnstake)
func (_Marketplace *MarketplaceFilterer) WatchSlashed(opts *bind.WatchOpts, sink chan<- *MarketplaceSlashed, provider []common.Address, evidenceHash [][32]byte) (event.Subscription, error) {

	var providerRule []interface{}
	for _, providerItem := range provider {
		providerRule = append(providerRule, providerItem)
	}
	var evidenceHashRule []interface{}
	for _, evidenceHashItem := range evidenceHash {
		evidenceHashRule = append(evidenceHashRule, evidenceHashItem)
	}

	logs, sub, err := _Marketplace.contract.WatchLogs(opts, "Slashed", providerRule, evidenceHashRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(MarketplaceSlashed)
				if err := _Marketplace.contract.UnpackLog(event, "Slashed", log); err != nil {
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

// ParseSlashed is a log parse operation binding the contract event 0xf476b26403c087359ee8295d9b4891f2f85fad80a78e5099ade3e14d90cbe1a0.
//
// Solidity: event Slashed(address indexed provider, bytes32 indexed evidenceHash, uint256 amount, uint256 fromPending, uint256 stake, uint256 pendingUnstake)
func (_Marketplace *MarketplaceFilterer) ParseSlashed(log types.Log) (*MarketplaceSlashed, error) {
	event := new(MarketplaceSlashed)
	if err := _Marketplace.contract.UnpackLog(event, "Slashed", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// MarketplaceStakeAddedIterator is returned from FilterStakeAdded and is used to iterate over the raw logs and unpacked data for StakeAdded events raised by the Marketplace contract.
type MarketplaceStakeAddedIterator struct {
	Event *MarketplaceStakeAdded // Event containing the contract specifics and raw log

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
func (it *MarketplaceStakeAddedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(MarketplaceStakeAdded)
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
		it.Event = new(MarketplaceStakeAdded)
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
func (it *MarketplaceStakeAddedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *MarketplaceStakeAddedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// MarketplaceStakeAdded represents a StakeAdded event raised by the Marketplace contract.
type MarketplaceStakeAdded struct {
	Provider common.Address
	Amount   *big.Int
	Stake    *big.Int
	Raw      types.Log // Blockchain specific contextual infos
}

// FilterStakeAdded is a free log retrieval operation binding the contract event 0x270d6dd254edd1d985c81cf7861b8f28fb06b6d719df04d90464034d43412440.
//
// Solidity: event StakeAdded(address indexed provider, uint256 amount, uint256 stake)
func (_Marketplace *MarketplaceFilterer) FilterStakeAdded(opts *bind.FilterOpts, provider []common.Address) (*MarketplaceStakeAddedIterator, error) {

	var providerRule []interface{}
	for _, providerItem := range provider {
		providerRule = append(providerRule, providerItem)
	}

	logs, sub, err := _Marketplace.contract.FilterLogs(opts, "StakeAdded", providerRule)
	if err != nil {
		return nil, err
	}
	return &MarketplaceStakeAddedIterator{contract: _Marketplace.contract, event: "StakeAdded", logs: logs, sub: sub}, nil
}

// WatchStakeAdded is a free log subscription operation binding the contract event 0x270d6dd254edd1d985c81cf7861b8f28fb06b6d719df04d90464034d43412440.
//
// Solidity: event StakeAdded(address indexed provider, uint256 amount, uint256 stake)
func (_Marketplace *MarketplaceFilterer) WatchStakeAdded(opts *bind.WatchOpts, sink chan<- *MarketplaceStakeAdded, provider []common.Address) (event.Subscription, error) {

	var providerRule []interface{}
	for _, providerItem := range provider {
		providerRule = append(providerRule, providerItem)
	}

	logs, sub, err := _Marketplace.contract.WatchLogs(opts, "StakeAdded", providerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(MarketplaceStakeAdded)
				if err := _Marketplace.contract.UnpackLog(event, "StakeAdded", log); err != nil {
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

// ParseStakeAdded is a log parse operation binding the contract event 0x270d6dd254edd1d985c81cf7861b8f28fb06b6d719df04d90464034d43412440.
//
// Solidity: event StakeAdded(address indexed provider, uint256 amount, uint256 stake)
func (_Marketplace *MarketplaceFilterer) ParseStakeAdded(log types.Log) (*MarketplaceStakeAdded, error) {
	event := new(MarketplaceStakeAdded)
	if err := _Marketplace.contract.UnpackLog(event, "StakeAdded", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// MarketplaceUnstakeRequestedIterator is returned from FilterUnstakeRequested and is used to iterate over the raw logs and unpacked data for UnstakeRequested events raised by the Marketplace contract.
type MarketplaceUnstakeRequestedIterator struct {
	Event *MarketplaceUnstakeRequested // Event containing the contract specifics and raw log

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
func (it *MarketplaceUnstakeRequestedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(MarketplaceUnstakeRequested)
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
		it.Event = new(MarketplaceUnstakeRequested)
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
func (it *MarketplaceUnstakeRequestedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *MarketplaceUnstakeRequestedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// MarketplaceUnstakeRequested represents a UnstakeRequested event raised by the Marketplace contract.
type MarketplaceUnstakeRequested struct {
	Provider       common.Address
	Amount         *big.Int
	Stake          *big.Int
	PendingUnstake *big.Int
	UnlockAt       uint64
	Raw            types.Log // Blockchain specific contextual infos
}

// FilterUnstakeRequested is a free log retrieval operation binding the contract event 0x0d40c5a9043c375f1c3cbfd258245a09e1bbb4f38d6c91ff544420e3d3582e3c.
//
// Solidity: event UnstakeRequested(address indexed provider, uint256 amount, uint256 stake, uint256 pendingUnstake, uint64 unlockAt)
func (_Marketplace *MarketplaceFilterer) FilterUnstakeRequested(opts *bind.FilterOpts, provider []common.Address) (*MarketplaceUnstakeRequestedIterator, error) {

	var providerRule []interface{}
	for _, providerItem := range provider {
		providerRule = append(providerRule, providerItem)
	}

	logs, sub, err := _Marketplace.contract.FilterLogs(opts, "UnstakeRequested", providerRule)
	if err != nil {
		return nil, err
	}
	return &MarketplaceUnstakeRequestedIterator{contract: _Marketplace.contract, event: "UnstakeRequested", logs: logs, sub: sub}, nil
}

// WatchUnstakeRequested is a free log subscription operation binding the contract event 0x0d40c5a9043c375f1c3cbfd258245a09e1bbb4f38d6c91ff544420e3d3582e3c.
//
// Solidity: event UnstakeRequested(address indexed provider, uint256 amount, uint256 stake, uint256 pendingUnstake, uint64 unlockAt)
func (_Marketplace *MarketplaceFilterer) WatchUnstakeRequested(opts *bind.WatchOpts, sink chan<- *MarketplaceUnstakeRequested, provider []common.Address) (event.Subscription, error) {

	var providerRule []interface{}
	for _, providerItem := range provider {
		providerRule = append(providerRule, providerItem)
	}

	logs, sub, err := _Marketplace.contract.WatchLogs(opts, "UnstakeRequested", providerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(MarketplaceUnstakeRequested)
				if err := _Marketplace.contract.UnpackLog(event, "UnstakeRequested", log); err != nil {
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

// ParseUnstakeRequested is a log parse operation binding the contract event 0x0d40c5a9043c375f1c3cbfd258245a09e1bbb4f38d6c91ff544420e3d3582e3c.
//
// Solidity: event UnstakeRequested(address indexed provider, uint256 amount, uint256 stake, uint256 pendingUnstake, uint64 unlockAt)
func (_Marketplace *MarketplaceFilterer) ParseUnstakeRequested(log types.Log) (*MarketplaceUnstakeRequested, error) {
	event := new(MarketplaceUnstakeRequested)
	if err := _Marketplace.contract.UnpackLog(event, "UnstakeRequested", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// MarketplaceWithdrawnIterator is returned from FilterWithdrawn and is used to iterate over the raw logs and unpacked data for Withdrawn events raised by the Marketplace contract.
type MarketplaceWithdrawnIterator struct {
	Event *MarketplaceWithdrawn // Event containing the contract specifics and raw log

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
func (it *MarketplaceWithdrawnIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(MarketplaceWithdrawn)
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
		it.Event = new(MarketplaceWithdrawn)
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
func (it *MarketplaceWithdrawnIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *MarketplaceWithdrawnIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// MarketplaceWithdrawn represents a Withdrawn event raised by the Marketplace contract.
type MarketplaceWithdrawn struct {
	Provider common.Address
	Amount   *big.Int
	Raw      types.Log // Blockchain specific contextual infos
}

// FilterWithdrawn is a free log retrieval operation binding the contract event 0x7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d5.
//
// Solidity: event Withdrawn(address indexed provider, uint256 amount)
func (_Marketplace *MarketplaceFilterer) FilterWithdrawn(opts *bind.FilterOpts, provider []common.Address) (*MarketplaceWithdrawnIterator, error) {

	var providerRule []interface{}
	for _, providerItem := range provider {
		providerRule = append(providerRule, providerItem)
	}

	logs, sub, err := _Marketplace.contract.FilterLogs(opts, "Withdrawn", providerRule)
	if err != nil {
		return nil, err
	}
	return &MarketplaceWithdrawnIterator{contract: _Marketplace.contract, event: "Withdrawn", logs: logs, sub: sub}, nil
}

// WatchWithdrawn is a free log subscription operation binding the contract event 0x7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d5.
//
// Solidity: event Withdrawn(address indexed provider, uint256 amount)
func (_Marketplace *MarketplaceFilterer) WatchWithdrawn(opts *bind.WatchOpts, sink chan<- *MarketplaceWithdrawn, provider []common.Address) (event.Subscription, error) {

	var providerRule []interface{}
	for _, providerItem := range provider {
		providerRule = append(providerRule, providerItem)
	}

	logs, sub, err := _Marketplace.contract.WatchLogs(opts, "Withdrawn", providerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(MarketplaceWithdrawn)
				if err := _Marketplace.contract.UnpackLog(event, "Withdrawn", log); err != nil {
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

// ParseWithdrawn is a log parse operation binding the contract event 0x7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d5.
//
// Solidity: event Withdrawn(address indexed provider, uint256 amount)
func (_Marketplace *MarketplaceFilterer) ParseWithdrawn(log types.Log) (*MarketplaceWithdrawn, error) {
	event := new(MarketplaceWithdrawn)
	if err := _Marketplace.contract.UnpackLog(event, "Withdrawn", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}
