package web_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/ids"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
)

// vectorsFile holds what the Go code signs and hashes for fixed inputs; web/test/chat.lib.test.mjs checks
// that the chat page's session.mjs computes byte for byte the same (the page must be accepted by the
// provider, router and keeper, which verify with this Go code).
const vectorsFile = "test/fixtures/chat_vectors.json"

// TestChatVectors writes the vectors with LT_UPDATE_CHAT_VECTORS=1 and otherwise fails when the committed
// file differs from what the Go code computes now.
func TestChatVectors(t *testing.T) {
	key, _ := crypto.HexToECDSA("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318")
	sessionKey, _ := crypto.HexToECDSA("8da4ef21b864d2cc526dbdb2a120bd2874c36c9d0a1fb7f8c63d7f7a8b41de8f")
	dom := eip712.NewDomain(31337, common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3"))
	rfc := eip712.RFC{User: crypto.PubkeyToAddress(key.PublicKey), ModelID: ids.ModelID("llama3:8b"), MaxPricePerSecond: *uint256.NewInt(2e15),
		MaxSeconds: 300, Nonce: 18446744073709551615, Deadline: 1_700_000_300, SessionKey: crypto.PubkeyToAddress(sessionKey.PublicKey)}
	rfcSig, err := dom.Sign(&rfc, key)
	if err != nil {
		t.Fatal(err)
	}
	rfcTyped, err := dom.TypedData(&rfc)
	if err != nil {
		t.Fatal(err)
	}
	sid := common.HexToHash("0x9a3f00000000000000000000000000000000000000000000000000000000beef")
	rc := eip712.UsageReceipt{SessionID: sid, Seconds: 17, InputTokens: 123, OutputTokens: 456, TTFTMs: 78}
	rcSig, err := dom.Sign(&rc, sessionKey)
	if err != nil {
		t.Fatal(err)
	}
	body := []byte(`{"model":"llama3:8b","messages":[{"role":"user","content":"héllo"}],"stream":true}`)
	text := wire.RequestText(31337, sid, 1_700_000_000_123_456, 1_700_000_000, "POST", "/v1/chat/completions", body)
	reqSig, err := eip712.Sign(wire.RequestDigest(text), sessionKey)
	if err != nil {
		t.Fatal(err)
	}
	ticket := eip712.SessionTicket{SessionID: sid, User: rfc.User, Provider: common.HexToAddress("0x90F79bf6EB2c4f870365E785982E1f101E93b906"),
		ModelID: rfc.ModelID, PricePerSecond: *uint256.NewInt(1e15), MaxSeconds: 300, NotAfter: 1_700_000_660, SessionKey: rfc.SessionKey}
	tsig, _ := dom.Sign(&ticket, key)
	hdr, err := wire.EncodeTicket(&eip712.SignedSessionTicket{Ticket: ticket, Signature: tsig})
	if err != nil {
		t.Fatal(err)
	}
	rfcHdr, err := wire.EncodeRFC(&eip712.SignedRFC{RFC: rfc, Signature: rfcSig})
	if err != nil {
		t.Fatal(err)
	}
	ticketJSON, _ := json.Marshal(ticket)
	providerSigner, _ := crypto.HexToECDSA("59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d")
	router := crypto.PubkeyToAddress(key.PublicKey) // the ticket's signer, which the acceptance names
	accSig, err := settle.SignAcceptance(dom, &ticket, router, providerSigner)
	if err != nil {
		t.Fatal(err)
	}

	v := map[string]any{
		"chainId": 31337, "marketplace": dom.VerifyingContract().Hex(),
		"userKey": "0x" + common.Bytes2Hex(crypto.FromECDSA(key)), "user": rfc.User.Hex(),
		"sessionKeyPriv": "0x" + common.Bytes2Hex(crypto.FromECDSA(sessionKey)), "sessionKey": rfc.SessionKey.Hex(),
		"domainSeparator": dom.Separator().Hex(),
		"rfc":             json.RawMessage(mustJSON(t, &rfc)), "rfcDigest": dom.Digest(&rfc).Hex(), "rfcSignature": rfcSig.String(),
		"rfcHeader":    rfcHdr,
		"rfcTypedData": json.RawMessage(rfcTyped),
		"receipt":      json.RawMessage(mustJSON(t, &rc)), "receiptDigest": dom.Digest(&rc).Hex(), "receiptSignature": rcSig.String(),
		"request": map[string]any{"sessionId": sid.Hex(), "seq": "1700000000123456", "unix": "1700000000", "method": "POST",
			"path": "/v1/chat/completions", "body": string(body), "text": text, "digest": wire.RequestDigest(text).Hex(), "signature": hexutil.Encode(reqSig[:])},
		"ticket": json.RawMessage(ticketJSON), "ticketSignature": tsig.String(), "ticketHeader": hdr,
		"ticketDigest": dom.Digest(&ticket).Hex(), "ticketRouter": router.Hex(), "acceptanceDigest": settle.AcceptanceDigest(dom, &ticket, router).Hex(),
		"acceptanceSignature": accSig.String(), "acceptanceSigner": crypto.PubkeyToAddress(providerSigner.PublicKey).Hex(),
	}
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if os.Getenv("LT_UPDATE_CHAT_VECTORS") == "1" {
		if err := os.WriteFile(filepath.FromSlash(vectorsFile), got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(filepath.FromSlash(vectorsFile))
	if err != nil || !bytes.Equal(want, got) {
		t.Fatalf("%s is not what the Go code computes (err %v): regenerate with LT_UPDATE_CHAT_VECTORS=1 go test ./web -run TestChatVectors", vectorsFile, err)
	}
}

func mustJSON(t *testing.T, m any) []byte {
	t.Helper()
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
