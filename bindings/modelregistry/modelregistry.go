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
	ABI: "[{\"type\":\"constructor\",\"inputs\":[{\"name\":\"token_\",\"type\":\"address\",\"internalType\":\"contractERC20Burnable\"},{\"name\":\"nameFee_\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"MAX_FEE_BPS\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint16\",\"internalType\":\"uint16\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_NAME_LENGTH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_TAG_LENGTH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"computeModelId\",\"inputs\":[{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"tag\",\"type\":\"string\",\"internalType\":\"string\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"pure\"},{\"type\":\"function\",\"name\":\"isRegistered\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"model\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"builder\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"feeBps\",\"type\":\"uint16\",\"internalType\":\"uint16\"},{\"name\":\"contentHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"kind\",\"type\":\"uint8\",\"internalType\":\"enumIModelRegistry.Kind\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"nameFee\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"nameOwner\",\"inputs\":[{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"}],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"register\",\"inputs\":[{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"tag\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"contentHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"builderFeeBps\",\"type\":\"uint16\",\"internalType\":\"uint16\"},{\"name\":\"kind\",\"type\":\"uint8\",\"internalType\":\"enumIModelRegistry.Kind\"}],\"outputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setBuilderFee\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"feeBps\",\"type\":\"uint16\",\"internalType\":\"uint16\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"token\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"contractERC20Burnable\"}],\"stateMutability\":\"view\"},{\"type\":\"event\",\"name\":\"BuilderFeeSet\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"previousFeeBps\",\"type\":\"uint16\",\"indexed\":false,\"internalType\":\"uint16\"},{\"name\":\"feeBps\",\"type\":\"uint16\",\"indexed\":false,\"internalType\":\"uint16\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"ModelRegistered\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"builder\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"name\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"},{\"name\":\"tag\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"},{\"name\":\"contentHash\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"},{\"name\":\"feeBps\",\"type\":\"uint16\",\"indexed\":false,\"internalType\":\"uint16\"},{\"name\":\"kind\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"enumIModelRegistry.Kind\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"NameClaimed\",\"inputs\":[{\"name\":\"nameHash\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"builder\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"name\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"},{\"name\":\"fee\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"error\",\"name\":\"FeeTooHigh\",\"inputs\":[{\"name\":\"feeBps\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"maxFeeBps\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidName\",\"inputs\":[{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"}]},{\"type\":\"error\",\"name\":\"InvalidTag\",\"inputs\":[{\"name\":\"tag\",\"type\":\"string\",\"internalType\":\"string\"}]},{\"type\":\"error\",\"name\":\"ModelExists\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"NameOwnedByOther\",\"inputs\":[{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"owner\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NotBuilder\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"UnknownModel\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"ZeroAddress\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"ZeroContentHash\",\"inputs\":[]}]",
	Bin: "0x60c060405234801561000f575f5ffd5b506040516118b03803806118b083398101604081905261002e91610078565b801580159061004457506001600160a01b038216155b156100625760405163d92e233d60e01b815260040160405180910390fd5b6001600160a01b0390911660805260a0526100af565b5f5f60408385031215610089575f5ffd5b82516001600160a01b038116811461009f575f5ffd5b6020939093015192949293505050565b60805160a0516117c46100ec5f395f8181610119015281816103f70152818161066a01526106bf01525f818161020901526106e501526117c45ff3fe608060405234801561000f575f5ffd5b50600436106100c4575f3560e01c8063b10ffd151161007d578063ee19e84b11610058578063ee19e84b146101e0578063f50496f41461015c578063fc0c546a14610204575f5ffd5b8063b10ffd1514610179578063d55be8c61461018c578063e18c3a06146101a8575f5ffd5b80635bb1af63116100ad5780635bb1af6314610149578063860749851461015c578063ad3699d714610164575f5ffd5b806327258b22146100c857806346bc9d4114610114575b5f5ffd5b6100ff6100d63660046110df565b5f9081526020819052604090205473ffffffffffffffffffffffffffffffffffffffff16151590565b60405190151581526020015b60405180910390f35b61013b7f000000000000000000000000000000000000000000000000000000000000000081565b60405190815260200161010b565b61013b610157366004611151565b61022b565b61013b608081565b6101776101723660046111f0565b610762565b005b61013b61018736600461121a565b61090e565b6101956107d081565b60405161ffff909116815260200161010b565b6101bb6101b6366004611286565b610946565b60405173ffffffffffffffffffffffffffffffffffffffff909116815260200161010b565b6101f36101ee3660046110df565b610992565b60405161010b95949392919061132b565b6101bb7f000000000000000000000000000000000000000000000000000000000000000081565b5f6102368888610af9565b6102795787876040517f7f19f48d000000000000000000000000000000000000000000000000000000008152600401610270929190611402565b60405180910390fd5b6102838686610d12565b6102bd5785856040517fabb6b04f000000000000000000000000000000000000000000000000000000008152600401610270929190611402565b836102f4576040517fd57f0f1200000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6107d061ffff84161115610342576040517fe757126a00000000000000000000000000000000000000000000000000000000815261ffff841660048201526107d06024820152604401610270565b5f888860405161035392919061141d565b60408051918290039091205f8181526001602052919091205490915073ffffffffffffffffffffffffffffffffffffffff1680158015610429575f838152600160205260409081902080547fffffffffffffffffffffffff00000000000000000000000000000000000000001633908117909155905184907fa1dd93f47cf4db852e74c7f7553692ea0e767cde3a5fb4e661b93ddbb8ad5da19061041c908f908f907f00000000000000000000000000000000000000000000000000000000000000009061142c565b60405180910390a361047e565b73ffffffffffffffffffffffffffffffffffffffff8216331461047e578a8a836040517fcad2ebf30000000000000000000000000000000000000000000000000000000081526004016102709392919061144f565b5f8b8b8b8b6040516020016104969493929190611488565b604080517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe081840301815291815281516020808401919091205f81815291829052919020805491975091925073ffffffffffffffffffffffffffffffffffffffff1615610532576040517f2486e84c00000000000000000000000000000000000000000000000000000000815260048101879052602401610270565b80547fffffffffffffffffffff0000000000000000000000000000000000000000000016337fffffffffffffffffffff0000ffffffffffffffffffffffffffffffffffffffff16177401000000000000000000000000000000000000000061ffff8a160217808255879082907fffffffffffffffffff00ffffffffffffffffffffffffffffffffffffffffffff167601000000000000000000000000000000000000000000008360018111156105ea576105ea6112c5565b021790555060018101899055600281016106048382611597565b503373ffffffffffffffffffffffffffffffffffffffff16867fd291abbd49b76b80c5d438cc2d3c5f21118f6876611215077b1b28c49e3862d28f8f8f8f8f8f8f60405161065897969594939291906116ae565b60405180910390a382801561068c57507f000000000000000000000000000000000000000000000000000000000000000015155b15610752576040517f79cc67900000000000000000000000000000000000000000000000000000000081523360048201527f000000000000000000000000000000000000000000000000000000000000000060248201527f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff16906379cc6790906044015f604051808303815f87803b15801561073b575f5ffd5b505af115801561074d573d5f5f3e3d5ffd5b505050505b5050505050979650505050505050565b5f828152602081905260409020805473ffffffffffffffffffffffffffffffffffffffff166107c0576040517fa2dc062500000000000000000000000000000000000000000000000000000000815260048101849052602401610270565b805473ffffffffffffffffffffffffffffffffffffffff163314610819576040517fac0b378f00000000000000000000000000000000000000000000000000000000815260048101849052336024820152604401610270565b6107d061ffff83161115610867576040517fe757126a00000000000000000000000000000000000000000000000000000000815261ffff831660048201526107d06024820152604401610270565b8054604080517401000000000000000000000000000000000000000090920461ffff90811683528416602083015284917fbb49a9d607e2dae1367adaa865f69cebd2332dd8e7ea16eafc756e8ddc1d0892910160405180910390a2805461ffff90921674010000000000000000000000000000000000000000027fffffffffffffffffffff0000ffffffffffffffffffffffffffffffffffffffff90921691909117905550565b5f848484846040516020016109269493929190611488565b604051602081830303815290604052805190602001209050949350505050565b5f60015f848460405161095a92919061141d565b604080519182900390912082526020820192909252015f205473ffffffffffffffffffffffffffffffffffffffff1690505b92915050565b5f818152602081905260408120805482918291606091839173ffffffffffffffffffffffffffffffffffffffff166109f9576040517fa2dc062500000000000000000000000000000000000000000000000000000000815260048101889052602401610270565b8054600182015460028301805473ffffffffffffffffffffffffffffffffffffffff84169374010000000000000000000000000000000000000000810461ffff1693929176010000000000000000000000000000000000000000000090910460ff16908290610a67906114fa565b80601f0160208091040260200160405190810160405280929190818152602001828054610a93906114fa565b8015610ade5780601f10610ab557610100808354040283529160200191610ade565b820191905f5260205f20905b815481529060010190602001808311610ac157829003601f168201915b50505050509150955095509550955095505091939590929450565b5f81801580610b085750608081115b15610b16575f91505061098c565b610b3a84845f818110610b2b57610b2b611700565b9050013560f81c60f81b610f02565b1580610b625750610b608484610b5160018561175a565b818110610b2b57610b2b611700565b155b15610b70575f91505061098c565b60015b81610b7f82600161176d565b1015610d07575f858583818110610b9857610b98611700565b9050013560f81c60f81b9050610bad81610f02565b158015610bfc57507f2e000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821614155b8015610c4a57507f5f000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821614155b8015610c9857507f2d000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821614155b8015610ce657507f2f000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821614155b15610cf6575f935050505061098c565b50610d0081611780565b9050610b73565b506001949350505050565b5f81801580610d215750608081115b15610d2f575f91505061098c565b610d5384845f818110610d4457610d44611700565b9050013560f81c60f81b611036565b158015610dbd575083835f818110610d6d57610d6d611700565b9050013560f81c60f81b7effffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff19167f5f0000000000000000000000000000000000000000000000000000000000000014155b15610dcb575f91505061098c565b60015b81811015610d07575f858583818110610de957610de9611700565b9050013560f81c60f81b9050610dfe81611036565b158015610e4d57507f2e000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821614155b8015610e9b57507f5f000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821614155b8015610ee957507f2d000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821614155b15610ef9575f935050505061098c565b50600101610dce565b5f7f61000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000831610801590610f9757507f7a000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000831611155b8061098c57507f30000000000000000000000000000000000000000000000000000000000000007fff0000000000000000000000000000000000000000000000000000000000000083161080159061098c57507f39000000000000000000000000000000000000000000000000000000000000007fff000000000000000000000000000000000000000000000000000000000000008316111592915050565b5f61104082610f02565b8061098c57507f41000000000000000000000000000000000000000000000000000000000000007fff0000000000000000000000000000000000000000000000000000000000000083161080159061098c57507f5a000000000000000000000000000000000000000000000000000000000000007fff000000000000000000000000000000000000000000000000000000000000008316111592915050565b5f602082840312156110ef575f5ffd5b5035919050565b5f5f83601f840112611106575f5ffd5b50813567ffffffffffffffff81111561111d575f5ffd5b602083019150836020828501011115611134575f5ffd5b9250929050565b803561ffff8116811461114c575f5ffd5b919050565b5f5f5f5f5f5f5f60a0888a031215611167575f5ffd5b873567ffffffffffffffff81111561117d575f5ffd5b6111898a828b016110f6565b909850965050602088013567ffffffffffffffff8111156111a8575f5ffd5b6111b48a828b016110f6565b909650945050604088013592506111cd6060890161113b565b91506080880135600281106111e0575f5ffd5b8091505092959891949750929550565b5f5f60408385031215611201575f5ffd5b823591506112116020840161113b565b90509250929050565b5f5f5f5f6040858703121561122d575f5ffd5b843567ffffffffffffffff811115611243575f5ffd5b61124f878288016110f6565b909550935050602085013567ffffffffffffffff81111561126e575f5ffd5b61127a878288016110f6565b95989497509550505050565b5f5f60208385031215611297575f5ffd5b823567ffffffffffffffff8111156112ad575f5ffd5b6112b9858286016110f6565b90969095509350505050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52602160045260245ffd5b60028110611327577f4e487b71000000000000000000000000000000000000000000000000000000005f52602160045260245ffd5b9052565b73ffffffffffffffffffffffffffffffffffffffff8616815261ffff8516602082015283604082015260a060608201525f83518060a0840152806020860160c085015e5f60c0828501015260c07fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f8301168401019150506113b160808301846112f2565b9695505050505050565b81835281816020850137505f602082840101525f60207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f840116840101905092915050565b602081525f6114156020830184866113bb565b949350505050565b818382375f9101908152919050565b604081525f61143f6040830185876113bb565b9050826020830152949350505050565b604081525f6114626040830185876113bb565b905073ffffffffffffffffffffffffffffffffffffffff83166020830152949350505050565b838582375f8482017f3a000000000000000000000000000000000000000000000000000000000000008152838560018301375f93016001019283525090949350505050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52604160045260245ffd5b600181811c9082168061150e57607f821691505b602082108103611545577f4e487b71000000000000000000000000000000000000000000000000000000005f52602260045260245ffd5b50919050565b601f82111561159257805f5260205f20601f840160051c810160208510156115705750805b601f840160051c820191505b8181101561158f575f815560010161157c565b50505b505050565b815167ffffffffffffffff8111156115b1576115b16114cd565b6115c5816115bf84546114fa565b8461154b565b6020601f821160018114611616575f83156115e05750848201515b7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff600385901b1c1916600184901b17845561158f565b5f848152602081207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe08516915b828110156116635787850151825560209485019460019092019101611643565b508482101561169f57868401517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff600387901b60f8161c191681555b50505050600190811b01905550565b60a081525f6116c160a08301898b6113bb565b82810360208401526116d481888a6113bb565b91505084604083015261ffff841660608301526116f460808301846112f2565b98975050505050505050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603260045260245ffd5b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b8181038181111561098c5761098c61172d565b8082018082111561098c5761098c61172d565b5f7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff82036117b0576117b061172d565b506001019056fea164736f6c634300081e000a",
}

// ModelRegistryABI is the input ABI used to generate the binding from.
// Deprecated: Use ModelRegistryMetaData.ABI instead.
var ModelRegistryABI = ModelRegistryMetaData.ABI

// ModelRegistryBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use ModelRegistryMetaData.Bin instead.
var ModelRegistryBin = ModelRegistryMetaData.Bin

// DeployModelRegistry deploys a new Ethereum contract, binding an instance of ModelRegistry to it.
func DeployModelRegistry(auth *bind.TransactOpts, backend bind.ContractBackend, token_ common.Address, nameFee_ *big.Int) (common.Address, *types.Transaction, *ModelRegistry, error) {
	parsed, err := ModelRegistryMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(ModelRegistryBin), backend, token_, nameFee_)
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
// Solidity: function model(bytes32 modelId) view returns(address builder, uint16 feeBps, bytes32 contentHash, string name, uint8 kind)
func (_ModelRegistry *ModelRegistryCaller) Model(opts *bind.CallOpts, modelId [32]byte) (struct {
	Builder     common.Address
	FeeBps      uint16
	ContentHash [32]byte
	Name        string
	Kind        uint8
}, error) {
	var out []interface{}
	err := _ModelRegistry.contract.Call(opts, &out, "model", modelId)

	outstruct := new(struct {
		Builder     common.Address
		FeeBps      uint16
		ContentHash [32]byte
		Name        string
		Kind        uint8
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.Builder = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.FeeBps = *abi.ConvertType(out[1], new(uint16)).(*uint16)
	outstruct.ContentHash = *abi.ConvertType(out[2], new([32]byte)).(*[32]byte)
	outstruct.Name = *abi.ConvertType(out[3], new(string)).(*string)
	outstruct.Kind = *abi.ConvertType(out[4], new(uint8)).(*uint8)

	return *outstruct, err

}

// Model is a free data retrieval call binding the contract method 0xee19e84b.
//
// Solidity: function model(bytes32 modelId) view returns(address builder, uint16 feeBps, bytes32 contentHash, string name, uint8 kind)
func (_ModelRegistry *ModelRegistrySession) Model(modelId [32]byte) (struct {
	Builder     common.Address
	FeeBps      uint16
	ContentHash [32]byte
	Name        string
	Kind        uint8
}, error) {
	return _ModelRegistry.Contract.Model(&_ModelRegistry.CallOpts, modelId)
}

// Model is a free data retrieval call binding the contract method 0xee19e84b.
//
// Solidity: function model(bytes32 modelId) view returns(address builder, uint16 feeBps, bytes32 contentHash, string name, uint8 kind)
func (_ModelRegistry *ModelRegistryCallerSession) Model(modelId [32]byte) (struct {
	Builder     common.Address
	FeeBps      uint16
	ContentHash [32]byte
	Name        string
	Kind        uint8
}, error) {
	return _ModelRegistry.Contract.Model(&_ModelRegistry.CallOpts, modelId)
}

// NameFee is a free data retrieval call binding the contract method 0x46bc9d41.
//
// Solidity: function nameFee() view returns(uint256)
func (_ModelRegistry *ModelRegistryCaller) NameFee(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ModelRegistry.contract.Call(opts, &out, "nameFee")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// NameFee is a free data retrieval call binding the contract method 0x46bc9d41.
//
// Solidity: function nameFee() view returns(uint256)
func (_ModelRegistry *ModelRegistrySession) NameFee() (*big.Int, error) {
	return _ModelRegistry.Contract.NameFee(&_ModelRegistry.CallOpts)
}

// NameFee is a free data retrieval call binding the contract method 0x46bc9d41.
//
// Solidity: function nameFee() view returns(uint256)
func (_ModelRegistry *ModelRegistryCallerSession) NameFee() (*big.Int, error) {
	return _ModelRegistry.Contract.NameFee(&_ModelRegistry.CallOpts)
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

// Token is a free data retrieval call binding the contract method 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (_ModelRegistry *ModelRegistryCaller) Token(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _ModelRegistry.contract.Call(opts, &out, "token")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Token is a free data retrieval call binding the contract method 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (_ModelRegistry *ModelRegistrySession) Token() (common.Address, error) {
	return _ModelRegistry.Contract.Token(&_ModelRegistry.CallOpts)
}

// Token is a free data retrieval call binding the contract method 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (_ModelRegistry *ModelRegistryCallerSession) Token() (common.Address, error) {
	return _ModelRegistry.Contract.Token(&_ModelRegistry.CallOpts)
}

// Register is a paid mutator transaction binding the contract method 0x5bb1af63.
//
// Solidity: function register(string name, string tag, bytes32 contentHash, uint16 builderFeeBps, uint8 kind) returns(bytes32 modelId)
func (_ModelRegistry *ModelRegistryTransactor) Register(opts *bind.TransactOpts, name string, tag string, contentHash [32]byte, builderFeeBps uint16, kind uint8) (*types.Transaction, error) {
	return _ModelRegistry.contract.Transact(opts, "register", name, tag, contentHash, builderFeeBps, kind)
}

// Register is a paid mutator transaction binding the contract method 0x5bb1af63.
//
// Solidity: function register(string name, string tag, bytes32 contentHash, uint16 builderFeeBps, uint8 kind) returns(bytes32 modelId)
func (_ModelRegistry *ModelRegistrySession) Register(name string, tag string, contentHash [32]byte, builderFeeBps uint16, kind uint8) (*types.Transaction, error) {
	return _ModelRegistry.Contract.Register(&_ModelRegistry.TransactOpts, name, tag, contentHash, builderFeeBps, kind)
}

// Register is a paid mutator transaction binding the contract method 0x5bb1af63.
//
// Solidity: function register(string name, string tag, bytes32 contentHash, uint16 builderFeeBps, uint8 kind) returns(bytes32 modelId)
func (_ModelRegistry *ModelRegistryTransactorSession) Register(name string, tag string, contentHash [32]byte, builderFeeBps uint16, kind uint8) (*types.Transaction, error) {
	return _ModelRegistry.Contract.Register(&_ModelRegistry.TransactOpts, name, tag, contentHash, builderFeeBps, kind)
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
	Kind        uint8
	Raw         types.Log // Blockchain specific contextual infos
}

// FilterModelRegistered is a free log retrieval operation binding the contract event 0xd291abbd49b76b80c5d438cc2d3c5f21118f6876611215077b1b28c49e3862d2.
//
// Solidity: event ModelRegistered(bytes32 indexed modelId, address indexed builder, string name, string tag, bytes32 contentHash, uint16 feeBps, uint8 kind)
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

// WatchModelRegistered is a free log subscription operation binding the contract event 0xd291abbd49b76b80c5d438cc2d3c5f21118f6876611215077b1b28c49e3862d2.
//
// Solidity: event ModelRegistered(bytes32 indexed modelId, address indexed builder, string name, string tag, bytes32 contentHash, uint16 feeBps, uint8 kind)
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

// ParseModelRegistered is a log parse operation binding the contract event 0xd291abbd49b76b80c5d438cc2d3c5f21118f6876611215077b1b28c49e3862d2.
//
// Solidity: event ModelRegistered(bytes32 indexed modelId, address indexed builder, string name, string tag, bytes32 contentHash, uint16 feeBps, uint8 kind)
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
	Fee      *big.Int
	Raw      types.Log // Blockchain specific contextual infos
}

// FilterNameClaimed is a free log retrieval operation binding the contract event 0xa1dd93f47cf4db852e74c7f7553692ea0e767cde3a5fb4e661b93ddbb8ad5da1.
//
// Solidity: event NameClaimed(bytes32 indexed nameHash, address indexed builder, string name, uint256 fee)
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

// WatchNameClaimed is a free log subscription operation binding the contract event 0xa1dd93f47cf4db852e74c7f7553692ea0e767cde3a5fb4e661b93ddbb8ad5da1.
//
// Solidity: event NameClaimed(bytes32 indexed nameHash, address indexed builder, string name, uint256 fee)
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

// ParseNameClaimed is a log parse operation binding the contract event 0xa1dd93f47cf4db852e74c7f7553692ea0e767cde3a5fb4e661b93ddbb8ad5da1.
//
// Solidity: event NameClaimed(bytes32 indexed nameHash, address indexed builder, string name, uint256 fee)
func (_ModelRegistry *ModelRegistryFilterer) ParseNameClaimed(log types.Log) (*ModelRegistryNameClaimed, error) {
	event := new(ModelRegistryNameClaimed)
	if err := _ModelRegistry.contract.UnpackLog(event, "NameClaimed", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}
