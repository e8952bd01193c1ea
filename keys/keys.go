// Package keys loads and stores the signing keys of every Lake Travis role (provider owner and signer,
// router, keeper, user). Keys live in go-ethereum encrypted keystore files (Web3 Secret Storage, scrypt)
// or behind an external signer (clef, which also fronts hardware wallets); a raw hex private key is
// accepted only on a devnet (PROTOCOL §1).
package keys

import (
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/google/uuid"

	"github.com/laketravis/laketravis/internal/atomicfile"
)

var (
	// ErrNoKey means no key source was configured.
	ErrNoKey = errors.New("keys: no key configured: pass --keystore <file> with --password-file <file>, or " +
		"--external-signer <clef URL>; on a devnet a raw hex key will do (--raw-key; provider serve's signer: --signer-raw-key)")
	// ErrRawKeyNotDevnet means a raw private key was given for a chain that is not a devnet.
	ErrRawKeyNotDevnet = errors.New("keys: a raw private key is accepted only on a devnet (chain 31337 or 1337); use an encrypted keystore")
	// ErrExternalKey means the key is held by an external signer: only LoadSigner can use it.
	ErrExternalKey = errors.New("keys: the key is held by an external signer, which signs but never hands it out")
	// ErrBadPassword means the keystore could not be decrypted with the password given.
	ErrBadPassword = errors.New("keys: could not decrypt keystore: wrong password")
)

// DevnetChainIDs are the chains on which raw keys are allowed: anvil's and geth --dev's defaults.
var DevnetChainIDs = map[uint64]bool{31337: true, 1337: true}

// Source says where a key comes from. External takes precedence over Keystore, Keystore over RawKey.
// Load reads keys only; LoadSigner also dials External.
type Source struct {
	External     string // URL of an external signer (clef: http://127.0.0.1:8550 or its IPC socket path)
	Account      string // the account at External; empty: the only one it lists
	Keystore     string // path to an encrypted keystore JSON file
	PasswordFile string // file whose first line is the keystore password
	Password     string // the password itself (for prompts and tests; prefer PasswordFile)
	RawKey       string // hex private key, with or without 0x: devnet only
}

// Load returns the private key described by src, for use on chain chainID.
func Load(src Source, chainID uint64) (*ecdsa.PrivateKey, error) {
	switch {
	case src.External != "":
		return nil, fmt.Errorf("%w (%s)", ErrExternalKey, src.External)
	case src.Keystore != "":
		raw, err := os.ReadFile(src.Keystore)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("keys: no keystore at %s (%w): `lt keys create` or `lt keys import` makes one, "+
				"for any role (keys/README.md)", src.Keystore, fs.ErrNotExist)
		}
		if err != nil {
			return nil, fmt.Errorf("keys: read keystore: %w", err)
		}
		pw, err := src.password()
		if err != nil {
			return nil, err
		}
		key, err := keystore.DecryptKey(raw, pw)
		if err != nil {
			if errors.Is(err, keystore.ErrDecrypt) && src.PasswordFile == "" && pw == "" {
				return nil, fmt.Errorf("%w (%s): no password was given: pass --password-file <file> holding it",
					ErrBadPassword, src.Keystore)
			}
			if errors.Is(err, keystore.ErrDecrypt) {
				return nil, fmt.Errorf("%w (%s)", ErrBadPassword, src.Keystore)
			}
			return nil, fmt.Errorf("keys: %s: %w", src.Keystore, err)
		}
		return key.PrivateKey, nil
	case src.RawKey != "":
		if !DevnetChainIDs[chainID] {
			return nil, fmt.Errorf("%w (chain %d)", ErrRawKeyNotDevnet, chainID)
		}
		key, err := crypto.HexToECDSA(strings.TrimPrefix(strings.TrimSpace(src.RawKey), "0x"))
		if err != nil {
			return nil, fmt.Errorf("keys: raw key: %w", err)
		}
		return key, nil
	default:
		return nil, ErrNoKey
	}
}

func (s Source) password() (string, error) {
	if s.PasswordFile == "" {
		return s.Password, nil
	}
	return ReadPassword(s.PasswordFile)
}

// ReadPassword returns the password held in the first line of the file at path (without its line end).
func ReadPassword(path string) (string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("keys: read password file: %w", err)
	}
	line, _, _ := strings.Cut(string(raw), "\n")
	return strings.TrimRight(line, "\r"), nil
}

// Strength selects the scrypt cost of new keystores.
type Strength int

const (
	// Standard is go-ethereum's default scrypt cost (N=2^18): for real keys.
	Standard Strength = iota
	// Light is the cheap scrypt cost (N=2^12): for devnets and tests only.
	Light
)

// Store encrypts key with password (not empty) into a new keystore file in dir (created 0700) and returns
// its path. The file is written whole or not at all (a temporary file, synced, linked into place: a crash
// never leaves an empty keystore for an address already shown), and never replaces one. The file name
// follows go-ethereum's UTC--<time>--<address> convention so geth and cast can read it.
func Store(dir string, key *ecdsa.PrivateKey, password string, strength Strength) (string, error) {
	if password == "" {
		return "", errors.New("keys: refusing an empty keystore password")
	}
	n, p := keystore.StandardScryptN, keystore.StandardScryptP
	if strength == Light {
		n, p = keystore.LightScryptN, keystore.LightScryptP
	}
	id, err := uuid.NewRandom()
	if err != nil {
		return "", fmt.Errorf("keys: %w", err)
	}
	k := &keystore.Key{Id: id, Address: crypto.PubkeyToAddress(key.PublicKey), PrivateKey: key}
	blob, err := keystore.EncryptKey(k, password, n, p)
	if err != nil {
		return "", fmt.Errorf("keys: encrypt: %w", err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("keys: %w", err)
	}
	name := fmt.Sprintf("UTC--%s--%s", utcStamp(), strings.ToLower(k.Address.Hex()[2:]))
	path := filepath.Join(dir, name)
	if err := atomicfile.Create(path, blob, 0o600); err != nil {
		return "", fmt.Errorf("keys: write %s: %w", path, err)
	}
	return path, nil
}

// Create generates a new key and stores it like Store.
func Create(dir, password string, strength Strength) (common.Address, string, error) {
	key, err := ecdsa.GenerateKey(crypto.S256(), rand.Reader)
	if err != nil {
		return common.Address{}, "", fmt.Errorf("keys: generate: %w", err)
	}
	path, err := Store(dir, key, password, strength)
	return crypto.PubkeyToAddress(key.PublicKey), path, err
}

// Entry is one keystore file found by List.
type Entry struct {
	Address common.Address `json:"address"`
	Path    string         `json:"path"`
}

// List returns the keystore files in dir (not decrypted), sorted by file name (creation time).
func List(dir string) ([]Entry, error) {
	files, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("keys: %w", err)
	}
	var out []Entry
	for _, f := range files {
		if f.IsDir() || strings.HasPrefix(f.Name(), ".") {
			continue
		}
		path := filepath.Join(dir, f.Name())
		raw, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		var head struct {
			Address string `json:"address"`
		}
		if json.Unmarshal(raw, &head) != nil || !common.IsHexAddress(head.Address) {
			continue
		}
		out = append(out, Entry{Address: common.HexToAddress(head.Address), Path: path})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

// Find returns the keystore file in dir holding address.
func Find(dir string, address common.Address) (string, error) {
	entries, err := List(dir)
	if err != nil {
		return "", err
	}
	for _, e := range entries {
		if e.Address == address {
			return e.Path, nil
		}
	}
	return "", fmt.Errorf("keys: no keystore for %s in %s", address, dir)
}

func utcStamp() string {
	return strings.ReplaceAll(time.Now().UTC().Format("2006-01-02T15-04-05.000000000Z"), ":", "-")
}
