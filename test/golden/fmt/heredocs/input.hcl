script = <<EOT
   keep   this   spacing   
	and tabs
EOT
indented = <<-EOT
      stripped
        more
    EOT
block {
      inner = <<-JSON
  {"a":    1}
  JSON
  after = 1
}
