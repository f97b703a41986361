package ui

import "fmt"

// statusLine is what the status bar says about the library.
func statusLine(documents int, path string) string {
	noun := "documents"
	if documents == 1 {
		noun = "document"
	}
	return fmt.Sprintf("%d %s · %s", documents, noun, path)
}
