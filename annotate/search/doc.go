// Package search finds annotations and documents by what a person
// remembers of them, typos and all, in a few milliseconds over a hundred
// thousand notes. It is the only package that imports sahilm/fuzzy.
//
// # How a query is answered
//
// The index keeps, for every entry (an annotation: its quote, note, answer,
// tags and document title; or a document: its title, byline and site), the
// words of each field, and for every word of the library's vocabulary the
// entries that use it. A query's free words are matched against the
// vocabulary, not against every record: a vocabulary word matches a query
// word when it is the same word, when it starts with it (the word was cut
// short), for query words of three letters or more, when its first
// letters hold the query's letters in order with at most two more between
// them, starting with the same letter (a letter or two were dropped, and
// the word may also be cut short), or when it is within one typo of a
// query word of 4-7 letters or two of one of 8 or more (letters swapped,
// a neighbouring key, a letter doubled or dropped: see typo.go; the word
// still being typed may also start with a typo). The entries that use a
// matching word for every query word come first, however long the query:
// the ninth or fiftieth word narrows them as the first does, so a passage
// pasted whole finds the notes on it first, and a word typed twice counts
// once. The most selective query word picks the candidates and the others
// are checked on each candidate's own words. Filters (tag:, kind:, is:,
// colour:, in:"…") and quoted phrases, which must appear exactly, are
// checked on the same candidates.
//
// When those are fewer than asked for and the query has three free words
// or more (outside phrases), the entries holding only some of its words
// follow, as Meilisearch's matching strategy and Elasticsearch's
// minimum_should_match do: a question typed whole ("who decides when the
// time is appropriate for consultations at the technical level") finds the
// notes holding most of its words rather than nothing because one word is
// in none. Those holding more of the words come first, then those holding
// the rarer ones. A query of one or two words still needs every word, and
// filters and phrases always hold. A word that more than a tenth of a large
// library uses ("the") only counts on the entries rarer words found; alone
// it finds nothing (see partial.go).
//
// # How results are ranked
//
// A person who types "lavrov sanc" wants the note that is about Lavrov and
// sanctions, not one that mentions Lavrov in its quote and has "sanctions"
// somewhere in a tag. So the ranking rewards, in this order:
//
//  1. How well each query word matched: the whole word (6) beats a prefix
//     (4), which beats letters in order inside a longer word or one typo
//     (2), which beat two typos (1).
//  2. Where it matched: the note, quote and answer are what a person wrote
//     or marked and weigh most; tags a little less; the document's title,
//     byline and site least, since every annotation of a document shares
//     them.
//  3. All words matched inside one field: a bonus as large as a whole-word
//     match, because words found together belong together.
//  4. sahilm/fuzzy's own score of the matched words (adjacent letters,
//     letters after a separator), which orders otherwise equal matches.
//  5. Recency: of two equal results, the one changed last comes first.
//
// Entries holding only some of the words come after all these, ranked by
// how many of the words they hold, then by the same rules with each word
// weighted by its rarity.
//
// sahilm/fuzzy also gives the matched characters, which the window shows in
// bold: only the words an entry holds, so a note holding some of the words
// shows which.
package search
