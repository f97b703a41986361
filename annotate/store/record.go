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
	if a, ok := v.(*annotate.Annotation); ok && binaryAnnotation(payload) {
		return undecodable(bucket, key, decodeAnnotation(payload, a))
	}
	return undecodable(bucket, key, json.Unmarshal(payload, v))
}

// checkAnnotationRecord checks an annotation's record as open would read
// it, without keeping its text.
func checkAnnotationRecord(key string, raw []byte) error {
	if !binaryAnnotation(raw[min(4, len(raw)):]) {
		return open("annotations", key, raw, &annotate.Annotation{})
	}
	if err := verify("annotations", key, raw); err != nil {
		return err
	}
	return undecodable("annotations", key, checkAnnotation(raw[4:]))
}

// binaryAnnotation says whether an annotation's payload is in the binary
// form (codec.go), not the JSON of earlier versions.
func binaryAnnotation(payload []byte) bool { return len(payload) > 0 && payload[0] != '{' }

// undecodable is the damage of a record that fails to decode with err,
// nil when err is.
func undecodable(bucket, key string, err error) error {
	if err != nil {
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
