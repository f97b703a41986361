package interop_test

import (
	"testing"

	"scholia/annotate"
	"scholia/annotate/interop"
)

func TestCitationStyles(t *testing.T) {
	web := annotate.Reference{Title: "Talks resume in Geneva", Authors: []string{"Ann Lee", "Bo Chen", "Cy Diaz"}, Publisher: "The Lake Review",
		Published: "2026-03-02T08:00:00Z", URL: "https://example.org/geneva"}
	book := annotate.Reference{Title: "The Souls of Black Folk", Authors: []string{"W. E. B. Du Bois"}, Publisher: "A. C. McClurg", Published: "1903"}
	undated := annotate.Reference{Title: "Briefing", URL: "https://example.org/b", Accessed: "2026-11-20"}
	cases := []struct {
		ref   annotate.Reference
		style interop.Style
		md    bool
		want  string
	}{
		{web, interop.Chicago, false, "Lee, Ann, Bo Chen, and Cy Diaz. 2026. “Talks resume in Geneva.” The Lake Review, March 2, 2026. https://example.org/geneva."},
		{web, interop.APA, false, "Lee, A., Chen, B., & Diaz, C. (2026, March 2). Talks resume in Geneva. The Lake Review. https://example.org/geneva"},
		{book, interop.Chicago, true, "Du Bois, W. E. B. 1903. *The Souls of Black Folk*. A. C. McClurg."},
		{book, interop.APA, true, "Du Bois, W. E. B. (1903). *The Souls of Black Folk*. A. C. McClurg."},
		{annotate.Reference{Title: "Why War?", Authors: []string{"Albert Einstein", "Sigmund Freud"}, Published: "1933"}, interop.Chicago, true, "Einstein, Albert, and Sigmund Freud. 1933. *Why War?*"},
		{undated, interop.Chicago, false, "“Briefing.” n.d. Accessed November 20, 2026. https://example.org/b."},
		{undated, interop.APA, false, "Briefing. (n.d.). Retrieved November 20, 2026, from https://example.org/b"},
	}
	for _, c := range cases {
		if got := interop.Cite(c.ref, c.style, c.md); got != c.want {
			t.Errorf("%s %q\n got %s\nwant %s", c.style, c.ref.Title, got, c.want)
		}
	}
}

func TestAuthorsFromABylineAreSplit(t *testing.T) {
	cases := map[string][]string{
		"By Ann Lee and Bo Chen":                                {"Ann Lee", "Bo Chen"},
		"Irakli Nadareishvili, Ronnie Mitra, and Mike Amundsen": {"Irakli Nadareishvili", "Ronnie Mitra", "Mike Amundsen"},
		"Joshua Bloch;Brian Goetz":                              {"Joshua Bloch", "Brian Goetz"},
		"Schopenhauer, Arthur":                                  {"Arthur Schopenhauer"},
		"Reuters":                                               {"Reuters"},
	}
	for in, want := range cases {
		got := annotate.SplitAuthors(in)
		if len(got) != len(want) {
			t.Errorf("%q → %q, want %q", in, got, want)
			continue
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%q → %q, want %q", in, got, want)
			}
		}
	}
}

// An organisation named as a byline is cited as written, never turned
// round like a person's name: "Strategic Services" is the byline of the
// Project Gutenberg Simple Sabotage Field Manual, "Office of Strategic
// Services" the one its text gives.
func TestCorporateAuthorsAreCitedAsWritten(t *testing.T) {
	cases := []struct {
		byline string
		style  interop.Style
		want   string
	}{
		{"Strategic Services", interop.Chicago, "Strategic Services. n.d. *Simple Sabotage Field Manual*."},
		{"Strategic Services", interop.APA, "Strategic Services. (n.d.). *Simple Sabotage Field Manual*."},
		{"Office of Strategic Services", interop.Chicago, "Office of Strategic Services. n.d. *Simple Sabotage Field Manual*."},
		{"Office of Strategic Services", interop.APA, "Office of Strategic Services. (n.d.). *Simple Sabotage Field Manual*."},
		{"W. E. B. Du Bois", interop.Chicago, "Du Bois, W. E. B. n.d. *Simple Sabotage Field Manual*."},
		{"Karl Marx and Friedrich Engels", interop.APA, "Marx, K., & Engels, F. (n.d.). *Simple Sabotage Field Manual*."},
	}
	for _, c := range cases {
		ref := annotate.Reference{Title: "Simple Sabotage Field Manual", Authors: annotate.SplitAuthors(c.byline)}
		if got := interop.Cite(ref, c.style, true); got != c.want {
			t.Errorf("%s by %q\n got %s\nwant %s", c.style, c.byline, got, c.want)
		}
	}
}
