package e2e

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
)

// TestDocsNameWhatExists keeps the documentation true to the code: every command of lt, provider, router
// or keeper that a Markdown file shows in a code block uses only flags its --help lists (the real binary's,
// subcommand included), every `make <target>` a Markdown file names is a target of the Makefile, every
// target has a `## ` description so that `make help` lists it, every Go or forge test a Markdown file
// names exists, and no Markdown file names a path of the machine it was written on.
func TestDocsNameWhatExists(t *testing.T) {
	ctx := testContext(t, 5*time.Minute)
	root, bins := repoBinaries(ctx, t)
	docs := markdownFiles(t, root)
	require.NotEmpty(t, docs)

	t.Run("flags", func(t *testing.T) {
		helps := map[string]string{}
		help := func(words []string) string {
			key := strings.Join(words, " ")
			if h, ok := helps[key]; ok {
				return h
			}
			cmd := exec.CommandContext(ctx, filepath.Join(bins, words[0]), append(words[1:], "--help")...)
			cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
			out, err := cmd.CombinedOutput()
			require.NoError(t, err, "%s --help: %s", key, out)
			helps[key] = string(out)
			return helps[key]
		}
		checked := 0
		for _, doc := range docs {
			for _, c := range docCommands(t, filepath.Join(root, doc)) {
				h := help(c.words)
				for _, f := range c.flags {
					if !regexp.MustCompile(`(?m)` + regexp.QuoteMeta(f) + `[ =,\n]`).MatchString(h) {
						t.Errorf("%s:%d: `%s` has no flag %s (see `%s --help`)", doc, c.line, strings.Join(c.words, " "), f, strings.Join(c.words, " "))
					}
					checked++
				}
			}
		}
		require.Greater(t, checked, 50, "flags checked: the parser found the documented commands")
	})

	t.Run("make targets", func(t *testing.T) {
		raw, err := os.ReadFile(filepath.Join(root, "Makefile"))
		require.NoError(t, err)
		targets := map[string]bool{}
		for _, m := range regexp.MustCompile(`(?m)^([a-z][a-z-]*):([^=\n].*)?$`).FindAllStringSubmatch(string(raw), -1) {
			targets[m[1]] = true
			require.Contains(t, m[2], "## ", "Makefile target %s has no `## ` description: `make help` does not list it", m[1])
		}
		named := regexp.MustCompile("`make ([a-z][a-z-]*)")
		for _, doc := range docs {
			raw, err := os.ReadFile(filepath.Join(root, doc))
			require.NoError(t, err)
			for _, m := range named.FindAllStringSubmatch(string(raw), -1) {
				require.True(t, targets[m[1]], "%s names `make %s`: no such Makefile target", doc, m[1])
			}
			for i, line := range strings.Split(string(raw), "\n") {
				if m := regexp.MustCompile(`^\s*make ([a-z][a-z-]*)`).FindStringSubmatch(line); m != nil {
					require.True(t, targets[m[1]], "%s:%d runs `make %s`: no such Makefile target", doc, i+1, m[1])
				}
			}
		}
	})

	t.Run("tests named", func(t *testing.T) {
		defined := map[string]bool{}
		goFunc := regexp.MustCompile(`(?m)^func (?:\([^)]*\) )?((?:Test|Benchmark|Fuzz)[A-Z]\w*)\(`)
		solFunc := regexp.MustCompile(`function ((?:test|invariant)\w*)\(`)
		require.NoError(t, filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, path)
			if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules" || rel == filepath.Join("contracts", "lib")) {
				return filepath.SkipDir
			}
			re := map[string]*regexp.Regexp{".go": goFunc, ".sol": solFunc}[filepath.Ext(path)]
			if re == nil || d.IsDir() {
				return nil
			}
			raw, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, m := range re.FindAllStringSubmatch(string(raw), -1) {
				defined[m[1]] = true
			}
			return nil
		}))
		// Placeholders of the naming conventions (TestName, test_Name) and prefixes followed by "…" aside.
		named := regexp.MustCompile(`\b((?:Test|Benchmark|Fuzz)[A-Z]\w*|(?:test|invariant)_\w+)(…)?`)
		for _, doc := range docs {
			raw, err := os.ReadFile(filepath.Join(root, doc))
			require.NoError(t, err)
			for _, m := range named.FindAllStringSubmatch(string(raw), -1) {
				if m[2] != "" || m[1] == "TestName" || m[1] == "test_Name" {
					continue
				}
				if !defined[m[1]] {
					t.Errorf("%s names the test %s: no such function", doc, m[1])
				}
			}
		}
	})

	t.Run("no machine paths", func(t *testing.T) {
		machine := regexp.MustCompile(`(^|[\s(\x60"'=])/(work|home|tmp|root|Users)/`)
		for _, doc := range docs {
			raw, err := os.ReadFile(filepath.Join(root, doc))
			require.NoError(t, err)
			for i, line := range strings.Split(string(raw), "\n") {
				require.False(t, machine.MatchString(line), "%s:%d names a path of one machine: %s", doc, i+1, line)
			}
		}
	})
}

// repoBinaries builds (once per test process) the repository's binaries for t and returns the repository
// root and the folder holding them.
func repoBinaries(ctx context.Context, t *testing.T) (root, bins string) {
	root, err := devnet.RepoRoot()
	require.NoError(t, err)
	bins, err = buildBinaries(ctx, root)
	require.NoError(t, err)
	return root, bins
}

// markdownFiles are the repository's own Markdown files (git ls-files: no node_modules, no forge libs).
func markdownFiles(t *testing.T, root string) []string {
	out, err := exec.Command("git", "-C", root, "ls-files", "*.md").Output()
	require.NoError(t, err)
	var docs []string
	for _, f := range strings.Fields(string(out)) {
		if !strings.HasPrefix(f, "contracts/lib/") {
			docs = append(docs, f)
		}
	}
	return docs
}

// docCommand is one invocation of a repository binary in a Markdown code block: the binary and its
// subcommand words, and the flags given.
type docCommand struct {
	line  int
	words []string
	flags []string
}

// docCommands finds, in the fenced code blocks of a Markdown file, every command line (backslash
// continuations joined, comments dropped) that runs lt, provider, router or keeper — as `go run
// ./<dir>/cmd/<bin>`, `./<bin>` or `<bin>` — and returns the subcommand words (up to the first flag or
// argument that is a path or a quoted string) and the flags.
func docCommands(t *testing.T, path string) []docCommand {
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	bins := map[string]bool{"lt": true, "provider": true, "router": true, "keeper": true}
	var out []docCommand
	inBlock, n, start := false, 0, 0
	var cur strings.Builder
	flush := func() {
		line := cur.String()
		cur.Reset()
		if i := strings.Index(line, " #"); i >= 0 {
			line = line[:i]
		}
		words := strings.Fields(line)
		for i := 0; i < len(words); i++ {
			w := words[i]
			if w == "go" && i+2 < len(words) && words[i+1] == "run" {
				i += 2
				w = words[i]
			}
			bin := filepath.Base(w)
			if !bins[bin] || (w != bin && !strings.HasPrefix(w, "./")) || (w == bin && i > 0 && words[i-1] != "|" && words[i-1] != "&&") {
				continue
			}
			c := docCommand{line: start, words: []string{bin}}
			sub := true
			for _, a := range words[i+1:] {
				a = strings.TrimLeft(a, "[")
				switch {
				case strings.HasPrefix(a, "--"):
					name, _, _ := strings.Cut(strings.TrimRight(a, "]"), "=")
					c.flags = append(c.flags, name)
					sub = false
				case sub && regexp.MustCompile(`^[a-z][a-z0-9.:-]*$`).MatchString(a) && a != "…":
					c.words = append(c.words, a)
				default:
					sub = false
				}
			}
			out = append(out, c)
			break
		}
	}
	s := bufio.NewScanner(f)
	s.Buffer(make([]byte, 1<<20), 1<<20)
	for s.Scan() {
		n++
		text := s.Text()
		if strings.HasPrefix(strings.TrimSpace(text), "```") {
			inBlock = !inBlock
			continue
		}
		if !inBlock {
			continue
		}
		if cur.Len() == 0 {
			start = n
		}
		if strings.HasSuffix(text, "\\") {
			cur.WriteString(strings.TrimSuffix(text, "\\") + " ")
			continue
		}
		cur.WriteString(text)
		flush()
	}
	require.NoError(t, s.Err())
	return out
}
