package ui

import (
	"context"

	"fyne.io/fyne/v2"

	"scholia/annotate/library"
)

// importer brings files into the library: picked in the open dialog,
// dropped on the window, a whole folder, or PDFs locked with a password.
// It shows its progress in the status bar and what went wrong in dialogs,
// and hands the document to show back to the window.
type importer struct {
	lib     *library.Library
	win     fyne.Window
	guard   *crashGuard
	tasks   *tasks
	changes *changes // an import is a change: quitting waits for it
	dialogs *openDialogs
	status  *statusBar

	// showError tells what went wrong; open shows a document imported
	// (again: read it anew though it is on show); reload reads the list
	// again.
	showError func(error)
	open      func(id string, again bool)
	reload    func()

	cancel        context.CancelFunc // stops the folder import under way
	summary       string             // what the last folder import's summary said
	problems      []string           // the sentences of the last import's failures
	passwordEntry *shortcutEntry     // the box of the password dialog last shown
	chooser       *fileChooser       // the Open dialog last shown
	lastDir       string             // the folder the Open dialog last listed
}
