package web

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"sort"
	"strings"
)

// chatFS holds static/chat/ with every file: the vendored modules include names beginning with "_"
// (_shortw_utils.js, _md.js, _u64.js), which a plain directory embed leaves out.
//
//go:embed all:static/chat
var chatFS embed.FS

// ChatConfig is what the chat page (static/chat/) needs: the EIP-712 domain of the deployment the wallet
// signs RFCs for (PROTOCOL §6) and, when it is served from another origin than the router, the router's
// base URL.
type ChatConfig struct {
	ChainID     uint64 // the deployment's chain id; the page asks the wallet to switch when it differs
	Marketplace string // the Marketplace address (0x-hex), the domain's verifyingContract
	ComputePool string // the ComputePool address: the page reads the user's deposit (depositOf) through the wallet
	APIBase     string // the router's base URL; empty: the page's own origin
}

// NewChatHandler serves the chat page for wallet users under /chat/ (/chat redirects there, so the page's
// relative references resolve): index.html, its script, style and the pure modules it imports (session.mjs,
// the vendored @noble signing code, the transparency page's lt.mjs for MOR formatting), and
// /chat/config.json. Like the transparency page, everything is embedded and nothing comes from another
// origin; stamped references (chat.js?v=…) are cached for a year, the rest revalidates. Other paths under
// /chat/ get a PROTOCOL §9 404.
func NewChatHandler(c ChatConfig) http.Handler {
	h := &handler{assets: map[string]*asset{}}
	// Every file under static/chat/ (the vendored modules first: they reference nothing of ours), then the
	// page's own in dependency order, each stamped with the hashes of those before it.
	var names []string
	_ = fs.WalkDir(chatFS, "static/chat/vendor", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && path.Ext(p) == ".js" {
			names = append(names, strings.TrimPrefix(p, "static/chat/"))
		}
		return err
	})
	sort.Strings(names)
	names = append(names, "../lt.mjs", "session.mjs", "chat.css", "chat.js", "index.html")
	versions := map[string]string{}
	for _, name := range names {
		fsys := fs.FS(chatFS)
		if strings.HasPrefix(name, "../") {
			fsys = staticFS
		}
		b, err := fs.ReadFile(fsys, path.Clean("static/chat/"+name))
		if err != nil {
			panic(fmt.Sprintf("web: embedded chat asset %s: %v", name, err))
		}
		b = stamp(b, versions)
		a := newAsset(b, contentTypes[path.Ext(name)])
		served := strings.TrimPrefix(name, "../") // lt.mjs is served beside the page
		versions[served] = a.version
		h.assets["/chat/"+served] = a
	}
	h.assets["/chat/"] = h.assets["/chat/index.html"]
	cfg, _ := json.Marshal(struct {
		ChainID     uint64 `json:"chainId"`
		Marketplace string `json:"marketplace"`
		ComputePool string `json:"computePool"`
		APIBase     string `json:"apiBase"`
	}{c.ChainID, c.Marketplace, c.ComputePool, strings.TrimRight(c.APIBase, "/")})
	h.assets["/chat/config.json"] = newAsset(cfg, contentTypes[".json"])
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/chat" {
			http.Redirect(w, r, "/chat/", http.StatusMovedPermanently)
			return
		}
		h.ServeHTTP(w, r)
	})
}
