// Package ui is Scholia's window, built with Fyne: the library list and the
// document view. It talks to annotate/library only, never to the storage or
// search packages, and it never creates the Fyne app itself (main does), so
// its tests run on Fyne's headless test driver.
package ui
