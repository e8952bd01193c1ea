package readmecmd

import (
	"testing"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"
)

// TestSplit: continuations joined, comments and redirections dropped, quotes kept whole and unexpanded,
// separators split, exports and leading assignments kept as the environment, placeholders one word.
func TestSplit(t *testing.T) {
	text := `export A=1 B=2
echo 'a good password' > pw   # a comment
DSN="$(scripts/postgres.sh --fresh x)"
go run ./x/cmd/lt chat --router http://h:8080 \
  --database "$DSN" "Say hello"   # then use it
ollama serve & ollama pull m:8b; C=3 lt close --session <id> && ./provider model ls [--verify] …`
	var got [][]string
	for _, c := range Split(text) {
		got = append(got, c.Words)
	}
	require.Equal(t, [][]string{
		{"echo", "a good password"},
		{"go", "run", "./x/cmd/lt", "chat", "--router", "http://h:8080", "--database", "$DSN", "Say hello"},
		{"ollama", "serve"}, {"ollama", "pull", "m:8b"},
		{"lt", "close", "--session", "<id>"},
		{"./provider", "model", "ls", "[--verify]", "…"},
	}, got)
	cs := Split(text)
	require.Equal(t, 4, cs[1].Line)
	require.Equal(t, map[string]string{"A": "1", "B": "2"}, cs[1].Env, "DSN is a shell variable, not exported")
	require.Equal(t, "3", cs[4].Env["C"])

	args, ok := cs[1].Args("lt")
	require.True(t, ok)
	require.Equal(t, "chat", args[0])
	args, ok = cs[5].Args("provider")
	require.True(t, ok)
	require.Equal(t, []string{"model", "ls", "--verify"}, args)
	require.True(t, cs[5].Fragment())
	require.False(t, cs[1].Fragment())
	_, ok = cs[1].Args("chat")
	require.False(t, ok)
}

// TestCobra: a complete command line must parse with its values and name an existing subcommand; a
// fragment must name existing flags only.
func TestCobra(t *testing.T) {
	root := func() *cobra.Command {
		r := &cobra.Command{Use: "p"}
		r.PersistentFlags().String("rpc", "", "")
		group := &cobra.Command{Use: "bid"}
		set := &cobra.Command{Use: "set", Args: cobra.NoArgs, Run: func(*cobra.Command, []string) {}}
		set.Flags().String("price", "", "")
		group.AddCommand(set)
		r.AddCommand(group)
		return r
	}
	check := func(line string) error {
		c := Split(line)[0]
		args, _ := c.Args("p")
		_, err := Cobra(root(), Ran{Command: c, Program: "p", Argv: args})
		return err
	}
	require.NoError(t, check("p bid set --rpc x --price 1"))
	require.NoError(t, check("p bid set --price …"))
	require.Error(t, check("p bid set --cost 1"), "renamed flag")
	require.Error(t, check("p bid set --cost …"), "renamed flag in a fragment")
	require.Error(t, check("p bid post --price 1"), "renamed subcommand")
	require.Error(t, check("p bid set --price"), "flag without its value")
	require.Error(t, check("p bid set extra"), "an argument set refuses")
}
