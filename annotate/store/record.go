package store

import (
	"encoding/binary"
	"encoding/json"
	"hash/crc32"

	"scholia/annotate"
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// seal encodes v as a checksummed record.
func seal(v any) ([]byte, error) {
	payload, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 4, 4+len(payload))
	binary.BigEndian.PutUint32(out, crc32.Checksum(payload, castagnoli))
	return append(out, payload...), nil
}

// open checks a record's checksum and decodes it into v. The bytes may belong
// to a transaction: v must not keep them, and json.Unmarshal copies.
func open(bucket, key string, raw []byte, v any) error {
	if len(raw) < 4 {
		return annotate.Problemf(annotate.ErrDamaged, "record %s/%s is truncated", bucket, key)
	}
	payload := raw[4:]
	if binary.BigEndian.Uint32(raw) != crc32.Checksum(payload, castagnoli) {
		return annotate.Problemf(annotate.ErrDamaged, "record %s/%s fails its checksum", bucket, key)
	}
	if err := json.Unmarshal(payload, v); err != nil {
		return annotate.Problemf(annotate.ErrDamaged, "record %s/%s cannot be decoded (%v)", bucket, key, err)
	}
	return nil
}
