resource "null_resource" "bootstrap" {
  triggers = {
    version = var.app_version
    hash    = sha256(file("${path.module}/bootstrap.sh"))
  }

  connection {
    type        = "ssh"
    host        = self.triggers.host
    user        = "admin"
    private_key = file(var.key_path)
  }

  provisioner "file" {
    source      = "bootstrap.sh"
    destination = "/tmp/bootstrap.sh"
  }

  provisioner "remote-exec" {
    inline = [
      "chmod +x /tmp/bootstrap.sh",
      "/tmp/bootstrap.sh ${var.app_version}",
    ]
    on_failure = continue
  }

  provisioner "local-exec" {
    when    = destroy
    command = "echo 'destroying ${self.id}'"
  }
}
