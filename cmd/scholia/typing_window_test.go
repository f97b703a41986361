package main

import (
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"

	"scholia/cmd/scholia/internal/xwindow"
)

// typedSentences are the sentences the ui package's typing tests type,
// one a line, but those with letters beyond ASCII: xdotool types those by
// mapping them onto a spare key for a moment, and the window misses some
// of them when they come quickly (it is xdotool's doing; a keyboard sends
// them from its own layout). The ui tests type them into every box.
func typedSentences(t *testing.T) []string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	data, err := os.ReadFile(filepath.Join(filepath.Dir(file), "..", "..", "ui", "testdata", "sentences.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		if strings.IndexFunc(s, func(r rune) bool { return r > unicode.MaxASCII }) < 0 {
			out = append(out, s)
		}
	}
	return out
}

// typist types sentences one after the other, each at a human speed of
// 20 to 40 ms a key, and resizes the window before each so that the text
// boxes wrap at other places.
type typist struct {
	t         *testing.T
	s         *xwindow.Session
	sentences []string
	next      int
	typed     int
}

// widths are the window widths typed at, the annotations panel's editor
// then 230 to 290 px wide. Narrower windows are not asked for: opening
// the New note dialog widens a narrower window to 975 px.
var widths = []int{1280, 1000, 1180, 1030, 1240, 1100, 990, 1150, 1060, 1210, 1120, 1010, 1260, 1080}

// sentence resizes the window to the next width, types the next sentence
// and returns it.
func (ty *typist) sentence() string {
	ty.t.Helper()
	if w, _ := ty.s.Resize(widths[ty.typed%len(widths)], xwindow.Height); w != widths[ty.typed%len(widths)] {
		ty.t.Logf("the window kept a width of %d px, not %d: the sentence is typed there", w, widths[ty.typed%len(widths)])
	}
	s := ty.sentences[ty.next%len(ty.sentences)]
	ty.next++
	ty.typed++
	typeText(ty.t, ty.s, s, time.Duration(20+5*(ty.typed%5))*time.Millisecond)
	return s
}

// typeText types text key by key with xdotool at perKey a key, pressing
// Enter for a new line as a person does (xdotool's own "\n" is a key the
// window does not know).
func typeText(t *testing.T, s *xwindow.Session, text string, perKey time.Duration) {
	t.Helper()
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			s.Key("Return")
		}
		if line != "" {
			s.Type(line, perKey)
		}
	}
}

// tagWords are tags no one of which is part of another, so the tag box
// offers no suggestion once one is typed whole.
var tagWords = []string{"sanctions", "verification", "treaty", "ceasefire", "archive", "memo", "envoy", "summit",
	"embargo", "customs", "alliance", "doctrine", "tribunal", "shelf", "fisheries", "border", "observers",
	"annex", "communique", "delegation", "ratification", "interpreter", "minister", "corridor", "inspections",
	"timeline", "mandate", "briefing-notes", "red-lines", "opposition", "concessions", "protocol",
	"monitoring", "reparations", "blockade", "referendum", "accord", "moratorium", "quota", "neutrality",
	"mediation", "escalation"}

// wantAnnotation is what the person typed into one annotation.
type wantAnnotation struct {
	kind   string
	body   string
	answer string
	tags   []string
}

// A person selects passages and writes notes and questions in the New
// note and New question dialogs, goes on writing them in the annotations
// panel (note, tags, answer), and edits the citation details, typing 50
// and more sentences of varied length key by key at human speed while the
// window is resized between sentences, so that the text boxes wrap at
// every kind of place. After quitting, what the library stores is exactly
// what was typed, byte for byte.
func TestWindowStoresExactlyWhatWasTyped(t *testing.T) {
	s := xwindow.Start(t)
	doc := briefing(t)
	title := strings.TrimSpace(strings.SplitN(s.CLI("import", doc), "\t", 2)[1])
	s.Open(doc)
	s.WaitTitle(title)
	ty := &typist{t: t, s: s, sentences: typedSentences(t)}

	var want []wantAnnotation
	for i := 0; i < 14; i++ {
		kind, keys := "note", "ctrl+shift+n"
		if i%2 == 1 {
			kind, keys = "question", "ctrl+shift+q"
		}
		tags := []string{tagWords[3*i%len(tagWords)], tagWords[(3*i+1)%len(tagWords)]}

		// In the dialog: two sentences (a new paragraph after every
		// other first one), then the tags.
		selectInTitle(t, s)
		before := s.Shot()
		s.Key(keys)
		body := ty.sentence()
		sep := " "
		if i%4 == 3 {
			sep = "\n\n"
		}
		typeText(t, s, sep, 30*time.Millisecond)
		body += sep + ty.sentence()
		s.Key("Tab")
		typeText(t, s, strings.Join(tags, ", "), 30*time.Millisecond)
		s.Key("ctrl+Return")
		// As a person sees the note saved: the panel's count of
		// annotations changes, and the note is the one in its editor.
		countShown(t, s, before)

		// In the panel: a paragraph more, for a question the answer, and
		// a tag more. The editor's fields go: the note, the answer (a
		// question's), Answer with selection… (a question's), colour,
		// status (a question's), tags.
		x, y := editorNote(t, s)
		s.Click(x, y, 1)
		s.Key("Next", "Return")
		body += "\n" + ty.sentence()
		answer := ""
		toTags := []string{"Tab", "Tab", "End"}
		if kind == "question" {
			s.Key("Tab")
			answer = ty.sentence()
			toTags = []string{"Tab", "Tab", "Tab", "Tab", "End"}
		}
		tags = append(tags, tagWords[(3*i+2)%len(tagWords)])
		s.Key(toTags...)
		typeText(t, s, ", "+tags[2], 30*time.Millisecond)
		s.Key("ctrl+Return")
		want = append(want, wantAnnotation{kind: kind, body: body, answer: answer, tags: tags})
	}

	// The citation details: every field typed anew, the Abstract last.
	s.Key("ctrl+shift+e", "Tab")
	var fields []string
	for f := 0; f < 7; f++ {
		if f > 0 {
			s.Key("Tab")
		}
		s.Key("ctrl+a")
		fields = append(fields, ty.sentence())
	}
	if _, err := s.Shot().Save("window-typing.png"); err != nil {
		t.Log(err)
	}
	s.Key("Tab", "Tab", "Tab", "Tab", "space")
	s.Quit()
	t.Logf("typed %d sentences at window widths %v", ty.typed, widths)

	got := typedAnnotations(t, s)
	if len(got) != len(want) {
		t.Fatalf("the library holds %d annotations, %d were written", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		answer := ""
		if g.Answer != nil {
			answer = g.Answer.Text
		}
		if g.Kind != w.kind || g.Body != w.body || answer != w.answer || strings.Join(g.Tags, "|") != strings.Join(w.tags, "|") {
			t.Errorf("annotation %d stored\n kind %q body %q\n answer %q tags %q\nbut the person typed\n kind %q body %q\n answer %q tags %q",
				i+1, g.Kind, g.Body, answer, g.Tags, w.kind, w.body, w.answer, w.tags)
		}
		if g.Exact == "" || !strings.Contains(title, g.Exact) {
			t.Errorf("annotation %d is on %q, not on the part of the title that was selected", i+1, g.Exact)
		}
	}

	// The citation details as the window shows them after a restart;
	// their title (the first field) renamed the document.
	s.Open()
	s.WaitTitle(fields[0])
	s.Key("ctrl+shift+e", "Tab")
	for f, typed := range fields {
		if f > 0 {
			s.Key("Tab")
		}
		sentinel := fmt.Sprintf("clipboard before field %d", f+1)
		s.SetClipboard(sentinel)
		s.Key("ctrl+a", "ctrl+c")
		var shown string
		if !xwindow.Poll(5*time.Second, func() bool { shown = s.Clipboard(); return shown != sentinel }) {
			t.Fatalf("Ctrl+C in citation field %d copied nothing", f+1)
		}
		if shown != typed {
			t.Errorf("citation field %d holds %q, the person typed %q", f+1, shown, typed)
		}
	}
	s.Key("Escape")
	s.Quit()
}

// typedAnnotation is what `scholia annotations --json` says of an
// annotation's typed parts.
type typedAnnotation struct {
	Kind    string   `json:"kind"`
	Exact   string   `json:"exact"`
	Body    string   `json:"body"`
	Tags    []string `json:"tags"`
	Created string   `json:"created"`
	Answer  *struct {
		Text string `json:"text"`
	} `json:"answer"`
}

// typedAnnotations are the library's annotations in the order they were
// written.
func typedAnnotations(t *testing.T, s *xwindow.Session) []typedAnnotation {
	t.Helper()
	var as []typedAnnotation
	if err := json.Unmarshal([]byte(s.CLI("annotations", "--json")), &as); err != nil {
		t.Fatalf("annotations --json: %v", err)
	}
	sort.SliceStable(as, func(i, j int) bool { return as[i].Created < as[j].Created })
	return as
}

// titleY is the height of the first line of the document's title in the
// reader, whatever the window's width.
const titleY = 108

// selectInTitle drags across the word after the title's first letter, as
// a person selects a passage, once the window has settled at its size.
func selectInTitle(t *testing.T, s *xwindow.Session) {
	t.Helper()
	var x int
	var last xwindow.Screen
	if !xwindow.Poll(20*time.Second, func() bool {
		shot := s.Shot()
		settled := last.Image != nil && sameStrip(last, shot, 60, 200)
		last = shot
		var ok bool
		x, ok = titleStart(shot)
		return settled && ok
	}) {
		saveShot(t, last, "window-typing-no-title.png")
		t.Fatal("the document's title is not on screen")
	}
	s.Drag(x+26, titleY, x+150, titleY, 6)
}

// titleStart is where the title's first letter begins: the first light
// grey pixel of the title's line right of the library, in a letter as tall
// as the title's.
func titleStart(shot xwindow.Screen) (int, bool) {
	w := windowWidth(shot)
	light := func(x, y int) bool {
		r, g, b, _ := shot.At(x, y).RGBA()
		r, g, b = r>>8, g>>8, b>>8
		return r > 200 && g > 200 && b > 200 && max(r, g, b)-min(r, g, b) < 20
	}
	for x := w / 8; x < w*7/10; x++ {
		if !light(x, titleY) {
			continue
		}
		top, bottom := false, false
		for dx := 0; dx < 25; dx++ {
			top = top || light(x+dx, titleY-8)
			bottom = bottom || light(x+dx, titleY+8)
		}
		return x, top && bottom
	}
	return 0, false
}

// windowWidth is how wide the window is on the screen: the app may make
// it wider than asked when its content needs the room.
func windowWidth(shot xwindow.Screen) int {
	x := shot.Bounds().Max.X - 1
	for x > 0 && rgb(shot.At(x, xwindow.Height-10)) == (color.RGBA{A: 0xff}) {
		x--
	}
	return x + 1
}

// countShown waits as a person does for the note to show once saved: the
// dialog gone (the library's heading at the top left, which no resize
// moves, looks as in before, taken before the dialog opened), then the
// annotations panel still across three screenshots in a row (it lists the
// new note and shows it in its editor).
func countShown(t *testing.T, s *xwindow.Session, before xwindow.Screen) {
	t.Helper()
	same := func(a, b xwindow.Screen, r image.Rectangle) bool {
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				if a.At(x, y) != b.At(x, y) {
					return false
				}
			}
		}
		return true
	}
	heading := image.Rect(10, 40, 70, 58)
	var last xwindow.Screen
	still := 0
	if !xwindow.Poll(20*time.Second, func() bool {
		shot := s.Shot()
		if !same(shot, before, heading) {
			still = 0
			return false
		}
		width := windowWidth(shot)
		if last.Image != nil && same(shot, last, image.Rect(width-260, 190, width, 480)) {
			still++
		} else {
			still = 0
		}
		last = shot
		return still >= 2
	}) {
		saveShot(t, last, "window-typing-no-count.png")
		t.Fatal("the window did not settle after the note was saved")
	}
}

// sameStrip says whether two screenshots are alike between heights y0 and
// y1 (the title and the tops of the panels, where no cursor blinks).
func sameStrip(a, b xwindow.Screen, y0, y1 int) bool {
	r := a.Bounds()
	for y := y0; y < y1; y += 2 {
		for x := r.Min.X; x < r.Max.X; x += 2 {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}

// editorNote is a point inside the note box of the annotations panel's
// editor, once the dialog has closed: the first box at least 40 px tall
// down the panel's column below its filters, in the colour of the panel's
// filter box and with the same left edge.
func editorNote(t *testing.T, s *xwindow.Session) (int, int) {
	t.Helper()
	var x, y int
	var shot xwindow.Screen
	if !xwindow.Poll(20*time.Second, func() bool {
		shot = s.Shot()
		width := windowWidth(shot)
		box := rgb(shot.At(width-15, 75))
		for x = width - 15; x > 0 && rgb(shot.At(x-1, 75)) == box; x-- {
		}
		run := 0
		for y = 190; y < xwindow.Height-30; y++ {
			if rgb(shot.At(x+3, y)) == box {
				run++
				continue
			}
			if run >= 40 {
				y -= run / 2
				return true
			}
			run = 0
		}
		return false
	}) {
		saveShot(t, shot, "window-typing-no-editor.png")
		t.Fatal("the annotations panel shows no note box to go on writing in")
	}
	return x + 20, y
}

func rgb(c color.Color) color.RGBA {
	r, g, b, _ := c.RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 0xff}
}

// saveShot keeps a screenshot for a person to look at when a test fails.
func saveShot(t *testing.T, shot xwindow.Screen, name string) {
	t.Helper()
	if shot.Image == nil {
		return
	}
	if path, err := shot.Save(name); err == nil {
		t.Logf("screenshot: %s", path)
	}
}
