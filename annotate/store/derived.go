package store

import (
	"encoding/binary"

	bolt "go.etcd.io/bbolt"
)

// # Indexes an older Scholia does not keep
//
// The sources and answer_links buckets are indexes derived from the
// records, which a Scholia from before each does not keep in step: a
// document it imports is missing from sources, an answer it links is
// missing from answer_links. (Every version keeps by_document, hashes,
// open_questions and tags.) Every write transaction of this Scholia
// stamps the meta bucket with its own transaction id; bbolt counts every
// write transaction, so a stamp that is not the library's last transaction
// means another version wrote since, and the next writable open fills both
// indexes again from the records. A library stamped by no Scholia yet (one
// from before the stamp) is filled again once.

var keyWritten = []byte("written_by_this")

// stampWritten records that this Scholia wrote the library last.
func stampWritten(tx *bolt.Tx) error {
	return tx.Bucket(bucketMeta).Put(keyWritten, binary.BigEndian.AppendUint64(nil, uint64(tx.ID())))
}

// writtenByOther says whether a Scholia that does not keep the derived
// indexes may have written the library since this one last did; tx is a
// read transaction.
func writtenByOther(tx *bolt.Tx) bool {
	v := tx.Bucket(bucketMeta).Get(keyWritten)
	return len(v) != 8 || binary.BigEndian.Uint64(v) != uint64(tx.ID())
}

// reindex fills the indexes an older Scholia does not keep again from the
// records.
func reindex(tx *bolt.Tx) error {
	defer releasing(tx)() // it reads every annotation
	for _, name := range [][]byte{bucketSources, bucketLinks} {
		if tx.Bucket(name) != nil {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		if _, err := tx.CreateBucket(name); err != nil {
			return err
		}
	}
	if err := indexSources(tx); err != nil {
		return err
	}
	return indexLinks(tx)
}
