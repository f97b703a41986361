package xwindow

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
)

// Screen is a screenshot of the whole X screen.
type Screen struct {
	image.Image
	png []byte
}

// Shot takes a screenshot of the screen.
func (s *Session) Shot() Screen {
	s.t.Helper()
	cmd := exec.Command("import", "-window", "root", "png:-")
	cmd.Env = s.env()
	out, err := cmd.Output()
	if err != nil {
		s.t.Fatalf("import -window root: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		s.t.Fatalf("reading the screenshot: %v", err)
	}
	return Screen{Image: img, png: out}
}

// Save writes the screenshot under test-artifacts/ at the top of the
// module (make test keeps it for a person to look at) and returns its path.
func (sc Screen) Save(name string) (string, error) {
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(root, "test-artifacts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, name)
	return path, os.WriteFile(path, sc.png, 0o644)
}

// Colours is how many distinct colours the screen shows (a blank window
// shows one or two).
func (sc Screen) Colours() int {
	seen := map[color.RGBA]bool{}
	b := sc.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			seen[rgba(sc.At(x, y))] = true
		}
	}
	return len(seen)
}

// Count is how many pixels inside r have exactly colour c.
func (sc Screen) Count(r image.Rectangle, c color.Color) int {
	want := rgba(c)
	n := 0
	r = r.Intersect(sc.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if rgba(sc.At(x, y)) == want {
				n++
			}
		}
	}
	return n
}

// Find is the first point inside r, row by row, with exactly colour c.
func (sc Screen) Find(r image.Rectangle, c color.Color) (image.Point, bool) {
	want := rgba(c)
	r = r.Intersect(sc.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if rgba(sc.At(x, y)) == want {
				return image.Pt(x, y), true
			}
		}
	}
	return image.Point{}, false
}

func rgba(c color.Color) color.RGBA {
	r, g, b, _ := c.RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 0xff}
}
