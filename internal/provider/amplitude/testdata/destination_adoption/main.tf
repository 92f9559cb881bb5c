# The configuration beside the list blocks: terraform query writes the
# adopted destinations into generated.tf next to it.
