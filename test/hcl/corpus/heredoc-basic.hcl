message = <<EOT
This is a heredoc.
It spans several lines.
  Indentation inside is kept.
EOT

marker = <<END_OF_TEXT
Any identifier can end a heredoc.
END_OF_TEXT

empty_heredoc = <<EOT
EOT

after = "attribute after heredocs"
