// Package store keeps Scholia's library in one bbolt file: documents, their
// blocks and annotations, each record sealed with a checksum. Every write is
// one transaction, committed before the method returns. Nothing outside this
// package imports bbolt, and no transaction or byte slice from one escapes it.
//
// Layout (schema version 1):
//
//	meta         "schema" -> decimal version
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
//
// A record is a 4-byte big-endian CRC-32C of the JSON that follows it.
package store
