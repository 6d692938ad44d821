output "user_ids" {
  description = "Backend id of every person's user, by user name"
  value       = { for name, user in iam_user.people : name => user.id }
}

output "team_sizes" {
  description = "Number of members per team"
  value       = { for team, members in local.team_members : team => length(members) }
}

output "on_call" {
  description = "User names of the people on call"
  value       = sort(local.on_call)
}

output "payments_project_id" {
  value = iam_project.payments.id
}

output "ci_access_key_id" {
  description = "Access key id of the deployment pipeline"
  value       = iam_access_key.ci.access
}

output "ci_secret_key" {
  description = "Secret key of the deployment pipeline; shown once, at creation"
  value       = iam_access_key.ci.secret
  sensitive   = true
}
