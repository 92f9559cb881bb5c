# Nothing to manage: the query steps list what was made out of band. The
# testing framework's query steps need a configuration beside them, and
# this one holds the providers.
