package reader

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scholia/annotate"
)

// bookDocument is a deterministic document of 150,000 words in 2,000
// paragraphs, with a heading every 50 paragraphs.
func bookDocument() *annotate.Document {
	return generatedBook("the envoy met minister treaty border sanctions talks in geneva and said that both sides would keep the channel open while trade ministers argued over tariffs", "")
}

// arabicBook is bookDocument written right to left, with numbers among
// the words.
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

// BenchmarkOpen150kWords: from a stored document to its first laid-out
// screen (wrapping every paragraph, then the visible lines).
func BenchmarkOpen150kWords(b *testing.B) { benchOpen(b, bookDocument()) }

func benchOpen(b *testing.B, doc *annotate.Document) {
	r, _ := benchReader(b)
	b.ReportAllocs()
	for b.Loop() {
		r.SetDocument(doc, "meta")
	}
}

// BenchmarkOpen150kWordsRightToLeft: the same for a right-to-left book,
// whose every line is put in visual order.
func BenchmarkOpen150kWordsRightToLeft(b *testing.B) { benchOpen(b, arabicBook()) }

// BenchmarkDragEvent: one pointer move while selecting (hit test, selection
// update, repaint of the visible lines).
func BenchmarkDragEvent(b *testing.B) {
	r, _ := benchReader(b)
	r.SetDocument(bookDocument(), "meta")
	r.ScrollTo(r.doc.Blocks[500].Start)
	from := r.pointOf(r.doc.Blocks[500].Start + 10)
	r.page.MouseDown(mouse(from, 0))
	pts := []fyne.Position{r.pointOf(r.doc.Blocks[501].Start + 40), r.pointOf(r.doc.Blocks[502].Start + 200)}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		pt := pts[i%2]
		r.page.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: pt}, Dragged: fyne.NewDelta(1, 1)})
		i++
	}
	r.page.DragEnd()
}

// BenchmarkScrollStep: one scroll step of three lines (layout of the lines
// now in view).
func BenchmarkScrollStep(b *testing.B) {
	r, _ := benchReader(b)
	r.SetDocument(bookDocument(), "meta")
	r.ScrollTo(r.doc.Blocks[1000].Start)
	scrollSteps(b, r)
}

// BenchmarkRewrap: re-wrapping the whole book after the window's width
// changed.
func BenchmarkRewrap(b *testing.B) {
	r, _ := benchReader(b)
	r.SetDocument(bookDocument(), "meta")
	widths := []float32{1000, 520}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		r.relayout(widths[i%2])
		r.page.Refresh()
		i++
	}
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
	doc := bookDocument()
	r, _ := benchReader(b)
	r.SetDocument(doc, "meta")
	hs, ms := thousandHighlights(r)
	b.ReportAllocs()
	for b.Loop() {
		r.SetDocument(doc, "meta")
		r.SetHighlights(hs)
		r.SetMarkers(ms)
	}
}

// BenchmarkScrollStepWith1000Highlights: one scroll step through a book
// with 1,000 highlights.
func BenchmarkScrollStepWith1000Highlights(b *testing.B) {
	r, _ := benchReader(b)
	r.SetDocument(bookDocument(), "meta")
	hs, ms := thousandHighlights(r)
	r.SetHighlights(hs)
	r.SetMarkers(ms)
	r.ScrollTo(r.doc.Blocks[1500].Start)
	scrollSteps(b, r)
}

// scrollSteps scrolls by three lines per iteration, down then back up.
func scrollSteps(b *testing.B, r *Reader) {
	step := 3 * r.st.paragraph.lineHeight
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i%200 < 100 {
			r.scrollBy(step)
		} else {
			r.scrollBy(-step)
		}
		i++
	}
}
