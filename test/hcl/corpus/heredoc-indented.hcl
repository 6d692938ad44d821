block {
  text = <<-EOT
    Indented heredoc: the common leading whitespace is removed.
      This line keeps two extra spaces.
    Last line.
    EOT

  uneven = <<-EOT
      six spaces
    four spaces
        eight spaces
  EOT
}
