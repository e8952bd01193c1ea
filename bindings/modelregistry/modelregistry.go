// Code generated - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package modelregistry

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

// ModelRegistryMetaData contains all meta data concerning the ModelRegistry contract.
var ModelRegistryMetaData = &bind.MetaData{
	ABI: "[{\"type\":\"function\",\"name\":\"MAX_FEE_BPS\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint16\",\"internalType\":\"uint16\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_NAME_LENGTH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_TAG_LENGTH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"computeModelId\",\"inputs\":[{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"tag\",\"type\":\"string\",\"internalType\":\"string\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"pure\"},{\"type\":\"function\",\"name\":\"isRegistered\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"model\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"builder\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"feeBps\",\"type\":\"uint16\",\"internalType\":\"uint16\"},{\"name\":\"contentHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"nameOwner\",\"inputs\":[{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"}],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"register\",\"inputs\":[{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"tag\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"contentHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"builderFeeBps\",\"type\":\"uint16\",\"internalType\":\"uint16\"}],\"outputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setBuilderFee\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"feeBps\",\"type\":\"uint16\",\"internalType\":\"uint16\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"event\",\"name\":\"BuilderFeeSet\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"previousFeeBps\",\"type\":\"uint16\",\"indexed\":false,\"internalType\":\"uint16\"},{\"name\":\"feeBps\",\"type\":\"uint16\",\"indexed\":false,\"internalType\":\"uint16\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"ModelRegistered\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"builder\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"name\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"},{\"name\":\"tag\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"},{\"name\":\"contentHash\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"},{\"name\":\"feeBps\",\"type\":\"uint16\",\"indexed\":false,\"internalType\":\"uint16\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"NameClaimed\",\"inputs\":[{\"name\":\"nameHash\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"builder\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"name\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"}],\"anonymous\":false},{\"type\":\"error\",\"name\":\"FeeTooHigh\",\"inputs\":[{\"name\":\"feeBps\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"maxFeeBps\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidName\",\"inputs\":[{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"}]},{\"type\":\"error\",\"name\":\"InvalidTag\",\"inputs\":[{\"name\":\"tag\",\"type\":\"string\",\"internalType\":\"string\"}]},{\"type\":\"error\",\"name\":\"ModelExists\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"NameOwnedByOther\",\"inputs\":[{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"owner\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NotBuilder\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"UnknownModel\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"ZeroContentHash\",\"inputs\":[]}]",
	Bin: "0x6080604052348015600e575f5ffd5b506114fd8061001c5f395ff3fe608060405234801561000f575f5ffd5b506004361061009f575f3560e01c8063b10ffd1511610072578063e18c3a0611610058578063e18c3a061461015c578063ee19e84b14610194578063f50496f414610110575f5ffd5b8063b10ffd151461012d578063d55be8c614610140575f5ffd5b806327258b22146100a35780635d2055d3146100ef5780638607498514610110578063ad3699d714610118575b5f5ffd5b6100da6100b1366004610ed5565b5f9081526020819052604090205473ffffffffffffffffffffffffffffffffffffffff16151590565b60405190151581526020015b60405180910390f35b6101026100fd366004610f47565b6101b7565b6040519081526020016100e6565b610102608081565b61012b610126366004610fce565b61057c565b005b61010261013b366004610ff8565b610728565b6101496107d081565b60405161ffff90911681526020016100e6565b61016f61016a366004611064565b610760565b60405173ffffffffffffffffffffffffffffffffffffffff90911681526020016100e6565b6101a76101a2366004610ed5565b6107ac565b6040516100e694939291906110a3565b5f6101c287876108ef565b6102055786866040517f7f19f48d0000000000000000000000000000000000000000000000000000000081526004016101fc92919061116c565b60405180910390fd5b61020f8585610b08565b6102495784846040517fabb6b04f0000000000000000000000000000000000000000000000000000000081526004016101fc92919061116c565b82610280576040517fd57f0f1200000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6107d061ffff831611156102ce576040517fe757126a00000000000000000000000000000000000000000000000000000000815261ffff831660048201526107d060248201526044016101fc565b5f87876040516102df929190611187565b60408051918290039091205f8181526001602052919091205490915073ffffffffffffffffffffffffffffffffffffffff168061038f575f828152600160205260409081902080547fffffffffffffffffffffffff00000000000000000000000000000000000000001633908117909155905183907edb1cd2b3685edcfb63c43bff29861ff842080b189ca67f0f408db6ca8f84f890610382908d908d9061116c565b60405180910390a36103e4565b73ffffffffffffffffffffffffffffffffffffffff811633146103e4578888826040517fcad2ebf30000000000000000000000000000000000000000000000000000000081526004016101fc93929190611196565b5f898989896040516020016103fc94939291906111cf565b604080517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe081840301815291815281516020808401919091205f81815291829052919020805491965091925073ffffffffffffffffffffffffffffffffffffffff1615610498576040517f2486e84c000000000000000000000000000000000000000000000000000000008152600481018690526024016101fc565b80547fffffffffffffffffffff0000000000000000000000000000000000000000000016337fffffffffffffffffffff0000ffffffffffffffffffffffffffffffffffffffff16177401000000000000000000000000000000000000000061ffff881602178155600181018790556002810161051483826112de565b503373ffffffffffffffffffffffffffffffffffffffff16857fda2f63d18a5cff5263cbcd7ea860ebbc4239e3cc238ee13ca4d7a6099f6246a58d8d8d8d8d8d604051610566969594939291906113f5565b60405180910390a3505050509695505050505050565b5f828152602081905260409020805473ffffffffffffffffffffffffffffffffffffffff166105da576040517fa2dc0625000000000000000000000000000000000000000000000000000000008152600481018490526024016101fc565b805473ffffffffffffffffffffffffffffffffffffffff163314610633576040517fac0b378f000000000000000000000000000000000000000000000000000000008152600481018490523360248201526044016101fc565b6107d061ffff83161115610681576040517fe757126a00000000000000000000000000000000000000000000000000000000815261ffff831660048201526107d060248201526044016101fc565b8054604080517401000000000000000000000000000000000000000090920461ffff90811683528416602083015284917fbb49a9d607e2dae1367adaa865f69cebd2332dd8e7ea16eafc756e8ddc1d0892910160405180910390a2805461ffff90921674010000000000000000000000000000000000000000027fffffffffffffffffffff0000ffffffffffffffffffffffffffffffffffffffff90921691909117905550565b5f8484848460405160200161074094939291906111cf565b604051602081830303815290604052805190602001209050949350505050565b5f60015f8484604051610774929190611187565b604080519182900390912082526020820192909252015f205473ffffffffffffffffffffffffffffffffffffffff1690505b92915050565b5f8181526020819052604081208054829182916060919073ffffffffffffffffffffffffffffffffffffffff16610812576040517fa2dc0625000000000000000000000000000000000000000000000000000000008152600481018790526024016101fc565b8054600182015460028301805473ffffffffffffffffffffffffffffffffffffffff84169374010000000000000000000000000000000000000000900461ffff16929190819061086190611241565b80601f016020809104026020016040519081016040528092919081815260200182805461088d90611241565b80156108d85780601f106108af576101008083540402835291602001916108d8565b820191905f5260205f20905b8154815290600101906020018083116108bb57829003601f168201915b505050505090509450945094509450509193509193565b5f818015806108fe5750608081115b1561090c575f9150506107a6565b61093084845f81811061092157610921611439565b9050013560f81c60f81b610cf8565b158061095857506109568484610947600185611493565b81811061092157610921611439565b155b15610966575f9150506107a6565b60015b816109758260016114a6565b1015610afd575f85858381811061098e5761098e611439565b9050013560f81c60f81b90506109a381610cf8565b1580156109f257507f2e000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821614155b8015610a4057507f5f000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821614155b8015610a8e57507f2d000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821614155b8015610adc57507f2f000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821614155b15610aec575f93505050506107a6565b50610af6816114b9565b9050610969565b506001949350505050565b5f81801580610b175750608081115b15610b25575f9150506107a6565b610b4984845f818110610b3a57610b3a611439565b9050013560f81c60f81b610e2c565b158015610bb3575083835f818110610b6357610b63611439565b9050013560f81c60f81b7effffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff19167f5f0000000000000000000000000000000000000000000000000000000000000014155b15610bc1575f9150506107a6565b60015b81811015610afd575f858583818110610bdf57610bdf611439565b9050013560f81c60f81b9050610bf481610e2c565b158015610c4357507f2e000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821614155b8015610c9157507f5f000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821614155b8015610cdf57507f2d000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821614155b15610cef575f93505050506107a6565b50600101610bc4565b5f7f61000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000831610801590610d8d57507f7a000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000831611155b806107a657507f30000000000000000000000000000000000000000000000000000000000000007fff000000000000000000000000000000000000000000000000000000000000008316108015906107a657507f39000000000000000000000000000000000000000000000000000000000000007fff000000000000000000000000000000000000000000000000000000000000008316111592915050565b5f610e3682610cf8565b806107a657507f41000000000000000000000000000000000000000000000000000000000000007fff000000000000000000000000000000000000000000000000000000000000008316108015906107a657507f5a000000000000000000000000000000000000000000000000000000000000007fff000000000000000000000000000000000000000000000000000000000000008316111592915050565b5f60208284031215610ee5575f5ffd5b5035919050565b5f5f83601f840112610efc575f5ffd5b50813567ffffffffffffffff811115610f13575f5ffd5b602083019150836020828501011115610f2a575f5ffd5b9250929050565b803561ffff81168114610f42575f5ffd5b919050565b5f5f5f5f5f5f60808789031215610f5c575f5ffd5b863567ffffffffffffffff811115610f72575f5ffd5b610f7e89828a01610eec565b909750955050602087013567ffffffffffffffff811115610f9d575f5ffd5b610fa989828a01610eec565b90955093505060408701359150610fc260608801610f31565b90509295509295509295565b5f5f60408385031215610fdf575f5ffd5b82359150610fef60208401610f31565b90509250929050565b5f5f5f5f6040858703121561100b575f5ffd5b843567ffffffffffffffff811115611021575f5ffd5b61102d87828801610eec565b909550935050602085013567ffffffffffffffff81111561104c575f5ffd5b61105887828801610eec565b95989497509550505050565b5f5f60208385031215611075575f5ffd5b823567ffffffffffffffff81111561108b575f5ffd5b61109785828601610eec565b90969095509350505050565b73ffffffffffffffffffffffffffffffffffffffff8516815261ffff84166020820152826040820152608060608201525f8251806080840152806020850160a085015e5f60a0828501015260a07fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f83011684010191505095945050505050565b81835281816020850137505f602082840101525f60207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f840116840101905092915050565b602081525f61117f602083018486611125565b949350505050565b818382375f9101908152919050565b604081525f6111a9604083018587611125565b905073ffffffffffffffffffffffffffffffffffffffff83166020830152949350505050565b838582375f8482017f3a000000000000000000000000000000000000000000000000000000000000008152838560018301375f93016001019283525090949350505050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52604160045260245ffd5b600181811c9082168061125557607f821691505b60208210810361128c577f4e487b71000000000000000000000000000000000000000000000000000000005f52602260045260245ffd5b50919050565b601f8211156112d957805f5260205f20601f840160051c810160208510156112b75750805b601f840160051c820191505b818110156112d6575f81556001016112c3565b50505b505050565b815167ffffffffffffffff8111156112f8576112f8611214565b61130c816113068454611241565b84611292565b6020601f82116001811461135d575f83156113275750848201515b7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff600385901b1c1916600184901b1784556112d6565b5f848152602081207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe08516915b828110156113aa578785015182556020948501946001909201910161138a565b50848210156113e657868401517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff600387901b60f8161c191681555b50505050600190811b01905550565b608081525f61140860808301888a611125565b828103602084015261141b818789611125565b91505083604083015261ffff83166060830152979650505050505050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603260045260245ffd5b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b818103818111156107a6576107a6611466565b808201808211156107a6576107a6611466565b5f7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff82036114e9576114e9611466565b506001019056fea164736f6c634300081e000a",
}

// ModelRegistryABI is the input ABI used to generate the binding from.
// Deprecated: Use ModelRegistryMetaData.ABI instead.
var ModelRegistryABI = ModelRegistryMetaData.ABI

// ModelRegistryBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use ModelRegistryMetaData.Bin instead.
var ModelRegistryBin = ModelRegistryMetaData.Bin

// DeployModelRegistry deploys a new Ethereum contract, binding an instance of ModelRegistry to it.
func DeployModelRegistry(auth *bind.TransactOpts, backend bind.ContractBackend) (common.Address, *types.Transaction, *ModelRegistry, error) {
	parsed, err := ModelRegistryMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(ModelRegistryBin), backend)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &ModelRegistry{ModelRegistryCaller: ModelRegistryCaller{contract: contract}, ModelRegistryTransactor: ModelRegistryTransactor{contract: contract}, ModelRegistryFilterer: ModelRegistryFilterer{contract: contract}}, nil
}

// ModelRegistry is an auto generated Go binding around an Ethereum contract.
type ModelRegistry struct {
	ModelRegistryCaller     // Read-only binding to the contract
	ModelRegistryTransactor // Write-only binding to the contract
	ModelRegistryFilterer   // Log filterer for contract events
}

// ModelRegistryCaller is an auto generated read-only Go binding around an Ethereum contract.
type ModelRegistryCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// ModelRegistryTransactor is an auto generated write-only Go binding around an Ethereum contract.
type ModelRegistryTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// ModelRegistryFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type ModelRegistryFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// ModelRegistrySession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type ModelRegistrySession struct {
	Contract     *ModelRegistry    // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// ModelRegistryCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type ModelRegistryCallerSession struct {
	Contract *ModelRegistryCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts        // Call options to use throughout this session
}

// ModelRegistryTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type ModelRegistryTransactorSession struct {
	Contract     *ModelRegistryTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts        // Transaction auth options to use throughout this session
}

// ModelRegistryRaw is an auto generated low-level Go binding around an Ethereum contract.
type ModelRegistryRaw struct {
	Contract *ModelRegistry // Generic contract binding to access the raw methods on
}

// ModelRegistryCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type ModelRegistryCallerRaw struct {
	Contract *ModelRegistryCaller // Generic read-only contract binding to access the raw methods on
}

// ModelRegistryTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type ModelRegistryTransactorRaw struct {
	Contract *ModelRegistryTransactor // Generic write-only contract binding to access the raw methods on
}

// NewModelRegistry creates a new instance of ModelRegistry, bound to a specific deployed contract.
func NewModelRegistry(address common.Address, backend bind.ContractBackend) (*ModelRegistry, error) {
	contract, err := bindModelRegistry(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &ModelRegistry{ModelRegistryCaller: ModelRegistryCaller{contract: contract}, ModelRegistryTransactor: ModelRegistryTransactor{contract: contract}, ModelRegistryFilterer: ModelRegistryFilterer{contract: contract}}, nil
}

// NewModelRegistryCaller creates a new read-only instance of ModelRegistry, bound to a specific deployed contract.
func NewModelRegistryCaller(address common.Address, caller bind.ContractCaller) (*ModelRegistryCaller, error) {
	contract, err := bindModelRegistry(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &ModelRegistryCaller{contract: contract}, nil
}

// NewModelRegistryTransactor creates a new write-only instance of ModelRegistry, bound to a specific deployed contract.
func NewModelRegistryTransactor(address common.Address, transactor bind.ContractTransactor) (*ModelRegistryTransactor, error) {
	contract, err := bindModelRegistry(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &ModelRegistryTransactor{contract: contract}, nil
}

// NewModelRegistryFilterer creates a new log filterer instance of ModelRegistry, bound to a specific deployed contract.
func NewModelRegistryFilterer(address common.Address, filterer bind.ContractFilterer) (*ModelRegistryFilterer, error) {
	contract, err := bindModelRegistry(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &ModelRegistryFilterer{contract: contract}, nil
}

// bindModelRegistry binds a generic wrapper to an already deployed contract.
func bindModelRegistry(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := ModelRegistryMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_ModelRegistry *ModelRegistryRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _ModelRegistry.Contract.ModelRegistryCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_ModelRegistry *ModelRegistryRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _ModelRegistry.Contract.ModelRegistryTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_ModelRegistry *ModelRegistryRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _ModelRegistry.Contract.ModelRegistryTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_ModelRegistry *ModelRegistryCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _ModelRegistry.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_ModelRegistry *ModelRegistryTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _ModelRegistry.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_ModelRegistry *ModelRegistryTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _ModelRegistry.Contract.contract.Transact(opts, method, params...)
}

// MAXFEEBPS is a free data retrieval call binding the contract method 0xd55be8c6.
//
// Solidity: function MAX_FEE_BPS() view returns(uint16)
func (_ModelRegistry *ModelRegistryCaller) MAXFEEBPS(opts *bind.CallOpts) (uint16, error) {
	var out []interface{}
	err := _ModelRegistry.contract.Call(opts, &out, "MAX_FEE_BPS")

	if err != nil {
		return *new(uint16), err
	}

	out0 := *abi.ConvertType(out[0], new(uint16)).(*uint16)

	return out0, err

}

// MAXFEEBPS is a free data retrieval call binding the contract method 0xd55be8c6.
//
// Solidity: function MAX_FEE_BPS() view returns(uint16)
func (_ModelRegistry *ModelRegistrySession) MAXFEEBPS() (uint16, error) {
	return _ModelRegistry.Contract.MAXFEEBPS(&_ModelRegistry.CallOpts)
}

// MAXFEEBPS is a free data retrieval call binding the contract method 0xd55be8c6.
//
// Solidity: function MAX_FEE_BPS() view returns(uint16)
func (_ModelRegistry *ModelRegistryCallerSession) MAXFEEBPS() (uint16, error) {
	return _ModelRegistry.Contract.MAXFEEBPS(&_ModelRegistry.CallOpts)
}

// MAXNAMELENGTH is a free data retrieval call binding the contract method 0x86074985.
//
// Solidity: function MAX_NAME_LENGTH() view returns(uint256)
func (_ModelRegistry *ModelRegistryCaller) MAXNAMELENGTH(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ModelRegistry.contract.Call(opts, &out, "MAX_NAME_LENGTH")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// MAXNAMELENGTH is a free data retrieval call binding the contract method 0x86074985.
//
// Solidity: function MAX_NAME_LENGTH() view returns(uint256)
func (_ModelRegistry *ModelRegistrySession) MAXNAMELENGTH() (*big.Int, error) {
	return _ModelRegistry.Contract.MAXNAMELENGTH(&_ModelRegistry.CallOpts)
}

// MAXNAMELENGTH is a free data retrieval call binding the contract method 0x86074985.
//
// Solidity: function MAX_NAME_LENGTH() view returns(uint256)
func (_ModelRegistry *ModelRegistryCallerSession) MAXNAMELENGTH() (*big.Int, error) {
	return _ModelRegistry.Contract.MAXNAMELENGTH(&_ModelRegistry.CallOpts)
}

// MAXTAGLENGTH is a free data retrieval call binding the contract method 0xf50496f4.
//
// Solidity: function MAX_TAG_LENGTH() view returns(uint256)
func (_ModelRegistry *ModelRegistryCaller) MAXTAGLENGTH(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ModelRegistry.contract.Call(opts, &out, "MAX_TAG_LENGTH")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// MAXTAGLENGTH is a free data retrieval call binding the contract method 0xf50496f4.
//
// Solidity: function MAX_TAG_LENGTH() view returns(uint256)
func (_ModelRegistry *ModelRegistrySession) MAXTAGLENGTH() (*big.Int, error) {
	return _ModelRegistry.Contract.MAXTAGLENGTH(&_ModelRegistry.CallOpts)
}

// MAXTAGLENGTH is a free data retrieval call binding the contract method 0xf50496f4.
//
// Solidity: function MAX_TAG_LENGTH() view returns(uint256)
func (_ModelRegistry *ModelRegistryCallerSession) MAXTAGLENGTH() (*big.Int, error) {
	return _ModelRegistry.Contract.MAXTAGLENGTH(&_ModelRegistry.CallOpts)
}

// ComputeModelId is a free data retrieval call binding the contract method 0xb10ffd15.
//
// Solidity: function computeModelId(string name, string tag) pure returns(bytes32)
func (_ModelRegistry *ModelRegistryCaller) ComputeModelId(opts *bind.CallOpts, name string, tag string) ([32]byte, error) {
	var out []interface{}
	err := _ModelRegistry.contract.Call(opts, &out, "computeModelId", name, tag)

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// ComputeModelId is a free data retrieval call binding the contract method 0xb10ffd15.
//
// Solidity: function computeModelId(string name, string tag) pure returns(bytes32)
func (_ModelRegistry *ModelRegistrySession) ComputeModelId(name string, tag string) ([32]byte, error) {
	return _ModelRegistry.Contract.ComputeModelId(&_ModelRegistry.CallOpts, name, tag)
}

// ComputeModelId is a free data retrieval call binding the contract method 0xb10ffd15.
//
// Solidity: function computeModelId(string name, string tag) pure returns(bytes32)
func (_ModelRegistry *ModelRegistryCallerSession) ComputeModelId(name string, tag string) ([32]byte, error) {
	return _ModelRegistry.Contract.ComputeModelId(&_ModelRegistry.CallOpts, name, tag)
}

// IsRegistered is a free data retrieval call binding the contract method 0x27258b22.
//
// Solidity: function isRegistered(bytes32 modelId) view returns(bool)
func (_ModelRegistry *ModelRegistryCaller) IsRegistered(opts *bind.CallOpts, modelId [32]byte) (bool, error) {
	var out []interface{}
	err := _ModelRegistry.contract.Call(opts, &out, "isRegistered", modelId)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// IsRegistered is a free data retrieval call binding the contract method 0x27258b22.
//
// Solidity: function isRegistered(bytes32 modelId) view returns(bool)
func (_ModelRegistry *ModelRegistrySession) IsRegistered(modelId [32]byte) (bool, error) {
	return _ModelRegistry.Contract.IsRegistered(&_ModelRegistry.CallOpts, modelId)
}

// IsRegistered is a free data retrieval call binding the contract method 0x27258b22.
//
// Solidity: function isRegistered(bytes32 modelId) view returns(bool)
func (_ModelRegistry *ModelRegistryCallerSession) IsRegistered(modelId [32]byte) (bool, error) {
	return _ModelRegistry.Contract.IsRegistered(&_ModelRegistry.CallOpts, modelId)
}

// Model is a free data retrieval call binding the contract method 0xee19e84b.
//
// Solidity: function model(bytes32 modelId) view returns(address builder, uint16 feeBps, bytes32 contentHash, string name)
func (_ModelRegistry *ModelRegistryCaller) Model(opts *bind.CallOpts, modelId [32]byte) (struct {
	Builder     common.Address
	FeeBps      uint16
	ContentHash [32]byte
	Name        string
}, error) {
	var out []interface{}
	err := _ModelRegistry.contract.Call(opts, &out, "model", modelId)

	outstruct := new(struct {
		Builder     common.Address
		FeeBps      uint16
		ContentHash [32]byte
		Name        string
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.Builder = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.FeeBps = *abi.ConvertType(out[1], new(uint16)).(*uint16)
	outstruct.ContentHash = *abi.ConvertType(out[2], new([32]byte)).(*[32]byte)
	outstruct.Name = *abi.ConvertType(out[3], new(string)).(*string)

	return *outstruct, err

}

// Model is a free data retrieval call binding the contract method 0xee19e84b.
//
// Solidity: function model(bytes32 modelId) view returns(address builder, uint16 feeBps, bytes32 contentHash, string name)
func (_ModelRegistry *ModelRegistrySession) Model(modelId [32]byte) (struct {
	Builder     common.Address
	FeeBps      uint16
	ContentHash [32]byte
	Name        string
}, error) {
	return _ModelRegistry.Contract.Model(&_ModelRegistry.CallOpts, modelId)
}

// Model is a free data retrieval call binding the contract method 0xee19e84b.
//
// Solidity: function model(bytes32 modelId) view returns(address builder, uint16 feeBps, bytes32 contentHash, string name)
func (_ModelRegistry *ModelRegistryCallerSession) Model(modelId [32]byte) (struct {
	Builder     common.Address
	FeeBps      uint16
	ContentHash [32]byte
	Name        string
}, error) {
	return _ModelRegistry.Contract.Model(&_ModelRegistry.CallOpts, modelId)
}

// NameOwner is a free data retrieval call binding the contract method 0xe18c3a06.
//
// Solidity: function nameOwner(string name) view returns(address)
func (_ModelRegistry *ModelRegistryCaller) NameOwner(opts *bind.CallOpts, name string) (common.Address, error) {
	var out []interface{}
	err := _ModelRegistry.contract.Call(opts, &out, "nameOwner", name)

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// NameOwner is a free data retrieval call binding the contract method 0xe18c3a06.
//
// Solidity: function nameOwner(string name) view returns(address)
func (_ModelRegistry *ModelRegistrySession) NameOwner(name string) (common.Address, error) {
	return _ModelRegistry.Contract.NameOwner(&_ModelRegistry.CallOpts, name)
}

// NameOwner is a free data retrieval call binding the contract method 0xe18c3a06.
//
// Solidity: function nameOwner(string name) view returns(address)
func (_ModelRegistry *ModelRegistryCallerSession) NameOwner(name string) (common.Address, error) {
	return _ModelRegistry.Contract.NameOwner(&_ModelRegistry.CallOpts, name)
}

// Register is a paid mutator transaction binding the contract method 0x5d2055d3.
//
// Solidity: function register(string name, string tag, bytes32 contentHash, uint16 builderFeeBps) returns(bytes32 modelId)
func (_ModelRegistry *ModelRegistryTransactor) Register(opts *bind.TransactOpts, name string, tag string, contentHash [32]byte, builderFeeBps uint16) (*types.Transaction, error) {
	return _ModelRegistry.contract.Transact(opts, "register", name, tag, contentHash, builderFeeBps)
}

// Register is a paid mutator transaction binding the contract method 0x5d2055d3.
//
// Solidity: function register(string name, string tag, bytes32 contentHash, uint16 builderFeeBps) returns(bytes32 modelId)
func (_ModelRegistry *ModelRegistrySession) Register(name string, tag string, contentHash [32]byte, builderFeeBps uint16) (*types.Transaction, error) {
	return _ModelRegistry.Contract.Register(&_ModelRegistry.TransactOpts, name, tag, contentHash, builderFeeBps)
}

// Register is a paid mutator transaction binding the contract method 0x5d2055d3.
//
// Solidity: function register(string name, string tag, bytes32 contentHash, uint16 builderFeeBps) returns(bytes32 modelId)
func (_ModelRegistry *ModelRegistryTransactorSession) Register(name string, tag string, contentHash [32]byte, builderFeeBps uint16) (*types.Transaction, error) {
	return _ModelRegistry.Contract.Register(&_ModelRegistry.TransactOpts, name, tag, contentHash, builderFeeBps)
}

// SetBuilderFee is a paid mutator transaction binding the contract method 0xad3699d7.
//
// Solidity: function setBuilderFee(bytes32 modelId, uint16 feeBps) returns()
func (_ModelRegistry *ModelRegistryTransactor) SetBuilderFee(opts *bind.TransactOpts, modelId [32]byte, feeBps uint16) (*types.Transaction, error) {
	return _ModelRegistry.contract.Transact(opts, "setBuilderFee", modelId, feeBps)
}

// SetBuilderFee is a paid mutator transaction binding the contract method 0xad3699d7.
//
// Solidity: function setBuilderFee(bytes32 modelId, uint16 feeBps) returns()
func (_ModelRegistry *ModelRegistrySession) SetBuilderFee(modelId [32]byte, feeBps uint16) (*types.Transaction, error) {
	return _ModelRegistry.Contract.SetBuilderFee(&_ModelRegistry.TransactOpts, modelId, feeBps)
}

// SetBuilderFee is a paid mutator transaction binding the contract method 0xad3699d7.
//
// Solidity: function setBuilderFee(bytes32 modelId, uint16 feeBps) returns()
func (_ModelRegistry *ModelRegistryTransactorSession) SetBuilderFee(modelId [32]byte, feeBps uint16) (*types.Transaction, error) {
	return _ModelRegistry.Contract.SetBuilderFee(&_ModelRegistry.TransactOpts, modelId, feeBps)
}

// ModelRegistryBuilderFeeSetIterator is returned from FilterBuilderFeeSet and is used to iterate over the raw logs and unpacked data for BuilderFeeSet events raised by the ModelRegistry contract.
type ModelRegistryBuilderFeeSetIterator struct {
	Event *ModelRegistryBuilderFeeSet // Event containing the contract specifics and raw log

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
func (it *ModelRegistryBuilderFeeSetIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ModelRegistryBuilderFeeSet)
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
		it.Event = new(ModelRegistryBuilderFeeSet)
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
func (it *ModelRegistryBuilderFeeSetIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ModelRegistryBuilderFeeSetIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ModelRegistryBuilderFeeSet represents a BuilderFeeSet event raised by the ModelRegistry contract.
type ModelRegistryBuilderFeeSet struct {
	ModelId        [32]byte
	PreviousFeeBps uint16
	FeeBps         uint16
	Raw            types.Log // Blockchain specific contextual infos
}

// FilterBuilderFeeSet is a free log retrieval operation binding the contract event 0xbb49a9d607e2dae1367adaa865f69cebd2332dd8e7ea16eafc756e8ddc1d0892.
//
// Solidity: event BuilderFeeSet(bytes32 indexed modelId, uint16 previousFeeBps, uint16 feeBps)
func (_ModelRegistry *ModelRegistryFilterer) FilterBuilderFeeSet(opts *bind.FilterOpts, modelId [][32]byte) (*ModelRegistryBuilderFeeSetIterator, error) {

	var modelIdRule []interface{}
	for _, modelIdItem := range modelId {
		modelIdRule = append(modelIdRule, modelIdItem)
	}

	logs, sub, err := _ModelRegistry.contract.FilterLogs(opts, "BuilderFeeSet", modelIdRule)
	if err != nil {
		return nil, err
	}
	return &ModelRegistryBuilderFeeSetIterator{contract: _ModelRegistry.contract, event: "BuilderFeeSet", logs: logs, sub: sub}, nil
}

// WatchBuilderFeeSet is a free log subscription operation binding the contract event 0xbb49a9d607e2dae1367adaa865f69cebd2332dd8e7ea16eafc756e8ddc1d0892.
//
// Solidity: event BuilderFeeSet(bytes32 indexed modelId, uint16 previousFeeBps, uint16 feeBps)
func (_ModelRegistry *ModelRegistryFilterer) WatchBuilderFeeSet(opts *bind.WatchOpts, sink chan<- *ModelRegistryBuilderFeeSet, modelId [][32]byte) (event.Subscription, error) {

	var modelIdRule []interface{}
	for _, modelIdItem := range modelId {
		modelIdRule = append(modelIdRule, modelIdItem)
	}

	logs, sub, err := _ModelRegistry.contract.WatchLogs(opts, "BuilderFeeSet", modelIdRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ModelRegistryBuilderFeeSet)
				if err := _ModelRegistry.contract.UnpackLog(event, "BuilderFeeSet", log); err != nil {
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

// ParseBuilderFeeSet is a log parse operation binding the contract event 0xbb49a9d607e2dae1367adaa865f69cebd2332dd8e7ea16eafc756e8ddc1d0892.
//
// Solidity: event BuilderFeeSet(bytes32 indexed modelId, uint16 previousFeeBps, uint16 feeBps)
func (_ModelRegistry *ModelRegistryFilterer) ParseBuilderFeeSet(log types.Log) (*ModelRegistryBuilderFeeSet, error) {
	event := new(ModelRegistryBuilderFeeSet)
	if err := _ModelRegistry.contract.UnpackLog(event, "BuilderFeeSet", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// ModelRegistryModelRegisteredIterator is returned from FilterModelRegistered and is used to iterate over the raw logs and unpacked data for ModelRegistered events raised by the ModelRegistry contract.
type ModelRegistryModelRegisteredIterator struct {
	Event *ModelRegistryModelRegistered // Event containing the contract specifics and raw log

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
func (it *ModelRegistryModelRegisteredIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ModelRegistryModelRegistered)
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
		it.Event = new(ModelRegistryModelRegistered)
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
func (it *ModelRegistryModelRegisteredIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ModelRegistryModelRegisteredIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ModelRegistryModelRegistered represents a ModelRegistered event raised by the ModelRegistry contract.
type ModelRegistryModelRegistered struct {
	ModelId     [32]byte
	Builder     common.Address
	Name        string
	Tag         string
	ContentHash [32]byte
	FeeBps      uint16
	Raw         types.Log // Blockchain specific contextual infos
}

// FilterModelRegistered is a free log retrieval operation binding the contract event 0xda2f63d18a5cff5263cbcd7ea860ebbc4239e3cc238ee13ca4d7a6099f6246a5.
//
// Solidity: event ModelRegistered(bytes32 indexed modelId, address indexed builder, string name, string tag, bytes32 contentHash, uint16 feeBps)
func (_ModelRegistry *ModelRegistryFilterer) FilterModelRegistered(opts *bind.FilterOpts, modelId [][32]byte, builder []common.Address) (*ModelRegistryModelRegisteredIterator, error) {

	var modelIdRule []interface{}
	for _, modelIdItem := range modelId {
		modelIdRule = append(modelIdRule, modelIdItem)
	}
	var builderRule []interface{}
	for _, builderItem := range builder {
		builderRule = append(builderRule, builderItem)
	}

	logs, sub, err := _ModelRegistry.contract.FilterLogs(opts, "ModelRegistered", modelIdRule, builderRule)
	if err != nil {
		return nil, err
	}
	return &ModelRegistryModelRegisteredIterator{contract: _ModelRegistry.contract, event: "ModelRegistered", logs: logs, sub: sub}, nil
}

// WatchModelRegistered is a free log subscription operation binding the contract event 0xda2f63d18a5cff5263cbcd7ea860ebbc4239e3cc238ee13ca4d7a6099f6246a5.
//
// Solidity: event ModelRegistered(bytes32 indexed modelId, address indexed builder, string name, string tag, bytes32 contentHash, uint16 feeBps)
func (_ModelRegistry *ModelRegistryFilterer) WatchModelRegistered(opts *bind.WatchOpts, sink chan<- *ModelRegistryModelRegistered, modelId [][32]byte, builder []common.Address) (event.Subscription, error) {

	var modelIdRule []interface{}
	for _, modelIdItem := range modelId {
		modelIdRule = append(modelIdRule, modelIdItem)
	}
	var builderRule []interface{}
	for _, builderItem := range builder {
		builderRule = append(builderRule, builderItem)
	}

	logs, sub, err := _ModelRegistry.contract.WatchLogs(opts, "ModelRegistered", modelIdRule, builderRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ModelRegistryModelRegistered)
				if err := _ModelRegistry.contract.UnpackLog(event, "ModelRegistered", log); err != nil {
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

// ParseModelRegistered is a log parse operation binding the contract event 0xda2f63d18a5cff5263cbcd7ea860ebbc4239e3cc238ee13ca4d7a6099f6246a5.
//
// Solidity: event ModelRegistered(bytes32 indexed modelId, address indexed builder, string name, string tag, bytes32 contentHash, uint16 feeBps)
func (_ModelRegistry *ModelRegistryFilterer) ParseModelRegistered(log types.Log) (*ModelRegistryModelRegistered, error) {
	event := new(ModelRegistryModelRegistered)
	if err := _ModelRegistry.contract.UnpackLog(event, "ModelRegistered", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// ModelRegistryNameClaimedIterator is returned from FilterNameClaimed and is used to iterate over the raw logs and unpacked data for NameClaimed events raised by the ModelRegistry contract.
type ModelRegistryNameClaimedIterator struct {
	Event *ModelRegistryNameClaimed // Event containing the contract specifics and raw log

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
func (it *ModelRegistryNameClaimedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ModelRegistryNameClaimed)
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
		it.Event = new(ModelRegistryNameClaimed)
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
func (it *ModelRegistryNameClaimedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ModelRegistryNameClaimedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ModelRegistryNameClaimed represents a NameClaimed event raised by the ModelRegistry contract.
type ModelRegistryNameClaimed struct {
	NameHash [32]byte
	Builder  common.Address
	Name     string
	Raw      types.Log // Blockchain specific contextual infos
}

// FilterNameClaimed is a free log retrieval operation binding the contract event 0x00db1cd2b3685edcfb63c43bff29861ff842080b189ca67f0f408db6ca8f84f8.
//
// Solidity: event NameClaimed(bytes32 indexed nameHash, address indexed builder, string name)
func (_ModelRegistry *ModelRegistryFilterer) FilterNameClaimed(opts *bind.FilterOpts, nameHash [][32]byte, builder []common.Address) (*ModelRegistryNameClaimedIterator, error) {

	var nameHashRule []interface{}
	for _, nameHashItem := range nameHash {
		nameHashRule = append(nameHashRule, nameHashItem)
	}
	var builderRule []interface{}
	for _, builderItem := range builder {
		builderRule = append(builderRule, builderItem)
	}

	logs, sub, err := _ModelRegistry.contract.FilterLogs(opts, "NameClaimed", nameHashRule, builderRule)
	if err != nil {
		return nil, err
	}
	return &ModelRegistryNameClaimedIterator{contract: _ModelRegistry.contract, event: "NameClaimed", logs: logs, sub: sub}, nil
}

// WatchNameClaimed is a free log subscription operation binding the contract event 0x00db1cd2b3685edcfb63c43bff29861ff842080b189ca67f0f408db6ca8f84f8.
//
// Solidity: event NameClaimed(bytes32 indexed nameHash, address indexed builder, string name)
func (_ModelRegistry *ModelRegistryFilterer) WatchNameClaimed(opts *bind.WatchOpts, sink chan<- *ModelRegistryNameClaimed, nameHash [][32]byte, builder []common.Address) (event.Subscription, error) {

	var nameHashRule []interface{}
	for _, nameHashItem := range nameHash {
		nameHashRule = append(nameHashRule, nameHashItem)
	}
	var builderRule []interface{}
	for _, builderItem := range builder {
		builderRule = append(builderRule, builderItem)
	}

	logs, sub, err := _ModelRegistry.contract.WatchLogs(opts, "NameClaimed", nameHashRule, builderRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ModelRegistryNameClaimed)
				if err := _ModelRegistry.contract.UnpackLog(event, "NameClaimed", log); err != nil {
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

// ParseNameClaimed is a log parse operation binding the contract event 0x00db1cd2b3685edcfb63c43bff29861ff842080b189ca67f0f408db6ca8f84f8.
//
// Solidity: event NameClaimed(bytes32 indexed nameHash, address indexed builder, string name)
func (_ModelRegistry *ModelRegistryFilterer) ParseNameClaimed(log types.Log) (*ModelRegistryNameClaimed, error) {
	event := new(ModelRegistryNameClaimed)
	if err := _ModelRegistry.contract.UnpackLog(event, "NameClaimed", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}
