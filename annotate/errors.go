package annotate

import (
	"errors"
	"fmt"
)

// Sentinel errors. Layers wrap them with the details (file, id) so callers can
// test with errors.Is and still show one plain sentence to the user.
var (
	// ErrNotFound: no document or annotation has that id, prefix or title.
	ErrNotFound = errors.New("not found")
	// ErrAmbiguous: a prefix or title names more than one document.
	ErrAmbiguous = errors.New("more than one match")
	// ErrLocked: another Scholia holds the library file's lock.
	ErrLocked = errors.New("library is in use by another Scholia")
	// ErrDamaged: the library file cannot be read as a Scholia library.
	ErrDamaged = errors.New("library file is damaged")
	// ErrNewerSchema: the library was written by a newer Scholia.
	ErrNewerSchema = errors.New("library was written by a newer Scholia")
	// ErrUnsupportedFormat: the bytes are not a document Scholia can import.
	ErrUnsupportedFormat = errors.New("unsupported format")
	// ErrTooLarge: the file is larger than Scholia imports.
	ErrTooLarge = errors.New("file too large")
	// ErrEmpty: the file holds no text.
	ErrEmpty = errors.New("file is empty")
	// ErrInvalid: a value breaks a rule of the domain (an anchor outside the
	// text, an unknown colour).
	ErrInvalid = errors.New("invalid")
	// ErrNotSaved: writing to the library failed (a full disk, a
	// read-only file); the change was not made and nothing before it is
	// lost.
	ErrNotSaved = errors.New("not saved")
)

// Problem is an error whose message is a plain sentence for the user and
// which unwraps to one of the sentinels above, so callers can still test it
// with errors.Is.
type Problem struct {
	Msg  string
	Kind error
}

func (p *Problem) Error() string { return p.Msg }

// Unwrap returns the sentinel.
func (p *Problem) Unwrap() error { return p.Kind }

// Problemf builds a Problem of the given kind.
func Problemf(kind error, format string, args ...any) error {
	return &Problem{Msg: fmt.Sprintf(format, args...), Kind: kind}
}
