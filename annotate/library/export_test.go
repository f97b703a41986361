package library

// SetMaxPassages sets how many passages embedded in questions one file
// may hold, for a test, and returns a function that puts it back.
func SetMaxPassages(n int) (restore func()) {
	old := maxPassages
	maxPassages = n
	return func() { maxPassages = old }
}
