package core

import (
	"crypto/rand"
	"crypto/sha256"
	"fmt"
)

// NewUUID returns a random version 4 UUID: the sandbox's opaque id for
// everything it makes (destinations, syncs, the modelled Braze keys' ids
// and secrets), where the vendors document an id as a string.
func NewUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never returns an error.
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return formatUUID(b)
}

// NameUUID returns a UUID derived from name, always the same for the same
// name. It is the id of an object that simulated time makes: a restarted
// sandbox makes that object again, and its id must not change. It is a
// version 8 UUID, the version RFC 9562 sets aside for UUIDs made in a custom
// way.
func NameUUID(name string) string {
	sum := sha256.Sum256([]byte(name))
	var b [16]byte
	copy(b[:], sum[:16])
	b[6] = b[6]&0x0f | 0x80
	b[8] = b[8]&0x3f | 0x80
	return formatUUID(b)
}

func formatUUID(b [16]byte) string {
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
