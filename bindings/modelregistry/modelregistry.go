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
	ABI: "[{\"type\":\"constructor\",\"inputs\":[{\"name\":\"token_\",\"type\":\"address\",\"internalType\":\"contractERC20Burnable\"},{\"name\":\"nameFee_\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"FEE_INCREASE_NOTICE\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_COMMIT_AGE\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_FEE_BPS\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint16\",\"internalType\":\"uint16\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_NAME_LENGTH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"MAX_TAG_LENGTH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"commitName\",\"inputs\":[{\"name\":\"commitment\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"commitmentOf\",\"inputs\":[{\"name\":\"commitment\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"blockNumber\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"time\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"revealable\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"computeModelId\",\"inputs\":[{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"tag\",\"type\":\"string\",\"internalType\":\"string\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"pure\"},{\"type\":\"function\",\"name\":\"feeAt\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"t\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint16\",\"internalType\":\"uint16\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"feeHistory\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"from\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"count\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"out\",\"type\":\"tuple[]\",\"internalType\":\"structIModelRegistry.FeeChange[]\",\"components\":[{\"name\":\"effectiveFrom\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"feeBps\",\"type\":\"uint16\",\"internalType\":\"uint16\"}]}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"feeHistoryLength\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"isRegistered\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"model\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"builder\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"feeBps\",\"type\":\"uint16\",\"internalType\":\"uint16\"},{\"name\":\"contentHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"kind\",\"type\":\"uint8\",\"internalType\":\"enumIModelRegistry.Kind\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"nameCommitment\",\"inputs\":[{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"builder\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"salt\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"pure\"},{\"type\":\"function\",\"name\":\"nameFee\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"nameOwner\",\"inputs\":[{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"}],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"pendingFee\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"pending\",\"type\":\"bool\",\"internalType\":\"bool\"},{\"name\":\"feeBps\",\"type\":\"uint16\",\"internalType\":\"uint16\"},{\"name\":\"effectiveFrom\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"register\",\"inputs\":[{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"tag\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"contentHash\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"builderFeeBps\",\"type\":\"uint16\",\"internalType\":\"uint16\"},{\"name\":\"kind\",\"type\":\"uint8\",\"internalType\":\"enumIModelRegistry.Kind\"},{\"name\":\"salt\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"setBuilderFee\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"feeBps\",\"type\":\"uint16\",\"internalType\":\"uint16\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"token\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"contractERC20Burnable\"}],\"stateMutability\":\"view\"},{\"type\":\"event\",\"name\":\"BuilderFeeSet\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"previousFeeBps\",\"type\":\"uint16\",\"indexed\":false,\"internalType\":\"uint16\"},{\"name\":\"feeBps\",\"type\":\"uint16\",\"indexed\":false,\"internalType\":\"uint16\"},{\"name\":\"effectiveFrom\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"ModelRegistered\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"builder\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"name\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"},{\"name\":\"tag\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"},{\"name\":\"contentHash\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"},{\"name\":\"feeBps\",\"type\":\"uint16\",\"indexed\":false,\"internalType\":\"uint16\"},{\"name\":\"kind\",\"type\":\"uint8\",\"indexed\":false,\"internalType\":\"enumIModelRegistry.Kind\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"NameClaimed\",\"inputs\":[{\"name\":\"nameHash\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"builder\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"name\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"},{\"name\":\"fee\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"NameCommitted\",\"inputs\":[{\"name\":\"commitment\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"committer\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"error\",\"name\":\"CommitmentExists\",\"inputs\":[{\"name\":\"commitment\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"validUntil\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"CommitmentExpired\",\"inputs\":[{\"name\":\"validUntil\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"CommitmentTooNew\",\"inputs\":[{\"name\":\"readyAtBlock\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"FeeTooHigh\",\"inputs\":[{\"name\":\"feeBps\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"maxFeeBps\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"InvalidName\",\"inputs\":[{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"}]},{\"type\":\"error\",\"name\":\"InvalidTag\",\"inputs\":[{\"name\":\"tag\",\"type\":\"string\",\"internalType\":\"string\"}]},{\"type\":\"error\",\"name\":\"ModelExists\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"NameNotCommitted\",\"inputs\":[{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"}]},{\"type\":\"error\",\"name\":\"NameOwnedByOther\",\"inputs\":[{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"owner\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NotBuilder\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"UnknownModel\",\"inputs\":[{\"name\":\"modelId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"ZeroAddress\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"ZeroContentHash\",\"inputs\":[]}]",
	Bin: "0x60c060405234801561000f575f5ffd5b5060405161251838038061251883398101604081905261002e91610078565b801580159061004457506001600160a01b038216155b156100625760405163d92e233d60e01b815260040160405180910390fd5b6001600160a01b0390911660805260a0526100af565b5f5f60408385031215610089575f5ffd5b82516001600160a01b038116811461009f575f5ffd5b6020939093015192949293505050565b60805160a05161242c6100ec5f395f818161024201528181610ad401528181610b29015261181301525f81816103bc0152610b4f015261242c5ff3fe608060405234801561000f575f5ffd5b5060043610610163575f3560e01c8063ad3699d7116100c7578063d55be8c61161007d578063ee19e84b11610063578063ee19e84b14610393578063f50496f41461029d578063fc0c546a146103b7575f5ffd5b8063d55be8c614610352578063e18c3a061461035b575f5ffd5b8063bcedc05f116100ad578063bcedc05f1461031c578063cd28c2f41461031c578063cf3489a81461033f575f5ffd5b8063ad3699d7146102f4578063b10ffd1514610309575f5ffd5b80634b21c0831161011c5780638607498511610102578063860749851461029d578063a10bb806146102a5578063ab4b7fdb146102e1575f5ffd5b80634b21c08314610264578063618a41e61461028a575f5ffd5b80633ffbd8711161014c5780633ffbd871146101f057806346452b531461021057806346bc9d411461023d575f5ffd5b8063050296e91461016757806327258b22146101a9575b5f5ffd5b61017a610175366004611baa565b6103de565b60408051931515845261ffff909216602084015267ffffffffffffffff16908201526060015b60405180910390f35b6101e06101b7366004611baa565b5f9081526020819052604090205473ffffffffffffffffffffffffffffffffffffffff16151590565b60405190151581526020016101a0565b6102036101fe366004611bc1565b6104e4565b6040516101a09190611bea565b61022f61021e366004611baa565b5f9081526002602052604090205490565b6040519081526020016101a0565b61022f7f000000000000000000000000000000000000000000000000000000000000000081565b610277610272366004611c46565b610621565b60405161ffff90911681526020016101a0565b61022f610298366004611cc5565b610691565b61022f608081565b6102b86102b3366004611baa565b6106c9565b6040805167ffffffffffffffff94851681529390921660208401521515908201526060016101a0565b61022f6102ef366004611d4c565b61075f565b610307610302366004611df4565b610bcb565b005b61022f610317366004611e1e565b610f3d565b6103266201518081565b60405167ffffffffffffffff90911681526020016101a0565b61030761034d366004611baa565b610f55565b6102776107d081565b61036e610369366004611e8a565b611094565b60405173ffffffffffffffffffffffffffffffffffffffff90911681526020016101a0565b6103a66103a1366004611baa565b6110de565b6040516101a0959493929190611f2f565b61036e7f000000000000000000000000000000000000000000000000000000000000000081565b5f818152602081905260408120548190819073ffffffffffffffffffffffffffffffffffffffff16610444576040517fa2dc0625000000000000000000000000000000000000000000000000000000008152600481018590526024015b60405180910390fd5b5f8481526002602052604081208054909190829061046490600190611fec565b8154811061047457610474611fff565b5f9182526020918290206040805180820190915291015467ffffffffffffffff81168083526801000000000000000090910461ffff169282019290925291504210156104d157602081015190516001955090935091506104dd9050565b5f5f5f94509450945050505b9193909250565b5f83815260026020526040812080546060929085101561052557815461050a858761202c565b1161051e57610519848661202c565b610527565b8154610527565b845b90506105338582611fec565b67ffffffffffffffff81111561054b5761054b61203f565b60405190808252806020026020018201604052801561058f57816020015b604080518082019091525f80825260208201528152602001906001900390816105695790505b509250845b81811015610617578281815481106105ae576105ae611fff565b5f9182526020918290206040805180820190915291015467ffffffffffffffff8116825268010000000000000000900461ffff1691810191909152846105f48884611fec565b8151811061060457610604611fff565b6020908102919091010152600101610594565b5050509392505050565b5f8281526020819052604081205473ffffffffffffffffffffffffffffffffffffffff1661067e576040517fa2dc06250000000000000000000000000000000000000000000000000000000081526004810184905260240161043b565b610688838361122f565b90505b92915050565b5f848484846040516020016106a994939291906120b3565b604051602081830303815290604052805190602001209050949350505050565b5f81815260036020908152604080832081518083019092525467ffffffffffffffff8082168084526801000000000000000090920416928201929092528291829190158015906107235750805167ffffffffffffffff1643115b801561074b575062015180816020015161073d91906120ef565b67ffffffffffffffff164211155b815160209092015191969195509350915050565b5f61076a89896112ec565b6107a45788886040517f7f19f48d00000000000000000000000000000000000000000000000000000000815260040161043b92919061210f565b6107ae8787611505565b6107e85786866040517fabb6b04f00000000000000000000000000000000000000000000000000000000815260040161043b92919061210f565b8461081f576040517fd57f0f1200000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6107d061ffff8516111561086d576040517fe757126a00000000000000000000000000000000000000000000000000000000815261ffff851660048201526107d0602482015260440161043b565b5f6108798a8a856116f5565b90505f8a8a8a8a604051602001610893949392919061212a565b604080517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe081840301815291815281516020808401919091205f81815291829052919020805491955091925073ffffffffffffffffffffffffffffffffffffffff161561092f576040517f2486e84c0000000000000000000000000000000000000000000000000000000081526004810185905260240161043b565b80547fffffffffffffffffffffffff00000000000000000000000000000000000000008116339081178355879183917fffffffffffffffffffffff00ffffffffffffffffffffffffffffffffffffffff167fffffffffffffffffffffff00000000000000000000000000000000000000000090911617740100000000000000000000000000000000000000008360018111156109cd576109cd611ec9565b02179055505f848152600260208181526040808420815180830190925267ffffffffffffffff428116835261ffff808e16848601908152835460018181018655948952959097209351939094018054965190941668010000000000000000027fffffffffffffffffffffffffffffffffffffffffffff000000000000000000009096169216919091179390931790559082018990558101610a6e838261220c565b503373ffffffffffffffffffffffffffffffffffffffff16847fd291abbd49b76b80c5d438cc2d3c5f21118f6876611215077b1b28c49e3862d28e8e8e8e8e8e8e604051610ac297969594939291906122e5565b60405180910390a3828015610af657507f000000000000000000000000000000000000000000000000000000000000000015155b15610bbc576040517f79cc67900000000000000000000000000000000000000000000000000000000081523360048201527f000000000000000000000000000000000000000000000000000000000000000060248201527f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff16906379cc6790906044015f604051808303815f87803b158015610ba5575f5ffd5b505af1158015610bb7573d5f5f3e3d5ffd5b505050505b50505098975050505050505050565b5f828152602081905260409020805473ffffffffffffffffffffffffffffffffffffffff16610c29576040517fa2dc06250000000000000000000000000000000000000000000000000000000081526004810184905260240161043b565b805473ffffffffffffffffffffffffffffffffffffffff163314610c82576040517fac0b378f0000000000000000000000000000000000000000000000000000000081526004810184905233602482015260440161043b565b6107d061ffff83161115610cd0576040517fe757126a00000000000000000000000000000000000000000000000000000000815261ffff831660048201526107d0602482015260440161043b565b5f838152600260205260409020805442906001108015610d2e5750815467ffffffffffffffff8216908390610d0790600190611fec565b81548110610d1757610d17611fff565b5f9182526020909120015467ffffffffffffffff16115b15610d7c5781805480610d4357610d43612337565b5f8281526020902081015f1990810180547fffffffffffffffffffffffffffffffffffffffffffff000000000000000000001690550190555b81545f908390610d8e90600190611fec565b81548110610d9e57610d9e611fff565b5f9182526020909120015461ffff680100000000000000009091048116915082908616821015610e5757610dd562015180846120ef565b6040805180820190915267ffffffffffffffff808316825261ffff808a1660208085019182528954600181018b555f8b815291909120945194018054915190921668010000000000000000027fffffffffffffffffffffffffffffffffffffffffffff0000000000000000000090911693909216929092171790559050610ee3565b8161ffff168661ffff161015610ee3576040805180820190915267ffffffffffffffff808316825261ffff80891660208085019182528854600181018a555f8a815291909120945194018054915190921668010000000000000000027fffffffffffffffffffffffffffffffffffffffffffff0000000000000000000090911693909216929092171790555b6040805161ffff84811682528816602082015267ffffffffffffffff831681830152905188917fa5f4ea72f6b6a436eeb97c09dbaf399b5019c92b76ceb85ca3e83338fc388940919081900360600190a250505050505050565b5f848484846040516020016106a9949392919061212a565b5f818152600360205260409020805467ffffffffffffffff1615801590610fab57508054610f9d90620151809068010000000000000000900467ffffffffffffffff166120ef565b67ffffffffffffffff164211155b1561101d5780548290610fd890620151809068010000000000000000900467ffffffffffffffff166120ef565b6040517f37b2f30c000000000000000000000000000000000000000000000000000000008152600481019290925267ffffffffffffffff16602482015260440161043b565b80544267ffffffffffffffff90811668010000000000000000027fffffffffffffffffffffffffffffffff00000000000000000000000000000000909216439190911617178155604051339083907f80acdd37286c9103bdc42eb5dcc8b2902751f387e1eff6a0e1fba8ecf73c8d1f905f90a35050565b5f60015f84846040516110a8929190612364565b604080519182900390912082526020820192909252015f205473ffffffffffffffffffffffffffffffffffffffff169392505050565b5f818152602081905260408120805482918291606091839173ffffffffffffffffffffffffffffffffffffffff16611145576040517fa2dc06250000000000000000000000000000000000000000000000000000000081526004810188905260240161043b565b805473ffffffffffffffffffffffffffffffffffffffff16611167884261122f565b60018301548354600285018054909174010000000000000000000000000000000000000000900460ff1690829061119d9061216f565b80601f01602080910402602001604051908101604052809291908181526020018280546111c99061216f565b80156112145780601f106111eb57610100808354040283529160200191611214565b820191905f5260205f20905b8154815290600101906020018083116111f757829003601f168201915b50505050509150955095509550955095505091939590929450565b5f828152600260205260408120805482905b600161124d8383611fec565b11156112b5575f6002611260838561202c565b61126a9190612373565b90508567ffffffffffffffff1684828154811061128957611289611fff565b5f9182526020909120015467ffffffffffffffff16116112ab578092506112af565b8091505b50611241565b8282815481106112c7576112c7611fff565b5f9182526020909120015468010000000000000000900461ffff169695505050505050565b5f818015806112fb5750608081115b15611309575f91505061068b565b61132d84845f81811061131e5761131e611fff565b9050013560f81c60f81b61184e565b158061135557506113538484611344600185611fec565b81811061131e5761131e611fff565b155b15611363575f91505061068b565b60015b8161137282600161202c565b10156114fa575f85858381811061138b5761138b611fff565b9050013560f81c60f81b90506113a08161184e565b1580156113ef57507f2e000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821614155b801561143d57507f5f000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821614155b801561148b57507f2d000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821614155b80156114d957507f2f000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821614155b156114e9575f935050505061068b565b506114f3816123ab565b9050611366565b506001949350505050565b5f818015806115145750608081115b15611522575f91505061068b565b61154684845f81811061153757611537611fff565b9050013560f81c60f81b611982565b1580156115b0575083835f81811061156057611560611fff565b9050013560f81c60f81b7effffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff19167f5f0000000000000000000000000000000000000000000000000000000000000014155b156115be575f91505061068b565b60015b818110156114fa575f8585838181106115dc576115dc611fff565b9050013560f81c60f81b90506115f181611982565b15801561164057507f2e000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821614155b801561168e57507f5f000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821614155b80156116dc57507f2d000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000821614155b156116ec575f935050505061068b565b506001016115c1565b5f5f8484604051611707929190612364565b60408051918290039091205f8181526001602052919091205490915073ffffffffffffffffffffffffffffffffffffffff16801561179e5773ffffffffffffffffffffffffffffffffffffffff81163314611794578585826040517fcad2ebf300000000000000000000000000000000000000000000000000000000815260040161043b939291906123c3565b5f92505050611847565b6117a9868686611a2b565b5f828152600160205260409081902080547fffffffffffffffffffffffff00000000000000000000000000000000000000001633908117909155905183907fa1dd93f47cf4db852e74c7f7553692ea0e767cde3a5fb4e661b93ddbb8ad5da190611838908a908a907f0000000000000000000000000000000000000000000000000000000000000000906123fc565b60405180910390a36001925050505b9392505050565b5f7f61000000000000000000000000000000000000000000000000000000000000007fff000000000000000000000000000000000000000000000000000000000000008316108015906118e357507f7a000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000831611155b8061068b57507f30000000000000000000000000000000000000000000000000000000000000007fff0000000000000000000000000000000000000000000000000000000000000083161080159061068b57507f39000000000000000000000000000000000000000000000000000000000000007fff000000000000000000000000000000000000000000000000000000000000008316111592915050565b5f61198c8261184e565b8061068b57507f41000000000000000000000000000000000000000000000000000000000000007fff0000000000000000000000000000000000000000000000000000000000000083161080159061068b57507f5a000000000000000000000000000000000000000000000000000000000000007fff000000000000000000000000000000000000000000000000000000000000008316111592915050565b5f611a3884843385610691565b5f81815260036020908152604080832081518083019092525467ffffffffffffffff8082168084526801000000000000000090920416928201929092529293509003611ab45784846040517fbcc389f700000000000000000000000000000000000000000000000000000000815260040161043b92919061210f565b805167ffffffffffffffff164311611b12578051611add9067ffffffffffffffff16600161202c565b6040517fc576fb4900000000000000000000000000000000000000000000000000000000815260040161043b91815260200190565b60208101515f90611b3190620151809067ffffffffffffffff1661202c565b905080421115611b70576040517f8ccd36e00000000000000000000000000000000000000000000000000000000081526004810182905260240161043b565b50505f90815260036020526040902080547fffffffffffffffffffffffffffffffff00000000000000000000000000000000169055505050565b5f60208284031215611bba575f5ffd5b5035919050565b5f5f5f60608486031215611bd3575f5ffd5b505081359360208301359350604090920135919050565b602080825282518282018190525f918401906040840190835b81811015611c3b578351805167ffffffffffffffff16845260209081015161ffff168185015290930192604090920191600101611c03565b509095945050505050565b5f5f60408385031215611c57575f5ffd5b82359150602083013567ffffffffffffffff81168114611c75575f5ffd5b809150509250929050565b5f5f83601f840112611c90575f5ffd5b50813567ffffffffffffffff811115611ca7575f5ffd5b602083019150836020828501011115611cbe575f5ffd5b9250929050565b5f5f5f5f60608587031215611cd8575f5ffd5b843567ffffffffffffffff811115611cee575f5ffd5b611cfa87828801611c80565b909550935050602085013573ffffffffffffffffffffffffffffffffffffffff81168114611d26575f5ffd5b9396929550929360400135925050565b803561ffff81168114611d47575f5ffd5b919050565b5f5f5f5f5f5f5f5f60c0898b031215611d63575f5ffd5b883567ffffffffffffffff811115611d79575f5ffd5b611d858b828c01611c80565b909950975050602089013567ffffffffffffffff811115611da4575f5ffd5b611db08b828c01611c80565b90975095505060408901359350611dc960608a01611d36565b9250608089013560028110611ddc575f5ffd5b979a969950949793969295919450919260a001359150565b5f5f60408385031215611e05575f5ffd5b82359150611e1560208401611d36565b90509250929050565b5f5f5f5f60408587031215611e31575f5ffd5b843567ffffffffffffffff811115611e47575f5ffd5b611e5387828801611c80565b909550935050602085013567ffffffffffffffff811115611e72575f5ffd5b611e7e87828801611c80565b95989497509550505050565b5f5f60208385031215611e9b575f5ffd5b823567ffffffffffffffff811115611eb1575f5ffd5b611ebd85828601611c80565b90969095509350505050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52602160045260245ffd5b60028110611f2b577f4e487b71000000000000000000000000000000000000000000000000000000005f52602160045260245ffd5b9052565b73ffffffffffffffffffffffffffffffffffffffff8616815261ffff8516602082015283604082015260a060608201525f83518060a0840152806020860160c085015e5f60c0828501015260c07fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f830116840101915050611fb56080830184611ef6565b9695505050505050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b8181038181111561068b5761068b611fbf565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603260045260245ffd5b8082018082111561068b5761068b611fbf565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52604160045260245ffd5b81835281816020850137505f602082840101525f60207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f840116840101905092915050565b606081525f6120c660608301868861206c565b73ffffffffffffffffffffffffffffffffffffffff949094166020830152506040015292915050565b67ffffffffffffffff818116838216019081111561068b5761068b611fbf565b602081525f61212260208301848661206c565b949350505050565b838582375f8482017f3a000000000000000000000000000000000000000000000000000000000000008152838560018301375f93016001019283525090949350505050565b600181811c9082168061218357607f821691505b6020821081036121ba577f4e487b71000000000000000000000000000000000000000000000000000000005f52602260045260245ffd5b50919050565b601f82111561220757805f5260205f20601f840160051c810160208510156121e55750805b601f840160051c820191505b81811015612204575f81556001016121f1565b50505b505050565b815167ffffffffffffffff8111156122265761222661203f565b61223a81612234845461216f565b846121c0565b6020601f82116001811461226c575f83156122555750848201515b5f19600385901b1c1916600184901b178455612204565b5f848152602081207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe08516915b828110156122b95787850151825560209485019460019092019101612299565b50848210156122d657868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b60a081525f6122f860a08301898b61206c565b828103602084015261230b81888a61206c565b91505084604083015261ffff8416606083015261232b6080830184611ef6565b98975050505050505050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603160045260245ffd5b818382375f9101908152919050565b5f826123a6577f4e487b71000000000000000000000000000000000000000000000000000000005f52601260045260245ffd5b500490565b5f5f1982036123bc576123bc611fbf565b5060010190565b604081525f6123d660408301858761206c565b905073ffffffffffffffffffffffffffffffffffffffff83166020830152949350505050565b604081525f61240f60408301858761206c565b905082602083015294935050505056fea164736f6c634300081e000a",
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

// MAXCOMMITAGE is a free data retrieval call binding the contract method 0xbcedc05f.
//
// Solidity: function MAX_COMMIT_AGE() view returns(uint64)
func (_ModelRegistry *ModelRegistryCaller) MAXCOMMITAGE(opts *bind.CallOpts) (uint64, error) {
	var out []interface{}
	err := _ModelRegistry.contract.Call(opts, &out, "MAX_COMMIT_AGE")

	if err != nil {
		return *new(uint64), err
	}

	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)

	return out0, err

}

// MAXCOMMITAGE is a free data retrieval call binding the contract method 0xbcedc05f.
//
// Solidity: function MAX_COMMIT_AGE() view returns(uint64)
func (_ModelRegistry *ModelRegistrySession) MAXCOMMITAGE() (uint64, error) {
	return _ModelRegistry.Contract.MAXCOMMITAGE(&_ModelRegistry.CallOpts)
}

// MAXCOMMITAGE is a free data retrieval call binding the contract method 0xbcedc05f.
//
// Solidity: function MAX_COMMIT_AGE() view returns(uint64)
func (_ModelRegistry *ModelRegistryCallerSession) MAXCOMMITAGE() (uint64, error) {
	return _ModelRegistry.Contract.MAXCOMMITAGE(&_ModelRegistry.CallOpts)
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

// CommitmentOf is a free data retrieval call binding the contract method 0xa10bb806.
//
// Solidity: function commitmentOf(bytes32 commitment) view returns(uint64 blockNumber, uint64 time, bool revealable)
func (_ModelRegistry *ModelRegistryCaller) CommitmentOf(opts *bind.CallOpts, commitment [32]byte) (struct {
	BlockNumber uint64
	Time        uint64
	Revealable  bool
}, error) {
	var out []interface{}
	err := _ModelRegistry.contract.Call(opts, &out, "commitmentOf", commitment)

	outstruct := new(struct {
		BlockNumber uint64
		Time        uint64
		Revealable  bool
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.BlockNumber = *abi.ConvertType(out[0], new(uint64)).(*uint64)
	outstruct.Time = *abi.ConvertType(out[1], new(uint64)).(*uint64)
	outstruct.Revealable = *abi.ConvertType(out[2], new(bool)).(*bool)

	return *outstruct, err

}

// CommitmentOf is a free data retrieval call binding the contract method 0xa10bb806.
//
// Solidity: function commitmentOf(bytes32 commitment) view returns(uint64 blockNumber, uint64 time, bool revealable)
func (_ModelRegistry *ModelRegistrySession) CommitmentOf(commitment [32]byte) (struct {
	BlockNumber uint64
	Time        uint64
	Revealable  bool
}, error) {
	return _ModelRegistry.Contract.CommitmentOf(&_ModelRegistry.CallOpts, commitment)
}

// CommitmentOf is a free data retrieval call binding the contract method 0xa10bb806.
//
// Solidity: function commitmentOf(bytes32 commitment) view returns(uint64 blockNumber, uint64 time, bool revealable)
func (_ModelRegistry *ModelRegistryCallerSession) CommitmentOf(commitment [32]byte) (struct {
	BlockNumber uint64
	Time        uint64
	Revealable  bool
}, error) {
	return _ModelRegistry.Contract.CommitmentOf(&_ModelRegistry.CallOpts, commitment)
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

// NameCommitment is a free data retrieval call binding the contract method 0x618a41e6.
//
// Solidity: function nameCommitment(string name, address builder, bytes32 salt) pure returns(bytes32)
func (_ModelRegistry *ModelRegistryCaller) NameCommitment(opts *bind.CallOpts, name string, builder common.Address, salt [32]byte) ([32]byte, error) {
	var out []interface{}
	err := _ModelRegistry.contract.Call(opts, &out, "nameCommitment", name, builder, salt)

	if err != nil {
		return *new([32]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)

	return out0, err

}

// NameCommitment is a free data retrieval call binding the contract method 0x618a41e6.
//
// Solidity: function nameCommitment(string name, address builder, bytes32 salt) pure returns(bytes32)
func (_ModelRegistry *ModelRegistrySession) NameCommitment(name string, builder common.Address, salt [32]byte) ([32]byte, error) {
	return _ModelRegistry.Contract.NameCommitment(&_ModelRegistry.CallOpts, name, builder, salt)
}

// NameCommitment is a free data retrieval call binding the contract method 0x618a41e6.
//
// Solidity: function nameCommitment(string name, address builder, bytes32 salt) pure returns(bytes32)
func (_ModelRegistry *ModelRegistryCallerSession) NameCommitment(name string, builder common.Address, salt [32]byte) ([32]byte, error) {
	return _ModelRegistry.Contract.NameCommitment(&_ModelRegistry.CallOpts, name, builder, salt)
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

// CommitName is a paid mutator transaction binding the contract method 0xcf3489a8.
//
// Solidity: function commitName(bytes32 commitment) returns()
func (_ModelRegistry *ModelRegistryTransactor) CommitName(opts *bind.TransactOpts, commitment [32]byte) (*types.Transaction, error) {
	return _ModelRegistry.contract.Transact(opts, "commitName", commitment)
}

// CommitName is a paid mutator transaction binding the contract method 0xcf3489a8.
//
// Solidity: function commitName(bytes32 commitment) returns()
func (_ModelRegistry *ModelRegistrySession) CommitName(commitment [32]byte) (*types.Transaction, error) {
	return _ModelRegistry.Contract.CommitName(&_ModelRegistry.TransactOpts, commitment)
}

// CommitName is a paid mutator transaction binding the contract method 0xcf3489a8.
//
// Solidity: function commitName(bytes32 commitment) returns()
func (_ModelRegistry *ModelRegistryTransactorSession) CommitName(commitment [32]byte) (*types.Transaction, error) {
	return _ModelRegistry.Contract.CommitName(&_ModelRegistry.TransactOpts, commitment)
}

// Register is a paid mutator transaction binding the contract method 0xab4b7fdb.
//
// Solidity: function register(string name, string tag, bytes32 contentHash, uint16 builderFeeBps, uint8 kind, bytes32 salt) returns(bytes32 modelId)
func (_ModelRegistry *ModelRegistryTransactor) Register(opts *bind.TransactOpts, name string, tag string, contentHash [32]byte, builderFeeBps uint16, kind uint8, salt [32]byte) (*types.Transaction, error) {
	return _ModelRegistry.contract.Transact(opts, "register", name, tag, contentHash, builderFeeBps, kind, salt)
}

// Register is a paid mutator transaction binding the contract method 0xab4b7fdb.
//
// Solidity: function register(string name, string tag, bytes32 contentHash, uint16 builderFeeBps, uint8 kind, bytes32 salt) returns(bytes32 modelId)
func (_ModelRegistry *ModelRegistrySession) Register(name string, tag string, contentHash [32]byte, builderFeeBps uint16, kind uint8, salt [32]byte) (*types.Transaction, error) {
	return _ModelRegistry.Contract.Register(&_ModelRegistry.TransactOpts, name, tag, contentHash, builderFeeBps, kind, salt)
}

// Register is a paid mutator transaction binding the contract method 0xab4b7fdb.
//
// Solidity: function register(string name, string tag, bytes32 contentHash, uint16 builderFeeBps, uint8 kind, bytes32 salt) returns(bytes32 modelId)
func (_ModelRegistry *ModelRegistryTransactorSession) Register(name string, tag string, contentHash [32]byte, builderFeeBps uint16, kind uint8, salt [32]byte) (*types.Transaction, error) {
	return _ModelRegistry.Contract.Register(&_ModelRegistry.TransactOpts, name, tag, contentHash, builderFeeBps, kind, salt)
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

// ModelRegistryNameCommittedIterator is returned from FilterNameCommitted and is used to iterate over the raw logs and unpacked data for NameCommitted events raised by the ModelRegistry contract.
type ModelRegistryNameCommittedIterator struct {
	Event *ModelRegistryNameCommitted // Event containing the contract specifics and raw log

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
func (it *ModelRegistryNameCommittedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ModelRegistryNameCommitted)
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
		it.Event = new(ModelRegistryNameCommitted)
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
func (it *ModelRegistryNameCommittedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ModelRegistryNameCommittedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ModelRegistryNameCommitted represents a NameCommitted event raised by the ModelRegistry contract.
type ModelRegistryNameCommitted struct {
	Commitment [32]byte
	Committer  common.Address
	Raw        types.Log // Blockchain specific contextual infos
}

// FilterNameCommitted is a free log retrieval operation binding the contract event 0x80acdd37286c9103bdc42eb5dcc8b2902751f387e1eff6a0e1fba8ecf73c8d1f.
//
// Solidity: event NameCommitted(bytes32 indexed commitment, address indexed committer)
func (_ModelRegistry *ModelRegistryFilterer) FilterNameCommitted(opts *bind.FilterOpts, commitment [][32]byte, committer []common.Address) (*ModelRegistryNameCommittedIterator, error) {

	var commitmentRule []interface{}
	for _, commitmentItem := range commitment {
		commitmentRule = append(commitmentRule, commitmentItem)
	}
	var committerRule []interface{}
	for _, committerItem := range committer {
		committerRule = append(committerRule, committerItem)
	}

	logs, sub, err := _ModelRegistry.contract.FilterLogs(opts, "NameCommitted", commitmentRule, committerRule)
	if err != nil {
		return nil, err
	}
	return &ModelRegistryNameCommittedIterator{contract: _ModelRegistry.contract, event: "NameCommitted", logs: logs, sub: sub}, nil
}

// WatchNameCommitted is a free log subscription operation binding the contract event 0x80acdd37286c9103bdc42eb5dcc8b2902751f387e1eff6a0e1fba8ecf73c8d1f.
//
// Solidity: event NameCommitted(bytes32 indexed commitment, address indexed committer)
func (_ModelRegistry *ModelRegistryFilterer) WatchNameCommitted(opts *bind.WatchOpts, sink chan<- *ModelRegistryNameCommitted, commitment [][32]byte, committer []common.Address) (event.Subscription, error) {

	var commitmentRule []interface{}
	for _, commitmentItem := range commitment {
		commitmentRule = append(commitmentRule, commitmentItem)
	}
	var committerRule []interface{}
	for _, committerItem := range committer {
		committerRule = append(committerRule, committerItem)
	}

	logs, sub, err := _ModelRegistry.contract.WatchLogs(opts, "NameCommitted", commitmentRule, committerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ModelRegistryNameCommitted)
				if err := _ModelRegistry.contract.UnpackLog(event, "NameCommitted", log); err != nil {
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

// ParseNameCommitted is a log parse operation binding the contract event 0x80acdd37286c9103bdc42eb5dcc8b2902751f387e1eff6a0e1fba8ecf73c8d1f.
//
// Solidity: event NameCommitted(bytes32 indexed commitment, address indexed committer)
func (_ModelRegistry *ModelRegistryFilterer) ParseNameCommitted(log types.Log) (*ModelRegistryNameCommitted, error) {
	event := new(ModelRegistryNameCommitted)
	if err := _ModelRegistry.contract.UnpackLog(event, "NameCommitted", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}
