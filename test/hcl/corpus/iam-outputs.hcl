output "user_ids" {
  description = "IDs of all developers, keyed by login"
  value       = { for login, user in iam_user.developer : login => user.id }
}

output "group_names" {
  value = sort([for g in iam_group.team : g.name])
}

output "first_user" {
  value = try(values(iam_user.developer)[0].name, null)
}

output "password" {
  value     = var.initial_password
  sensitive = true
}

output "summary" {
  value = "${length(iam_user.developer)} users in ${length(iam_group.team)} groups"
}
