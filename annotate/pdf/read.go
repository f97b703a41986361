package pdf

import (
	"bytes"
	"encoding/hex"
	"errors"
	"regexp"
	"strings"

	pdfium "github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	pdferrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/responses"
)

// glyph is one character as PDFium reports it; positions are in points
// from the page's top-left corner, y growing downwards.
type glyph struct {
	text           string
	x0, y0, x1, y1 float64
	size           float64
	bold           bool
	mono           bool // a typewriter font: code
}

// page is one page's characters and its printed label.
type page struct {
	number        int // 1-based
	label         string
	width, height float64
	glyphs        []glyph
}

// bookmark is one entry of the PDF's outline.
type bookmark struct {
	title string
	level int
	page  int // 1-based, 0 when it points nowhere
}

// raw is what PDFium gives of a document before any layout is rebuilt.
type raw struct {
	pages       []page
	bookmarks   []bookmark
	meta        map[string]string
	fingerprint string
}

// sniff rejects bytes that are not a whole PDF before PDFium starts.
func sniff(data []byte) error {
	head := data[:min(len(data), 1024)]
	if !bytes.Contains(head, []byte("%PDF-")) {
		return problem(ErrNotPDF, "the file is not a PDF, though its name says so")
	}
	if !bytes.Contains(data, []byte("obj")) {
		return problem(ErrNotPDF, "the file is not a PDF: it starts like one but holds none of a PDF's parts")
	}
	tail := data[max(0, len(data)-4096):]
	if !bytes.Contains(tail, []byte("%%EOF")) {
		return problem(ErrTruncated, "the PDF is cut short (the file stops before its end); download or copy it again")
	}
	return nil
}

// readRaw opens the document in inst and collects its pages, outline,
// metadata and fingerprint, calling tick after each step.
func readRaw(inst pdfium.Pdfium, data []byte, password string, tick func()) (*raw, error) {
	req := &requests.OpenDocument{File: &data}
	if password != "" {
		req.Password = &password
	}
	opened, err := inst.OpenDocument(req)
	if err != nil {
		return nil, openProblem(err, password)
	}
	doc := opened.Document
	tick()
	defer func() { _, _ = inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc}) }()
	count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc})
	if err != nil {
		return nil, problem(ErrDamaged, "the PDF is damaged: its pages cannot be found")
	}
	if count.PageCount > MaxPages {
		return nil, problem(ErrTooManyPages, "the PDF has %d pages and Scholia reads PDFs of up to %d; split it into parts", count.PageCount, MaxPages)
	}
	r := &raw{meta: map[string]string{}}
	for i := 0; i < count.PageCount; i++ {
		p, err := readPage(inst, doc, i)
		if err != nil {
			return nil, problem(ErrDamaged, "page %d of the PDF cannot be read: it is damaged, or needs more memory than Scholia allows", i+1)
		}
		r.pages = append(r.pages, p)
		tick()
	}
	if md, err := inst.GetMetaData(&requests.GetMetaData{Document: doc}); err == nil {
		for _, t := range md.Tags {
			r.meta[t.Tag] = strings.TrimSpace(t.Value)
		}
	}
	if bm, err := inst.GetBookmarks(&requests.GetBookmarks{Document: doc}); err == nil {
		r.bookmarks = flatten(bm.Bookmarks, 1, nil)
	}
	if id, err := inst.FPDF_GetFileIdentifier(&requests.FPDF_GetFileIdentifier{Document: doc, FileIdType: enums.FPDF_FILEIDTYPE_PERMANENT}); err == nil && len(id.Identifier) > 0 {
		r.fingerprint = hex.EncodeToString(id.Identifier)
	}
	return r, nil
}

func openProblem(err error, password string) error {
	switch {
	case errors.Is(err, pdferrors.ErrPassword) && password == "":
		return problem(ErrPassword, "the PDF is locked with a password; give its password to open it")
	case errors.Is(err, pdferrors.ErrPassword):
		return problem(ErrPassword, "the password is wrong for this PDF")
	case errors.Is(err, pdferrors.ErrSecurity):
		return problem(ErrDamaged, "the PDF is encrypted in a way Scholia cannot read")
	case errors.Is(err, pdferrors.ErrFormat):
		return problem(ErrDamaged, "the PDF is damaged: its structure cannot be read")
	}
	return problem(ErrDamaged, "the PDF cannot be read: it is damaged or cut short")
}

func readPage(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, i int) (page, error) {
	p := page{number: i + 1}
	ref := requests.Page{ByIndex: &requests.PageByIndex{Document: doc, Index: i}}
	size, err := inst.GetPageSize(&requests.GetPageSize{Page: ref})
	if err != nil {
		return p, err
	}
	p.width, p.height = size.Width, size.Height
	if l, err := inst.FPDF_GetPageLabel(&requests.FPDF_GetPageLabel{Document: doc, Page: i}); err == nil {
		p.label = strings.TrimSpace(l.Label)
	}
	st, err := inst.GetPageTextStructured(&requests.GetPageTextStructured{
		Page:                   ref,
		Mode:                   requests.GetPageTextStructuredModeChars,
		CollectFontInformation: true,
	})
	if err != nil {
		return p, err
	}
	mono := map[string]bool{} // by font name: the test is a regular expression
	for _, c := range st.Chars {
		if c == nil || c.Text == "" {
			continue
		}
		g := glyph{text: c.Text, x0: c.PointPosition.Left, x1: c.PointPosition.Right,
			y0: p.height - max(c.PointPosition.Top, c.PointPosition.Bottom),
			y1: p.height - min(c.PointPosition.Top, c.PointPosition.Bottom)}
		if f := c.FontInformation; f != nil {
			g.size = f.RenderedSize
			if g.size == 0 {
				g.size = f.Size
			}
			g.bold = f.Weight >= 600 || strings.Contains(strings.ToLower(f.Name), "bold")
			m, ok := mono[f.Name]
			if !ok {
				m = monoFont(f.Name, f.Flags)
				mono[f.Name] = m
			}
			g.mono = m
		}
		p.glyphs = append(p.glyphs, g)
	}
	p.glyphs = underscores(circled(p.glyphs), readRules(inst, ref, p.height))
	return p, nil
}

// typewriter names the fonts of code: "Courier", "DejaVuSansMono",
// "Consolas", "NimbusMonL-Regu", TeX's CMTT10 and CMSLTT10, Latin Modern's LMMono.
var typewriter = regexp.MustCompile(`(?i)mono|nimbusmon|courier|consol|menlo|inconsolata|^(cm|ec|sf|lm|t1)[a-z]*tt\d`)

// monoFont reports whether a font sets every letter in the same width:
// its descriptor says so (FixedPitch), or its name does (TeX's fonts do
// not set the flag).
func monoFont(name string, flags int) bool {
	if i := strings.IndexByte(name, '+'); i >= 0 {
		name = name[i+1:] // a subset's prefix, "ABCDEF+"
	}
	return flags&1 != 0 || typewriter.MatchString(name)
}

func flatten(bms []responses.GetBookmarksBookmark, level int, out []bookmark) []bookmark {
	for _, b := range bms {
		bm := bookmark{title: strings.TrimSpace(b.Title), level: level}
		if b.DestInfo != nil {
			bm.page = b.DestInfo.PageIndex + 1
		}
		out = append(out, bm)
		out = flatten(b.Children, level+1, out)
	}
	return out
}
