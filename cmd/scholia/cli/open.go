package cli

import (
	"errors"
	"fmt"
	"os"

	"scholia/annotate"
	"scholia/annotate/library"
)

// Target is what the window opens on: a file to import (or whose
// annotations to import) and show, or a document already in the library.
type Target struct {
	File     string
	Document string
}

// Reference is the file or document the invocation names for the window
// (`scholia open REF`, `scholia REF`), "" when it names none. A title of
// several words must be one argument.
func (inv Invocation) Reference() (string, error) {
	args := inv.Args
	if inv.Command != "open" {
		args = append([]string{inv.Command}, args...)
	}
	switch {
	case len(args) == 0 || args[0] == "":
		return "", nil
	case len(args) > 1:
		return "", errUsage{fmt.Sprintf("the window opens on one file or document, not %d; put a title of several words in quotes", len(args))}
	}
	return args[0], nil
}

// Resolve decides what the window opens on for the file or document the
// invocation names. A path that exists as a file wins, so a file can
// always be opened; else the reference names a document exactly as show's
// DOC does (id, unique id prefix, title or a part of a title only one
// document has); else the error says in one sentence that neither exists
// (and, for `scholia REF`, that REF is no command either).
func (inv Invocation) Resolve(lib *library.Library) (Target, error) {
	ref, err := inv.Reference()
	if err != nil || ref == "" {
		return Target{}, err
	}
	if info, err := os.Stat(ref); err == nil {
		if info.IsDir() {
			return Target{}, fmt.Errorf("%s is a folder; import it with scholia import %s, or File → Import Folder… in the window", ref, ref)
		}
		return Target{File: ref}, nil
	}
	doc, err := lib.Find(ref)
	switch {
	case err == nil:
		return Target{Document: doc.ID}, nil
	case !errors.Is(err, annotate.ErrNotFound):
		return Target{}, err
	case inv.Command == "open":
		return Target{}, fmt.Errorf("neither a file nor a document named %q exists; scholia list shows the documents", ref)
	}
	return Target{}, fmt.Errorf("%q is not a command, a file or a document in the library; scholia help lists the commands, scholia list the documents", ref)
}
