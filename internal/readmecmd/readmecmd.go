// Package readmecmd finds the shell commands the repository's Markdown files show — the lines of their sh
// code blocks, and inline code in prose that names a command — so that each program's tests run them
// through that program's own flag and config loader: a flag renamed in the code and not in a README (or
// the other way round) fails a test, not a newcomer. Tests only; the one home of this extraction.
//
// A command of a code block is a command line to paste: its flags must parse with their values. Inline
// code and a line with an elision ("…") or a placeholder ("<url>") are references: the subcommand and
// every flag they name must exist (Fragment).
package readmecmd

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"
)

// Command is one command a Markdown file shows.
type Command struct {
	File   string            // path from the repository root
	Line   int               // line of the file the command starts on
	Inline bool              // inline code in prose, not a line of a code block
	Env    map[string]string // `export K=V` earlier in its block and its own leading K=V
	Words  []string          // the command's words, quotes removed, comments and redirections dropped
}

// Where is the command's file:line, a name for its subtest.
func (c Command) Where() string { return fmt.Sprintf("%s:%d", c.File, c.Line) }

func (c Command) String() string { return c.Where() + ": " + strings.Join(c.Words, " ") }

// Fragment reports whether c is a reference rather than a complete command line: inline code, or a line
// with an elision ("…", "0xOwner…") or a placeholder ("<url>").
func (c Command) Fragment() bool {
	if c.Inline {
		return true
	}
	for _, w := range c.Words {
		if strings.Contains(w, "…") || strings.HasPrefix(w, "<") {
			return true
		}
	}
	return false
}

// Args reports whether c runs program — as `go run ./<dir>/<program>`, `./<program>`, `<program>` or any
// path ending in /<program> — and returns the words after it, with lone elisions ("…") dropped and the
// brackets of optional parts ("[--verify]") removed.
func (c Command) Args(program string) ([]string, bool) {
	w := c.Words
	switch {
	case len(w) >= 3 && w[0] == "go" && w[1] == "run" && strings.HasPrefix(w[2], "./") && filepath.Base(w[2]) == program:
		w = w[3:]
	case len(w) >= 1 && (w[0] == program || (strings.Contains(w[0], "/") && filepath.Base(w[0]) == program)):
		w = w[1:]
	default:
		return nil, false
	}
	var args []string
	for _, a := range w {
		if a = strings.TrimRight(strings.TrimLeft(a, "["), "]"); a != "…" && a != "" {
			args = append(args, a)
		}
	}
	return args, true
}

// Root is the repository's root: the nearest folder above the working directory holding go.mod.
func Root(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		if filepath.Dir(dir) == dir {
			t.Fatal("readmecmd: no go.mod above the working directory")
		}
		dir = filepath.Dir(dir)
	}
}

// Docs are the repository's own Markdown files (git ls-files: no node_modules, no forge libraries), as
// paths from the root.
func Docs(t testing.TB) []string {
	t.Helper()
	out, err := exec.Command("git", "-C", Root(t), "ls-files", "*.md").Output()
	if err != nil {
		t.Fatalf("git ls-files: %v", err)
	}
	var docs []string
	for _, f := range strings.Fields(string(out)) {
		if !strings.HasPrefix(f, "contracts/lib/") {
			docs = append(docs, f)
		}
	}
	if len(docs) == 0 {
		t.Fatal("readmecmd: no Markdown files")
	}
	return docs
}

// Block is a fenced code block of a Markdown file.
type Block struct {
	File string
	Line int    // line of the first line inside the fence
	Lang string // the fence's info string: sh, yaml, … ("" for none)
	Text string
}

// Blocks are the fenced code blocks of the Markdown file doc (a path from the root).
func Blocks(t testing.TB, doc string) []Block {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(Root(t), doc))
	if err != nil {
		t.Fatal(err)
	}
	blocks, _ := split(doc, string(raw))
	return blocks
}

// split returns doc's fenced blocks and its prose with every block line blanked (line numbers kept).
func split(doc, text string) ([]Block, string) {
	var blocks []Block
	lines := strings.Split(text, "\n")
	var cur *Block
	var body []string
	for i, l := range lines {
		trimmed := strings.TrimSpace(l)
		if strings.HasPrefix(trimmed, "```") {
			if cur == nil {
				cur = &Block{File: doc, Line: i + 2, Lang: strings.TrimSpace(strings.TrimPrefix(trimmed, "```"))}
				body = nil
			} else {
				cur.Text = strings.Join(body, "\n")
				blocks = append(blocks, *cur)
				cur = nil
			}
			lines[i] = ""
			continue
		}
		if cur != nil {
			body = append(body, l)
			lines[i] = ""
		}
	}
	return blocks, strings.Join(lines, "\n")
}

// All is every command every Markdown file of the repository shows: the lines of its sh code blocks and its inline code that starts with a command word.
func All(t testing.TB) []Command {
	t.Helper()
	var out []Command
	for _, doc := range Docs(t) {
		raw, err := os.ReadFile(filepath.Join(Root(t), doc))
		if err != nil {
			t.Fatal(err)
		}
		blocks, prose := split(doc, string(raw))
		for _, b := range blocks {
			switch b.Lang {
			case "sh", "bash", "shell":
				for _, c := range Split(b.Text) {
					c.File, c.Line = doc, b.Line+c.Line-1
					out = append(out, c)
				}
			}
		}
		out = append(out, inline(doc, prose)...)
	}
	return out
}

// Of is every command of All that runs program, with its arguments (Command.Args); it fails t when there
// is none (the extraction broke, or the program's name changed).
func Of(t testing.TB, program string) []Ran {
	t.Helper()
	var out []Ran
	for _, c := range All(t) {
		if args, ok := c.Args(program); ok {
			out = append(out, Ran{Command: c, Program: program, Argv: args})
		}
	}
	if len(out) == 0 {
		t.Fatalf("readmecmd: no Markdown file shows a %s command", program)
	}
	return out
}

// Ran is a command of a program with its arguments.
type Ran struct {
	Command
	Program string
	Argv    []string
}

var (
	codeSpan    = regexp.MustCompile("`([^`]+)`")
	commandWord = regexp.MustCompile(`^(-{1,2}[a-z]|[a-z][a-z0-9-]*$|\./)`)
)

// inline returns the inline code of prose that reads as a command: at least two words, the second a
// flag, a plain word (a subcommand) or a path — not "`provider signature: …`", a quoted message.
func inline(doc, prose string) []Command {
	var out []Command
	for _, m := range codeSpan.FindAllStringSubmatchIndex(prose, -1) {
		span := strings.Join(strings.Fields(prose[m[2]:m[3]]), " ")
		words := Split(span)
		if len(words) != 1 || len(words[0].Words) < 2 || !commandWord.MatchString(words[0].Words[1]) {
			continue
		}
		c := words[0]
		c.File, c.Line, c.Inline = doc, 1+strings.Count(prose[:m[0]], "\n"), true
		out = append(out, c)
	}
	return out
}

// Split returns the commands of shell text: backslash continuations joined, comments dropped, '…' and
// "…" quoted words kept whole (no expansion: "$DSN" stays as written), `;`, `&&`, `||`, `|` and `&`
// separating commands, redirections (`> file`) dropped, `export K=V` and leading K=V words kept as Env.
// Line is counted from 1 at the text's first line.
func Split(text string) []Command {
	var out []Command
	env := map[string]string{}
	lines := strings.Split(text, "\n")
	for i := 0; i < len(lines); i++ {
		start := i
		line := lines[i]
		for strings.HasSuffix(line, `\`) && i+1 < len(lines) {
			i++
			line = strings.TrimSuffix(line, `\`) + " " + lines[i]
		}
		for _, words := range tokenize(line) {
			if len(words) > 0 && words[0] == "export" {
				for _, kv := range words[1:] {
					if k, v, ok := strings.Cut(kv, "="); ok {
						env[k] = v
					}
				}
				continue
			}
			own := map[string]string{}
			for k, v := range env {
				own[k] = v
			}
			for len(words) > 0 && assignment.MatchString(words[0]) {
				k, v, _ := strings.Cut(words[0], "=")
				own[k] = v
				words = words[1:]
			}
			if len(words) == 0 {
				continue
			}
			out = append(out, Command{Line: start + 1, Env: own, Words: words})
		}
	}
	return out
}

var assignment = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*=`)

// tokenize splits one shell line into commands of words.
func tokenize(line string) [][]string {
	var cmds [][]string
	var words []string
	var w strings.Builder
	inWord, redirect := false, false
	end := func() {
		if inWord {
			if redirect {
				redirect = false
			} else {
				words = append(words, w.String())
			}
		}
		w.Reset()
		inWord = false
	}
	endCmd := func() {
		end()
		if len(words) > 0 {
			cmds = append(cmds, words)
		}
		words = nil
	}
	for i := 0; i < len(line); i++ {
		ch := line[i]
		switch {
		case ch == ' ' || ch == '\t':
			end()
		case ch == '#' && !inWord:
			endCmd()
			return cmds
		case ch == '\'' || ch == '"':
			j := strings.IndexByte(line[i+1:], ch)
			if j < 0 {
				j = len(line) - i - 1
			}
			w.WriteString(line[i+1 : i+1+j])
			inWord = true
			i += j + 1
		case ch == '<' && i+1 < len(line) && line[i+1] != ' ':
			// A placeholder (<url>, <keeper URL>, https://<host>) is part of a word.
			j := strings.IndexByte(line[i:], '>')
			if j < 0 {
				j = len(line) - i - 1
			}
			w.WriteString(line[i : i+j+1])
			inWord = true
			i += j
		case ch == '>' || ch == '<':
			end()
			redirect = true
		case ch == ';' || ch == '|' || ch == '&':
			endCmd()
			if i+1 < len(line) && (line[i+1] == '&' || line[i+1] == '|') {
				i++
			}
		default:
			w.WriteByte(ch)
			inWord = true
		}
	}
	endCmd()
	return cmds
}

// Cobra checks args against the command tree of root as the program would read them, without running
// anything: the subcommand they name must exist and, for a complete command line, its flags parse with
// their values, its positional arguments pass its Args check and its required flags are set; for a
// Fragment, every flag it names must exist. It returns the subcommand, its flags parsed (complete lines).
func Cobra(root *cobra.Command, c Ran) (*cobra.Command, error) {
	cmd, rest, err := root.Find(c.Argv)
	if err != nil {
		return nil, err
	}
	cmd.InitDefaultHelpFlag()
	if cmd.HasSubCommands() && !cmd.Runnable() && len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
		return nil, fmt.Errorf("unknown command %q for %q", rest[0], cmd.CommandPath())
	}
	if c.Fragment() {
		cmd.InheritedFlags() // merges the parents' persistent flags into cmd.Flags()
		for _, a := range rest {
			if name, ok := strings.CutPrefix(a, "--"); ok {
				name, _, _ = strings.Cut(name, "=")
				if cmd.Flags().Lookup(name) == nil {
					return nil, fmt.Errorf("unknown flag: --%s", name)
				}
			}
		}
		return cmd, nil
	}
	if err := cmd.ParseFlags(rest); err != nil {
		return nil, err
	}
	if err := cmd.ValidateArgs(cmd.Flags().Args()); err != nil {
		return nil, err
	}
	if err := cmd.ValidateRequiredFlags(); err != nil {
		return nil, err
	}
	return cmd, nil
}

// Check runs a subtest for each command of program that the Markdown files show (Of): it sets the
// command's environment, checks its words against the command tree newRoot returns (Cobra) and, for a
// complete command line, calls load with the subcommand they name, its flags parsed. load is the
// program's own config loading and checking, short of touching the network; its error fails the subtest.
func Check(t *testing.T, program string, newRoot func() *cobra.Command, load func(cmd *cobra.Command) error) {
	for _, c := range Of(t, program) {
		t.Run(c.Where(), func(t *testing.T) {
			c.Setenv(t)
			cmd, err := Cobra(newRoot(), c)
			if err != nil {
				t.Fatalf("%s: %v", c, err)
			}
			if c.Fragment() {
				return
			}
			if err := load(cmd); err != nil {
				t.Fatalf("%s: %v", c, err)
			}
		})
	}
}

// ConfigFile writes the one YAML config file the Markdown file doc shows to a temporary file of t and
// returns its path, failing t unless each of its top-level keys is a flag of cmd (its parents' persistent
// flags included) or one of extra: a config key is the flag's name.
func ConfigFile(t *testing.T, doc string, cmd *cobra.Command, extra ...string) string {
	t.Helper()
	var path string
	for _, b := range Blocks(t, doc) {
		if b.Lang != "yaml" {
			continue
		}
		if path != "" {
			t.Fatalf("%s shows more than one config file", doc)
		}
		v := viper.New()
		v.SetConfigType("yaml")
		if err := v.ReadConfig(strings.NewReader(b.Text)); err != nil {
			t.Fatalf("%s:%d: %v", doc, b.Line, err)
		}
		cmd.InheritedFlags() // merges the parents' persistent flags into cmd.Flags()
		for k := range v.AllSettings() {
			if cmd.Flags().Lookup(k) == nil && !slices.Contains(extra, k) {
				t.Errorf("%s:%d: the config file sets %s, not a setting of %s", doc, b.Line, k, cmd.CommandPath())
			}
		}
		path = filepath.Join(t.TempDir(), "config.yaml")
		if err := os.WriteFile(path, []byte(b.Text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if path == "" {
		t.Fatalf("%s shows no config file", doc)
	}
	return path
}

// Setenv sets c's environment for the rest of t.
func (c Command) Setenv(t *testing.T) {
	for k, v := range c.Env {
		t.Setenv(k, v)
	}
}
