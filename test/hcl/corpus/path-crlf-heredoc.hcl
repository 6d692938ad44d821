text = <<EOT
line one
line two
EOT
after = true
