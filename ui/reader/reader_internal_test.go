package reader

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"scholia/annotate"
)

func testDocument() *annotate.Document {
	d := &annotate.Document{ID: "d", Title: "Talks in Geneva"}
	blocks := []annotate.Block{
		{Kind: annotate.BlockTitle, Text: "Talks in Geneva"},
		{Kind: annotate.BlockContents, Text: "Contents\n1. Opening\n2. Closing"},
		{Kind: annotate.BlockHeading, Level: 1, Text: "1. Opening"},
		{Kind: annotate.BlockParagraph, Text: "The envoys met at dawn. Nobody's coffee was warm, and the first hour passed in silence."},
		{Kind: annotate.BlockListItem, Level: 1, Text: "a point about tariffs"},
		{Kind: annotate.BlockQuote, Text: "We will return, said the minister."},
	}
	for i := 0; i < 60; i++ {
		blocks = append(blocks, annotate.Block{Kind: annotate.BlockParagraph,
			Text: strings.Repeat("Filler sentence number so the page scrolls well past one screen. ", 3)})
	}
	blocks = append(blocks, annotate.Block{Kind: annotate.BlockHeading, Level: 1, Text: "2. Closing"},
		annotate.Block{Kind: annotate.BlockParagraph, Text: "Everyone went home."})
	d.SetBlocks(blocks)
	return d
}

// newTestReader shows a reader in a 900x600 test window.
func newTestReader(t *testing.T) (*Reader, fyne.Window) {
	t.Helper()
	return showReader(t, testDocument(), "By a correspondent · 2 March 2026")
}

// showReader shows doc in a reader in a 900x600 test window.
func showReader(t *testing.T, doc *annotate.Document, meta string) (*Reader, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	r := New()
	w := test.NewWindow(r)
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(900, 600))
	r.SetDocument(doc, meta)
	return r, w
}

// showReaderSized shows doc in a reader in a test window of size.
func showReaderSized(t *testing.T, doc *annotate.Document, size fyne.Size) (*Reader, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	r := New()
	w := test.NewWindow(r)
	t.Cleanup(w.Close)
	w.Resize(size)
	r.SetDocument(doc, "")
	return r, w
}

// pointOf is the middle of the left edge of the rune at pos, in page
// coordinates.
func (r *Reader) pointOf(pos int) fyne.Position {
	i, j := r.lay.locate(pos)
	it := &r.lay.items[i]
	ln := it.line(j)
	return fyne.NewPos(r.colX+it.x(ln, pos-it.start)+0.5, it.top+ln.y+it.st.lineHeight/2)
}

func indexOf(r *Reader, s string) int {
	i := strings.Index(string(r.text), s)
	if i < 0 {
		panic("not in text: " + s)
	}
	return len([]rune(string(r.text)[:i]))
}

func mouse(pt fyne.Position, mod fyne.KeyModifier) *desktop.MouseEvent {
	return &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pt}, Button: desktop.MouseButtonPrimary, Modifier: mod}
}

// drag replays what the real driver sends: MouseDown, Dragged events along
// the way, DragEnd, MouseUp.
func drag(p *page, from, to fyne.Position) {
	p.MouseDown(mouse(from, 0))
	steps := 4
	prev := from
	for i := 1; i <= steps; i++ {
		f := float32(i) / float32(steps)
		pt := fyne.NewPos(from.X+(to.X-from.X)*f, from.Y+(to.Y-from.Y)*f)
		p.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: pt}, Dragged: fyne.NewDelta(pt.X-prev.X, pt.Y-prev.Y)})
		prev = pt
	}
	p.DragEnd()
	p.MouseUp(mouse(to, 0))
}

func TestDragWithinAParagraphSelectsExactText(t *testing.T) {
	r, _ := newTestReader(t)
	a := indexOf(r, "met at dawn")
	b := a + len([]rune("met at dawn"))
	drag(r.page, r.pointOf(a), r.pointOf(b))
	if got := r.SelectedText(); got != "met at dawn" {
		t.Errorf("selected %q, want %q", got, "met at dawn")
	}
	s, e := r.Selection()
	if s != a || e != b {
		t.Errorf("selection [%d,%d), want [%d,%d)", s, e, a, b)
	}
}

func TestDragBackwardsAcrossParagraphs(t *testing.T) {
	r, _ := newTestReader(t)
	a := indexOf(r, "Opening\n\nThe envoys")
	b := indexOf(r, "coffee")
	drag(r.page, r.pointOf(b), r.pointOf(a))
	if got := r.SelectedText(); got != "Opening\n\nThe envoys met at dawn. Nobody's " {
		t.Errorf("selected %q", got)
	}
}

func TestDoubleClickSelectsAWordAndTripleClickAParagraph(t *testing.T) {
	r, _ := newTestReader(t)
	pt := r.pointOf(indexOf(r, "Nobody's") + 3)
	r.page.MouseDown(mouse(pt, 0))
	r.page.MouseUp(mouse(pt, 0))
	r.page.MouseDown(mouse(pt, 0))
	r.page.MouseUp(mouse(pt, 0))
	if got := r.SelectedText(); got != "Nobody's" {
		t.Errorf("double click selected %q", got)
	}
	r.page.MouseDown(mouse(pt, 0))
	r.page.MouseUp(mouse(pt, 0))
	if got := r.SelectedText(); got != "The envoys met at dawn. Nobody's coffee was warm, and the first hour passed in silence." {
		t.Errorf("triple click selected %q", got)
	}
}

func TestShiftClickExtendsTheSelection(t *testing.T) {
	r, _ := newTestReader(t)
	a := indexOf(r, "dawn")
	b := indexOf(r, "warm") + 4
	r.page.MouseDown(mouse(r.pointOf(a), 0))
	r.page.MouseUp(mouse(r.pointOf(a), 0))
	later := r.pointOf(b)
	r.page.lastDown = r.page.lastDown.Add(-time.Second)
	r.page.MouseDown(mouse(later, fyne.KeyModifierShift))
	r.page.MouseUp(mouse(later, fyne.KeyModifierShift))
	if got := r.SelectedText(); got != "dawn. Nobody's coffee was warm" {
		t.Errorf("shift+click selected %q", got)
	}
}

func TestCopyPutsExactlyTheSelectionOnTheClipboard(t *testing.T) {
	r, _ := newTestReader(t)
	a := indexOf(r, "said the minister")
	r.Select(a, a+len("said the minister"))
	r.Copy()
	if got := fyne.CurrentApp().Clipboard().Content(); got != "said the minister" {
		t.Errorf("clipboard %q", got)
	}
	r.page.TypedShortcut(&fyne.ShortcutSelectAll{})
	r.page.TypedShortcut(&fyne.ShortcutCopy{})
	if got := fyne.CurrentApp().Clipboard().Content(); got != r.doc.Text() {
		t.Errorf("select all + copy gave %d characters, want the whole text", len(got))
	}
}

func TestScrollToAndTopPosition(t *testing.T) {
	r, _ := newTestReader(t)
	end := indexOf(r, "2. Closing")
	r.ScrollTo(end)
	if r.scroll.Offset.Y <= 0 {
		t.Fatal("did not scroll")
	}
	if top := r.TopPosition(); top < end-200 || top > end {
		t.Errorf("top position %d, want near %d", top, end)
	}
}

func TestContentsEntriesAreLinks(t *testing.T) {
	r, _ := newTestReader(t)
	var got string
	r.OnLinkTapped = func(e string) { got = e }
	pt := r.pointOf(indexOf(r, "2. Closing") + 2)
	r.page.MouseDown(mouse(pt, 0))
	r.page.MouseUp(mouse(pt, 0))
	if got != "2. Closing" {
		t.Errorf("tapped entry %q", got)
	}
}

func TestAutoScrollWhileDraggingPastTheBottom(t *testing.T) {
	r, _ := newTestReader(t)
	a := indexOf(r, "The envoys")
	r.page.MouseDown(mouse(r.pointOf(a), 0))
	below := fyne.NewPos(r.pointOf(a).X, r.scroll.Offset.Y+r.scroll.Size().Height+10)
	r.page.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: below}, Dragged: fyne.NewDelta(0, 300)})
	_, before := r.Selection()
	for i := 0; i < 5; i++ {
		if !r.page.autoScrollStep() {
			t.Fatal("auto-scroll stopped early")
		}
	}
	_, after := r.Selection()
	if r.scroll.Offset.Y <= 0 || after <= before {
		t.Errorf("offset %v, selection end %d -> %d: want the view and the selection to move down", r.scroll.Offset.Y, before, after)
	}
	r.page.DragEnd()
	r.page.MouseUp(mouse(below, 0))
}
