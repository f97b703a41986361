// Package interop moves annotations in and out of Scholia: Markdown, W3C
// Web Annotation JSON-LD and CSV exports; W3C, Hypothesis and Kindle
// imports; citations in Chicago author-date and APA styles. It works on the
// domain types only: the library decides where things are stored.
package interop
