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

// ProveKey answers r, a POST /v1/liveness, as a router holding key does (router/api): the request's url
// must be the stand-in's public URL (wire.BindLivenessRequest: 400 without one, 403 for another), which is
// the URL it was reached at, http://<r.Host> (stand-ins are dialled directly); the answer is a Liveness
// naming key's address, echoing the body's challenge bound to that url (wire.BoundChallenge), timestamped
// now, signed by key under d, and the same Liveness naming each of retired, signed by it (a router's
// retired ticket keys, wire.KeyProof). A body that is not a wire.LivenessRequest gets 400 bad_request.
// Stand-in routers answer a provider's discovery with it.
func ProveKey(w http.ResponseWriter, r *http.Request, d *eip712.Domain, key *ecdsa.PrivateKey, retired ...*ecdsa.PrivateKey) {
	var req wire.LivenessRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		wire.WriteError(w, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "liveness body: %v", err))
		return
	}
	challenge, err := wire.BindLivenessRequest(&req, []string{"http://" + r.Host})
	if err != nil {
		wire.WriteError(w, err)
		return
	}
	now := uint64(time.Now().Unix())
	var proofs []wire.KeyProof
	for _, k := range append([]*ecdsa.PrivateKey{key}, retired...) {
		p := wire.KeyProof{Liveness: eip712.Liveness{Provider: crypto.PubkeyToAddress(k.PublicKey), Challenge: challenge, Timestamp: now}}
		if p.Signature, err = d.Sign(&p.Liveness, k); err != nil {
			wire.WriteError(w, err)
			return
		}
		proofs = append(proofs, p)
	}
	wire.WriteJSON(w, http.StatusOK, wire.LivenessResponse{Liveness: proofs[0].Liveness, Signature: proofs[0].Signature, Retired: proofs[1:]})
}
