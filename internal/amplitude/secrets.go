package amplitude

import "strings"

// maskPrefix starts every secret Amplitude returns; the last four characters
// of the secret follow it.
const maskPrefix = "****"

// LastFour returns the part of secret that survives masking.
func LastFour(secret string) string {
	if len(secret) <= 4 {
		return secret
	}
	return secret[len(secret)-4:]
}

// MaskMatches reports whether masked, as Amplitude returns it, can stand for
// secret (which may itself be a masked value).
func MaskMatches(masked, secret string) bool {
	return MaskMatchesLastFour(masked, LastFour(secret))
}

// MaskMatchesLastFour reports whether masked ends with lastFour.
func MaskMatchesLastFour(masked, lastFour string) bool {
	return strings.HasPrefix(masked, maskPrefix) && strings.TrimPrefix(masked, maskPrefix) == lastFour
}
