# Only comments here.
// Nothing else.
/* Not even
   an attribute. */
