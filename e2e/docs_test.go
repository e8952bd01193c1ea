package e2e

import (
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
	"github.com/laketravis/laketravis/internal/readmecmd"
)

// TestDocsNameWhatExists keeps the documentation true to the code: every `make …` a Markdown file shows
// (in a code block or inline) names Makefile targets that `make help` lists and that `make -n` accepts with
// the variables shown, every target has a `## ` description so that `make help` lists it, every `go run`,
// `go test` or `go build` names packages that exist, every Go or forge test a Markdown file names exists,
// what the command lines write in the repository root (`go build -o`, `--database`, `--data-dir`) is a file
// git ignores, and no Markdown file names a path of the machine it was written on. The command lines of lt, provider,
// router, keeper and scripts/devnet are checked against each program's own flags and config loader by
// its TestReadmeCommandLines (internal/readmecmd).
func TestDocsNameWhatExists(t *testing.T) {
	ctx := testContext(t, 5*time.Minute)
	root, err := devnet.RepoRoot()
	require.NoError(t, err)
	docs := readmecmd.Docs(t)

	t.Run("make targets", func(t *testing.T) {
		raw, err := os.ReadFile(filepath.Join(root, "Makefile"))
		require.NoError(t, err)
		help, err := exec.CommandContext(ctx, "make", "-s", "-C", root, "help").Output()
		require.NoError(t, err, "make help")
		targets := map[string]bool{}
		for _, m := range regexp.MustCompile(`(?m)^([a-z][a-z-]*):([^=\n].*)?$`).FindAllStringSubmatch(string(raw), -1) {
			targets[m[1]] = true
			require.Contains(t, m[2], "## ", "Makefile target %s has no `## ` description: `make help` does not list it", m[1])
		}
		listed := regexp.MustCompile(`(?m)^\s*(?:\x1b\[[0-9;]*m)?([a-z][a-z-]*)\b`)
		inHelp := map[string]bool{}
		for _, m := range listed.FindAllStringSubmatch(string(help), -1) {
			inHelp[m[1]] = true
		}
		require.Equal(t, targets, inHelp, "`make help` lists every target of the Makefile and nothing else")
		tried := map[string]bool{}
		for _, c := range readmecmd.Of(t, "make") {
			args := strings.Join(c.Argv, " ")
			if tried[args] {
				continue
			}
			tried[args] = true
			for _, a := range c.Argv {
				if !strings.Contains(a, "=") && !strings.HasPrefix(a, "-") {
					require.True(t, inHelp[a], "%s: `make help` does not list %s", c, a)
				}
			}
			// -n: the recipes are printed, not run (no setup, demo or bench here).
			out, err := exec.CommandContext(ctx, "make", append([]string{"-n", "-C", root}, c.Argv...)...).CombinedOutput()
			require.NoError(t, err, "%s: make -n: %s", c, out)
		}
		require.Greater(t, len(tried), 10, "make command lines found")
	})

	t.Run("go packages", func(t *testing.T) {
		n := 0
		for _, c := range readmecmd.Of(t, "go") {
			if len(c.Argv) == 0 || !map[string]bool{"run": true, "test": true, "build": true}[c.Argv[0]] {
				continue
			}
			pkgs := c.Argv[1:]
			if c.Argv[0] == "run" { // the package; the program's own arguments follow
				pkgs = pkgs[:1]
			}
			for _, a := range pkgs {
				if !strings.HasPrefix(a, "./") || strings.Contains(a, "<") {
					continue
				}
				dir := filepath.Join(root, strings.TrimSuffix(a, "/..."))
				files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
				require.True(t, len(files) > 0 || strings.HasSuffix(a, "/..."), "%s: no Go package %s", c, a)
				require.DirExists(t, dir, "%s: no folder %s", c, a)
				n++
			}
		}
		require.Greater(t, n, 10, "packages named by go commands")
	})

	// The command lines are run from the repository root: what they write there is a file `go build -o`
	// can create (`go build -o provider` wrote into the provider/ folder, and `./provider` then failed "Is a
	// directory"), and git ignores it, so following a README leaves `git status` clean.
	t.Run("outputs in the root", func(t *testing.T) {
		written := map[string]string{"pw": "echo … > pw (provider/README.md)"} // a redirection: not in Words
		for _, c := range readmecmd.All(t) {
			for i := 0; i+1 < len(c.Words); i++ {
				out, w := c.Words[i+1], c.Words[i]
				if strings.ContainsAny(out, "$<…~") || filepath.IsAbs(out) || strings.Contains(out, "://") {
					continue
				}
				switch {
				case w == "-o" && len(c.Words) > 2 && c.Words[0] == "go" && c.Words[1] == "build":
					if !strings.HasSuffix(out, "/") { // "-o dir/" writes into dir, by design
						require.NoDirExists(t, filepath.Join(root, out), "%s: go build -o %s names a folder", c, out)
					}
					written[filepath.Clean(out)] = c.String()
				case w == "--database" || w == "--data-dir":
					written[filepath.Clean(out)] = c.String()
					if w == "--database" {
						written[filepath.Clean(out)+"-wal"] = c.String() // SQLite's companions
						written[filepath.Clean(out)+"-shm"] = c.String()
					}
				}
			}
		}
		require.Contains(t, written, "router.db", "the devnet's router database found")
		require.Contains(t, written, "keeper-data", "the devnet's keeper folder found")
		for path, by := range written {
			err := exec.CommandContext(ctx, "git", "-C", root, "check-ignore", "-q", "--no-index", path).Run()
			require.NoError(t, err, "%s is not ignored by git (.gitignore), written by %s", path, by)
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
