package store

import (
	"encoding/binary"
	"encoding/json"
	"hash/crc32"

	"scholia/annotate"
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

func crc(b []byte) uint32 { return crc32.Checksum(b, castagnoli) }

// seal encodes v as a checksummed record: an annotation in its binary
// form (codec.go), anything else as JSON.
func seal(v any) ([]byte, error) {
	var payload []byte
	if a, ok := v.(*annotate.Annotation); ok {
		payload = encodeAnnotation(a)
	} else {
		var err error
		if payload, err = json.Marshal(v); err != nil {
			return nil, err
		}
	}
	out := make([]byte, 4, 4+len(payload))
	binary.BigEndian.PutUint32(out, crc(payload))
	return append(out, payload...), nil
}

// open checks a record's checksum and decodes it into v. The bytes may belong
// to a transaction: v must not keep them, and json.Unmarshal copies.
func open(bucket, key string, raw []byte, v any) error {
	if err := verify(bucket, key, raw); err != nil {
		return err
	}
	payload := raw[4:]
	if a, ok := v.(*annotate.Annotation); ok && len(payload) > 0 && payload[0] != '{' {
		if err := decodeAnnotation(payload, a); err != nil {
			return annotate.Problemf(annotate.ErrDamaged, "record %s/%s cannot be decoded (%v)", bucket, key, err)
		}
		return nil
	}
	if err := json.Unmarshal(payload, v); err != nil {
		return annotate.Problemf(annotate.ErrDamaged, "record %s/%s cannot be decoded (%v)", bucket, key, err)
	}
	return nil
}

// verify checks a record's checksum without decoding it.
func verify(bucket, key string, raw []byte) error {
	if len(raw) < 4 {
		return annotate.Problemf(annotate.ErrDamaged, "record %s/%s is truncated", bucket, key)
	}
	if binary.BigEndian.Uint32(raw) != crc(raw[4:]) {
		return annotate.Problemf(annotate.ErrDamaged, "record %s/%s fails its checksum", bucket, key)
	}
	return nil
}
