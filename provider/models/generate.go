package models

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// Generate writes stand-in weights for demos, tests and benchmarks into dir: two weight shards (sizes not
// multiples of the chunk size), a config and a tokenizer folder, about size bytes in all, pseudo-random
// from seed — the same seed and size give the same bytes, so the same CID.
func Generate(dir string, seed uint64, size int64) error {
	var key [32]byte
	binary.LittleEndian.PutUint64(key[:], seed)
	rng := rand.NewChaCha8(key)
	blob := func(n int64) []byte {
		b := make([]byte, max(n, 0))
		_, _ = rng.Read(b) // never fails
		return b
	}
	first := size * 2 / 3
	files := []struct {
		name string
		data []byte
	}{
		{"model-00001.safetensors", blob(first)},
		{"model-00002.safetensors", blob(size - first - 70_000)},
		{"tokenizer/vocab.txt", blob(70_000)},
		{"config.json", fmt.Appendf(nil, "{\"seed\": %d, \"bytes\": %d}\n", seed, size)},
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("models: generate: %w", err)
		}
		if err := os.WriteFile(p, f.data, 0o644); err != nil {
			return fmt.Errorf("models: generate: %w", err)
		}
	}
	return nil
}
