package pdf

import (
	"image"
	"sync"
	"time"

	pdfium "github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
)

// MaxPagePixels bounds one drawn page (width times height): 25 million
// pixels, 100 MB, a letter page at 400% on a screen of twice the usual
// density. A larger request is drawn at that size.
const MaxPagePixels = 25_000_000

// Pages is a PDF held open to draw its pages. It keeps one PDFium
// instance of the engine while open (the engine has two: imports go on in
// the other). Its methods may be called from any goroutine; drawing takes
// turns. A page that takes longer than the engine's StallTimeout to draw
// stops the drawing for good (ErrTimeout): the instance is killed.
type Pages struct {
	stall time.Duration
	sizes [][2]float64 // each page's width and height in points

	mu     sync.Mutex
	inst   pdfium.Pdfium
	doc    references.FPDF_DOCUMENT
	broken error
}

// OpenPages opens the PDF in data for drawing; password may be empty.
func (e *Engine) OpenPages(data []byte, password string) (*Pages, error) {
	if err := sniff(data); err != nil {
		return nil, err
	}
	inst, err := e.instance()
	if err != nil {
		return nil, err
	}
	p := &Pages{stall: e.cfg.StallTimeout, inst: inst}
	err = p.guard(func() error {
		req := &requests.OpenDocument{File: &data}
		if password != "" {
			req.Password = &password
		}
		opened, err := inst.OpenDocument(req)
		if err != nil {
			return openProblem(err, password)
		}
		p.doc = opened.Document
		count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: p.doc})
		if err != nil {
			return problem(ErrDamaged, "the PDF is damaged: its pages cannot be found")
		}
		if count.PageCount > MaxPages {
			return problem(ErrTooManyPages, "the PDF has %d pages and Scholia shows PDFs of up to %d", count.PageCount, MaxPages)
		}
		for i := 0; i < count.PageCount; i++ {
			size, err := inst.GetPageSize(&requests.GetPageSize{Page: requests.Page{ByIndex: &requests.PageByIndex{Document: p.doc, Index: i}}})
			if err != nil {
				return problem(ErrDamaged, "page %d of the PDF cannot be read: it is damaged", i+1)
			}
			p.sizes = append(p.sizes, [2]float64{size.Width, size.Height})
		}
		return nil
	})
	if err != nil {
		_ = p.Close()
		return nil, err
	}
	return p, nil
}

// Count is the number of pages.
func (p *Pages) Count() int { return len(p.sizes) }

// Size is page n's width and height in points (1-based); zero past the
// pages.
func (p *Pages) Size(n int) (w, h float64) {
	if n < 1 || n > len(p.sizes) {
		return 0, 0
	}
	return p.sizes[n-1][0], p.sizes[n-1][1]
}

// Render draws page n (1-based) width pixels wide, its height in
// proportion, on white.
func (p *Pages) Render(n, width int) (*image.RGBA, error) { return p.RenderInto(n, width, nil) }

// RenderInto is Render drawing into buf when it has the page's size (a
// page drawn before and no longer kept), so that scrolling through a
// book makes no garbage of pages.
func (p *Pages) RenderInto(n, width int, buf *image.RGBA) (*image.RGBA, error) {
	w, h := p.Size(n)
	if w <= 0 || h <= 0 || width <= 0 {
		return nil, problem(ErrDamaged, "the PDF has no page %d to draw", n)
	}
	height := max(1, int(float64(width)*h/w+0.5))
	if width*height > MaxPagePixels {
		scale := float64(MaxPagePixels) / float64(width*height)
		width, height = max(1, int(float64(width)*scale)), max(1, int(float64(height)*scale))
	}
	var out *image.RGBA
	err := p.guard(func() error {
		resp, err := p.inst.RenderPageInPixels(&requests.RenderPageInPixels{
			Page:  requests.Page{ByIndex: &requests.PageByIndex{Document: p.doc, Index: n - 1}},
			Width: width, Height: height,
		})
		if err != nil {
			return problem(ErrDamaged, "page %d of the PDF cannot be drawn: it is damaged, or needs more memory than Scholia allows", n)
		}
		defer resp.Cleanup()
		src, ok := resp.Result.RenderedImage.(*image.RGBA)
		if !ok {
			return problem(ErrDamaged, "page %d of the PDF was drawn in colours Scholia cannot show", n)
		}
		out = buf
		if out == nil || out.Rect != src.Rect || len(out.Pix) != len(src.Pix) {
			out = image.NewRGBA(src.Rect)
		}
		copy(out.Pix, src.Pix) // the engine's pixels are gone after Cleanup
		whiten(out)
		return nil
	})
	return out, err
}

// whiten puts a page drawn with transparent paper on white.
func whiten(img *image.RGBA) {
	pix := img.Pix
	for i := 0; i+3 < len(pix); i += 4 {
		if a := pix[i+3]; a != 255 {
			k := 255 - uint16(a) // premultiplied: add white for what is not covered
			pix[i] = uint8(uint16(pix[i]) + k)
			pix[i+1] = uint8(uint16(pix[i+1]) + k)
			pix[i+2] = uint8(uint16(pix[i+2]) + k)
			pix[i+3] = 255
		}
	}
}

// guard runs one step in the instance, taking turns, and kills the
// instance when the step stalls; a panic in the engine becomes an error.
func (p *Pages) guard(step func() error) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.broken != nil {
		return p.broken
	}
	done := make(chan error, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- problem(ErrDamaged, "the PDF is damaged and could not be drawn")
			}
		}()
		done <- step()
	}()
	timer := time.NewTimer(p.stall)
	defer timer.Stop()
	select {
	case err := <-done:
		return err
	case <-timer.C:
		_ = p.inst.Kill()
		p.broken = problem(ErrTimeout, "a page of the PDF took longer than %s to draw, so Scholia stopped drawing it", p.stall)
		return p.broken
	}
}

// Close gives the instance back to the engine.
func (p *Pages) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.inst == nil {
		return nil
	}
	if p.broken == nil && p.doc != "" {
		_, _ = p.inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: p.doc})
	}
	err := p.inst.Close()
	p.inst = nil
	if p.broken == nil {
		p.broken = problem(ErrEngine, "the PDF's pages were closed")
	}
	return err
}
