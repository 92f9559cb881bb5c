# No resources: what is left once a configuration drops everything.
