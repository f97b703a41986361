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
// short), or, for query words of three letters or more, when its first
// letters hold the query's letters in order with at most two more between
// them, starting with the same letter (a letter or two were dropped, and
// the word may also be cut short). Only entries that use a
// matching word for every query word survive, however long the query: the
// ninth or fiftieth word narrows the results as the first does, so a
// passage pasted whole finds the notes on it, and a word typed twice counts
// once. The most selective query word picks the candidates and the others
// are checked on each candidate's own words. Filters (tag:, kind:, is:, colour:, in:"…") and quoted phrases,
// which must appear exactly, are checked on the same candidates.
//
// # How results are ranked
//
// A person who types "lavrov sanc" wants the note that is about Lavrov and
// sanctions, not one that mentions Lavrov in its quote and has "sanctions"
// somewhere in a tag. So the ranking rewards, in this order:
//
//  1. How well each query word matched: the whole word (3) beats a prefix
//     (2), which beats letters in order inside a longer word (1).
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
// sahilm/fuzzy also gives the matched characters, which the window shows in
// bold.
package search
