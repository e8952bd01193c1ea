package eip712_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/eip712"
)

// v1TypedData is sampleRFC as a protocol v1 wallet signed it: domain version "1", the RFC type without
// sessionKey and useDeposit.
func v1TypedData(r *eip712.RFC) apitypes.TypedData {
	types := apitypes.Types{"EIP712Domain": referenceTypes["EIP712Domain"], "RFC": referenceTypes["RFC"][:8]}
	return apitypes.TypedData{Types: types, PrimaryType: "RFC",
		Domain: apitypes.TypedDataDomain{Name: "LakeTravis", Version: "1", ChainId: chainID(testChainID),
			VerifyingContract: testMarketplace.Hex()},
		Message: map[string]any{"user": addr(r.User), "modelId": b32(r.ModelID),
			"maxPricePerSecond": u256(&r.MaxPricePerSecond), "maxSeconds": u(uint64(r.MaxSeconds)),
			"minTps": u(uint64(r.MinTPS)), "maxTtftMs": u(uint64(r.MaxTTFTMs)), "nonce": u(r.Nonce),
			"deadline": u(r.Deadline)}}
}

// TestV1SignatureRefusedByName: an RFC a v1 wallet signed (domain version "1") fails verification with
// an error naming the retired version, not a bare signer mismatch.
func TestV1SignatureRefusedByName(t *testing.T) {
	d := eip712.NewDomain(testChainID, testMarketplace)
	r := sampleRFC()
	r.SessionKey, r.UseDeposit = common.Address{}, false
	v1digest, _, err := apitypes.TypedDataAndHash(v1TypedData(r))
	require.NoError(t, err)
	sig, err := eip712.Sign(common.BytesToHash(v1digest), anvilKey(t))
	require.NoError(t, err)

	_, err = d.Verify(r, sig[:], r.User)
	require.ErrorIs(t, err, eip712.ErrRetiredVersion)
	require.ErrorIs(t, err, eip712.ErrBadSignature)
	require.Contains(t, err.Error(), `version "1"`)

	// A signature by someone else is a plain mismatch.
	other, _ := crypto.GenerateKey()
	sig2, err := d.Sign(r, other)
	require.NoError(t, err)
	_, err = d.Verify(r, sig2[:], r.User)
	require.ErrorIs(t, err, eip712.ErrWrongSigner)
	require.NotErrorIs(t, err, eip712.ErrRetiredVersion)
}

// TestV1WireFormRefusedByName: a v1 body (no sessionKey, no useDeposit) is refused as a v1 message.
func TestV1WireFormRefusedByName(t *testing.T) {
	_, golden := signedSampleRFC(t)
	v1 := strings.Replace(golden, `,"sessionKey":"`+sampleSessionKey+`","useDeposit":true`, "", 1)
	_, err := eip712.DecodeSignedRFC([]byte(v1))
	require.ErrorIs(t, err, eip712.ErrRetiredVersion)
	require.ErrorIs(t, err, eip712.ErrMalformed)
	require.Contains(t, err.Error(), `version "2"`)

	var tk eip712.SessionTicket
	b, _ := json.Marshal(sampleTicket())
	v1t := strings.Replace(string(b), `,"sessionKey":"`+sampleSessionKey+`","useDeposit":true`, "", 1)
	require.ErrorIs(t, json.Unmarshal([]byte(v1t), &tk), eip712.ErrRetiredVersion)
}

// TestSessionSigner: a zero sessionKey means the user's own key signs (PROTOCOL §6).
func TestSessionSigner(t *testing.T) {
	r, tk := sampleRFC(), sampleTicket()
	require.Equal(t, common.HexToAddress(sampleSessionKey), r.Signer())
	require.Equal(t, common.HexToAddress(sampleSessionKey), tk.Signer())
	r.SessionKey, tk.SessionKey = common.Address{}, common.Address{}
	require.Equal(t, r.User, r.Signer())
	require.Equal(t, tk.User, tk.Signer())
}

// TestUseDepositFalseRoundTrip: false travels as the JSON literal and back.
func TestUseDepositFalseRoundTrip(t *testing.T) {
	r := sampleRFC()
	r.UseDeposit = false
	b, err := json.Marshal(r)
	require.NoError(t, err)
	require.Contains(t, string(b), `"useDeposit":false}`)
	var back eip712.RFC
	require.NoError(t, json.Unmarshal(b, &back))
	require.Equal(t, *r, back)
}
