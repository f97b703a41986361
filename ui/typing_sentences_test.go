package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// ownSentences are notes, questions, answers and citation details of the
// kind a reader of foreign-policy sources writes, from three words to a
// long paragraph, so that as they are typed at many widths a space lands
// at every wrap.
var ownSentences = []string{
	"Did Washington actually change its sanctions policy toward adversaries after such talks?",
	"Compare with the 1994 framework.",
	"Who drafted this paragraph, and why does it hedge so carefully about verification?",
	"The phrase “in principle” appears three times on this page alone.",
	"Check.",
	"This reads like a trial balloon rather than a settled position; the ministry denied it two days later.",
	"Why is the date of the ceasefire missing from the English version but present in the French one?",
	"Note the passive voice: nobody in particular is said to have agreed to anything at all.",
	"See also the annex on inspections, which contradicts this claim about access to the sites.",
	"Is this the same envoy who resigned in March?",
	"A quiet admission that the earlier estimate of troop numbers was far too high.",
	"The author assumes that sanctions work by persuasion, but the evidence cited points to attrition instead.",
	"Ask Maria whether the archive has the cable that is quoted here without any reference.",
	"Strong claim, weak source.",
	"How many of the signatories had ratified the treaty by the time this statement was issued, and which of them later withdrew?",
	"Quote for the chapter on alliances.",
	"The numbers in this table do not add up: the regional totals exceed the national figure by roughly four thousand.",
	"Is “technical level” a euphemism for talks that neither side wants to acknowledge in public?",
	"Reuters reported the opposite on the same day.",
	"If the embargo was lifted in 2003, what explains the shipments recorded in the customs data for 2005 and 2006?",
	"Good summary of the negotiating positions before the summit; use it in the introduction.",
	"Was the humanitarian corridor ever opened, or did it stay a promise on paper?",
	"This sentence was added in the revised edition.",
	"The minister speaks of partners, never of allies: a deliberate choice of words that the press largely missed.",
	"Why does the report cite only Western sources for events that took place entirely inside the region?",
	"Footnote 12 points to a speech that I cannot find in the official record.",
	"Dropped: the question was answered by the second memo.",
	"Later accounts contradict this.",
	"Does the phrase “all necessary measures” here carry the same meaning it had in the 1990 resolution?",
	"An unusually frank passage for a diplomatic communiqué, which suggests it was written for domestic readers.",
	"Who benefits from the delay?",
	"The author moves from describing the talks to endorsing them without saying so, which is the weakest point of the whole article.",
	"Cross-check the figures with the World Bank series before citing them.",
	"How did the smaller states vote, and did any of them abstain?",
	"Keep this for the seminar on sanctions and their limits next term.",
	"A clear statement of the doctrine, two years before it was applied.",
	"Why would a government publish its own red lines so precisely?",
	"The interview was conducted through an interpreter, so the exact wording may not be the speaker's.",
	"Verification came later, and the verification regime was the hard part.",
	"Is there an earlier draft of this agreement in which the clause on inspections was stronger?",
	"Timeline: talks in May, communiqué in June, first shipments in September, collapse by the new year.",
	"Odd.",
	"The same argument appears, almost word for word, in a speech given eleven years earlier by a different minister.",
	"What did the opposition parties say about the deal at the time it was signed?",
	"Use as an example of how a joint statement can hide a disagreement behind shared vocabulary.",
	"Were the observers allowed to travel without escorts, or only to places chosen by the host government?",
	"The map on this page shows the old border, not the one agreed in the settlement.",
	"Does the author ever define what counts as a violation, or is it left to the reader to guess?",
	"Answered in chapter seven.",
	"This is where the argument turns: from what the parties wanted to what they could afford to give up.",
	"Which agency prepared the briefing, and was it shared with the allies before the meeting?",
	"The word “temporary” did a great deal of work in this agreement, and the measures lasted twenty years.",
	"Find the original French text; the translation softens the last sentence considerably.",
	"Could the sanctions have worked if the neighbouring states had enforced them at the border crossings?",
	"Short, but it says everything about the mood in the delegation that week.",
	"Why does the memo describe the concessions in detail but the gains only in general terms, as if the writer expected the document to leak?",
	"Tags to add: sanctions, verification, 1990s, treaty law.",
	"The Journal of Strategic Studies, vol. 41, no. 3 (2018), pp. 455–478.",
}

// corpusSentences are sentences of the shared corpus's plain-text books,
// spread through each book, from short to long.
func corpusSentences(t *testing.T) []string {
	t.Helper()
	dir := filepath.Join("..", "..", "shared", "corpus", "text")
	books, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(books) == 0 {
		t.Skipf("skipped: no books in %s (the shared corpus lives beside the project, not in it)", dir)
	}
	space := regexp.MustCompile(`\s+`)
	end := regexp.MustCompile(`[.?!]["”’]? `)
	var out []string
	for _, book := range books {
		data, err := os.ReadFile(book)
		if err != nil {
			t.Fatal(err)
		}
		text := space.ReplaceAllString(string(data), " ")
		var sentences []string
		for _, s := range end.Split(text, -1) {
			n := utf8.RuneCountInString(s)
			if n >= 12 && n <= 200 && strings.Count(s, " ") >= 2 && !strings.ContainsAny(s, "\t*[]_|") {
				sentences = append(sentences, strings.TrimSpace(s)+".")
			}
		}
		const perBook = 7
		for i := 0; i < perBook && len(sentences) > 0; i++ {
			out = append(out, sentences[(2*i+1)*len(sentences)/(2*perBook)])
		}
	}
	return out
}
