package ingest

import "testing"

// TestDayReadsTheFormsPagesWrite: the calendar day as the page writes it
// (its offset is the publisher's), or "" for what is not a date.
func TestDayReadsTheFormsPagesWrite(t *testing.T) {
	for in, want := range map[string]string{
		"2017-01-13T00:00:04-05:00":       "2017-01-13",
		"2018-09-25T21:28:31.000Z":        "2018-09-25",
		"2017-11-03 03:01:00.000000":      "2017-11-03",
		" 2014/12/15 ":                    "2014-12-15",
		"2009.3.4":                        "2009-03-04",
		"20170113":                        "2017-01-13",
		"20190806103251":                  "2019-08-06",
		"2009":                            "2009",
		"Mon, 02 Jan 2006 15:04:05 -0700": "2006-01-02",
		"March 4, 2009":                   "2009-03-04",
		"4 March 2009":                    "2009-03-04",
		"Sep. 9, 2019":                    "2019-09-09",
		"2019-13-45":                      "",
		"0000-01-01":                      "",
		"yesterday":                       "",
		"12345":                           "",
		"":                                "",
	} {
		if got := day(in); got != want {
			t.Errorf("day(%q) = %q, want %q", in, got, want)
		}
	}
}
