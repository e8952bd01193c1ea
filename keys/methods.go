package keys

import (
	"sync"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"

	"github.com/laketravis/laketravis/bindings/computepool"
	"github.com/laketravis/laketravis/bindings/emissions"
	"github.com/laketravis/laketravis/bindings/marketplace"
	"github.com/laketravis/laketravis/bindings/modelregistry"
	"github.com/laketravis/laketravis/bindings/mortoken"
)

// methodSignature returns "name(type,…)" of the Lake Travis contract method whose selector starts data,
// or "" if none has it. clef shows it to its user and, without it, refuses calls to methods missing from
// its 4byte database (ours are) unless started with --advanced.
func methodSignature(data []byte) string {
	if len(data) < 4 {
		return ""
	}
	return methodTable()[[4]byte(data[:4])]
}

var methodTable = sync.OnceValue(func() map[[4]byte]string {
	out := map[[4]byte]string{}
	for _, parsed := range contractABIs() {
		for _, m := range parsed.Methods {
			out[[4]byte(m.ID)] = m.Sig
		}
	}
	return out
})

// contractABIs are the ABIs of the Lake Travis contracts, from their bindings: their methods name the calls
// clef shows (methodSignature), their custom errors the reverts Mine and DecodeRevert decode.
var contractABIs = sync.OnceValue(func() []*abi.ABI {
	var out []*abi.ABI
	for _, md := range []*bind.MetaData{computepool.ComputePoolMetaData, emissions.EmissionsMetaData,
		marketplace.MarketplaceMetaData, modelregistry.ModelRegistryMetaData, mortoken.MORTokenMetaData} {
		parsed, err := md.GetAbi()
		if err != nil {
			panic("keys: binding ABI: " + err.Error()) // generated code: cannot happen
		}
		out = append(out, parsed)
	}
	return out
})
