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

// IModelRegistryFeeChange is an auto generated low-level Go binding around an user-defined struct.
type IModelRegistryFeeChange struct {
	EffectiveFrom uint64
	FeeBps        uint16
}

// ModelRegistryMetaData contains all meta data concerning the ModelRegistry contract.
var ModelRegistryMetaData = &bind.MetaData{
	ABI: "[{\"type\":\"constructor\",\"inputs\":[{\"name\":\"token_\",\"type\":\"address\",\"internalType\":\"contractERC20Burnable\"},{\"name\":\"nameFee_\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"FEE_INCREASE_NOTICE\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_FEE_BPS\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint16\",\"internalType\":\"uint16\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_NAME_LENGTH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_TAG_LENGTH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"computeModelId\",\"inputs\":[{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"tag\",\"type\":\"string\",\"internalType\":\"string\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"pure\"},{\"type\":\"function\",\"name\":\"feeAt\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"t\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint16\",\"internalType\":\"uint16\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"feeHistory\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"from\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"count\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"out\",\"type\":\"tuple[]\",\"internalType\":\"structIModelRegistry.FeeChange[]\",\"components\":[{\"name\":\"effectiveFrom\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"feeBps\",\"type\":\"uint16\",\"internalType\":\"uint16\"}]}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"feeHistoryLength\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"isRegistered\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"model\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"builder\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"feeBps\",\"type\":\"uint16\",\"internalType\":\"uint16\"},{\"name\":\"contentHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"kind\",\"type\":\"uint8\",\"internalType\":\"enumIModelRegistry.Kind\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"nameFee\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"nameOwner\",\"inputs\":[{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"}],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"pendingFee\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"pending\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"feeBps\",\"type\":\"uint16\",\"internalType\":\"uint16\"},{\"name\":\"effectiveFrom\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"register\",\"inputs\":[{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"tag\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"contentHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"builderFeeBps\",\"type\":\"uint16\",\"internalType\":\"uint16\"},{\"name\":\"kind\",\"type\":\"uint8\",\"internalType\":\"enumIModelRegistry.Kind\"}],\"outputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setBuilderFee\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"feeBps\",\"type\":\"uint16\",\"internalType\":\"uint16\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"token\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"contractERC20Burnable\"}],\"stateMutability\":\"view\"},{\"type\":\"event\",\"name\":\"BuilderFeeSet\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"previousFeeBps\",\"type\":\"uint16\",\"indexed\":false,\"internalType\":\"uint16\"},{\"name\":\"feeBps\",\"type\":\"uint16\",\"indexed\":false,\"internalType\":\"uint16\"},{\"name\":\"effectiveFrom\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"ModelRegistered\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"builder\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"name\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"},{\"name\":\"tag\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"},{\"name\":\"contentHash\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"},{\"name\":\"feeBps\",\"type\":\"uint16\",\"indexed\":false,\"internalType\":\"uint16\"},{\"name\":\"kind\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"enumIModelRegistry.Kind\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"NameClaimed\",\"inputs\":[{\"name\":\"nameHash\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"builder\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"name\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"},{\"name\":\"fee\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"error\",\"name\":\"FeeTooHigh\",\"inputs\":[{\"name\":\"feeBps\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"maxFeeBps\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidName\",\"inputs\":[{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"}]},{\"type\":\"error\",\"name\":\"InvalidTag\",\"inputs\":[{\"name\":\"tag\",\"type\":\"string\",\"internalType\":\"string\"}]},{\"type\":\"error\",\"name\":\"ModelExists\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"NameOwnedByOther\",\"inputs\":[{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"owner\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NotBuilder\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"UnknownModel\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"ZeroAddress\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"ZeroContentHash\",\"inputs\":[]}]",
	Bin: "0x60c060405234801561000f575f5ffd5b5060405161200238038061200283398101604081905261002e91610078565b801580159061004457506001600160a01b038216155b156100625760405163d92e233d60e01b815260040160405180910390fd5b6001600160a01b0390911660805260a0526100af565b5f5f60408385031215610089575f5ffd5b82516001600160a01b038116811461009f575f5ffd5b6020939093015192949293505050565b60805160a051611f166100ec5f395f81816101da0152818161078a01528181610a6a0152610abf01525f81816102f20152610ae50152611f165ff3fe608060405234801561000f575f5ffd5b50600436106100fb575f3560e01c8063ad3699d711610093578063e18c3a0611610063578063e18c3a0614610291578063ee19e84b146102c9578063f50496f414610235578063fc0c546a146102ed575f5ffd5b8063ad3699d71461023d578063b10ffd1514610252578063cd28c2f414610265578063d55be8c614610288575f5ffd5b806346bc9d41116100ce57806346bc9d41146101d55780634b21c083146101fc5780635bb1af63146102225780638607498514610235575f5ffd5b8063050296e9146100ff57806327258b22146101415780633ffbd8711461018857806346452b53146101a8575b5f5ffd5b61011261010d36600461174a565b610314565b60408051931515845261ffff909216602084015267ffffffffffffffff16908201526060015b60405180910390f35b61017861014f36600461174a565b5f9081526020819052604090205473ffffffffffffffffffffffffffffffffffffffff16151590565b6040519015158152602001610138565b61019b610196366004611761565b61041a565b604051610138919061178a565b6101c76101b636600461174a565b5f9081526002602052604090205490565b604051908152602001610138565b6101c77f000000000000000000000000000000000000000000000000000000000000000081565b61020f61020a3660046117e6565b610557565b60405161ffff9091168152602001610138565b6101c761023036600461187b565b6105c7565b6101c7608081565b61025061024b36600461191a565b610b62565b005b6101c7610260366004611944565b610ed4565b61026f6201518081565b60405167ffffffffffffffff9091168152602001610138565b61020f6107d081565b6102a461029f3660046119b0565b610f0c565b60405173ffffffffffffffffffffffffffffffffffffffff9091168152602001610138565b6102dc6102d736600461174a565b610f56565b604051610138959493929190611a55565b6102a47f000000000000000000000000000000000000000000000000000000000000000081565b5f818152602081905260408120548190819073ffffffffffffffffffffffffffffffffffffffff1661037a576040517fa2dc0625000000000000000000000000000000000000000000000000000000008152600481018590526024015b60405180910390fd5b5f8481526002602052604081208054909190829061039a90600190611b12565b815481106103aa576103aa611b25565b5f9182526020918290206040805180820190915291015467ffffffffffffffff81168083526801000000000000000090910461ffff1692820192909252915042101561040757602081015190516001955090935091506104139050565b5f5f5f94509450945050505b9193909250565b5f83815260026020526040812080546060929085101561045b5781546104408587611b52565b116104545761044f8486611b52565b61045d565b815461045d565b845b90506104698582611b12565b67ffffffffffffffff81111561048157610481611b65565b6040519080825280602002602001820160405280156104c557816020015b604080518082019091525f808252602082015281526020019060019003908161049f5790505b509250845b8181101561054d578281815481106104e4576104e4611b25565b5f9182526020918290206040805180820190915291015467ffffffffffffffff8116825268010000000000000000900461ffff16918101919091528461052a8884611b12565b8151811061053a5761053a611b25565b60209081029190910101526001016104ca565b5050509392505050565b5f8281526020819052604081205473ffffffffffffffffffffffffffffffffffffffff166105b4576040517fa2dc062500000000000000000000000000000000000000000000000000000000815260048101849052602401610371565b6105be83836110a7565b90505b92915050565b5f6105d28888611164565b61060c5787876040517f7f19f48d000000000000000000000000000000000000000000000000000000008152600401610371929190611bd9565b610616868661137d565b6106505785856040517fabb6b04f000000000000000000000000000000000000000000000000000000008152600401610371929190611bd9565b83610687576040517fd57f0f1200000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6107d061ffff841611156106d5576040517fe757126a00000000000000000000000000000000000000000000000000000000815261ffff841660048201526107d06024820152604401610371565b5f88886040516106e6929190611bf4565b60408051918290039091205f8181526001602052919091205490915073ffffffffffffffffffffffffffffffffffffffff16801580156107bc575f838152600160205260409081902080547fffffffffffffffffffffffff00000000000000000000000000000000000000001633908117909155905184907fa1dd93f47cf4db852e74c7f7553692ea0e767cde3a5fb4e661b93ddbb8ad5da1906107af908f908f907f000000000000000000000000000000000000000000000000000000000000000090611c03565b60405180910390a3610811565b73ffffffffffffffffffffffffffffffffffffffff82163314610811578a8a836040517fcad2ebf300000000000000000000000000000000000000000000000000000000815260040161037193929190611c26565b5f8b8b8b8b6040516020016108299493929190611c5f565b604080517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe081840301815291815281516020808401919091205f81815291829052919020805491975091925073ffffffffffffffffffffffffffffffffffffffff16156108c5576040517f2486e84c00000000000000000000000000000000000000000000000000000000815260048101879052602401610371565b80547fffffffffffffffffffffffff00000000000000000000000000000000000000008116339081178355889183917fffffffffffffffffffffff00ffffffffffffffffffffffffffffffffffffffff167fffffffffffffffffffffff0000000000000000000000000000000000000000009091161774010000000000000000000000000000000000000000836001811115610963576109636119ef565b02179055505f868152600260208181526040808420815180830190925267ffffffffffffffff428116835261ffff808f16848601908152835460018181018655948952959097209351939094018054965190941668010000000000000000027fffffffffffffffffffffffffffffffffffffffffffff000000000000000000009096169216919091179390931790559082018a90558101610a048382611d41565b503373ffffffffffffffffffffffffffffffffffffffff16867fd291abbd49b76b80c5d438cc2d3c5f21118f6876611215077b1b28c49e3862d28f8f8f8f8f8f8f604051610a589796959493929190611e1a565b60405180910390a3828015610a8c57507f000000000000000000000000000000000000000000000000000000000000000015155b15610b52576040517f79cc67900000000000000000000000000000000000000000000000000000000081523360048201527f000000000000000000000000000000000000000000000000000000000000000060248201527f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff16906379cc6790906044015f604051808303815f87803b158015610b3b575f5ffd5b505af1158015610b4d573d5f5f3e3d5ffd5b505050505b5050505050979650505050505050565b5f828152602081905260409020805473ffffffffffffffffffffffffffffffffffffffff16610bc0576040517fa2dc062500000000000000000000000000000000000000000000000000000000815260048101849052602401610371565b805473ffffffffffffffffffffffffffffffffffffffff163314610c19576040517fac0b378f00000000000000000000000000000000000000000000000000000000815260048101849052336024820152604401610371565b6107d061ffff83161115610c67576040517fe757126a00000000000000000000000000000000000000000000000000000000815261ffff831660048201526107d06024820152604401610371565b5f838152600260205260409020805442906001108015610cc55750815467ffffffffffffffff8216908390610c9e90600190611b12565b81548110610cae57610cae611b25565b5f9182526020909120015467ffffffffffffffff16115b15610d135781805480610cda57610cda611e6c565b5f8281526020902081015f1990810180547fffffffffffffffffffffffffffffffffffffffffffff000000000000000000001690550190555b81545f908390610d2590600190611b12565b81548110610d3557610d35611b25565b5f9182526020909120015461ffff680100000000000000009091048116915082908616821015610dee57610d6c6201518084611e99565b6040805180820190915267ffffffffffffffff808316825261ffff808a1660208085019182528954600181018b555f8b815291909120945194018054915190921668010000000000000000027fffffffffffffffffffffffffffffffffffffffffffff0000000000000000000090911693909216929092171790559050610e7a565b8161ffff168661ffff161015610e7a576040805180820190915267ffffffffffffffff808316825261ffff80891660208085019182528854600181018a555f8a815291909120945194018054915190921668010000000000000000027fffffffffffffffffffffffffffffffffffffffffffff0000000000000000000090911693909216929092171790555b6040805161ffff84811682528816602082015267ffffffffffffffff831681830152905188917fa5f4ea72f6b6a436eeb97c09dbaf399b5019c92b76ceb85ca3e83338fc388940919081900360600190a250505050505050565b5f84848484604051602001610eec9493929190611c5f565b604051602081830303815290604052805190602001209050949350505050565b5f60015f8484604051610f20929190611bf4565b604080519182900390912082526020820192909252015f205473ffffffffffffffffffffffffffffffffffffffff169392505050565b5f818152602081905260408120805482918291606091839173ffffffffffffffffffffffffffffffffffffffff16610fbd576040517fa2dc062500000000000000000000000000000000000000000000000000000000815260048101889052602401610371565b805473ffffffffffffffffffffffffffffffffffffffff16610fdf88426110a7565b60018301548354600285018054909174010000000000000000000000000000000000000000900460ff1690829061101590611ca4565b80601f016020809104026020016040519081016040528092919081815260200182805461104190611ca4565b801561108c5780601f106110635761010080835404028352916020019161108c565b820191905f5260205f20905b81548152906001019060200180831161106f57829003601f168201915b50505050509150955095509550955095505091939590929450565b5f828152600260205260408120805482905b60016110c58383611b12565b111561112d575f60026110d88385611b52565b6110e29190611eb9565b90508567ffffffffffffffff1684828154811061110157611101611b25565b5f9182526020909120015467ffffffffffffffff161161112357809250611127565b8091505b506110b9565b82828154811061113f5761113f611b25565b5f9182526020909120015468010000000000000000900461ffff169695505050505050565b5f818015806111735750608081115b15611181575f9150506105c1565b6111a584845f81811061119657611196611b25565b9050013560f81c60f81b61156d565b15806111cd57506111cb84846111bc600185611b12565b81811061119657611196611b25565b155b156111db575f9150506105c1565b60015b816111ea826001611b52565b1015611372575f85858381811061120357611203611b25565b9050013560f81c60f81b90506112188161156d565b15801561126757507f2e000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821614155b80156112b557507f5f000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821614155b801561130357507f2d000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821614155b801561135157507f2f000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821614155b15611361575f93505050506105c1565b5061136b81611ef1565b90506111de565b506001949350505050565b5f8180158061138c5750608081115b1561139a575f9150506105c1565b6113be84845f8181106113af576113af611b25565b9050013560f81c60f81b6116a1565b158015611428575083835f8181106113d8576113d8611b25565b9050013560f81c60f81b7effffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff19167f5f0000000000000000000000000000000000000000000000000000000000000014155b15611436575f9150506105c1565b60015b81811015611372575f85858381811061145457611454611b25565b9050013560f81c60f81b9050611469816116a1565b1580156114b857507f2e000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821614155b801561150657507f5f000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821614155b801561155457507f2d000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821614155b15611564575f93505050506105c1565b50600101611439565b5f7f61000000000000000000000000000000000000000000000000000000000000007fff0000000000000000000000000000000000000000000000000000000000000083161080159061160257507f7a000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000831611155b806105c157507f30000000000000000000000000000000000000000000000000000000000000007fff000000000000000000000000000000000000000000000000000000000000008316108015906105c157507f39000000000000000000000000000000000000000000000000000000000000007fff000000000000000000000000000000000000000000000000000000000000008316111592915050565b5f6116ab8261156d565b806105c157507f41000000000000000000000000000000000000000000000000000000000000007fff000000000000000000000000000000000000000000000000000000000000008316108015906105c157507f5a000000000000000000000000000000000000000000000000000000000000007fff000000000000000000000000000000000000000000000000000000000000008316111592915050565b5f6020828403121561175a575f5ffd5b5035919050565b5f5f5f60608486031215611773575f5ffd5b505081359360208301359350604090920135919050565b602080825282518282018190525f918401906040840190835b818110156117db578351805167ffffffffffffffff16845260209081015161ffff1681850152909301926040909201916001016117a3565b509095945050505050565b5f5f604083850312156117f7575f5ffd5b82359150602083013567ffffffffffffffff81168114611815575f5ffd5b809150509250929050565b5f5f83601f840112611830575f5ffd5b50813567ffffffffffffffff811115611847575f5ffd5b60208301915083602082850101111561185e575f5ffd5b9250929050565b803561ffff81168114611876575f5ffd5b919050565b5f5f5f5f5f5f5f60a0888a031215611891575f5ffd5b873567ffffffffffffffff8111156118a7575f5ffd5b6118b38a828b01611820565b909850965050602088013567ffffffffffffffff8111156118d2575f5ffd5b6118de8a828b01611820565b909650945050604088013592506118f760608901611865565b915060808801356002811061190a575f5ffd5b8091505092959891949750929550565b5f5f6040838503121561192b575f5ffd5b8235915061193b60208401611865565b90509250929050565b5f5f5f5f60408587031215611957575f5ffd5b843567ffffffffffffffff81111561196d575f5ffd5b61197987828801611820565b909550935050602085013567ffffffffffffffff811115611998575f5ffd5b6119a487828801611820565b95989497509550505050565b5f5f602083850312156119c1575f5ffd5b823567ffffffffffffffff8111156119d7575f5ffd5b6119e385828601611820565b90969095509350505050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52602160045260245ffd5b60028110611a51577f4e487b71000000000000000000000000000000000000000000000000000000005f52602160045260245ffd5b9052565b73ffffffffffffffffffffffffffffffffffffffff8616815261ffff8516602082015283604082015260a060608201525f83518060a0840152806020860160c085015e5f60c0828501015260c07fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f830116840101915050611adb6080830184611a1c565b9695505050505050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b818103818111156105c1576105c1611ae5565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603260045260245ffd5b808201808211156105c1576105c1611ae5565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52604160045260245ffd5b81835281816020850137505f602082840101525f60207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f840116840101905092915050565b602081525f611bec602083018486611b92565b949350505050565b818382375f9101908152919050565b604081525f611c16604083018587611b92565b9050826020830152949350505050565b604081525f611c39604083018587611b92565b905073ffffffffffffffffffffffffffffffffffffffff83166020830152949350505050565b838582375f8482017f3a000000000000000000000000000000000000000000000000000000000000008152838560018301375f93016001019283525090949350505050565b600181811c90821680611cb857607f821691505b602082108103611cef577f4e487b71000000000000000000000000000000000000000000000000000000005f52602260045260245ffd5b50919050565b601f821115611d3c57805f5260205f20601f840160051c81016020851015611d1a5750805b601f840160051c820191505b81811015611d39575f8155600101611d26565b50505b505050565b815167ffffffffffffffff811115611d5b57611d5b611b65565b611d6f81611d698454611ca4565b84611cf5565b6020601f821160018114611da1575f8315611d8a5750848201515b5f19600385901b1c1916600184901b178455611d39565b5f848152602081207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe08516915b82811015611dee5787850151825560209485019460019092019101611dce565b5084821015611e0b57868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b60a081525f611e2d60a08301898b611b92565b8281036020840152611e4081888a611b92565b91505084604083015261ffff84166060830152611e606080830184611a1c565b98975050505050505050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603160045260245ffd5b67ffffffffffffffff81811683821601908111156105c1576105c1611ae5565b5f82611eec577f4e487b71000000000000000000000000000000000000000000000000000000005f52601260045260245ffd5b500490565b5f5f198203611f0257611f02611ae5565b506001019056fea164736f6c634300081e000a",
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

// FEEINCREASENOTICE is a free data retrieval call binding the contract method 0xcd28c2f4.
//
// Solidity: function FEE_INCREASE_NOTICE() view returns(uint64)
func (_ModelRegistry *ModelRegistryCaller) FEEINCREASENOTICE(opts *bind.CallOpts) (uint64, error) {
	var out []interface{}
	err := _ModelRegistry.contract.Call(opts, &out, "FEE_INCREASE_NOTICE")

	if err != nil {
		return *new(uint64), err
	}

	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)

	return out0, err

}

// FEEINCREASENOTICE is a free data retrieval call binding the contract method 0xcd28c2f4.
//
// Solidity: function FEE_INCREASE_NOTICE() view returns(uint64)
func (_ModelRegistry *ModelRegistrySession) FEEINCREASENOTICE() (uint64, error) {
	return _ModelRegistry.Contract.FEEINCREASENOTICE(&_ModelRegistry.CallOpts)
}

// FEEINCREASENOTICE is a free data retrieval call binding the contract method 0xcd28c2f4.
//
// Solidity: function FEE_INCREASE_NOTICE() view returns(uint64)
func (_ModelRegistry *ModelRegistryCallerSession) FEEINCREASENOTICE() (uint64, error) {
	return _ModelRegistry.Contract.FEEINCREASENOTICE(&_ModelRegistry.CallOpts)
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

// FeeAt is a free data retrieval call binding the contract method 0x4b21c083.
//
// Solidity: function feeAt(bytes32 modelId, uint64 t) view returns(uint16)
func (_ModelRegistry *ModelRegistryCaller) FeeAt(opts *bind.CallOpts, modelId [32]byte, t uint64) (uint16, error) {
	var out []interface{}
	err := _ModelRegistry.contract.Call(opts, &out, "feeAt", modelId, t)

	if err != nil {
		return *new(uint16), err
	}

	out0 := *abi.ConvertType(out[0], new(uint16)).(*uint16)

	return out0, err

}

// FeeAt is a free data retrieval call binding the contract method 0x4b21c083.
//
// Solidity: function feeAt(bytes32 modelId, uint64 t) view returns(uint16)
func (_ModelRegistry *ModelRegistrySession) FeeAt(modelId [32]byte, t uint64) (uint16, error) {
	return _ModelRegistry.Contract.FeeAt(&_ModelRegistry.CallOpts, modelId, t)
}

// FeeAt is a free data retrieval call binding the contract method 0x4b21c083.
//
// Solidity: function feeAt(bytes32 modelId, uint64 t) view returns(uint16)
func (_ModelRegistry *ModelRegistryCallerSession) FeeAt(modelId [32]byte, t uint64) (uint16, error) {
	return _ModelRegistry.Contract.FeeAt(&_ModelRegistry.CallOpts, modelId, t)
}

// FeeHistory is a free data retrieval call binding the contract method 0x3ffbd871.
//
// Solidity: function feeHistory(bytes32 modelId, uint256 from, uint256 count) view returns((uint64,uint16)[] out)
func (_ModelRegistry *ModelRegistryCaller) FeeHistory(opts *bind.CallOpts, modelId [32]byte, from *big.Int, count *big.Int) ([]IModelRegistryFeeChange, error) {
	var out []interface{}
	err := _ModelRegistry.contract.Call(opts, &out, "feeHistory", modelId, from, count)

	if err != nil {
		return *new([]IModelRegistryFeeChange), err
	}

	out0 := *abi.ConvertType(out[0], new([]IModelRegistryFeeChange)).(*[]IModelRegistryFeeChange)

	return out0, err

}

// FeeHistory is a free data retrieval call binding the contract method 0x3ffbd871.
//
// Solidity: function feeHistory(bytes32 modelId, uint256 from, uint256 count) view returns((uint64,uint16)[] out)
func (_ModelRegistry *ModelRegistrySession) FeeHistory(modelId [32]byte, from *big.Int, count *big.Int) ([]IModelRegistryFeeChange, error) {
	return _ModelRegistry.Contract.FeeHistory(&_ModelRegistry.CallOpts, modelId, from, count)
}

// FeeHistory is a free data retrieval call binding the contract method 0x3ffbd871.
//
// Solidity: function feeHistory(bytes32 modelId, uint256 from, uint256 count) view returns((uint64,uint16)[] out)
func (_ModelRegistry *ModelRegistryCallerSession) FeeHistory(modelId [32]byte, from *big.Int, count *big.Int) ([]IModelRegistryFeeChange, error) {
	return _ModelRegistry.Contract.FeeHistory(&_ModelRegistry.CallOpts, modelId, from, count)
}

// FeeHistoryLength is a free data retrieval call binding the contract method 0x46452b53.
//
// Solidity: function feeHistoryLength(bytes32 modelId) view returns(uint256)
func (_ModelRegistry *ModelRegistryCaller) FeeHistoryLength(opts *bind.CallOpts, modelId [32]byte) (*big.Int, error) {
	var out []interface{}
	err := _ModelRegistry.contract.Call(opts, &out, "feeHistoryLength", modelId)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// FeeHistoryLength is a free data retrieval call binding the contract method 0x46452b53.
//
// Solidity: function feeHistoryLength(bytes32 modelId) view returns(uint256)
func (_ModelRegistry *ModelRegistrySession) FeeHistoryLength(modelId [32]byte) (*big.Int, error) {
	return _ModelRegistry.Contract.FeeHistoryLength(&_ModelRegistry.CallOpts, modelId)
}

// FeeHistoryLength is a free data retrieval call binding the contract method 0x46452b53.
//
// Solidity: function feeHistoryLength(bytes32 modelId) view returns(uint256)
func (_ModelRegistry *ModelRegistryCallerSession) FeeHistoryLength(modelId [32]byte) (*big.Int, error) {
	return _ModelRegistry.Contract.FeeHistoryLength(&_ModelRegistry.CallOpts, modelId)
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

// PendingFee is a free data retrieval call binding the contract method 0x050296e9.
//
// Solidity: function pendingFee(bytes32 modelId) view returns(bool pending, uint16 feeBps, uint64 effectiveFrom)
func (_ModelRegistry *ModelRegistryCaller) PendingFee(opts *bind.CallOpts, modelId [32]byte) (struct {
	Pending       bool
	FeeBps        uint16
	EffectiveFrom uint64
}, error) {
	var out []interface{}
	err := _ModelRegistry.contract.Call(opts, &out, "pendingFee", modelId)

	outstruct := new(struct {
		Pending       bool
		FeeBps        uint16
		EffectiveFrom uint64
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.Pending = *abi.ConvertType(out[0], new(bool)).(*bool)
	outstruct.FeeBps = *abi.ConvertType(out[1], new(uint16)).(*uint16)
	outstruct.EffectiveFrom = *abi.ConvertType(out[2], new(uint64)).(*uint64)

	return *outstruct, err

}

// PendingFee is a free data retrieval call binding the contract method 0x050296e9.
//
// Solidity: function pendingFee(bytes32 modelId) view returns(bool pending, uint16 feeBps, uint64 effectiveFrom)
func (_ModelRegistry *ModelRegistrySession) PendingFee(modelId [32]byte) (struct {
	Pending       bool
	FeeBps        uint16
	EffectiveFrom uint64
}, error) {
	return _ModelRegistry.Contract.PendingFee(&_ModelRegistry.CallOpts, modelId)
}

// PendingFee is a free data retrieval call binding the contract method 0x050296e9.
//
// Solidity: function pendingFee(bytes32 modelId) view returns(bool pending, uint16 feeBps, uint64 effectiveFrom)
func (_ModelRegistry *ModelRegistryCallerSession) PendingFee(modelId [32]byte) (struct {
	Pending       bool
	FeeBps        uint16
	EffectiveFrom uint64
}, error) {
	return _ModelRegistry.Contract.PendingFee(&_ModelRegistry.CallOpts, modelId)
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
	EffectiveFrom  uint64
	Raw            types.Log // Blockchain specific contextual infos
}

// FilterBuilderFeeSet is a free log retrieval operation binding the contract event 0xa5f4ea72f6b6a436eeb97c09dbaf399b5019c92b76ceb85ca3e83338fc388940.
//
// Solidity: event BuilderFeeSet(bytes32 indexed modelId, uint16 previousFeeBps, uint16 feeBps, uint64 effectiveFrom)
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

// WatchBuilderFeeSet is a free log subscription operation binding the contract event 0xa5f4ea72f6b6a436eeb97c09dbaf399b5019c92b76ceb85ca3e83338fc388940.
//
// Solidity: event BuilderFeeSet(bytes32 indexed modelId, uint16 previousFeeBps, uint16 feeBps, uint64 effectiveFrom)
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

// ParseBuilderFeeSet is a log parse operation binding the contract event 0xa5f4ea72f6b6a436eeb97c09dbaf399b5019c92b76ceb85ca3e83338fc388940.
//
// Solidity: event BuilderFeeSet(bytes32 indexed modelId, uint16 previousFeeBps, uint16 feeBps, uint64 effectiveFrom)
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
