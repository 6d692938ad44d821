script = <<-EOT
  #!/bin/sh
  echo "Hello ${var.name}"
  %{ if var.verbose }set -x%{ endif }
  %{ for f in var.files }cat ${f}
  %{ endfor }
  literal $${HOME} and %%{x}
EOT

json_like = <<EOT
{
  "name": "${var.name}",
  "count": ${var.count}
}
EOT
