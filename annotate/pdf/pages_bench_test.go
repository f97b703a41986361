package pdf

import "testing"

// BenchmarkRenderPage draws every page of the Texinfo manual of the
// corpus 1224 pixels wide (a letter page at 200% of 72 dpi, what a
// 1.5x-scaled screen shows at about 130%), and reports the time a page
// and the bytes of one page drawn.
func BenchmarkRenderPage(b *testing.B) {
	p, err := testEngine.OpenPages(realPDF(b, "libtasn1.pdf"), "")
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	b.ResetTimer()
	bytes := 0
	for i := 0; i < b.N; i++ {
		img, err := p.Render(i%p.Count()+1, 1224)
		if err != nil {
			b.Fatal(err)
		}
		bytes = len(img.Pix)
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/page")
	b.ReportMetric(float64(bytes)/(1<<20), "MB/page")
}

// BenchmarkPageMap finds where the text of the Texinfo manual stands on
// its pages, as opening its page view does, and reports the map's size
// (40 bytes a character).
func BenchmarkPageMap(b *testing.B) {
	data := realPDF(b, "libtasn1.pdf")
	doc, err := testEngine.Read(data, "")
	if err != nil {
		b.Fatal(err)
	}
	text := doc.Annotate().Text()
	b.ResetTimer()
	var m *PageMap
	for i := 0; i < b.N; i++ {
		if m, err = testEngine.PageMap(data, "", text); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	chars := 0
	for _, pg := range m.Pages {
		chars += len(pg.Chars)
	}
	b.ReportMetric(float64(len(m.Pages)), "pages")
	b.ReportMetric(float64(chars*40)/(1<<20), "MB-map")
}
