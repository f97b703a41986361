package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// fakeTB records a skip or a failure and stops the calling goroutine, as
// testing.T does.
type fakeTB struct {
	testing.TB
	skipped, failed string
}

func (f *fakeTB) Helper() {}

func (f *fakeTB) Skipf(format string, args ...any) {
	f.skipped = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func (f *fakeTB) Fatalf(format string, args ...any) {
	f.failed = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// run calls Path, or Find when optional, as a test in the package folder
// pkg would; ok is false when the call skipped, failed or found nothing.
func run(pkg string, optional bool, parts ...string) (f *fakeTB, p string, ok bool) {
	f = &fakeTB{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if optional {
			p, ok = lookup(f, pkg, parts)
			return
		}
		p = path(f, pkg, parts)
		ok = true
	}()
	<-done
	return f, p, ok
}

// project lays out a checkout (go.mod, a package two folders down) beside
// a shared folder, with or without the corpus and its text folder.
func project(t *testing.T, withCorpus, withText bool) (pkg, text string) {
	t.Helper()
	top := t.TempDir()
	pkg = filepath.Join(top, "scholia", "annotate", "ingest")
	text = filepath.Join(top, "shared", "corpus", "text")
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(top, "scholia", "go.mod"), []byte("module scholia\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if withCorpus {
		if err := os.MkdirAll(filepath.Dir(text), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if withText {
		if err := os.MkdirAll(text, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return pkg, text
}

func TestACorpusTestRunsSkipsOrFails(t *testing.T) {
	cases := []struct {
		ci         string
		withCorpus bool
		withText   bool
		optional   bool
		want       string // "found", "absent", "skipped" or "failed"
	}{
		{"", true, true, false, "found"},
		{"true", true, true, false, "found"},
		{"", false, false, false, "skipped"},
		{"false", false, false, false, "skipped"},
		{"0", false, false, false, "skipped"},
		{"true", false, false, false, "failed"},
		{"1", false, false, false, "failed"},
		{"", true, true, true, "found"},
		{"", false, false, true, "absent"},
		{"true", false, false, true, "failed"},
		{"", true, false, false, "failed"},
		{"", true, false, true, "failed"},
	}
	for _, c := range cases {
		name := fmt.Sprintf("CI=%q corpus=%v text=%v optional=%v", c.ci, c.withCorpus, c.withText, c.optional)
		t.Run(name, func(t *testing.T) {
			t.Setenv("CI", c.ci)
			pkg, text := project(t, c.withCorpus, c.withText)
			f, path, ok := run(pkg, c.optional, "text")
			got := "absent"
			switch {
			case f.failed != "":
				got = "failed"
			case f.skipped != "":
				got = "skipped"
			case ok:
				got = "found"
			}
			if got != c.want {
				t.Fatalf("%s (skip %q, failure %q), want %s", got, f.skipped, f.failed, c.want)
			}
			if (got == "found" || got == "absent") && path != text {
				t.Errorf("path %s, want %s", path, text)
			}
			missing := filepath.Dir(text)
			if c.withCorpus {
				missing = "text"
			}
			if msg := f.skipped + f.failed; (got == "skipped" || got == "failed") && !strings.Contains(msg, missing) {
				t.Errorf("the message %q does not name the missing %s", msg, missing)
			}
			if got == "failed" && !c.withCorpus && !strings.Contains(f.failed, "CI="+c.ci) {
				t.Errorf("the failure %q does not say CI is why it fails", f.failed)
			}
		})
	}
}

func TestWithoutAModuleAboveTheTestFails(t *testing.T) {
	t.Setenv("CI", "")
	f, _, _ := run(t.TempDir(), false, "text")
	if !strings.Contains(f.failed, "no go.mod") {
		t.Errorf("failure %q, skip %q; want a failure saying no go.mod was found", f.failed, f.skipped)
	}
}

// From a package folder of this checkout, the corpus is the shared folder
// beside the project, three levels up from annotate/corpus.
func TestTheCorpusIsBesideTheProject(t *testing.T) {
	t.Setenv("CI", "")
	got, _ := Find(t, "text")
	want, err := filepath.Abs(filepath.Join("..", "..", "..", "shared", "corpus", "text"))
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("Find = %s, want %s", got, want)
	}
}
