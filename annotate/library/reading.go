package library

import (
	"time"

	"scholia/annotate/store"
)

// MarkRead records that a document was open with pos (a code point of its
// text) at the top of the view, now. The list sorts by it; opening the
// document again returns there.
func (l *Library) MarkRead(docID string, pos int) error {
	return l.store.PutReading(docID, store.Reading{Position: pos, Opened: l.now().UTC()})
}

// ReadingPosition is where the reader last was in a document (0 if never
// opened).
func (l *Library) ReadingPosition(docID string) (int, error) {
	readings, err := l.store.Readings()
	if err != nil {
		return 0, err
	}
	return readings[docID].Position, nil
}

// LastOpened is the document opened most recently, or "" when none was.
func (l *Library) LastOpened() (string, error) {
	readings, err := l.store.Readings()
	if err != nil {
		return "", err
	}
	var id string
	var when time.Time
	for k, r := range readings {
		if r.Opened.After(when) {
			id, when = k, r.Opened
		}
	}
	return id, nil
}
