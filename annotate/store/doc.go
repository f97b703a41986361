// Package store keeps Scholia's library in one bbolt file: documents, their
// blocks and annotations, each record sealed with a checksum. Every write is
// one transaction, committed before the method returns. Nothing outside this
// package imports bbolt, and no transaction or byte slice from one escapes it.
//
// Layout (schema version 1):
//
//	meta         "schema" -> decimal version; "written_by_this" -> the
//	             last transaction this Scholia wrote (derived.go)
//	documents    doc id   -> record(Document without blocks)
//	blocks       doc id   -> record([]Block)
//	hashes       sha256   -> doc id
//	annotations  ann id   -> record(Annotation)
//	by_document  doc id + "/" + ann id -> nothing (the document's annotations)
//	reading      doc id   -> record(Reading): where the reader was, and when
//	trash        ann id   -> record(Deleted): deleted annotations, restorable
//	open_questions ann id -> doc id (every open question of the library)
//	tags         tag      -> decimal count of live annotations using it
//	revisions    doc id + "/" + revision -> record(Document): earlier texts
//	sources      source (path or URL) -> doc id
//	answer_links linked ann id + "/" + question id -> nothing (the live
//	             questions answered with each annotation's passage)
//	removed      doc id -> a bucket of the records of a document removed
//	             to the trash, with its annotations (removed.go)
//	search_index the search index kept in step with the records: "stamp",
//	             "since", a "snapshot" bucket and a "journal" bucket of the
//	             ids changed since (searchindex.go)
//
// A record is a 4-byte big-endian CRC-32C (Castagnoli) of the payload
// that follows it; a mismatch reads as annotate.ErrDamaged. An
// annotation's payload is a compact binary form (codec.go: a version
// byte, then its fields as varint-length-prefixed strings, varints and
// 0/1 flags); every other record (a document without its blocks, its
// blocks, a reading, a trashed annotation with its deletion time, a
// revision) is JSON. Annotations written as JSON by earlier versions are
// still read.
package store
