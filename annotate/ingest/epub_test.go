package ingest_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"

	"scholia/annotate"
	"scholia/annotate/corpus"
	"scholia/annotate/ingest"
)

func TestEPUBCorpus(t *testing.T) {
	cases := []struct {
		file, title string
		minOutline  int
	}{
		{"epubjs_alice.epub", "Alice's Adventures in Wonderland", 10},
		{"idpf_childrens-literature.epub", "", 1},
		{"idpf_georgia-cfi.epub", "", 1},
		{"w3c_annotation-model.epub", "", 3},
		{"w3c_selectors-states.epub", "", 3},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			doc := parseFile(t, corpus.Path(t, "epub", c.file))
			if c.title != "" && doc.Title != c.title {
				t.Errorf("title %q, want %q", doc.Title, c.title)
			}
			if doc.Blocks[0].Kind != annotate.BlockTitle || doc.Title == "" {
				t.Errorf("first block %s %q", doc.Blocks[0].Kind, doc.Title)
			}
			if n := len(doc.Outline()); n < c.minOutline {
				t.Errorf("outline has %d entries, want at least %d", n, c.minOutline)
			}
			t.Logf("%q: %d blocks, %d words, %d outline entries", doc.Title, len(doc.Blocks), doc.Words(), len(doc.Outline()))
		})
	}
}

// epubBytes builds an EPUB from entries.
func epubBytes(t testing.TB, entries map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"mimetype", "META-INF/container.xml", "OEBPS/content.opf"} {
		if body, ok := entries[name]; ok {
			w, _ := zw.Create(name)
			_, _ = w.Write([]byte(body))
		}
	}
	for name, body := range entries {
		if name == "mimetype" || name == "META-INF/container.xml" || name == "OEBPS/content.opf" {
			continue
		}
		w, _ := zw.Create(name)
		_, _ = w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const container = `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`

func opfWith(spine ...string) string {
	var items, refs strings.Builder
	for i, href := range spine {
		id := "c" + string(rune('a'+i))
		items.WriteString(`<item id="` + id + `" href="` + href + `" media-type="application/xhtml+xml"/>`)
		refs.WriteString(`<itemref idref="` + id + `"/>`)
	}
	return `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>A Test Book</dc:title><dc:creator>Someone</dc:creator><dc:language>en</dc:language></metadata><manifest>` +
		items.String() + `</manifest><spine>` + refs.String() + `</spine></package>`
}

const chapter = `<html xmlns="http://www.w3.org/1999/xhtml"><body><h1>Chapter One</h1><p>The first chapter begins here.</p></body></html>`

func TestEPUBBadInput(t *testing.T) {
	good := epubBytes(t, map[string]string{"mimetype": "application/epub+zip", "META-INF/container.xml": container,
		"OEBPS/content.opf": opfWith("one.xhtml", "https://example.org/remote.xhtml", "../../outside.xhtml"), "OEBPS/one.xhtml": chapter})
	doc, err := ingest.Parse("book.epub", good)
	if err != nil {
		t.Fatalf("a small book with a remote and a climbing item: %v", err)
	}
	if doc.Title != "A Test Book" || doc.Byline != "Someone" || !strings.Contains(doc.Text(), "The first chapter begins here.") {
		t.Errorf("book %q by %q: %q", doc.Title, doc.Byline, doc.Text())
	}
	bomb := epubBytes(t, map[string]string{"mimetype": "application/epub+zip", "META-INF/container.xml": container,
		"OEBPS/content.opf": opfWith("big.xhtml"), "OEBPS/big.xhtml": "<html><body><p>" + strings.Repeat("a", 40<<20) + "</p></body></html>"})
	drm := epubBytes(t, map[string]string{"mimetype": "application/epub+zip", "META-INF/container.xml": container,
		"OEBPS/content.opf": opfWith("one.xhtml"), "OEBPS/one.xhtml": chapter,
		"META-INF/encryption.xml": `<encryption><EncryptedData><CipherData><CipherReference URI="OEBPS/one.xhtml"/></CipherData></EncryptedData></encryption>`})
	cases := []struct {
		name string
		data []byte
		want error
		says string
	}{
		{"truncated", good[:len(good)/2], annotate.ErrUnsupportedFormat, "truncated"},
		{"zip bomb", bomb, annotate.ErrTooLarge, "zip bomb"},
		{"drm", drm, annotate.ErrUnsupportedFormat, "DRM"},
		{"no container", epubBytes(t, map[string]string{"mimetype": "application/epub+zip"}), annotate.ErrUnsupportedFormat, "container.xml"},
	}
	for _, c := range cases {
		_, err := ingest.Parse(c.name+".epub", c.data)
		if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.says) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: %v, want %v saying %q", c.name, err, c.want, c.says)
		}
	}
}

func FuzzEPUB(f *testing.F) {
	f.Add(epubBytes(f, map[string]string{"mimetype": "application/epub+zip", "META-INF/container.xml": container,
		"OEBPS/content.opf": opfWith("one.xhtml"), "OEBPS/one.xhtml": chapter}))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := ingest.Parse("fuzz.epub", data)
		if err == nil {
			checkOffsets(t, doc)
		}
	})
}
