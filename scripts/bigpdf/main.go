// Command bigpdf writes PDFs for measuring imports end to end, never
// committed as files: a long book of real prose, a PDF of very many
// pages, a PDF grown to a size past the import limit.
//
//	go run ./scripts/bigpdf -pages 300 -o /tmp/book.pdf -txt /tmp/book.txt
//
// writes 300 pages of the corpus's Gutenberg books (about 170,000 words,
// paragraph after paragraph in 10-point Helvetica) and the same paragraphs
// as plain text, to compare the two imports;
//
//	go run ./scripts/bigpdf -pages 10000 -short -o /tmp/many.pdf
//
// writes 10,000 pages of one line each (3 MB, under the import limit);
//
//	go run ./scripts/bigpdf -pages 300 -size 200 -o /tmp/huge.pdf
//
// pads the 300-page book to 200 MB with a stream no page uses.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"scholia/annotate/pdf/pdftest"
)

// books are the corpus books the text comes from, in turn.
var books = []string{"souls-of-black-folk_pg408.txt", "simple-sabotage-field-manual_pg26184.txt", "communist-manifesto_pg61.txt"}

func main() {
	pages := flag.Int("pages", 300, "how many pages")
	out := flag.String("o", "", "the PDF to write")
	txt := flag.String("txt", "", "also write the same paragraphs to this plain-text file")
	short := flag.Bool("short", false, "one short line a page instead of full pages of prose")
	size := flag.Int("size", 0, "pad the file to this many MB with a stream no page uses")
	dir := flag.String("corpus", "../shared/corpus/text", "the folder of the corpus books")
	flag.Parse()
	if err := run(*out, *txt, *dir, *pages, *short, *size); err != nil {
		fmt.Fprintln(os.Stderr, "bigpdf:", err)
		os.Exit(1)
	}
}

func run(out, txt, dir string, pages int, short bool, size int) error {
	if out == "" {
		return fmt.Errorf("say where to write the PDF with -o")
	}
	doc := pdftest.PDF{Title: "The Joined Books"}
	var text []string
	if short {
		for i := 1; i <= pages; i++ {
			doc.Pages = append(doc.Pages, []string{fmt.Sprintf("Page %d of a document far too long to read.", i)})
		}
	} else {
		paras, err := paragraphs(dir)
		if err != nil {
			return err
		}
		doc, text = pdftest.Book(doc.Title, paras, pages)
	}
	data := doc.Bytes()
	if size > 0 {
		data = pad(data, size<<20)
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		return err
	}
	if txt != "" {
		return os.WriteFile(txt, []byte(doc.Title+"\n\n"+strings.Join(text, "\n\n")+"\n"), 0o644)
	}
	return nil
}

// paragraphs are the books' paragraphs, each on one line.
func paragraphs(dir string) ([]string, error) {
	var out []string
	for _, name := range books {
		raw, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		for _, p := range strings.Split(strings.ReplaceAll(string(raw), "\r\n", "\n"), "\n\n") {
			if p = strings.Join(strings.Fields(p), " "); p != "" {
				out = append(out, p)
			}
		}
	}
	return out, nil
}

// pad puts a stream no page uses before the cross-reference table, so the
// PDF stays whole and reaches size bytes.
func pad(data []byte, size int) []byte {
	at := strings.LastIndex(string(data), "\nxref\n") + 1
	if at <= 0 || size <= len(data) {
		return data
	}
	filler := size - len(data) - 64
	obj := fmt.Sprintf("9999 0 obj\n<< /Length %d >>\nstream\n", filler)
	var b strings.Builder
	b.Grow(size)
	b.Write(data[:at])
	b.WriteString(obj)
	b.WriteString(strings.Repeat("%", filler))
	b.WriteString("\nendstream\nendobj\n")
	rest := string(data[at:])
	// The table's offsets before the filler are unchanged; startxref moves.
	shift := b.Len() - at
	i := strings.LastIndex(rest, "startxref\n")
	var n int
	fmt.Sscanf(rest[i+len("startxref\n"):], "%d", &n)
	b.WriteString(rest[:i])
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", n+shift)
	return []byte(b.String())
}
