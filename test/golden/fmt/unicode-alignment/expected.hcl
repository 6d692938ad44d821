café  = "crème"
naïve = true
größe = 42
a     = "日本語 strings do not count for alignment"
