package library_test

import (
	"errors"
	"strings"
	"testing"

	"scholia/annotate"
	"scholia/annotate/interop"
	"scholia/annotate/library"
)

const memo = "Summit Memo\n\nThe ministers agreed in principle. The ministers disagreed on tariffs.\n\nA second paragraph about sanctions.\n"

func importMemo(t *testing.T, lib *library.Library) *annotate.Document {
	t.Helper()
	res, err := lib.ImportBytes("memo.txt", "/memo.txt", []byte(memo))
	if err != nil {
		t.Fatal(err)
	}
	return res.Document
}

func TestAnnotationAnchorsOnTheExactPassage(t *testing.T) {
	lib, path := openLibrary(t)
	doc := importMemo(t, lib)
	text := []rune(doc.Text())
	a, err := lib.AnnotateQuote(doc.ID, "The ministers", 2, library.Draft{Kind: annotate.KindNote, Body: "*second* mention", Tags: []string{" #trade ", "trade", "summit talks"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := string(text[a.Anchor.Start:a.Anchor.End]); got != a.Anchor.Exact || got != "The ministers" {
		t.Errorf("anchor %+v reads %q", a.Anchor, got)
	}
	if !strings.HasSuffix(a.Anchor.Prefix, "agreed in principle. ") || !strings.HasPrefix(a.Anchor.Suffix, " disagreed") {
		t.Errorf("context %q / %q", a.Anchor.Prefix, a.Anchor.Suffix)
	}
	if strings.Join(a.Tags, ",") != "trade,summit talks" {
		t.Errorf("tags %q", a.Tags)
	}
	if _, err := lib.AnnotateQuote(doc.ID, "The ministers", 3, library.Draft{}); !errors.Is(err, annotate.ErrNotFound) || !strings.Contains(err.Error(), "occurs 2 times") {
		t.Errorf("third occurrence: %v", err)
	}
	if _, err := lib.AnnotateQuote(doc.ID, "not there", 1, library.Draft{}); !errors.Is(err, annotate.ErrNotFound) {
		t.Errorf("missing quote: %v", err)
	}
	lib.Close()
	lib, err = library.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	anns, err := lib.Annotations(doc.ID)
	if err != nil || len(anns) != 1 || anns[0].Body != "*second* mention" || anns[0].Anchor.Exact != "The ministers" {
		t.Fatalf("after reopening: %+v, %v", anns, err)
	}
	if tags, _ := lib.Tags(); strings.Join(tags, ",") != "trade,summit talks" && strings.Join(tags, ",") != "summit talks,trade" {
		t.Errorf("tags in use %q", tags)
	}
}

func TestQuestionsOpenAnswerAndLink(t *testing.T) {
	lib, _ := openLibrary(t)
	doc := importMemo(t, lib)
	q, err := lib.AnnotateQuote(doc.ID, "in principle", 1, library.Draft{Kind: annotate.KindQuestion, Body: "What does in principle commit them to?"})
	if err != nil || q.Status != annotate.StatusOpen {
		t.Fatalf("question %+v %v", q, err)
	}
	whole, err := lib.Annotate(doc.ID, library.Draft{Kind: annotate.KindQuestion, Whole: true, Body: "Who wrote this memo?"})
	if err != nil || whole.Anchor != nil {
		t.Fatalf("document question %+v %v", whole, err)
	}
	open, _ := lib.OpenQuestions()
	if len(open) != 2 || open[0].ID != whole.ID || open[0].DocTitle != "Summit Memo" {
		t.Fatalf("open questions %+v, want newest first with the document title", open)
	}
	if n, err := lib.OpenQuestionCount(); n != 2 || err != nil {
		t.Errorf("open question count %d, %v; want 2", n, err)
	}
	other, _ := lib.ImportBytes("other.txt", "/o.txt", []byte("Other Source\n\nIn principle means nothing yet.\n"))
	answered, err := lib.AnswerWithPassage(q.ID, other.Document.ID, 14, 30, "Nothing binding.")
	if err != nil {
		t.Fatal(err)
	}
	if answered.Status != annotate.StatusAnswered || answered.Answer.Text != "Nothing binding." {
		t.Errorf("answered %+v", answered)
	}
	link, err := lib.Annotation(answered.Answer.Link)
	if err != nil || link.DocID != other.Document.ID || link.Anchor.Exact != "In principle mea" {
		t.Errorf("answer link %+v %v", link, err)
	}
	open, _ = lib.OpenQuestions()
	if len(open) != 1 || open[0].ID != whole.ID {
		t.Errorf("after answering, open questions %+v", open)
	}
	if n, err := lib.OpenQuestionCount(); n != 1 || err != nil {
		t.Errorf("after answering, open question count %d, %v; want 1", n, err)
	}
	if err := lib.DeleteAnnotation(whole.ID); err != nil {
		t.Fatal(err)
	}
	if n, err := lib.OpenQuestionCount(); n != 0 || err != nil {
		t.Errorf("after deleting the last, open question count %d, %v; want 0", n, err)
	}
}

func TestDeleteUndoAndTrash(t *testing.T) {
	lib, _ := openLibrary(t)
	doc := importMemo(t, lib)
	a, _ := lib.AnnotateQuote(doc.ID, "sanctions", 1, library.Draft{Colour: annotate.Pink})
	b, _ := lib.AnnotateQuote(doc.ID, "tariffs", 1, library.Draft{Kind: annotate.KindNote, Body: "keep"})
	if err := lib.DeleteAnnotation(a.ID); err != nil {
		t.Fatal(err)
	}
	anns, _ := lib.Annotations(doc.ID)
	if len(anns) != 1 || anns[0].ID != b.ID {
		t.Fatalf("after delete: %+v", anns)
	}
	trash, _ := lib.Trash(doc.ID)
	if len(trash) != 1 || trash[0].ID != a.ID {
		t.Fatalf("trash %+v", trash)
	}
	if what, err := lib.Undo(); err != nil || what != "the deletion" {
		t.Fatalf("undo: %q %v", what, err)
	}
	anns, _ = lib.Annotations(doc.ID)
	if len(anns) != 2 || anns[0].ID != b.ID || anns[1].ID != a.ID {
		t.Fatalf("after undo, in document order: %+v", anns)
	}
	if err := lib.DeleteAnnotation(b.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.RestoreAnnotation(b.ID); err != nil {
		t.Fatal(err)
	}
	if trash, _ := lib.Trash(""); len(trash) != 0 {
		t.Errorf("trash after restore %+v", trash)
	}
	edited := *a
	edited.Body, edited.Colour = "now with a note", annotate.Blue
	if _, err := lib.UpdateAnnotation(edited); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Undo(); err != nil {
		t.Fatal(err)
	}
	if back, _ := lib.Annotation(a.ID); back.Body != "" || back.Colour != annotate.Pink {
		t.Errorf("undo of an edit gave %+v", back)
	}
}

func TestCitation(t *testing.T) {
	doc := &annotate.Document{Title: "Summit Memo", Byline: "A. Writer", Site: "Example Review", Published: "2026-03-02", Source: "/memo.txt"}
	want := "“in principle”\n— Writer, A. 2026. Summit Memo. Example Review."
	if got := library.Citation(doc, &annotate.Anchor{Exact: " in principle "}, interop.Chicago); got != want {
		t.Errorf("citation\n%s\nwant\n%s", got, want)
	}
}

func TestCitationOfAPDFsPassageGivesItsPages(t *testing.T) {
	doc := &annotate.Document{Title: "Arms Control", Byline: "Ann Lee", Published: "2019", Format: "pdf", PageLabels: []string{"", "12", "13"}}
	doc.SetBlocks([]annotate.Block{
		{Kind: annotate.BlockParagraph, Text: "Front matter.", Page: 1},
		{Kind: annotate.BlockParagraph, Text: "The treaty lapsed.", Page: 2},
		{Kind: annotate.BlockParagraph, Text: "Nobody noticed.", Page: 3},
	})
	text := []rune(doc.Text())
	for _, c := range []struct {
		start, end int
		want       string
	}{
		{15, 33, "“The treaty lapsed.” (p. 12)\n— Lee, Ann. 2019. Arms Control."},
		{19, 50, "“treaty lapsed.\n\nNobody noticed.” (pp. 12–13)\n— Lee, Ann. 2019. Arms Control."},
	} {
		a, err := annotate.NewAnchor(text, c.start, c.end)
		if err != nil {
			t.Fatal(err)
		}
		if got := library.Citation(doc, &a, interop.Chicago); got != c.want {
			t.Errorf("citation\n%s\nwant\n%s", got, c.want)
		}
	}
}
