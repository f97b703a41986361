package annotate

import "strconv"

// Count is a number of things as a sentence says it in figures: "1
// document", "3 annotations".
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
