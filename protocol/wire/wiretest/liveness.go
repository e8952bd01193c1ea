package wiretest

import (
	"crypto/ecdsa"
	"encoding/json"
	"net/http"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
)

// ProveKey answers r, a POST /v1/liveness, as a router holding key does (router/api): a Liveness naming
// key's address and echoing the body's challenge, timestamped now, signed by key under d; a body that is
// not a wire.LivenessRequest gets 400 bad_request. Stand-in routers answer a provider's discovery with it.
func ProveKey(w http.ResponseWriter, r *http.Request, d *eip712.Domain, key *ecdsa.PrivateKey) {
	var req wire.LivenessRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		wire.WriteError(w, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "liveness body: %v", err))
		return
	}
	l := eip712.Liveness{Provider: crypto.PubkeyToAddress(key.PublicKey), Challenge: req.Challenge, Timestamp: uint64(time.Now().Unix())}
	sig, err := d.Sign(&l, key)
	if err != nil {
		wire.WriteError(w, err)
		return
	}
	wire.WriteJSON(w, http.StatusOK, wire.LivenessResponse{Liveness: l, Signature: sig})
}
