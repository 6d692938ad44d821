/* A block comment at the top. */

/*
 * A multi-line block comment,
 * in the usual star style.
 */
a = 1 /* trailing block comment */

block {
  /* inside */
  b = 2
  c = /* before the value */ 3
}

/* end */
