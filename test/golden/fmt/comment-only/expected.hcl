# Only a comment.

// And another.
