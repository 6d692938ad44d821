outer {
  level = 1

  middle "label" {
    level = 2

    inner {
      level = 3

      innermost "a" "b" {
        level = 4
      }
    }
  }

  middle "other" {
    level = 2
  }
}

empty {
}

also_empty {}
