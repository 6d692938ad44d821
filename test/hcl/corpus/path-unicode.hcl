# Unicode in identifiers, labels, strings and comments: é ü 日本語 🚀
café         = "crème brûlée"
naïve        = true
名前           = "山田太郎"
größe        = 42
emoji        = "rocket 🚀 and family 👨‍👩‍👧"
greek        = "Ωμέγα"
rtl          = "שלום עולם"
escaped      = "\u65E5\u672C"
mixed_label "ü-label" "日本" {
  ключ = "значение"
}
