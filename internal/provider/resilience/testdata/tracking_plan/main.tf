# 50 user properties and 20 event types.

resource "amplitude_user_property" "p" {
  count = 50
  name  = "exactly_once_${count.index}"
  type  = "string"
}

resource "amplitude_event_type" "e" {
  count       = 20
  name        = "Exactly Once ${count.index}"
  description = "Event ${count.index}."
}
