strip_left   = "a   ${~ var.x}"
strip_right  = "${var.x ~}   b"
strip_both   = "a  ${~ var.x ~}  b"
directive    = <<EOT
%{ for name in var.names ~}
user ${name}
%{ endfor ~}
EOT
if_strip     = <<EOT
start
%{~ if var.flag ~}
  flagged
%{~ endif ~}
end
EOT
