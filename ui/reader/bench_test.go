package reader

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scholia/annotate"
	"scholia/annotate/cputime"
)

// arabicBook is a generated book of 150,000 words in 2,000 paragraphs
// written right to left, with numbers and brackets among the words. The
// shared corpus holds no long right-to-left text (its rtl pages are a few
// hundred words), so this one book is still made from a word list.
func arabicBook() *annotate.Document {
	return generatedBook("اجتمع الوفدان في جنيف بعد أشهر من الصمت وقال الوزير إن الاتفاق ممكن قبل عام 2026 إذا بقيت القنوات مفتوحة (مع 40 سلعة) للتجارة", "rtl")
}

func generatedBook(words, direction string) *annotate.Document {
	vocab := strings.Fields(words)
	var blocks []annotate.Block
	blocks = append(blocks, annotate.Block{Kind: annotate.BlockTitle, Text: "A Generated Book"})
	w := 0
	for p := 0; p < 2000; p++ {
		if p%50 == 0 {
			blocks = append(blocks, annotate.Block{Kind: annotate.BlockHeading, Level: 1, Text: fmt.Sprintf("Chapter %d", p/50+1)})
		}
		words := make([]string, 75)
		for i := range words {
			words[i] = vocab[(w*7+i)%len(vocab)]
			w++
		}
		blocks = append(blocks, annotate.Block{Kind: annotate.BlockParagraph, Text: strings.Join(words, " ") + "."})
	}
	d := &annotate.Document{ID: "book", Title: "A Generated Book", Direction: direction}
	d.SetBlocks(blocks)
	return d
}

func benchReader(b *testing.B) (*Reader, fyne.Window) {
	test.NewTempApp(b)
	r := New()
	w := test.NewWindow(r)
	b.Cleanup(w.Close)
	w.Resize(fyne.NewSize(1000, 800))
	return r, w
}

// coldReader is a reader in a window of a fresh app: Fyne's caches of
// fonts and text sizes are empty, and so are the reader's, as in a
// process just started.
func coldReader(b *testing.B) *Reader {
	typefaces.Lock()
	typefaces.m = map[fyne.Resource]*typeface{}
	typefaces.Unlock()
	a := test.NewApp()
	r := New()
	w := test.NewWindow(r)
	w.Resize(fyne.NewSize(1000, 800))
	b.Cleanup(func() { w.Close(); a.Quit() })
	return r
}

// BenchmarkOpen150kWords: a real book of 150,000 words (realBook), cold
// (empty caches), from the stored document to its first laid-out screen.
//
//	go test -run '^$' -bench 'Open150kWords$' -benchmem -count 3 ./ui/reader
//
// cpu-ms/op, here and below, is the processor time of one operation,
// which a busy machine does not inflate as it does the wall clock.
func BenchmarkOpen150kWords(b *testing.B) {
	doc := realBook(b)
	b.ReportAllocs()
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		r := coldReader(b)
		b.StartTimer()
		c := cputime.Used()
		r.SetDocument(doc, "meta")
		cpu += cputime.Used() - c
	}
	reportCPU(b, cpu)
}

// reportCPU reports cpu as processor time per operation.
func reportCPU(b *testing.B, cpu time.Duration) {
	b.ReportMetric(float64(cpu)/1e6/float64(b.N), "cpu-ms/op")
}

// BenchmarkJump150kWords: in a real book just opened cold, a jump (from
// the outline or a search) to places spread over the book, each until
// its lines are laid out in view.
func BenchmarkJump150kWords(b *testing.B) {
	doc := realBook(b)
	b.ReportAllocs()
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		r := coldReader(b)
		r.SetDocument(doc, "meta")
		pos := doc.Blocks[(i*7919+len(doc.Blocks)/2)%len(doc.Blocks)].Start
		b.StartTimer()
		c := cputime.Used()
		r.ScrollTo(pos)
		cpu += cputime.Used() - c
	}
	reportCPU(b, cpu)
}

func benchOpen(b *testing.B, doc *annotate.Document) {
	r, _ := benchReader(b)
	b.ReportAllocs()
	cpu := cputime.Used()
	for b.Loop() {
		r.SetDocument(doc, "meta")
	}
	reportCPU(b, cputime.Used()-cpu)
}

// BenchmarkOpen150kWordsRightToLeft: the generated right-to-left book,
// whose lines in view are put in visual order.
func BenchmarkOpen150kWordsRightToLeft(b *testing.B) { benchOpen(b, arabicBook()) }

// BenchmarkDragEvent: one pointer move while selecting in the real book
// (hit test, selection update, repaint of the visible lines).
func BenchmarkDragEvent(b *testing.B) {
	r, _ := benchReader(b)
	doc := realBook(b)
	r.SetDocument(doc, "meta")
	k := paragraphNear(doc, len(doc.Blocks)/2)
	r.ScrollTo(doc.Blocks[k].Start)
	from := r.pointOf(doc.Blocks[k].Start + 10)
	r.page.MouseDown(mouse(from, 0))
	// Points over three screens' worth of lines, so the lines measured are
	// not all the same ones.
	var pts []fyne.Position
	for p := doc.Blocks[k].Start + 20; p < doc.Blocks[k+6].End(); p += 37 {
		pts = append(pts, r.pointOf(p))
	}
	b.ReportAllocs()
	i := 0
	cpu := cputime.Used()
	for b.Loop() {
		pt := pts[i%len(pts)]
		r.page.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: pt}, Dragged: fyne.NewDelta(1, 1)})
		i++
	}
	reportCPU(b, cputime.Used()-cpu)
	r.page.DragEnd()
}

// paragraphNear is the index of the first paragraph at or after block i
// followed by six more blocks.
func paragraphNear(doc *annotate.Document, i int) int {
	for i+7 < len(doc.Blocks) && doc.Blocks[i].Kind != annotate.BlockParagraph {
		i++
	}
	return i
}

// BenchmarkScrollStep: one scroll step of three lines in the real book
// (layout of the lines now in view).
func BenchmarkScrollStep(b *testing.B) {
	r, _ := benchReader(b)
	doc := realBook(b)
	r.SetDocument(doc, "meta")
	r.ScrollTo(doc.Blocks[len(doc.Blocks)/2].Start)
	scrollSteps(b, r)
}

// BenchmarkRewrap: re-wrapping the real book after the window's width
// changed.
func BenchmarkRewrap(b *testing.B) {
	r, _ := benchReader(b)
	r.SetDocument(realBook(b), "meta")
	widths := []float32{1000, 520}
	b.ReportAllocs()
	i := 0
	cpu := cputime.Used()
	for b.Loop() {
		r.relayout(widths[i%2])
		r.page.Refresh()
		i++
	}
	reportCPU(b, cputime.Used()-cpu)
}

// BenchmarkWrapWholeBook: wrapping every paragraph of the real book at
// one width, as scrolling through all of it does (warm: the letters and
// pairs of letters are measured).
func BenchmarkWrapWholeBook(b *testing.B) {
	r, _ := benchReader(b)
	r.SetDocument(realBook(b), "meta")
	b.ReportAllocs()
	cpu := cputime.Used()
	for b.Loop() {
		r.lay.wrap(r.lay.width)
		r.lay.wrapAll()
	}
	reportCPU(b, cputime.Used()-cpu)
}

// thousandHighlights spreads 1,000 overlapping-free highlights, with a
// margin marker on every third, over the book.
func thousandHighlights(r *Reader) ([]Highlight, []Marker) {
	n := len(r.text)
	var hs []Highlight
	var ms []Marker
	for i := 0; i < 1000; i++ {
		s := i * (n / 1000)
		hs = append(hs, Highlight{Start: s, End: s + 80, Colour: findColour()})
		if i%3 == 0 {
			ms = append(ms, Marker{Pos: s, Question: i%2 == 0, Colour: findColour()})
		}
	}
	return hs, ms
}

// BenchmarkOpenWith1000Highlights: opening the book and painting its 1,000
// highlights.
func BenchmarkOpenWith1000Highlights(b *testing.B) {
	doc := realBook(b)
	r, _ := benchReader(b)
	r.SetDocument(doc, "meta")
	hs, ms := thousandHighlights(r)
	b.ReportAllocs()
	cpu := cputime.Used()
	for b.Loop() {
		r.SetDocument(doc, "meta")
		r.SetHighlights(hs)
		r.SetMarkers(ms)
	}
	reportCPU(b, cputime.Used()-cpu)
}

// BenchmarkScrollStepWith1000Highlights: one scroll step through a book
// with 1,000 highlights.
func BenchmarkScrollStepWith1000Highlights(b *testing.B) {
	r, _ := benchReader(b)
	doc := realBook(b)
	r.SetDocument(doc, "meta")
	hs, ms := thousandHighlights(r)
	r.SetHighlights(hs)
	r.SetMarkers(ms)
	r.ScrollTo(doc.Blocks[len(doc.Blocks)*3/4].Start)
	scrollSteps(b, r)
}

// scrollSteps scrolls by three lines per iteration, down then back up.
func scrollSteps(b *testing.B, r *Reader) {
	step := 3 * r.st.paragraph.lineHeight
	b.ReportAllocs()
	i := 0
	cpu := cputime.Used()
	for b.Loop() {
		if i%200 < 100 {
			r.scrollBy(step)
		} else {
			r.scrollBy(-step)
		}
		i++
	}
	reportCPU(b, cputime.Used()-cpu)
}

// BenchmarkLargerText150kWords: in the real book open at its middle, a
// change of text size (Ctrl+= then Ctrl+0 in turn), each re-measuring the
// letters at the new size and re-wrapping what is in view, the place read
// kept at the top.
//
//	go test -run '^$' -bench 'LargerText' -benchmem -count 3 ./ui/reader
func BenchmarkLargerText150kWords(b *testing.B) {
	r, _ := benchReader(b)
	doc := realBook(b)
	r.SetDocument(doc, "meta")
	r.ScrollTo(doc.Blocks[len(doc.Blocks)/2].Start)
	b.ReportAllocs()
	i := 0
	cpu := cputime.Used()
	for b.Loop() {
		r.SetSettings(Settings{SizeStep: (i + 1) % 2})
		i++
	}
	reportCPU(b, cputime.Used()-cpu)
}
