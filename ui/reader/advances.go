package reader

import (
	"bytes"
	"math"
	"sync"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// typeface is one of the theme's fonts as HarfBuzz shapes it, read once
// per process and shared by the measurers of every size. Fyne builds a
// shaper, and a shaping plan, for each string it measures; one kept here
// shapes a pair of letters a hundred times faster.
type typeface struct {
	mu     sync.Mutex
	face   *font.Face
	shaper shaping.HarfbuzzShaper
	seg    shaping.Segmenter
}

var typefaces = struct {
	sync.Mutex
	m map[fyne.Resource]*typeface
}{m: map[fyne.Resource]*typeface{}}

// typefaceOf is source, or when nil the theme's font for style, as Fyne
// uses it first among the faces it draws with; nil when it cannot be
// read, and every width is then shaped by Fyne.
func typefaceOf(style fyne.TextStyle, source fyne.Resource) *typeface {
	res := source
	if res == nil {
		res = theme.Current().Font(style)
	}
	if res == nil {
		return nil
	}
	typefaces.Lock()
	defer typefaces.Unlock()
	if tf, ok := typefaces.m[res]; ok {
		return tf
	}
	face, err := font.ParseTTF(bytes.NewReader(res.Content()))
	if err != nil {
		fyne.LogError("reading the theme's font", err)
		typefaces.m[res] = nil
		return nil
	}
	tf := &typeface{face: face}
	// A shaper without a font cache (its size is 0 until set) builds
	// HarfBuzz's font anew for every run it shapes: most of the time a
	// change of text size took went there.
	tf.shaper.SetFontCacheSize(1)
	typefaces.m[res] = tf
	return tf
}

// shape is the width of text shaped as Fyne shapes a string: split into
// runs, each shaped left to right.
func (tf *typeface) shape(text []rune, size fixed.Int26_6) float32 {
	tf.mu.Lock()
	defer tf.mu.Unlock()
	in := shaping.Input{Text: text, RunEnd: len(text), Direction: di.DirectionLTR, Face: tf.face, Size: size}
	var adv fixed.Int26_6
	for _, run := range tf.seg.Split(in, oneFace{tf.face}) {
		for _, g := range tf.shaper.Shape(run).Glyphs {
			adv += g.XAdvance
		}
	}
	return float32(float64(adv) / 64)
}

// oneFace resolves every rune to the one face.
type oneFace struct{ f *font.Face }

func (o oneFace) ResolveFace(rune) *font.Face { return o.f }

// advances gives the width of text in one typeface and size without
// shaping each word: the advance of each rune plus the kerning of each
// pair of neighbours, each shaped once, with the same shaper (HarfBuzz)
// and font Fyne draws with. For the runes it takes (see simple) this is
// the width fyne.MeasureText gives, to the 1/64 pixel
// (TestWidthsAreFynes checks it on every word of the corpus's books).
type advances struct {
	tf   *typeface
	size fixed.Int26_6
	buf  [2]rune

	ascii [128]float32 // advances of ASCII runes; NaN until shaped
	adv   map[rune]float32
	kern  []float32 // kerning of pairs of ASCII runes, a*128+b; NaN until shaped
	pairs map[[2]rune]float32
	// ligatures: the font joins "ffi" or "ffl" into one glyph, which pairs
	// of letters do not see, so words with an f are shaped whole.
	ligatures bool
}

// newAdvances measures text of tf at size (in pixels).
func newAdvances(tf *typeface, size float32) *advances {
	a := &advances{tf: tf, size: fixed.Int26_6(float64(size) * 64),
		adv: map[rune]float32{}, pairs: map[[2]rune]float32{}, kern: make([]float32, 128*128)}
	nan := float32(math.NaN())
	for i := range a.ascii {
		a.ascii[i] = nan
	}
	for i := range a.kern {
		a.kern[i] = nan
	}
	for _, lig := range []string{"ffi", "ffl"} {
		text := []rune(lig)
		if a.tf.shape(text, a.size) != a.width(text) {
			a.ligatures = true
		}
	}
	return a
}

// simple says whether r's width is its advance plus the kerning with its
// neighbours: a letter, digit, punctuation or space of the scripts written
// left to right without joining (Latin, Greek, Cyrillic), or a dash, quote
// or other general punctuation, which the font has. Marks, right-to-left and joining scripts, tabs and the runes of
// other fonts are shaped with the words around them instead.
func (a *advances) simple(r rune) bool {
	if r < 0x80 {
		return r >= ' ' && r != 0x7f && (r != 'f' || !a.ligatures)
	}
	// General punctuation: dashes, curly quotes, the ellipsis, primes.
	punctuation := (r >= 0x2010 && r <= 0x2027) || (r >= 0x2030 && r <= 0x205e)
	if !punctuation && (r < 0xa0 || r >= 0x0590 || unicode.IsMark(r)) {
		return false
	}
	_, ok := a.tf.face.NominalGlyph(r)
	return ok
}

// simpleRunes says whether every rune of text is simple.
func (a *advances) simpleRunes(text []rune) bool {
	for _, r := range text {
		if !a.simple(r) {
			return false
		}
	}
	return true
}

// of is the advance of a simple rune.
func (a *advances) of(r rune) float32 {
	if r < 0x80 {
		w := a.ascii[r]
		if w != w { // NaN: not shaped yet
			w = a.shape(r, -1)
			a.ascii[r] = w
		}
		return w
	}
	w, ok := a.adv[r]
	if !ok {
		w = a.shape(r, -1)
		a.adv[r] = w
	}
	return w
}

// pair is the kerning between two simple runes side by side.
func (a *advances) pair(x, y rune) float32 {
	if x < 0x80 && y < 0x80 {
		k := a.kern[x*128+y]
		if k != k {
			k = a.shape(x, y) - a.of(x) - a.of(y)
			a.kern[x*128+y] = k
		}
		return k
	}
	k, ok := a.pairs[[2]rune{x, y}]
	if !ok {
		k = a.shape(x, y) - a.of(x) - a.of(y)
		a.pairs[[2]rune{x, y}] = k
	}
	return k
}

// width is the width of a run of simple runes.
func (a *advances) width(text []rune) float32 {
	var w float32
	for i, r := range text {
		w += a.of(r)
		if i > 0 {
			w += a.pair(text[i-1], r)
		}
	}
	return w
}

// shape is the width of x, or of x then y (y >= 0).
func (a *advances) shape(x, y rune) float32 {
	a.buf[0], a.buf[1] = x, y
	if y >= 0 {
		return a.tf.shape(a.buf[:2], a.size)
	}
	return a.tf.shape(a.buf[:1], a.size)
}
