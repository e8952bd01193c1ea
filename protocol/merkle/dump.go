package merkle

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// dumpFormat is the format tag of @openzeppelin/merkle-tree's StandardMerkleTree.dump().
const dumpFormat = "standard-v1"

// MarshalJSON returns the tree in the format of @openzeppelin/merkle-tree's tree.dump():
//
//	{"format": "standard-v1", "leafEncoding": ["address", "uint256"],
//	 "tree": ["0x<root>", ..., "0x<smallest leaf>"],
//	 "values": [{"value": ["0x<EIP-55 account>", "<decimal amount>"], "treeIndex": <int>}, ...]}
//
// with values in Build's input order. StandardMerkleTree.load() accepts it, and it is byte for byte
// what JSON.stringify(tree.dump()) prints for a tree built from the same values written the same way
// (EIP-55 addresses, decimal-string amounts).
func (t *Tree) MarshalJSON() ([]byte, error) {
	// Written by hand: a 100,000-leaf dump is ~25 MB and reflection would dominate.
	b := make([]byte, 0, 80+len(t.nodes)*69+len(t.entries)*120)
	b = append(b, `{"format":"`+dumpFormat+`","leafEncoding":["address","uint256"],"tree":[`...)
	for i := range t.nodes {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `"0x`...)
		b = hex.AppendEncode(b, t.nodes[i][:])
		b = append(b, '"')
	}
	b = append(b, `],"values":[`...)
	for i := range t.entries {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"value":["`...)
		b = append(b, t.entries[i].Account.Hex()...)
		b = append(b, `","`...)
		b = append(b, t.entries[i].Amount.Dec()...)
		b = append(b, `"],"treeIndex":`...)
		b = strconv.AppendInt(b, int64(t.treeIndex[i]), 10)
		b = append(b, '}')
	}
	return append(b, "]}"...), nil
}

// dumpJSON is the decoding shape of a dump.
type dumpJSON struct {
	Format       string        `json:"format"`
	LeafEncoding []string      `json:"leafEncoding"`
	Tree         []common.Hash `json:"tree"`
	Values       []struct {
		Value     []json.RawMessage `json:"value"`
		TreeIndex int               `json:"treeIndex"`
	} `json:"values"`
}

// Load parses a dump in the tree.dump() format (see MarshalJSON) and returns the tree. It rebuilds the
// tree from the dumped values and requires every node and every treeIndex to match, so a Tree from Load
// is as trustworthy as one from Build. Amounts may be decimal strings or JSON integers. Dumps this
// package cannot produce — duplicate accounts, or trees built with sortLeaves: false — are rejected.
// Errors wrap ErrInvalidDump.
func Load(data []byte) (*Tree, error) {
	var d dumpJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidDump, err)
	}
	if d.Format != dumpFormat {
		return nil, fmt.Errorf("%w: format %q, want %q", ErrInvalidDump, d.Format, dumpFormat)
	}
	if len(d.LeafEncoding) != 2 || d.LeafEncoding[0] != "address" || d.LeafEncoding[1] != "uint256" {
		return nil, fmt.Errorf("%w: leaf encoding %q, want [address uint256]", ErrInvalidDump, d.LeafEncoding)
	}
	entries := make([]Entry, len(d.Values))
	for i, v := range d.Values {
		if len(v.Value) != 2 {
			return nil, fmt.Errorf("%w: value %d has %d members, want 2", ErrInvalidDump, i, len(v.Value))
		}
		var account string
		if err := json.Unmarshal(v.Value[0], &account); err != nil || !common.IsHexAddress(account) {
			return nil, fmt.Errorf("%w: value %d: bad address %s", ErrInvalidDump, i, v.Value[0])
		}
		entries[i].Account = common.HexToAddress(account)
		if err := parseAmount(v.Value[1], &entries[i].Amount); err != nil {
			return nil, fmt.Errorf("%w: value %d: bad amount %s: %w", ErrInvalidDump, i, v.Value[1], err)
		}
	}
	t, err := Build(entries)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidDump, err)
	}
	if len(d.Tree) != len(t.nodes) {
		return nil, fmt.Errorf("%w: %d nodes, want %d", ErrInvalidDump, len(d.Tree), len(t.nodes))
	}
	for i := range t.nodes {
		if d.Tree[i] != t.nodes[i] {
			return nil, fmt.Errorf("%w: node %d is %s, want %s", ErrInvalidDump, i, d.Tree[i], t.nodes[i])
		}
	}
	for i, v := range d.Values {
		if v.TreeIndex != t.treeIndex[i] {
			return nil, fmt.Errorf("%w: value %d has treeIndex %d, want %d", ErrInvalidDump, i, v.TreeIndex, t.treeIndex[i])
		}
	}
	return t, nil
}

// parseAmount reads a uint256 written as a decimal string or a JSON integer.
func parseAmount(raw json.RawMessage, z *uint256.Int) error {
	s := string(raw)
	if len(raw) > 0 && raw[0] == '"' {
		if err := json.Unmarshal(raw, &s); err != nil {
			return err
		}
	}
	if s == "" || strings.TrimLeft(s, "0123456789") != "" {
		return errors.New("not a decimal integer")
	}
	return z.SetFromDecimal(s)
}
