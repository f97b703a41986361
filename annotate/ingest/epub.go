package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"scholia/annotate"
)

// Limits that keep a hostile EPUB (a zip bomb, thousands of entries) from
// taking the machine down.
const (
	maxEPUBEntries    = 20000
	maxEPUBEntryBytes = 32 << 20
	maxEPUBTotalBytes = 128 << 20
)

// opf is the part of an EPUB package document Scholia reads.
type opf struct {
	Title    []string `xml:"metadata>title"`
	Creator  []string `xml:"metadata>creator"`
	Date     []string `xml:"metadata>date"`
	Language []string `xml:"metadata>language"`
	Items    []struct {
		ID         string `xml:"id,attr"`
		Href       string `xml:"href,attr"`
		MediaType  string `xml:"media-type,attr"`
		Properties string `xml:"properties,attr"`
	} `xml:"manifest>item"`
	Spine struct {
		Toc   string `xml:"toc,attr"`
		Items []struct {
			IDRef string `xml:"idref,attr"`
		} `xml:"itemref"`
	} `xml:"spine"`
}

// epub reads an EPUB archive without writing anything to disk; paths are
// only names to look up inside the archive, so one that climbs out ("../")
// simply names nothing.
type epub struct {
	files    map[string]*zip.File
	unpacked int64
}

// parseEPUB reads the container, the package's metadata and spine, and each
// spine document through the HTML block reader, in order. Chapters become
// headings, titled from the book's nav or NCX where a chapter has none of
// its own. Encrypted (DRM) books are refused; remote items are skipped.
func parseEPUB(data []byte) (*annotate.Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, annotate.Problemf(annotate.ErrUnsupportedFormat, "it is not a readable EPUB (%v); the file may be truncated", err)
	}
	if len(zr.File) > maxEPUBEntries {
		return nil, annotate.Problemf(annotate.ErrUnsupportedFormat, "the EPUB holds %d files, more than Scholia reads", len(zr.File))
	}
	e := &epub{files: map[string]*zip.File{}}
	for _, f := range zr.File {
		e.files[f.Name] = f
	}
	if drm, err := e.encrypted(); err != nil {
		return nil, err
	} else if drm {
		return nil, annotate.Problemf(annotate.ErrUnsupportedFormat, "the EPUB is encrypted (DRM); Scholia reads only books without DRM")
	}
	container, err := e.read("META-INF/container.xml")
	if err != nil {
		return nil, err
	}
	var c struct {
		Rootfiles []struct {
			FullPath string `xml:"full-path,attr"`
		} `xml:"rootfiles>rootfile"`
	}
	if err := xml.Unmarshal(container, &c); err != nil || len(c.Rootfiles) == 0 {
		return nil, annotate.Problemf(annotate.ErrUnsupportedFormat, "the EPUB's container does not name its package")
	}
	opfPath := c.Rootfiles[0].FullPath
	raw, err := e.read(opfPath)
	if err != nil {
		return nil, err
	}
	var pkg opf
	if err := xml.Unmarshal(raw, &pkg); err != nil {
		return nil, annotate.Problemf(annotate.ErrUnsupportedFormat, "the EPUB's package cannot be read (%v)", err)
	}
	base := path.Dir(opfPath)
	titles := e.tocTitles(&pkg, base)
	items := map[string]string{}
	for _, it := range pkg.Items {
		items[it.ID] = it.Href
	}
	doc := &annotate.Document{Title: first(pkg.Title), Byline: strings.Join(pkg.Creator, ", "),
		Published: first(pkg.Date), Language: first(pkg.Language)}
	var blocks []annotate.Block
	if doc.Title != "" {
		blocks = append(blocks, annotate.Block{Kind: annotate.BlockTitle, Text: collapse(doc.Title)})
	}
	for _, ref := range pkg.Spine.Items {
		href, ok := items[ref.IDRef]
		if !ok || remote(href) {
			continue
		}
		name := resolve(base, href)
		body, err := e.read(name)
		if err != nil {
			if _, missing := e.files[name]; !missing {
				continue
			}
			return nil, err
		}
		chapter := xhtmlBlocks(body)
		if t := titles[name]; t != "" && !hasHeading(chapter) {
			chapter = append([]annotate.Block{{Kind: annotate.BlockHeading, Level: 1, Text: t}}, chapter...)
		}
		blocks = append(blocks, chapter...)
	}
	blocks = titleOnce(blocks)
	if len(blocks) == 0 || (len(blocks) == 1 && blocks[0].Kind == annotate.BlockTitle) {
		return nil, annotate.Problemf(annotate.ErrEmpty, "the EPUB has no readable text")
	}
	doc.SetBlocks(blocks)
	return doc, nil
}

// read returns one entry of the archive, within the size limits.
func (e *epub) read(name string) ([]byte, error) {
	f, ok := e.files[name]
	if !ok {
		return nil, annotate.Problemf(annotate.ErrUnsupportedFormat, "the EPUB lacks %s; the file may be damaged", name)
	}
	r, err := f.Open()
	if err != nil {
		return nil, annotate.Problemf(annotate.ErrUnsupportedFormat, "the EPUB's %s cannot be read (%v)", name, err)
	}
	defer r.Close()
	b, err := io.ReadAll(io.LimitReader(r, maxEPUBEntryBytes+1))
	if err != nil {
		return nil, annotate.Problemf(annotate.ErrUnsupportedFormat, "the EPUB's %s cannot be read (%v); the file may be truncated", name, err)
	}
	e.unpacked += int64(len(b))
	if len(b) > maxEPUBEntryBytes || e.unpacked > maxEPUBTotalBytes {
		return nil, annotate.Problemf(annotate.ErrTooLarge, "the EPUB unpacks to more than a book needs (over %d MB in one file or %d MB in all); it may be a zip bomb",
			maxEPUBEntryBytes>>20, maxEPUBTotalBytes>>20)
	}
	return b, nil
}

// encrypted says whether the book's text is encrypted: Adobe's rights
// file, or an encryption entry for anything but fonts (font obfuscation is
// common in books without DRM).
func (e *epub) encrypted() (bool, error) {
	if _, ok := e.files["META-INF/rights.xml"]; ok {
		return true, nil
	}
	if _, ok := e.files["META-INF/encryption.xml"]; !ok {
		return false, nil
	}
	raw, err := e.read("META-INF/encryption.xml")
	if err != nil {
		return false, err
	}
	var enc struct {
		Data []struct {
			Ref struct {
				URI string `xml:"URI,attr"`
			} `xml:"CipherData>CipherReference"`
		} `xml:"EncryptedData"`
	}
	_ = xml.Unmarshal(raw, &enc)
	for _, d := range enc.Data {
		ext := strings.ToLower(path.Ext(d.Ref.URI))
		if ext != ".ttf" && ext != ".otf" && ext != ".woff" && ext != ".woff2" {
			return true, nil
		}
	}
	return false, nil
}

// tocTitles maps spine documents to their titles in the nav (EPUB 3) or
// NCX (EPUB 2), the first entry for each document.
func (e *epub) tocTitles(pkg *opf, base string) map[string]string {
	titles := map[string]string{}
	add := func(src, title string) {
		name := resolve(base, strings.SplitN(src, "#", 2)[0])
		if _, seen := titles[name]; !seen && collapse(title) != "" {
			titles[name] = collapse(title)
		}
	}
	for _, it := range pkg.Items {
		switch {
		case strings.Contains(" "+it.Properties+" ", " nav ") && !remote(it.Href):
			raw, err := e.read(resolve(base, it.Href))
			if err != nil {
				continue
			}
			navDir := path.Dir(resolve(base, it.Href))
			doc, err := html.Parse(bytes.NewReader(raw))
			if err != nil {
				continue
			}
			var rec func(*html.Node)
			rec = func(n *html.Node) {
				if n.Type == html.ElementNode && n.DataAtom == atom.A {
					if href := attr(n, "href"); href != "" && !remote(href) {
						rel, _ := relPath(navDir, base)
						add(path.Join(rel, strings.SplitN(href, "#", 2)[0]), textOf(n))
					}
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					rec(c)
				}
			}
			rec(doc)
		case it.ID == pkg.Spine.Toc && it.ID != "":
			raw, err := e.read(resolve(base, it.Href))
			if err != nil {
				continue
			}
			var ncx struct {
				Points []struct {
					Label string `xml:"navLabel>text"`
					Src   struct {
						Src string `xml:"src,attr"`
					} `xml:"content"`
				} `xml:"navMap>navPoint"`
			}
			if xml.Unmarshal(raw, &ncx) == nil {
				for _, p := range ncx.Points {
					add(p.Src.Src, p.Label)
				}
			}
		}
	}
	return titles
}

// relPath is dir relative to base, for both are archive paths.
func relPath(dir, base string) (string, error) {
	if base == "." {
		return dir, nil
	}
	if strings.HasPrefix(dir+"/", base+"/") {
		return strings.TrimPrefix(strings.TrimPrefix(dir, base), "/"), nil
	}
	return "", fmt.Errorf("%s is outside %s", dir, base)
}

// resolve turns an href of the package into an archive name.
func resolve(base, href string) string {
	if u, err := url.PathUnescape(href); err == nil {
		href = u
	}
	return path.Clean(path.Join(base, href))
}

func remote(href string) bool {
	u, err := url.Parse(href)
	return err == nil && u.Scheme != "" && u.Scheme != "file"
}

// xhtmlBlocks reads a spine document's body into blocks.
func xhtmlBlocks(b []byte) []annotate.Block {
	root, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return nil
	}
	h := &htmlReader{}
	h.walk(root, 0)
	h.flush(annotate.BlockParagraph, 0)
	return h.out
}

// titleOnce drops the headings near a book's start that repeat its title
// (a title page's "GEORGIA" under the title "Georgia", then the first
// chapter's own heading): the title shows once, at the top.
func titleOnce(blocks []annotate.Block) []annotate.Block {
	if len(blocks) == 0 || blocks[0].Kind != annotate.BlockTitle {
		return blocks
	}
	const near = 12 // blocks: a cover, a title page and a contents page
	key := wordsKey(blocks[0].Text)
	out := blocks[:1:1]
	for i, b := range blocks[1:] {
		if i < near && b.Kind == annotate.BlockHeading && wordsKey(b.Text) == key {
			continue
		}
		out = append(out, b)
	}
	return out
}

func hasHeading(bs []annotate.Block) bool {
	for _, b := range bs {
		if b.Kind == annotate.BlockHeading {
			return true
		}
	}
	return false
}

func first(s []string) string {
	for _, v := range s {
		if t := collapse(v); t != "" {
			return t
		}
	}
	return ""
}
