package library

// Check verifies the open library page by page and record by record, as
// the package's Check does for a file no one holds.
func (l *Library) Check() (Report, error) { return l.store.CheckOpen() }
