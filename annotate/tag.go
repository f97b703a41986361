package annotate

import "strings"

// CleanTag is a tag as typed, tidied: spaces around it and a leading '#'
// dropped, each run of spaces inside it made one space. "diplomatic
// language" stays two words.
func CleanTag(t string) string {
	return strings.Join(strings.Fields(strings.TrimPrefix(strings.TrimSpace(t), "#")), " ")
}

// TagKey is what tells tags apart: neither case nor whether the words are
// joined by a space or a hyphen (as a Markdown #tag writes them), so
// "Diplomatic language" and "diplomatic-language" are one tag.
func TagKey(t string) string {
	return strings.ToLower(strings.ReplaceAll(CleanTag(t), " ", "-"))
}
