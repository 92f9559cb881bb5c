# Adopt a sync made in Amplitude's dashboard by its identity: the sync's id,
# which is unique across projects.
import {
  to = amplitude_sync.tier
  identity = {
    id = "8c1e6f1a-2b3c-4d5e-8f90-a1b2c3d4e5f6"
  }
}
