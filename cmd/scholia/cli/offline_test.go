package cli_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"scholia/annotate/corpus"
	"scholia/cmd/scholia/cli"
)

type roundTrip func(*http.Request) (*http.Response, error)

func (f roundTrip) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// offline makes every HTTP request and every name lookup from this
// process fail the test.
func offline(t *testing.T) {
	transport, resolver := http.DefaultTransport, net.DefaultResolver
	http.DefaultTransport = roundTrip(func(r *http.Request) (*http.Response, error) {
		t.Errorf("a request for %s", r.URL)
		return nil, errors.New("offline")
	})
	net.DefaultResolver = &net.Resolver{PreferGo: true, Dial: func(_ context.Context, network, address string) (net.Conn, error) {
		t.Errorf("a name lookup through %s %s", network, address)
		return nil, errors.New("offline")
	}}
	t.Cleanup(func() { http.DefaultTransport, net.DefaultResolver = transport, resolver })
}

// remotePage is a page full of things a browser would fetch.
const remotePage = `<!DOCTYPE html><html><head><title>Envoys Meet</title>
<link rel="stylesheet" href="https://cdn.example.org/site.css">
<script src="https://cdn.example.org/track.js"></script>
<link rel="canonical" href="https://news.example.org/envoys"></head>
<body><article><h1>Envoys Meet</h1>
<p>The envoys met in Geneva <img src="https://img.example.org/geneva.jpg" srcset="https://img.example.org/g2.jpg 2x"> and agreed to meet again.</p>
<p>See <a href="https://news.example.org/earlier">the earlier talks</a>; <iframe src="https://video.example.org/embed"></iframe> a video followed.</p>
<p>Officials said the border question would wait for the next round, which is set for the spring.</p>
</article></body></html>`

const remoteNotes = `# Reading list

![map](https://img.example.org/map.png)

Notes on [the treaty](https://treaties.example.org/1991) and its verification regime.
`

const remoteAnnotation = `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "id": "https://hyp.example.org/a/1",
 "body": {"type": "TextualBody", "value": "See also https://example.org/more"},
 "target": {"source": "https://news.example.org/envoys", "selector": {"type": "TextQuoteSelector", "exact": "agreed to meet again"}}}`

// sources are our own files with remote references, and the shared
// corpus's web pages and EPUBs when it is there.
func sources(t *testing.T) []string {
	files := []string{fixture(t, "envoys.html", remotePage), fixture(t, "reading.md", remoteNotes), fixture(t, "brief.txt", brief)}
	dir, ok := corpus.Find(t)
	if !ok {
		t.Log("../shared/corpus is absent: only our own pages with remote references are imported")
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "readability", "*", "source.html"))
	books, _ := filepath.Glob(filepath.Join(dir, "epub", "*.epub"))
	return append(append(files, pages[:min(len(pages), 12)]...), books...)
}

// Importing, reading, searching and exporting never reach for the
// network, in this process (every request and lookup fails the test) and
// in the real command's processes (strace sees every connect).
func TestImportAndReadingNeverTouchTheNetwork(t *testing.T) {
	offline(t)
	lib := filepath.Join(t.TempDir(), "library.db")
	files := sources(t)
	var commands [][]string
	commands = append(commands, append([]string{"import"}, files...))
	commands = append(commands,
		[]string{"show", "--text", "Envoys Meet"}, []string{"show", "--outline", "Reading list"},
		[]string{"import-annotations", fixture(t, "anno.json", remoteAnnotation)},
		[]string{"search", "geneva"}, []string{"annotations"}, []string{"export", "--format", "jsonld"}, []string{"check"})
	for _, args := range commands {
		if _, errOut, code := scholia(t, lib, args...); code != 0 && args[0] != "import" {
			t.Errorf("%s: exit %d %q", args[0], code, errOut)
		}
	}

	log := filepath.Join(t.TempDir(), "strace.log")
	for _, args := range commands {
		cmd := exec.Command("strace", append([]string{"-f", "-qq", "-e", "trace=connect", "-o", log, os.Args[0], "--library", lib + "2"}, args...)...)
		cmd.Env = append(os.Environ(), cli.ChildEnv+"=1")
		if out, err := cmd.CombinedOutput(); err != nil && args[0] != "import" {
			t.Fatalf("strace scholia %s: %v\n%s", args[0], err, out)
		}
		trace, err := os.ReadFile(log)
		if err != nil {
			t.Fatal(err)
		}
		if inet := regexp.MustCompile(`(?m)^.*connect\(.*AF_INET.*$`).FindAllString(string(trace), -1); len(inet) > 0 {
			t.Errorf("scholia %s connected to the network:\n%s", args[0], strings.Join(inet, "\n"))
		}
	}
}
