# No resources: the smallest configuration every CLI parses.
