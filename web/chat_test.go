package web

import (
	"encoding/json"
	"io/fs"
	"regexp"
	"strings"
	"testing"
)

// The chat page: /chat redirects to /chat/, the page and every module it imports (transitively) are served
// with the right type, the page's own references are content-stamped, the configuration carries the
// deployment's domain, nothing is loaded from another origin, and other paths get a §9 404.
func TestChatPage(t *testing.T) {
	h := NewChatHandler(ChatConfig{ChainID: 31337, Marketplace: "0x5FbDB2315678afecb367f032d93F642f64180aa3", ComputePool: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512", APIBase: "http://127.0.0.1:8080/"})
	if r := get(t, h, "GET", "/chat", nil); r.Code != 301 || r.Header().Get("Location") != "/chat/" {
		t.Fatalf("GET /chat = %d %q", r.Code, r.Header().Get("Location"))
	}
	rec := get(t, h, "GET", "/chat/", nil)
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "text/html; charset=utf-8" || rec.Header().Get("Content-Security-Policy") == "" {
		t.Fatalf("GET /chat/ = %d %v", rec.Code, rec.Header())
	}
	page := rec.Body.String()
	for _, want := range []string{`<main id="main"`, `role="banner"`, `role="status"`, `role="alert"`, `lang="en"`, `name="viewport"`, `chat.js?v=`, `chat.css?v=`} {
		if !strings.Contains(page, want) {
			t.Errorf("chat index.html lacks %s", want)
		}
	}
	importRE := regexp.MustCompile(`(?:src|href)="([^"#:]+)"|(?m)^(?:import|export)\s[^;]*?\bfrom\s*['"]([^'"]+)['"]`)
	type ref struct{ dir, name string }
	queue, seen := []ref{{"/chat/", "index.html"}}, map[string]bool{}
	for len(queue) > 0 {
		r := queue[0]
		queue = queue[1:]
		full := r.dir + strings.TrimPrefix(r.name, "./")
		for strings.Contains(full, "/../") {
			full = regexp.MustCompile(`[^/]+/\.\./`).ReplaceAllString(full, "")
		}
		if strings.Contains(full, "?v=") && !strings.Contains(full, "/vendor/") {
			// stamped: cached for ever
		} else if !strings.Contains(full, "/vendor/") && r.name != "index.html" && !strings.HasPrefix(r.name, "../") {
			t.Errorf("reference %s is not content-stamped", full)
		}
		path := full[:strings.Index(full+"?", "?")]
		if seen[path] {
			continue
		}
		seen[path] = true
		resp := get(t, h, "GET", full, nil)
		if resp.Code != 200 {
			t.Errorf("GET %s = %d", full, resp.Code)
			continue
		}
		for _, m := range importRE.FindAllStringSubmatch(resp.Body.String(), -1) {
			if n := m[1] + m[2]; n != "../" && !strings.HasPrefix(n, "data:") {
				queue = append(queue, ref{path[:strings.LastIndex(path, "/")+1], n})
			}
		}
	}
	for _, want := range []string{"/chat/chat.js", "/chat/session.mjs", "/chat/lt.mjs", "/chat/chat.css", "/chat/vendor/noble-curves/secp256k1.js", "/chat/vendor/noble-hashes/sha3.js", "/chat/vendor/noble-hashes/hmac.js"} {
		if !seen[want] {
			t.Errorf("%s is not reached from the page (seen %v)", want, seen)
		}
	}

	var c struct {
		ChainID     uint64 `json:"chainId"`
		Marketplace string `json:"marketplace"`
		ComputePool string `json:"computePool"`
		APIBase     string `json:"apiBase"`
	}
	cfg := get(t, h, "GET", "/chat/config.json", nil)
	if json.Unmarshal(cfg.Body.Bytes(), &c) != nil || c.ChainID != 31337 || c.Marketplace != "0x5FbDB2315678afecb367f032d93F642f64180aa3" || c.APIBase != "http://127.0.0.1:8080" ||
		c.ComputePool != "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512" {
		t.Errorf("config.json = %s", cfg.Body)
	}
	for _, p := range []string{"/chat/nope.js", "/chat/vendor/LICENSE-noble-curves", "/chat/../web.go"} {
		r := get(t, h, "GET", p, nil)
		var env struct{ Error struct{ Code string } }
		if r.Code != 404 || json.Unmarshal(r.Body.Bytes(), &env) != nil || env.Error.Code != "not_found" {
			t.Errorf("GET %s = %d %s, want a §9 not_found", p, r.Code, r.Body)
		}
	}

	ext := regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?(https?:)?//|@import|url\(\s*["']?(https?:)?//|@font-face|from\s*['"](https?:)?//`)
	_ = fs.WalkDir(chatFS, "static/chat", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := chatFS.ReadFile(p)
		if m := ext.Find(b); m != nil {
			t.Errorf("%s references an external resource: %s", p, m)
		}
		return nil
	})
}
